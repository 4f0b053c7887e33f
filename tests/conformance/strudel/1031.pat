0:2
s("bd*2").phasdp("<1 3>")
