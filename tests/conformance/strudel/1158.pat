0:1
pm(s("bd sd"), s("hh hh oh"))
