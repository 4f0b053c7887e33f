0:1
s_cat("a b c", "d e")
