0:1
stackLeft(s("bd sd bd"), s("hh hh"))
