0:2
n(saw.range(0, 4)).seg("<2 4>")
