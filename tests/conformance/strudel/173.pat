0:2
note("<C^7 Dm7>".rootNotes("<3 4>"))
