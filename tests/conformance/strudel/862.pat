0:1
note("c3 e3").fadeTime("0.5 2")
