0:1
note("c3 e3").fmenv5("<exp lin>")
