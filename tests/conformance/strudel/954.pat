0:1
note("c3 e3").overgain("0.5 2")
