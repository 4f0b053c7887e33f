0:1
pwrate("0.1 0.4").s("pulse")
