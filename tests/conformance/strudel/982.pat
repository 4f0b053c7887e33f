0:1
note("c3 e3").stepsPerOctave("0.5 2")
