0:4
"<a b> c".restartAll("<x@3 0(3,8)>")
