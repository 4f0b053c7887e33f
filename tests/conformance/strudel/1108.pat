0:4
"a b c d".resetAll("<x@3 0(3,8)>")
