0:1
note("c3 e3").tremolophase("0.5 2")
