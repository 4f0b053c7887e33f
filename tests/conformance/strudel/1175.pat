0:2
stackBy("<expand repeat>", "a b c d", "e f")
