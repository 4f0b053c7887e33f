0:1
s_alt("a b", "c")
