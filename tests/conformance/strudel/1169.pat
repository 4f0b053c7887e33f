0:1
stackLeft("a b c d", "e", "f g")
