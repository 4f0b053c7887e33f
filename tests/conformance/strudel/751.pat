0:1
note("c3 e3").fmsus3("0.5 2")
