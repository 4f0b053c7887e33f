0:1
"a b c d".contract(2).pace(1)
