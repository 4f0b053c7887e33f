0:1
note("c3 e3").FXr("0.5 2")
