0:1
note("c3 e3").panorient("0.5 2")
