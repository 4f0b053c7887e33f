0:2
n("0 1".echowith(2, 1/4, x => x.add(12)))
