0:2
s("bd*2").octersub("<1 3>")
