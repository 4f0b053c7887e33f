0:2
note("c2 g2").s("supersaw").detune("<0.25 0.75>")
