0:2
note("c2 g2").s("supersaw").unison("<0.25 0.75>")
