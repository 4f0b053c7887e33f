0:1
"a b c".s_taper(1)
