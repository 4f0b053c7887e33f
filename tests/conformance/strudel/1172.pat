0:1
stackCentre(s("bd sd bd sd"), s("hh hh"))
