0:1
note("c3 e3").fadeOutTime("0.5 2")
