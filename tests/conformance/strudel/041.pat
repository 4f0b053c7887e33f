0:2
s("bd sn").echowith(3, 1/16, x => x.speed(2))
