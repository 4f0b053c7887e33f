0:1
note("c d e f g".drop(-2))
