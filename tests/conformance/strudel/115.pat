0:2
"<a b>".pick({a: s("bd sn"), b: s("hh*3")})
