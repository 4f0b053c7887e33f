0:2
"<a b> c".structAll("x*3 [~ x]")
