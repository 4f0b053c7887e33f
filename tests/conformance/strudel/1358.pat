0:2
note("c3 e3").s("zzfx").zzfx([1, 0.1, 330]).gain(0.5)
