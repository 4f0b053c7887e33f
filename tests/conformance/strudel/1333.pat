0:2
note("c2 g2").s("pulse").pwrate("<0.25 0.75>")
