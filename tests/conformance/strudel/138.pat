0:2
s("bd sn").gain(1).plyWith("<2 3>", x => x.mul(gain(0.5)))
