0:2
time.segment(4).add(0)
