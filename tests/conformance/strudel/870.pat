0:1
note("c3 e3").fshiftphase("0.5 2")
