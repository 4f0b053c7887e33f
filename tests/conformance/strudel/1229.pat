0:1
note("c4").nrpnn("1:8").nrpv("123")
