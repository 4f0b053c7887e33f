0:2
s("bd*2").overshape("<1 3>")
