0:1
s("a b c d e f").zoomarc({begin:0.5, end:1})
