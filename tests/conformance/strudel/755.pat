0:1
note("c3 e3").fmsus5("0.5 2")
