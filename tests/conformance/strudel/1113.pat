0:2
"a".bjork(3)
