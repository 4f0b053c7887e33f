0:2
"<0 3>".inhabitmod([s("bd sn"), s("hh*3")])
