0:4
"<0 3> [2 1]".pickmodRestart(["bd sn", "<hh cp>"])
