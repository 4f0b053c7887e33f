0:2
sine.segment(4).toBipolar()
