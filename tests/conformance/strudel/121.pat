0:2
"<0 3> 1".pickmodOut(["bd sn", "hh*3"])
