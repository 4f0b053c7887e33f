0:1
note("c3 e3").fmwave4("<square sine>")
