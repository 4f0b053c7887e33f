0:2
"2 3".pickmodOut(["0 1 2", "5"])
