0:1
note("c3 e3").octaveR("0.5 2")
