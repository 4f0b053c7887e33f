0:2
"<a b>".inhabit({a: s("bd sn"), b: s("hh*3")})
