0:2
s("bd sn").stutWith(2, 1/4, x => x.speed(2))
