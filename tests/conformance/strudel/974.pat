0:1
note("c3 e3").semitone("0.5 2")
