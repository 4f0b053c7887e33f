0:1
note("c3 e3").fmwave5("<square sine>")
