0:1
stackCentre("a b c", "d")
