0:3
"<a b c> d".restartAll("~ 0")
