0:1
note("c3 e3").fmsus4("0.5 2")
