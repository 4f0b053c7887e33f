0:2
timeCat([1, s("bd")], [2, s("sn hh")])
