0:2
s("bd*2").sustainpedal("<1 3>")
