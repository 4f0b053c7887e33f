0:2
"a b".structAll("x ~ x 0")
