0:2
timecat([1, s("bd")], [2, s("sn hh")])
