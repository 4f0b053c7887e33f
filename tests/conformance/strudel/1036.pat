0:1
note("c3 e3").phaserdepth("0.5 2")
