0:1
note("c3 e3").panwidth("0.5 2")
