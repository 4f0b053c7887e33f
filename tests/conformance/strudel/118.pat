0:2
n("0 1 2 3").pickF("0 1", [x => x.add(n(10)), x => x.add(n(20))])
