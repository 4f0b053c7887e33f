0:1
note("c3 e3").fmenv6("<exp lin>")
