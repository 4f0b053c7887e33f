0:2
n(signal(t => Math.floor(t * 4) % 3).segment(8))
