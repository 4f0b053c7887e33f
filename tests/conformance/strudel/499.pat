0:1
note("c3 e3").fmenv1("<exp lin>")
