0:1
xfade(note("c e"), 0.8, note("g").gain(0.5))
