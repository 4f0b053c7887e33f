0:2
s("bd*2").busgain("<1 3>")
