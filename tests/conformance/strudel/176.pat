0:2
s_cat([1, s("bd")], [2, s("sn hh")])
