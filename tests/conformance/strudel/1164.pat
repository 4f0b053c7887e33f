0:1
note(s_zip("c d", "g a b"))
