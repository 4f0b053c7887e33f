0:1
note("c3 e3").fmsus2("0.5 2")
