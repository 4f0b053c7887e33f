0:1
"a b".s_contract(2).pace(2)
