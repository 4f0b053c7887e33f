0:1
note("c [c c]".add(per))
