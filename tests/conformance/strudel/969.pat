0:2
s("bd*2").ringdf("<1 3>")
