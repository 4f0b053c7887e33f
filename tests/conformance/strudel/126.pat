0:4
"<0 0 3>".pickmodRestart([n("<0 1 2>"), n("<5 6>")])
