0:1
"a b c".s_taperlist(1)[1]
