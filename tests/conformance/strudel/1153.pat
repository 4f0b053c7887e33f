0:1
"a b c".s_extend(2).pace(3)
