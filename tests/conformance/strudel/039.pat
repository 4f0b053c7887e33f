0:2
n("<0 [2 4]>".echoWith(4, 1/8, (p, n) => p.add(n * 2)))
