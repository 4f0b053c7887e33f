0:4
s("<bd lt> sd").restart("<x@3 x(5,8)>")
