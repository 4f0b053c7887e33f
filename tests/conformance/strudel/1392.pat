0:2
n("0 1 2 3").zoomarc({begin:0.5, end:1})
