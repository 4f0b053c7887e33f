0:1
"a b c".shrinklist(1)[1]
