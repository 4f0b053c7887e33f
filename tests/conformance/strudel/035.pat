0:2
n(cosine2.range(0, 4).segment(8))
