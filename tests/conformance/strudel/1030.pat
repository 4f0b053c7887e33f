0:1
note("c3 e3").phasdp("0.5 2")
