0:2
s("bd*3").mask("1 2 3".net(2))
