0:1
note("c3 e3").octave("0.5 2")
