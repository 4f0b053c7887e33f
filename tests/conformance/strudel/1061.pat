0:2
s("bd*2").tremolophase("<1 3>")
