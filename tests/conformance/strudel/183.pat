0:2
"[-8 [2,4,6]]*2".scale("C4:major").scaleTranspose("<0 -1>").note()
