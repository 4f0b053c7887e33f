0:1
s_polymeter(s("bd sd"), s("hh hh oh"))
