0:2
"<a b> c".replicate(2)
