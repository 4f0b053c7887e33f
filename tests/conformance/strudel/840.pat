0:1
note("c3 e3").chorus("0.5 2")
