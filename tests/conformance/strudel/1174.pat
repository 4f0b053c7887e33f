0:3
stackBy("<left right centre>", s("bd sd bd sd"), s("hh hh"))
