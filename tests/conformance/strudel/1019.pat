0:2
s("bd*2").distortvol("<1 3>")
