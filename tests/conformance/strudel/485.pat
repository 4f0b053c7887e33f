0:1
note("c3 e3").fmdecay3("0.5 2")
