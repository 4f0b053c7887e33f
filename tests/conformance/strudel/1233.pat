0:1
note("c3 e3").polyTouch("0.2 0.8")
