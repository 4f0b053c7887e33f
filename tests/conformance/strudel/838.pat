0:1
note("c3 e3").busgain("0.5 2")
