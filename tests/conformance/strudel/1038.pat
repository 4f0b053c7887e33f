0:1
note("c3 e3").phaserrate("0.5 2")
