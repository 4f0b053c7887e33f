0:2
s("bd sn").press()
