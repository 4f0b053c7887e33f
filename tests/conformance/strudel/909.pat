0:2
s("bd*2").leslie("<1 3>")
