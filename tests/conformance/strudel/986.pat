0:1
note("c3 e3").transient("0.5:-0.5")
