0:1
note("c3 e3").fmwave2("<square sine>")
