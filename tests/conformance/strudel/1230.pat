0:2
note("c4 e4").nrpnn("<1:8 2:9>")
