0:2
s("bd*2").semitone("<1 3>")
