0:1
s_zip("a b c", "d")
