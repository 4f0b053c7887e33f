0:1
note("c3 e3").phaser("0.5 2")
