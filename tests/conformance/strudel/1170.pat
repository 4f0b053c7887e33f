0:1
stackRight(s("bd sd bd"), s("hh hh"))
