0:2
note("c4 e4").s("z_sine").znoise("<0.25 2>")
