0:1
note("c3 e3").fmenv7("<exp lin>")
