0:3
"<a b c> d".resetAll("x ~ 0")
