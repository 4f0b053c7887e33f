0:2
s("bd*2").octave("<1 3>")
