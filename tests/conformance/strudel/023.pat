0:2
s("hh*4").mask(brandBy("<0.2 0.8>").segment(4))
