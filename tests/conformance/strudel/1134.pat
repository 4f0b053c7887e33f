0:2
s("bd*2").gain(0.5).xfade("<0 .75>", s("hh*4"))
