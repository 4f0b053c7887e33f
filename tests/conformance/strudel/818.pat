0:1
note("c3 e3").binshift("0.5 2")
