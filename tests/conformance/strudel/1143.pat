0:1
"a b".expand(3).pace(1)
