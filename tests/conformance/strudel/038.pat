0:2
s("bd sn").gain(0.5).echo(3, 1/6, 0.8)
