0:1
note("c3 e3").phs("0.5 2")
