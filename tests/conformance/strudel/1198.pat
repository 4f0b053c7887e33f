0:1
"a b".tour("c", "d e")
