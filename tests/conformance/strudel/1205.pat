0:1
"a b c d".s_taperlist(-1)[2]
