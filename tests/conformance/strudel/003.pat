0:2
"a b c".apply(rev)
