0:2
s("bd*2").tremdepth("<1 3>")
