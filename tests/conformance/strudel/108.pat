0:2
s("bd*3").mask("a b a".net("<a b>"))
