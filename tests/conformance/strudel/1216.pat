0:2
s("bd").speed(2).scrub("<0 0.5:2>")
