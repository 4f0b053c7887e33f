0:4
"<0 1> [0 1]".pickReset(["bd sn", "hh*3"])
