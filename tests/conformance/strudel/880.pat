0:1
note("c3 e3").hbrick("0.5 2")
