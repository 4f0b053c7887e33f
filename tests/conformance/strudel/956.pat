0:1
note("c3 e3").overshape("0.5 2")
