0:1
note("c3 e3").val("0.5 2")
