0:2
stack(s("bd sn").hush(), s("hh*2"))
