0:1
"a".s_tour("b c")
