0:2
note("c2 g2").s("wt_digital").wtatt("<0.25 0.75>")
