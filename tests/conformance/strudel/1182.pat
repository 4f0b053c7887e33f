0:1
note("c d e f g".take(3))
