0:4
s("<bd lt> sd").reset("<x@3 x(5,8)>")
