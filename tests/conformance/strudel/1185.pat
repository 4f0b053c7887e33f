0:1
"a b c d".s_add(-1)
