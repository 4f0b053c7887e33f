0:1
note("c3 e3").fmenv2("<exp lin>")
