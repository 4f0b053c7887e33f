0:2
"<0 1> 1".pickOut(["bd sn", "hh*3"])
