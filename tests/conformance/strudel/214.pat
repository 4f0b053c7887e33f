0:2
stepcat([1, s("bd")], [2, s("sn hh")])
