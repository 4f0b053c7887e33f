0:2
"1 2".func("<1 2>".fmap(y => x => x + y))
