0:1
note("c3 e3").octersub("0.5 2")
