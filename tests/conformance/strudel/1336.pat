0:1
pwsweep("0.1 0.4").s("pulse")
