0:1
note("c3 e3").tsdelay("0.5 2")
