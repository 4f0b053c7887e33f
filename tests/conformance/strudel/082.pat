0:4
s("bd sn hh").iterback("<3 2>")
