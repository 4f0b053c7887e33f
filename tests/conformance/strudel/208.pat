0:2
squeeze("<0 1> 1", ["bd sn", "hh*3"])
