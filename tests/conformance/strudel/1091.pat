0:2
s("bd*2").frames("<1 3>")
