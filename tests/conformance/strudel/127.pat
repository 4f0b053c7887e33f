0:2
"<0 3>".pickmodSqueeze([s("bd sn"), s("hh*3")])
