0:2
s("bd sn").juxby(0.5, rev)
