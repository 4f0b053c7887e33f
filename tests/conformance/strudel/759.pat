0:1
note("c3 e3").fmsus7("0.5 2")
