0:2
s("bd sn").pressBy(0.25)
