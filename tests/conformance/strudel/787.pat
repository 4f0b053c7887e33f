0:1
note("c3 e3").fmwave3("<square sine>")
