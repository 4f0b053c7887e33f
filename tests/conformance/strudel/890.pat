0:1
note("c3 e3").hpdepthfreq("0.5 2")
