0:1
note("c3 e3").tremolosync("0.5 2")
