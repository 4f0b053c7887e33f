0:1
note("c3 e3").oschost("127.0.0.1")
