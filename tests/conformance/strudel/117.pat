0:4
s("bd sn").pickF("<0 1 2>", [rev, fast(2), x => x.speed(2)])
