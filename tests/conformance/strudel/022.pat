0:2
s("hh*8").mask(brandBy(0.3).segment(8))
