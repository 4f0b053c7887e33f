0:1
"a b c d".shrink([1, 2])
