0:2
s("bd*2").tremolosync("<4:0.5 2:1:0.3>")
