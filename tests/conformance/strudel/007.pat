0:6
arrange([2, s("bd sn")], [1, s("hh*4")])
