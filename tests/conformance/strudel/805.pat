0:2
s("bd*2").FXrelease("<1 3>")
