0:2
s("bd*4").mask(brand.segment(4))
