0:2
note("c2 g2").s("supersaw").det("<0.25 0.75>")
