0:1
note("c3 e3").lbrick("0.5 2")
