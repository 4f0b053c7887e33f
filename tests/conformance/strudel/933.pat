0:2
s("bd*2").midimap("<a b>")
