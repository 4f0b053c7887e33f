0:1
note("c3 e3").frames("0.5 2")
