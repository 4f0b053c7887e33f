0:1
note("c3 e3").enhance("0.5 2")
