0:2
note("c2 g2").s("wt_digital").wtshape("<sine square>")
