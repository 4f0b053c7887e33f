0:1
note("c3 e3").fmsus8("0.5 2")
