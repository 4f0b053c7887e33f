0:2
"0 1 2 3".pickmod(["bd", "hh", "sn"])
