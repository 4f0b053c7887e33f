0:1
"a b c".contract("1 3")
