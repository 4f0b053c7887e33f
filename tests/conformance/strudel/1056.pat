0:1
note("c3 e3").tremolo("0.5 2")
