0:2
n(pure(5))
