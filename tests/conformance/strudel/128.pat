0:2
"0 3 4".pickmodSqueeze(["0 1 2", "5"])
