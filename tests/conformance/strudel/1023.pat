0:2
s("bd*2").distvol("<1 3>")
