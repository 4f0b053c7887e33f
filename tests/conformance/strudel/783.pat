0:1
note("c3 e3").fmwave1("<square sine>")
