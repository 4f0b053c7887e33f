0:1
note("c3 e3").fmenv4("<exp lin>")
