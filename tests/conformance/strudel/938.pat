0:1
note("c3 e3").oct("0.5 2")
