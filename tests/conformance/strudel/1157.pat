0:2
polymeter("a b c", "d e", "f")
