0:2
s("crackle*2").density("<0.1 2>")
