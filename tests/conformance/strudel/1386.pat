0:1
cat(nothing, s("hh"))
