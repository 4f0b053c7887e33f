0:2
note("c3 e3 g3").scale("C:major").strans("<0 -2>")
