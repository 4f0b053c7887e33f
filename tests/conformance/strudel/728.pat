0:2
s("bd*2").fmrelease("<1 3>")
