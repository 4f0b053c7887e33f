0:1
note("c3 e3").squiz("0.5 2")
