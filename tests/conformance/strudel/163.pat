0:6
s("<bd sn hh>").repeatCycles("<2 3>")
