0:2
note("c3 e3 g3").scale("C:minor").scaleTranspose("<0 -1 2>")
