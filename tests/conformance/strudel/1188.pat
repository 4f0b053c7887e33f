0:1
note("c d e f".s_sub(1))
