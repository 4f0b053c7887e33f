0:1
"a b".s_tour("c d", "e")
