0:4
"<C Am F G>".rootNotes(2)
