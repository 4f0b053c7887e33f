0:1
tour("a", "b", "c")
