0:2
note("c2 g2").s("wt_digital").warpskew("<0.25 0.75>")
