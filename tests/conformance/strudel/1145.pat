0:1
"a b c".s_expand(2).pace(3)
