0:1
stackRight("a b c d", "e")
