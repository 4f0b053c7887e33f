0:2
pure(3).fast(2)
