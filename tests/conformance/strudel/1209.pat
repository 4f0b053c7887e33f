0:1
stepcat("a b".expand("1 2"), "c")
