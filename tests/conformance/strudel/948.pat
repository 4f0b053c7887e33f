0:1
note("c3 e3").octersubsub("0.5 2")
