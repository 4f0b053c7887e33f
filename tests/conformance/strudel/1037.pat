0:2
s("bd*2").phaserdepth("<1 3>")
