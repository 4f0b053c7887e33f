0:2
note("c2 g2").s("supersaw").spread("<0.25 0.75>")
