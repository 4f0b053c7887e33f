0:2
note("c3").polyTouch("<0 1>")
