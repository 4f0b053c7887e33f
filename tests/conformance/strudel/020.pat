0:2
s("hh*8").struct(brand.segment(8))
