0:2
"0 1 2".inhabitmod(["0 1 2", "5"])
