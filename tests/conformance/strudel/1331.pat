0:2
note("c2 g2").s("pulse").pw("<0.25 0.75>")
