0:1
note("c3 e3").tremoloshape("<sine square>")
