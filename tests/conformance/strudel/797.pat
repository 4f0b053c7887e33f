0:1
note("c3 e3").fmwave8("<square sine>")
