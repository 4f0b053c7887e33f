0:1
note("c3 e3").label("a:b c")
