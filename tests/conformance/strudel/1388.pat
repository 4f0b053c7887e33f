0:1
"a b c d".s_taper("<1 2>")
