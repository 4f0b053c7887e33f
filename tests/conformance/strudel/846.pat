0:1
note("c3 e3").ctlNum("0.5 2")
