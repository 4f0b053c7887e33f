0:1
note("c3 e3").bgain("0.5 2")
