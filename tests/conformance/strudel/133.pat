0:4
"<0 1> [0 1]".pickRestart(["bd sn", "<hh cp>"])
