0:2
note("c2 g2").s("wt_digital").warpdc("<0.25 0.75>")
