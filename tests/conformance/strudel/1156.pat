0:1
polymeter(s("bd sd"), s("hh hh oh"))
