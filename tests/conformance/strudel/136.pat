0:2
"0 1".pickSqueeze(["0 1 2", "5"])
