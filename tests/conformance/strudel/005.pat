0:2
n("0 2").apply(add(n(7)))
