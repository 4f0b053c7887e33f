0:1
note("c3 e3").voice("0.5 2")
