0:4
"<0 3> [2 1]".pickmodReset(["bd sn", "hh*3"])
