0:1
note("c3 e3").leslie("0.5 2")
