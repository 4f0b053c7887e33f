0:2
pure(5)
