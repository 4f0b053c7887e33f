0:2
"a".euclidish(5, 12, 0.25)
