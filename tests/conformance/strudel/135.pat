0:2
"<a b>".pickSqueeze({a: s("bd sn"), b: s("hh*3")})
