0:2
s("bd*2").compressorAttack("<1 3>")
