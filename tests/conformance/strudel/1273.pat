0:2
note("c2 g2").s("wt_digital").wtdepth("<0.25 0.75>")
