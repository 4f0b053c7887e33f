0:3
n("<0 1 2> 3").restart("<x [x x] x>")
