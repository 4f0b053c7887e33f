0:2
stack(nothing, s("bd sn"))
