0:1
note("c3 e3").FXrel("0.5 2")
