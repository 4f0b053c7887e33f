0:1
note("c3 e3").fmenv3("<exp lin>")
