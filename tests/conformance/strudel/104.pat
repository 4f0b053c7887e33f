0:2
s("bd sn").mix(gain("0.5 1 0.7"))
