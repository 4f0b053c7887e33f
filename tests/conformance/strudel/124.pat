0:4
"<2 1>".pickmodReset([n("0 1 2"), n("<5 6>")])
