0:1
note("c3 e3").diode("2:0.5")
