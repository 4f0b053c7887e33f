0:2
"a [b c]".steps(3)
