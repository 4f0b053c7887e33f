0:1
note("c3 e3").bpdepthfreq("0.5 2")
