0:2
"<0 1> 1".pick(["bd sn", "hh*3"])
