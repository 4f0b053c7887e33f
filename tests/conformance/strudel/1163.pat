0:1
zip("a b", "c d")
