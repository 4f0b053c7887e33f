0:2
signal(t => t * 2).segment(4)
