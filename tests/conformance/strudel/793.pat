0:1
note("c3 e3").fmwave6("<square sine>")
