0:1
note("c3 e3").fadeInTime("0.5 2")
