0:2
note(zip("c d e", "g a"))
