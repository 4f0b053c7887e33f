0:2
cosine2.segment(4)
