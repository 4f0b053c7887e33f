0:1
"a b c d".s_sub(-2)
