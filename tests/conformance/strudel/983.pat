0:2
s("bd*2").stepsPerOctave("<1 3>")
