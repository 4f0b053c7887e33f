0:1
note("c3 e3").FXrelease("0.5 2")
