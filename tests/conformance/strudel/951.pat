0:2
s("bd*2").oschost("<localhost 10.0.0.2>")
