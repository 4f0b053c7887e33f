0:1
s_polymeter("a", "b c")
