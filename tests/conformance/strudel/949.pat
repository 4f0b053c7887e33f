0:2
s("bd*2").octersubsub("<1 3>")
