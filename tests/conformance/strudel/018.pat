0:4
s("bd sn").brak()
