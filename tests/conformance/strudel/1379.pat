0:1
s("crackle brown").density("0.05 1")
