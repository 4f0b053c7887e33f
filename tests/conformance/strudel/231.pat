0:2
"0 0.5 1".toBipolar()
