0:2
note("c2 g2").s("wt_digital").warpdecay("<0.25 0.75>")
