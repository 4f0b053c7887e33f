0:2
note("c2 g2").s("wt_digital").warpenv("<0.25 0.75>")
