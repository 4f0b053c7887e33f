0:2
s("bd*2").compressorRelease("<1 3>")
