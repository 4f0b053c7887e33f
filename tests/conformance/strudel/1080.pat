0:1
note("c3 e3").delaysync("0.5 2")
