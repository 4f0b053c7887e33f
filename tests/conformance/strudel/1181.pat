0:1
s_cat("a b", sine.segment(4))
