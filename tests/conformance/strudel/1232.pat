0:2
note("c4").nrpv("<1:2 3>")
