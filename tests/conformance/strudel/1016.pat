0:1
note("c3 e3").distorttype("<fold soft>")
