0:2
"a b c".keepif.out("true false true false")
