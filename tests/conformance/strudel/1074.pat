0:1
note("c3 e3").tremsync("0.5 2")
