0:2
s("bd*2").fshiftphase("<1 3>")
