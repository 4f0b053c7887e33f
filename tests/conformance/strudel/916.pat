0:1
note("c3 e3").lpdepthfreq("0.5 2")
