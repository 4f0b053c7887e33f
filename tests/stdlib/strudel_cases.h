/*
 * strudel_cases.h - the library test's cases for what tala took from Strudel
 * (issues 13 and 24), included in CASES of test_library.c: each expression
 * with the events Strudel 1.2.6 gives (../shared/oracle), unless said.
 */
/* clang-format off */
    /* (blocks and hush play through a program: tests/cli/test_strudel.sh) */
    {"0:1", "\"a b\".fmap(x => if s(\"c\").p('k').d1.d2.d3.d4.d5.d6.d7.d8.d9.p1.p2.p3.p4.p5.p6.p7"
            ".p8.p9.q('z').q1.q2.q3.q4.q5.q6.q7.q8.q9.hush() == nil or hush() == nil or "
            "all(fast(2)) == nil or each(fast(2)) == nil then 0 else x)",
         "0 1/2 a\n1/2 1 b\n"},
    {"0:1", "s(\"a b\").gain(slider(0.5, 0, 1)).pan(sliderWithID('s1', 0.25, 0, 1))",
         "0 1/2 gain=0.5 pan=0.25 s=a\n1/2 1 gain=0.5 pan=0.25 s=b\n"},
    /* strudel.cc's visuals: the pattern unchanged (animate: silence, as there) */
    {"0:1", "s(\"a b\").pianoroll({fold: 1})._pianoroll().punchcard()._punchcard().wordfall()"
            ".spiral()._spiral().pitchwheel()._pitchwheel().scope()._scope().tscope().fscope()"
            ".spectrum()._spectrum().draw().onPaint().color('red').colour('red').analyze(1)"
            ".markcss('x').csound('CoolSynth').csoundm('x').osc().serial().dough().supradough()",
         "0 1/2 s=a\n1/2 1 s=b\n"},
    {"0:1", "s(\"a b\").animate()", ""},
    {"0:1", "\"a b\".fmap(x => if aliasBank() == nil and registerSynthSounds() == nil and "
            "registerZZFXSounds() == nil and registerSoundfonts() == nil and loadCsound('') == nil "
            "and loadcsound() == nil and loadCSound() == nil and loadOrc() == nil and initHydra() "
            "== nil and theme('x') == nil and fontFamily('x') == nil and fontSize(12) == nil "
            "then x else 0)",
         "0 1/2 a\n1/2 1 b\n"},
    /* echo, echoWith, stut, apply, round, loopAt, piano, Math: Strudel 1.2.6 events (../shared/oracle) */
    {"0:1", "n(\"0 1\").echo(3, 1/8, 0.5)",
         "0 1/2 gain=1 n=0\n"
         "1/8 5/8 gain=0.5 n=0\n"
         "1/4 3/4 gain=0.25 n=0\n"
         "1/2 1 gain=1 n=1\n"
         "5/8 9/8 gain=0.5 n=1\n"
         "3/4 5/4 gain=0.25 n=1\n"},
    {"0:1", "s(\"bd sd\").stut(3, 0.5, 1/8)",
         "0 1/2 gain=1 s=bd\n"
         "1/8 5/8 gain=0.5 s=bd\n"
         "1/4 3/4 gain=0.25 s=bd\n"
         "1/2 1 gain=1 s=sd\n"
         "5/8 9/8 gain=0.5 s=sd\n"
         "3/4 5/4 gain=0.25 s=sd\n"},
    {"0:1", "note(\"c3 e3\").echoWith(3, 1/8, (p, i) => p.add(note(i * 7)))",
         "0 1/2 note=48\n"
         "1/8 5/8 note=55\n"
         "1/4 3/4 note=62\n"
         "1/2 1 note=52\n"
         "5/8 9/8 note=59\n"
         "3/4 5/4 note=66\n"},
    {"0:1", "n(\"0 [1 2]\").echowith(2, 1/4, (p, i) => p.fast(i+1))",
         "0 1/8 n=2\n"
         "0 1/2 n=0\n"
         "1/8 3/8 n=0\n"
         "3/8 1/2 n=1\n"
         "1/2 5/8 n=2\n"
         "1/2 3/4 n=1\n"
         "5/8 7/8 n=0\n"
         "3/4 1 n=2\n"
         "7/8 1 n=1\n"},
    {"0:1", "n(\"0 1\").stutwith(2, 1/3, (x,i) => x.gain(i))",
         "0 1/2 gain=0 n=0\n"
         "1/3 5/6 gain=1 n=0\n"
         "1/2 1 gain=0 n=1\n"
         "5/6 4/3 gain=1 n=1\n"},
    {"0:1", "s(\"bd sd\").apply(fast(2))",
         "0 1/4 s=bd\n"
         "1/4 1/2 s=sd\n"
         "1/2 3/4 s=bd\n"
         "3/4 1 s=sd\n"},
    {"0:1", "note(\"c3 e3\").applyN(2, x => x.add(note(12)))",
         "0 1/2 note=72\n"
         "1/2 1 note=76\n"},
    {"0:1", "\"0.4 1.5 2.6 -2.5\".round()",
         "0 1/4 0\n"
         "1/4 1/2 2\n"
         "1/2 3/4 3\n"
         "3/4 1 -2\n"},
    {"0:1", "\"0.4 1.5 2.6 -2.5\".floor()",
         "0 1/4 0\n"
         "1/4 1/2 1\n"
         "1/2 3/4 2\n"
         "3/4 1 -3\n"},
    {"0:1", "\"0.4 1.5 -2.6 c4\".ceil()",
         "0 1/4 1\n"
         "1/4 1/2 2\n"
         "1/2 3/4 -2\n"
         "3/4 1 60\n"},
    {"0:1", "s(\"breaks\").loopAt(2)",
         "0 2 s=breaks speed=0.25 unit=c\n"},
    {"0:1", "s(\"breaks\").loopat(\"<2 4>\").chop(4)",
         "0 1/2 begin=0 end=0.25 s=breaks speed=0.25 unit=c\n"
         "1/2 1 begin=0.25 end=0.5 s=breaks speed=0.25 unit=c\n"},
    {"0:1", "note(\"c3 e3 g3 c5 c8\").piano()",
         "0 1/5 clip=1 note=c3 pan=0.4722222222222222 release=0.1 s=piano\n"
         "1/5 2/5 clip=1 note=e3 pan=0.4907407407407407 release=0.1 s=piano\n"
         "2/5 3/5 clip=1 note=g3 pan=0.5046296296296297 release=0.1 s=piano\n"
         "3/5 4/5 clip=1 note=c5 pan=0.5833333333333333 release=0.1 s=piano\n"
         "4/5 1 clip=1 note=c8 pan=0.75 release=0.1 s=piano\n"},
    {"0:1", "n(\"0 1\").gain(Math.pow(0.5, 2) + Math.abs(-1) + Math.floor(2.5) + Math.ceil(0.2)+ Math.round(2.5) + Math.sqrt(4) + Math.min(1, 2) + Math.max(1, 2) + Math.sign(-3))",
         "0 1/2 gain=11.25 n=0\n"
         "1/2 1 gain=11.25 n=1\n"},
    {"0:2", "n(\"0 1\").stutWith(2, \"<1/8 1/4>\", x => x.add(n(1)))",
         "0 1/2 n=1\n"
         "0 1/2 n=1\n"
         "1/2 1 n=2\n"
         "1/2 1 n=2\n"
         "1 3/2 n=1\n"
         "1 3/2 n=1\n"
         "3/2 2 n=2\n"
         "3/2 2 n=2\n"},
    {"0:2", "n(\"0 1\").echoWith(2, \"<0.125 0.25>\", rev)",
         "0 1/2 n=1\n"
         "3/8 7/8 n=0\n"
         "1/2 1 n=0\n"
         "7/8 11/8 n=1\n"
         "1 3/2 n=1\n"
         "5/4 7/4 n=0\n"
         "3/2 2 n=0\n"
         "7/4 9/4 n=1\n"},
    {"0:1", "n(\"0 1\").gain(Math.sin(0) + Math.cos(0) + Math.tan(0) + Math.exp(0) + Math.log(1) + "
            "Math.log2(1) + Math.floor(Math.PI) - 3 + Math.round(Math.E) - 3)",
         "0 1/2 gain=2 n=0\n1/2 1 gain=2 n=1\n"},
    /* scaleTranspose: Strudel 1.2.6 events */
    {"0:3", "n(\"0 2 4\").scale(\"C:major\").scaleTranspose(\"<0 1 -2>\")",
         "0 1/3 note=C3\n"
         "1/3 2/3 note=E3\n"
         "2/3 1 note=G3\n"
         "1 4/3 note=D3\n"
         "4/3 5/3 note=F3\n"
         "5/3 2 note=A3\n"
         "2 7/3 note=A2\n"
         "7/3 8/3 note=C3\n"
         "8/3 3 note=E3\n"},
    {"0:3", "note(\"c3 eb3\").scale(\"C:minor\").strans(3)",
         "0 1/2 note=F3\n"
         "1/2 1 note=Ab3\n"
         "1 3/2 note=F3\n"
         "3/2 2 note=Ab3\n"
         "2 5/2 note=F3\n"
         "5/2 3 note=Ab3\n"},
    {"0:3", "n(\"0 2\").scale(\"<C:major D:dorian>\").add(n(1)).scaleTrans(1)",
         "0 1/2 n=1 note=D3\n"
         "1/2 1 n=1 note=F3\n"
         "1 3/2 n=1 note=E3\n"
         "3/2 2 n=1 note=G3\n"
         "2 5/2 n=1 note=D3\n"
         "5/2 3 n=1 note=F3\n"},
    {"0:3", "n(\"0 [2 4]\").scale(\"Eb:minor\").scaleTranspose(\"-1 8\")",
         "0 1/2 note=Db3\n"
         "1/2 3/4 note=Ab4\n"
         "3/4 1 note=Cb5\n"
         "1 3/2 note=Db3\n"
         "3/2 7/4 note=Ab4\n"
         "7/4 2 note=Cb5\n"
         "2 5/2 note=Db3\n"
         "5/2 11/4 note=Ab4\n"
         "11/4 3 note=Cb5\n"},
    /* reset, restart, euclidLegatoRot: Strudel 1.2.6 events */
    {"0:2", "n(\"0 1 2 3\").reset(\"x(3,8)\")",
         "0 1/8 n=0\n"
         "3/8 1/2 n=0\n"
         "3/4 7/8 n=0\n"
         "1 9/8 n=0\n"
         "11/8 3/2 n=0\n"
         "7/4 15/8 n=0\n"},
    {"0:2", "note(\"c3\").euclidLegatoRot(3, 5, 2)",
         "1/5 2/5 note=c3\n"
         "2/5 4/5 note=c3\n"
         "4/5 6/5 note=c3\n"
         "6/5 7/5 note=c3\n"
         "7/5 9/5 note=c3\n"
         "9/5 11/5 note=c3\n"},
    {"0:3", "n(\"<0 1 2 3>\").restart(\"x@3 x\")",
         "0 3/4 n=0\n"
         "3/4 1 n=0\n"
         "1 7/4 n=0\n"
         "7/4 2 n=0\n"
         "2 11/4 n=0\n"
         "11/4 3 n=0\n"},
    {"0:3", "n(\"<0 1 2 3> 5\").restart(\"<x x(3,8,2)>\")",
         "0 1/2 n=0\n"
         "1/2 1 n=5\n"
         "1 9/8 n=0\n"
         "5/4 11/8 n=0\n"
         "13/8 7/4 n=0\n"
         "2 5/2 n=0\n"
         "5/2 3 n=5\n"},
    {"0:3", "s(\"hh*4\").reset(\"<x@3 x(3,8)>\")",
         "0 1/4 s=hh\n"
         "1/4 1/2 s=hh\n"
         "1/2 3/4 s=hh\n"
         "3/4 1 s=hh\n"
         "1 5/4 s=hh\n"
         "5/4 3/2 s=hh\n"
         "3/2 7/4 s=hh\n"
         "7/4 2 s=hh\n"
         "2 9/4 s=hh\n"
         "9/4 5/2 s=hh\n"
         "5/2 11/4 s=hh\n"
         "11/4 3 s=hh\n"},
    {"0:2", "n(\"0 1\").euclidLegatoRot(\"<3 5>\", 8, \"<1 2>\")",
         "1/8 1/2 n=0\n"
         "1/2 7/8 n=0\n"
         "7/8 9/8 n=1\n"
         "1 5/4 n=1\n"
         "5/4 3/2 n=0\n"
         "3/2 13/8 n=0\n"
         "13/8 15/8 n=0\n"
         "15/8 2 n=1\n"},
    {"0:1", "s(\"bd sn\").bank(\"<RolandTR909 tala>\")",
         "0 1/2 bank=RolandTR909 s=bd\n"
         "1/2 1 bank=RolandTR909 s=sn\n"},
    /* the low-pass filter envelope controls (sound: test_render.c) */
    {"0:1", "note(\"c2\").ctf(300).lp(\"400:2:3\").lpenv(2).lpe(3).lpattack(0.1).lpa(0.2).lpdecay(0.1).lpd(0.2).lpsustain(0.5).lps(0.4).lprelease(0.2).lpr(0.3).fanchor(0.5)",
         "0 1 cutoff=400 fanchor=0.5 lpattack=0.2 lpdecay=0.2 lpenv=3 lprelease=0.3 lpsustain=0.4 note=c2 resonance=2\n"},
    {"0:1", "note(\"c2 e2\").lpf(\"<300 500>:4:2\").lpa(\".1 .2\")",
         "0 1/2 cutoff=300 lpattack=0.1 lpenv=2 note=c2 resonance=4\n"
         "1/2 1 cutoff=300 lpattack=0.2 lpenv=2 note=e2 resonance=4\n"},
    /* placing patterns in time: Strudel 1.2.6 events */
    {"0:2", "n(\"0 1 2 3\").within(0, 0.5, x => x.fast(2))",
         "0 1/8 n=0\n"
         "1/8 1/4 n=1\n"
         "1/4 3/8 n=2\n"
         "1/2 5/8 n=0\n"
         "5/8 3/4 n=1\n"
         "3/4 7/8 n=2\n"
         "3/4 1 n=3\n"
         "1 9/8 n=0\n"
         "9/8 5/4 n=1\n"
         "5/4 11/8 n=2\n"
         "3/2 13/8 n=0\n"
         "13/8 7/4 n=1\n"
         "7/4 15/8 n=2\n"
         "7/4 2 n=3\n"},
    {"0:2", "s(\"bd sn\").brak()",
         "0 1/2 s=bd\n"
         "1/2 1 s=sn\n"
         "5/4 3/2 s=bd\n"
         "3/2 7/4 s=sn\n"},
    {"0:2", "n(\"0 [1 2] 3\").press()",
         "1/6 1/3 n=0\n"
         "5/12 1/2 n=1\n"
         "7/12 2/3 n=2\n"
         "5/6 1 n=3\n"
         "7/6 4/3 n=0\n"
         "17/12 3/2 n=1\n"
         "19/12 5/3 n=2\n"
         "11/6 2 n=3\n"},
    {"0:2", "n(\"0 1 2 3\").pressBy(\"<0 0.5 0.75>\")",
         "0 1/4 n=0\n"
         "1/4 1/2 n=1\n"
         "1/2 3/4 n=2\n"
         "3/4 1 n=3\n"
         "9/8 5/4 n=0\n"
         "11/8 3/2 n=1\n"
         "13/8 7/4 n=2\n"
         "15/8 2 n=3\n"},
    {"0:2", "n(\"<0 1 2 3>\").repeatCycles(2)",
         "0 1 n=0\n"
         "1 2 n=0\n"},
    {"0:2", "s(\"bd hh sd hh\").focus(1/4, 3/4)",
         "0 1/8 s=sd\n"
         "1/8 1/4 s=hh\n"
         "1/4 3/8 s=bd\n"
         "3/8 1/2 s=hh\n"
         "1/2 5/8 s=sd\n"
         "5/8 3/4 s=hh\n"
         "3/4 7/8 s=bd\n"
         "7/8 1 s=hh\n"
         "1 9/8 s=sd\n"
         "9/8 5/4 s=hh\n"
         "5/4 11/8 s=bd\n"
         "11/8 3/2 s=hh\n"
         "3/2 13/8 s=sd\n"
         "13/8 7/4 s=hh\n"
         "7/4 15/8 s=bd\n"
         "15/8 2 s=hh\n"},
    {"0:2", "s(\"bd sn\").cpm(\"<30 120>\")",
         "0 1/2 s=bd\n"
         "1/2 1 s=sn\n"
         "1 9/8 s=bd\n"
         "9/8 5/4 s=sn\n"
         "5/4 11/8 s=bd\n"
         "11/8 3/2 s=sn\n"
         "3/2 13/8 s=bd\n"
         "13/8 7/4 s=sn\n"
         "7/4 15/8 s=bd\n"
         "15/8 2 s=sn\n"},
    {"0:2", "stepcat([1, s(\"bd\")], [2, s(\"sn hh\")])",
         "0 1/3 s=bd\n"
         "1/3 2/3 s=sn\n"
         "2/3 1 s=hh\n"
         "1 4/3 s=bd\n"
         "4/3 5/3 s=sn\n"
         "5/3 2 s=hh\n"},
    {"0:2", "timeCat([3, n(\"0 1 2\")], [1, n(\"5\")])",
         "0 1/4 n=0\n"
         "1/4 1/2 n=1\n"
         "1/2 3/4 n=2\n"
         "3/4 1 n=5\n"
         "1 5/4 n=0\n"
         "5/4 3/2 n=1\n"
         "3/2 7/4 n=2\n"
         "7/4 2 n=5\n"},
    {"0:2", "timecat([1, s(\"bd\")], [1/2, s(\"sn hh\")])",
         "0 2/3 s=bd\n"
         "2/3 5/6 s=sn\n"
         "5/6 1 s=hh\n"
         "1 5/3 s=bd\n"
         "5/3 11/6 s=sn\n"
         "11/6 2 s=hh\n"},
    {"0:2", "s_cat([2, s(\"bd\")], [1, s(\"sn\")])",
         "0 2/3 s=bd\n"
         "2/3 1 s=sn\n"
         "1 5/3 s=bd\n"
         "5/3 2 s=sn\n"},
    {"0:2", "arrange([1, n(\"0 1\")], [3, n(\"<2 3 4>\")])",
         "0 1/2 n=0\n"
         "1/2 1 n=1\n"
         "1 2 n=2\n"},
    {"0:2", "s(\"bd*4\").struct(\"1 0 1 1\".invert())",
         "1/4 1/2 s=bd\n"
         "5/4 3/2 s=bd\n"},
    {"0:2", "s(\"hh*2\").mask(\"1 0\".inv())",
         "1/2 1 s=hh\n"
         "3/2 2 s=hh\n"},
    {"0:2", "sine2.segment(4).range2(200, 800)",
         "0 1/4 500\n"
         "1/4 1/2 800\n"
         "1/2 3/4 500.00000000000006\n"
         "3/4 1 200\n"
         "1 5/4 499.99999999999994\n"
         "5/4 3/2 800\n"
         "3/2 7/4 500.0000000000001\n"
         "7/4 2 200\n"},
    {"0:2", "\"1 5:4 3:2\".ratio().mul(110)",
         "0 1/3 110\n"
         "1/3 2/3 137.5\n"
         "2/3 1 165\n"
         "1 4/3 110\n"
         "4/3 5/3 137.5\n"
         "5/3 2 165\n"},
    {"0:2", "n(pure(3))",
         "0 1 n=3\n"
         "1 2 n=3\n"},
    {"0:2", "stack(nothing, s(\"bd sn\"))",
         "0 1/2 s=bd\n"
         "1/2 1 s=sn\n"
         "1 3/2 s=bd\n"
         "3/2 2 s=sn\n"},
    {"0:2", "n(\"0 2\".plyWith(3, x => x.add(1)))",
         "0 1/6 n=0\n"
         "1/6 1/3 n=1\n"
         "1/3 1/2 n=2\n"
         "1/2 2/3 n=2\n"
         "2/3 5/6 n=3\n"
         "5/6 1 n=4\n"
         "1 7/6 n=0\n"
         "7/6 4/3 n=1\n"
         "4/3 3/2 n=2\n"
         "3/2 5/3 n=2\n"
         "5/3 11/6 n=3\n"
         "11/6 2 n=4\n"},
    {"0:2", "n(\"0 2\".plywith(\"<2 3>\", x => x.mul(2)))",
         "0 1/4 n=0\n"
         "1/4 1/2 n=0\n"
         "1/2 3/4 n=2\n"
         "3/4 1 n=4\n"
         "1 7/6 n=0\n"
         "7/6 4/3 n=0\n"
         "4/3 3/2 n=0\n"
         "3/2 5/3 n=2\n"
         "5/3 11/6 n=4\n"
         "11/6 2 n=8\n"},
        /* the pick family, squeeze and the default op's ways: Strudel 1.2.6 events */
    {"0:2", "\"<0 1> 1\".pick([s(\"bd sn\"), s(\"hh*3\")])",
         "0 1/2 s=bd\n"
         "2/3 1 s=hh\n"
         "1 4/3 s=hh\n"
         "4/3 5/3 s=hh\n"
         "5/3 2 s=hh\n"},
    {"0:2", "\"<a b>\".pick({a: s(\"bd sn\"), b: s(\"hh*3\")})",
         "0 1/2 s=bd\n"
         "1/2 1 s=sn\n"
         "1 4/3 s=hh\n"
         "4/3 5/3 s=hh\n"
         "5/3 2 s=hh\n"},
    {"0:2", "\"<0 1 2> 1\".pickmod([s(\"bd sn\"), s(\"hh*3\")])",
         "0 1/2 s=bd\n"
         "2/3 1 s=hh\n"
         "1 4/3 s=hh\n"
         "4/3 5/3 s=hh\n"
         "5/3 2 s=hh\n"},
    {"0:2", "\"<0 1> 1\".pickOut([s(\"bd sn\"), s(\"hh*3\")])",
         "0 1/2 s=bd\n"
         "1/2 1 s=hh\n"
         "1 3/2 s=hh\n"
         "3/2 2 s=hh\n"},
    {"0:2", "\"<0 1 2> 1\".pickmodOut([s(\"bd sn\"), s(\"hh*3\")])",
         "0 1/2 s=bd\n"
         "1/2 1 s=hh\n"
         "1 3/2 s=hh\n"
         "3/2 2 s=hh\n"},
    {"0:2", "\"<0 1> 1\".pickReset([s(\"bd sn\"), s(\"hh*3\")])",
         "0 1/2 s=bd\n"
         "1/2 5/6 s=hh\n"
         "5/6 1 s=hh\n"
         "1 4/3 s=hh\n"
         "4/3 3/2 s=hh\n"
         "3/2 11/6 s=hh\n"
         "11/6 2 s=hh\n"},
    {"0:2", "\"<0 1 2> 1\".pickmodReset([s(\"bd sn\"), s(\"hh*3\")])",
         "0 1/2 s=bd\n"
         "1/2 5/6 s=hh\n"
         "5/6 1 s=hh\n"
         "1 4/3 s=hh\n"
         "4/3 3/2 s=hh\n"
         "3/2 11/6 s=hh\n"
         "11/6 2 s=hh\n"},
    {"0:2", "\"<0 1> 1\".pickRestart([s(\"bd sn\"), s(\"hh*3\")])",
         "0 1/2 s=bd\n"
         "1/2 5/6 s=hh\n"
         "5/6 1 s=hh\n"
         "1 4/3 s=hh\n"
         "4/3 3/2 s=hh\n"
         "3/2 11/6 s=hh\n"
         "11/6 2 s=hh\n"},
    {"0:2", "\"<0 1 2> 1\".pickmodRestart([s(\"bd sn\"), s(\"hh*3\")])",
         "0 1/2 s=bd\n"
         "1/2 5/6 s=hh\n"
         "5/6 1 s=hh\n"
         "1 4/3 s=hh\n"
         "4/3 3/2 s=hh\n"
         "3/2 11/6 s=hh\n"
         "11/6 2 s=hh\n"},
    {"0:2", "\"<a b>\".inhabit({a: s(\"bd sn\"), b: s(\"hh*3\")})",
         "0 1/2 s=bd\n"
         "1/2 1 s=sn\n"
         "1 4/3 s=hh\n"
         "4/3 5/3 s=hh\n"
         "5/3 2 s=hh\n"},
    {"0:2", "\"0 1\".pickSqueeze([\"0 1 2\", \"5\"])",
         "0 1/6 0\n"
         "1/6 1/3 1\n"
         "1/3 1/2 2\n"
         "1/2 1 5\n"
         "1 7/6 0\n"
         "7/6 4/3 1\n"
         "4/3 3/2 2\n"
         "3/2 2 5\n"},
    {"0:2", "\"0 1 2\".inhabitmod([s(\"bd sn\"), s(\"hh*3\")])",
         "0 1/6 s=bd\n"
         "1/6 1/3 s=sn\n"
         "1/3 4/9 s=hh\n"
         "4/9 5/9 s=hh\n"
         "5/9 2/3 s=hh\n"
         "2/3 5/6 s=bd\n"
         "5/6 1 s=sn\n"
         "1 7/6 s=bd\n"
         "7/6 4/3 s=sn\n"
         "4/3 13/9 s=hh\n"
         "13/9 14/9 s=hh\n"
         "14/9 5/3 s=hh\n"
         "5/3 11/6 s=bd\n"
         "11/6 2 s=sn\n"},
    {"0:2", "\"0 1 2\".pickmodSqueeze([s(\"bd sn\"), s(\"hh*3\")])",
         "0 1/6 s=bd\n"
         "1/6 1/3 s=sn\n"
         "1/3 4/9 s=hh\n"
         "4/9 5/9 s=hh\n"
         "5/9 2/3 s=hh\n"
         "2/3 5/6 s=bd\n"
         "5/6 1 s=sn\n"
         "1 7/6 s=bd\n"
         "7/6 4/3 s=sn\n"
         "4/3 13/9 s=hh\n"
         "13/9 14/9 s=hh\n"
         "14/9 5/3 s=hh\n"
         "5/3 11/6 s=bd\n"
         "11/6 2 s=sn\n"},
    {"0:2", "s(\"bd sn\").pickF(\"<0 1 2>\", [rev, fast(2), x => x.speed(2)])",
         "0 1/2 s=sn\n"
         "1/2 1 s=bd\n"
         "1 5/4 s=bd\n"
         "5/4 3/2 s=sn\n"
         "3/2 7/4 s=bd\n"
         "7/4 2 s=sn\n"},
    /* (Strudel 1.2.6's pickmodF plays nothing, a bug: tala's picks as pickF, wrapping) */
    {"0:1", "n(\"0 1 2 3\").pickmodF(\"0 1 2\", [x => x.add(n(10)), x => x.add(n(20))])",
         "0 1/4 n=10\n1/4 1/2 n=11\n1/2 3/4 n=22\n3/4 1 n=13\n"},
    {"0:2", "squeeze(\"<0 1> 1\", [\"bd sn\", \"hh*3\"])",
         "0 1/4 bd\n"
         "1/4 1/2 sn\n"
         "1/2 2/3 hh\n"
         "2/3 5/6 hh\n"
         "5/6 1 hh\n"
         "1 7/6 hh\n"
         "7/6 4/3 hh\n"
         "4/3 3/2 hh\n"
         "3/2 5/3 hh\n"
         "5/3 11/6 hh\n"
         "11/6 2 hh\n"},
    {"0:2", "n(\"0 1\".squeeze(\"5 6 7\"))",
         "0 1/6 n=5\n"
         "1/6 1/3 n=6\n"
         "1/3 1/2 n=7\n"
         "1/2 2/3 n=5\n"
         "2/3 5/6 n=6\n"
         "5/6 1 n=7\n"
         "1 7/6 n=5\n"
         "7/6 4/3 n=6\n"
         "4/3 3/2 n=7\n"
         "3/2 5/3 n=5\n"
         "5/3 11/6 n=6\n"
         "11/6 2 n=7\n"},
    {"0:2", "n(\"0 1\").in(n(\"5 6 7\"))",
         "0 1/2 n=5\n"
         "1/2 1 n=6\n"
         "1 3/2 n=5\n"
         "3/2 2 n=6\n"},
    {"0:2", "n(\"0 1\").out(n(\"5 6 7\"))",
         "0 1/3 n=5\n"
         "1/3 2/3 n=6\n"
         "2/3 1 n=7\n"
         "1 4/3 n=5\n"
         "4/3 5/3 n=6\n"
         "5/3 2 n=7\n"},
    {"0:2", "n(\"0 1\").mix(n(\"5 6 7\"))",
         "0 1/3 n=5\n"
         "1/3 1/2 n=6\n"
         "1/2 2/3 n=6\n"
         "2/3 1 n=7\n"
         "1 4/3 n=5\n"
         "4/3 3/2 n=6\n"
         "3/2 5/3 n=6\n"
         "5/3 2 n=7\n"},
    {"0:2", "n(\"0 1\").squeezeout(n(\"5 6 7\"))",
         "0 1/6 n=5\n"
         "1/6 1/3 n=5\n"
         "1/3 1/2 n=6\n"
         "1/2 2/3 n=6\n"
         "2/3 5/6 n=7\n"
         "5/6 1 n=7\n"
         "1 7/6 n=5\n"
         "7/6 4/3 n=5\n"
         "4/3 3/2 n=6\n"
         "3/2 5/3 n=6\n"
         "5/3 11/6 n=7\n"
         "11/6 2 n=7\n"},
        /* random orders and weighted choice by cycle: Strudel 1.2.6 events */
    {"0:3", "n(randrun(4))",
         "0 1/4 n=2\n"
         "1/4 1/2 n=1\n"
         "1/2 3/4 n=3\n"
         "3/4 1 n=0\n"
         "1 5/4 n=2\n"
         "5/4 3/2 n=0\n"
         "3/2 7/4 n=3\n"
         "7/4 2 n=1\n"
         "2 9/4 n=1\n"
         "9/4 5/2 n=0\n"
         "5/2 11/4 n=2\n"
         "11/4 3 n=3\n"},
    {"0:3", "n(\"0 1 2 3\").shuffle(4)",
         "0 1/4 n=2\n"
         "1/4 1/2 n=1\n"
         "1/2 3/4 n=3\n"
         "3/4 1 n=0\n"
         "1 5/4 n=2\n"
         "5/4 3/2 n=0\n"
         "3/2 7/4 n=3\n"
         "7/4 2 n=1\n"
         "2 9/4 n=1\n"
         "9/4 5/2 n=0\n"
         "5/2 11/4 n=2\n"
         "11/4 3 n=3\n"},
    {"0:3", "s(\"bd sn hh cp\").shuffle(\"<2 4>\")",
         "0 1/4 s=hh\n"
         "1/4 1/2 s=cp\n"
         "1/2 3/4 s=bd\n"
         "3/4 1 s=sn\n"
         "1 5/4 s=hh\n"
         "5/4 3/2 s=bd\n"
         "3/2 7/4 s=cp\n"
         "7/4 2 s=sn\n"
         "2 9/4 s=hh\n"
         "9/4 5/2 s=cp\n"
         "5/2 11/4 s=bd\n"
         "11/4 3 s=sn\n"},
    {"0:3", "n(\"0 1 2 3\").scramble(4)",
         "0 1/4 n=0\n"
         "1/4 1/2 n=1\n"
         "1/2 3/4 n=1\n"
         "3/4 1 n=0\n"
         "1 5/4 n=2\n"
         "5/4 3/2 n=2\n"
         "3/2 7/4 n=2\n"
         "7/4 2 n=0\n"
         "2 9/4 n=3\n"
         "9/4 5/2 n=1\n"
         "5/2 11/4 n=1\n"
         "11/4 3 n=2\n"},
    {"0:3", "s(\"bd sn hh cp\").scramble(\"<2 4>\")",
         "0 1/4 s=bd\n"
         "1/4 1/2 s=sn\n"
         "1/2 3/4 s=bd\n"
         "3/4 1 s=sn\n"
         "1 5/4 s=hh\n"
         "5/4 3/2 s=hh\n"
         "3/2 7/4 s=hh\n"
         "7/4 2 s=bd\n"
         "2 9/4 s=hh\n"
         "9/4 5/2 s=cp\n"
         "5/2 11/4 s=bd\n"
         "11/4 3 s=sn\n"},
    {"0:3", "wchooseCycles([s(\"bd\"), 3], [s(\"sn\"), 1])",
         "0 1 s=bd\n"
         "1 2 s=bd\n"
         "2 3 s=sn\n"},
    {"0:3", "wrandcat([\"a b\", 1], [\"c\", 2]).fast(2)",
         "0 1/4 a\n"
         "1/4 1/2 b\n"
         "1/2 1 c\n"
         "1 3/2 c\n"
         "3/2 7/4 a\n"
         "7/4 2 b\n"
         "2 9/4 a\n"
         "9/4 5/2 b\n"
         "5/2 11/4 a\n"
         "11/4 3 b\n"},
        /* FM controls (sound: test_render.c) */
    {"0:1", "note(\"c3 e3\").s(\"sine\").fm(\"4:2\")",
         "0 1/2 fmh=2 fmi=4 note=c3 s=sine\n"
         "1/2 1 fmh=2 fmi=4 note=e3 s=sine\n"},
    {"0:1", "note(\"c3\").fmi(2).fmh(\"<1 1.5>\")",
         "0 1 fmh=1 fmi=2 note=c3\n"},
        /* fastChunk, ribbon, bite: Strudel 1.2.6 events */
    {"0:4", "n(\"0 1 2 3\").fastChunk(4, add(n(10)))",
         "0 1/4 n=10\n"
         "1/4 1/2 n=1\n"
         "1/2 3/4 n=2\n"
         "3/4 1 n=3\n"
         "1 5/4 n=0\n"
         "5/4 3/2 n=11\n"
         "3/2 7/4 n=2\n"
         "7/4 2 n=3\n"
         "2 9/4 n=0\n"
         "9/4 5/2 n=1\n"
         "5/2 11/4 n=12\n"
         "11/4 3 n=3\n"
         "3 13/4 n=0\n"
         "13/4 7/2 n=1\n"
         "7/2 15/4 n=2\n"
         "15/4 4 n=13\n"},
    {"0:4", "n(\"<0 1> 2 3 4\").fastchunk(2, x => x.add(n(10)))",
         "0 1/4 n=10\n"
         "1/4 1/2 n=12\n"
         "1/2 3/4 n=3\n"
         "3/4 1 n=4\n"
         "1 5/4 n=1\n"
         "5/4 3/2 n=2\n"
         "3/2 7/4 n=13\n"
         "7/4 2 n=14\n"
         "2 9/4 n=10\n"
         "9/4 5/2 n=12\n"
         "5/2 11/4 n=3\n"
         "11/4 3 n=4\n"
         "3 13/4 n=1\n"
         "13/4 7/2 n=2\n"
         "7/2 15/4 n=13\n"
         "15/4 4 n=14\n"},
    {"0:3", "n(\"<0 1 2 3 4 5 6 7>\").ribbon(2, 2)",
         "0 1 n=2\n"
         "1 2 n=3\n"
         "2 3 n=2\n"},
    {"0:3", "s(\"bd sn hh\").rib(0.5, 0.5)",
         "0 1/6 s=sn\n"
         "1/6 1/2 s=hh\n"
         "1/2 2/3 s=sn\n"
         "2/3 1 s=hh\n"
         "1 7/6 s=sn\n"
         "7/6 3/2 s=hh\n"
         "3/2 5/3 s=sn\n"
         "5/3 2 s=hh\n"
         "2 13/6 s=sn\n"
         "13/6 5/2 s=hh\n"
         "5/2 8/3 s=sn\n"
         "8/3 3 s=hh\n"},
    {"0:3", "n(\"0 1 2 3 4 5 6 7\").bite(4, \"0 2\")",
         "0 1/4 n=0\n"
         "1/4 1/2 n=1\n"
         "1/2 3/4 n=4\n"
         "3/4 1 n=5\n"
         "1 5/4 n=0\n"
         "5/4 3/2 n=1\n"
         "3/2 7/4 n=4\n"
         "7/4 2 n=5\n"
         "2 9/4 n=0\n"
         "9/4 5/2 n=1\n"
         "5/2 11/4 n=4\n"
         "11/4 3 n=5\n"},
    {"0:3", "n(\"0 1 2 3 4 5 6 7\").bite(\"<2 4>\", \"0 [2 1]\")",
         "0 1/8 n=0\n"
         "1/8 1/4 n=1\n"
         "1/4 3/8 n=2\n"
         "3/8 1/2 n=3\n"
         "1/2 9/16 n=0\n"
         "9/16 5/8 n=1\n"
         "5/8 11/16 n=2\n"
         "11/16 3/4 n=3\n"
         "3/4 13/16 n=4\n"
         "13/16 7/8 n=5\n"
         "7/8 15/16 n=6\n"
         "15/16 1 n=7\n"
         "1 5/4 n=0\n"
         "5/4 3/2 n=1\n"
         "3/2 13/8 n=4\n"
         "13/8 7/4 n=5\n"
         "7/4 15/8 n=2\n"
         "15/8 2 n=3\n"
         "2 17/8 n=0\n"
         "17/8 9/4 n=1\n"
         "9/4 19/8 n=2\n"
         "19/8 5/2 n=3\n"
         "5/2 41/16 n=0\n"
         "41/16 21/8 n=1\n"
         "21/8 43/16 n=2\n"
         "43/16 11/4 n=3\n"
         "11/4 45/16 n=4\n"
         "45/16 23/8 n=5\n"
         "23/8 47/16 n=6\n"
         "47/16 3 n=7\n"},
        /* unit and postgain (sound: test_render.c) */
    {"0:1", "s(\"bd\").speed(2).unit(\"c\")",
         "0 1 s=bd speed=2 unit=c\n"},
    {"0:1", "s(\"bd*2\").shape(0.6).postgain(\"0.5 1\")",
         "0 1/2 postgain=0.5 s=bd shape=0.6\n"
         "1/2 1 postgain=1 s=bd shape=0.6\n"},
        /* slice, splice, fit: Strudel 1.2.6 events at its default tempo (cps 0.5) */
    {"0:2", "s(\"bev\").slice(4, \"0 1 2 3\")",
         "0 1/4 _slices=4 begin=0 end=0.25 s=bev\n"
         "1/4 1/2 _slices=4 begin=0.25 end=0.5 s=bev\n"
         "1/2 3/4 _slices=4 begin=0.5 end=0.75 s=bev\n"
         "3/4 1 _slices=4 begin=0.75 end=1 s=bev\n"
         "1 5/4 _slices=4 begin=0 end=0.25 s=bev\n"
         "5/4 3/2 _slices=4 begin=0.25 end=0.5 s=bev\n"
         "3/2 7/4 _slices=4 begin=0.5 end=0.75 s=bev\n"
         "7/4 2 _slices=4 begin=0.75 end=1 s=bev\n"},
    {"0:2", "s(\"bev\").slice(8, \"<0 2> 5 [6 7]\")",
         "0 1/3 _slices=8 begin=0 end=0.125 s=bev\n"
         "1/3 2/3 _slices=8 begin=0.625 end=0.75 s=bev\n"
         "2/3 5/6 _slices=8 begin=0.75 end=0.875 s=bev\n"
         "5/6 1 _slices=8 begin=0.875 end=1 s=bev\n"
         "1 4/3 _slices=8 begin=0.25 end=0.375 s=bev\n"
         "4/3 5/3 _slices=8 begin=0.625 end=0.75 s=bev\n"
         "5/3 11/6 _slices=8 begin=0.75 end=0.875 s=bev\n"
         "11/6 2 _slices=8 begin=0.875 end=1 s=bev\n"},
    {"0:2", "s(\"bev\").splice(4, \"0 1 2 3\")",
         "0 1/4 _slices=4 begin=0 end=0.25 s=bev speed=0.5 unit=c\n"
         "1/4 1/2 _slices=4 begin=0.25 end=0.5 s=bev speed=0.5 unit=c\n"
         "1/2 3/4 _slices=4 begin=0.5 end=0.75 s=bev speed=0.5 unit=c\n"
         "3/4 1 _slices=4 begin=0.75 end=1 s=bev speed=0.5 unit=c\n"
         "1 5/4 _slices=4 begin=0 end=0.25 s=bev speed=0.5 unit=c\n"
         "5/4 3/2 _slices=4 begin=0.25 end=0.5 s=bev speed=0.5 unit=c\n"
         "3/2 7/4 _slices=4 begin=0.5 end=0.75 s=bev speed=0.5 unit=c\n"
         "7/4 2 _slices=4 begin=0.75 end=1 s=bev speed=0.5 unit=c\n"},
    {"0:2", "s(\"bev\").splice(8, \"<0 2> 5 [6 7]\")",
         "0 1/3 _slices=8 begin=0 end=0.125 s=bev speed=0.1875 unit=c\n"
         "1/3 2/3 _slices=8 begin=0.625 end=0.75 s=bev speed=0.1875 unit=c\n"
         "2/3 5/6 _slices=8 begin=0.75 end=0.875 s=bev speed=0.375 unit=c\n"
         "5/6 1 _slices=8 begin=0.875 end=1 s=bev speed=0.375 unit=c\n"
         "1 4/3 _slices=8 begin=0.25 end=0.375 s=bev speed=0.1875 unit=c\n"
         "4/3 5/3 _slices=8 begin=0.625 end=0.75 s=bev speed=0.1875 unit=c\n"
         "5/3 11/6 _slices=8 begin=0.75 end=0.875 s=bev speed=0.375 unit=c\n"
         "11/6 2 _slices=8 begin=0.875 end=1 s=bev speed=0.375 unit=c\n"},
    {"0:2", "s(\"bev\").fit()",
         "0 1 s=bev speed=0.5 unit=c\n"
         "1 2 s=bev speed=0.5 unit=c\n"},
    {"0:2", "s(\"<bev ev>\").fit().slow(2)",
         "0 2 s=bev speed=0.5 unit=c\n"},
    {"0:2", "s(\"bev*2\").slice([0, 0.25, 0.5, 1], \"<0 2> 1\")",
         "0 1/2 _slices=0:0.25:0.5:1 begin=0 end=0.25 s=bev\n"
         "1/2 1 _slices=0:0.25:0.5:1 begin=0.25 end=0.5 s=bev\n"
         "1 3/2 _slices=0:0.25:0.5:1 begin=0.5 end=1 s=bev\n"
         "3/2 2 _slices=0:0.25:0.5:1 begin=0.25 end=0.5 s=bev\n"},
    {"0:2", "s(\"bev\").speed(2).splice(4, \"0 1\")",
         "0 1/2 _slices=4 begin=0 end=0.25 s=bev speed=2 unit=c\n"
         "1/2 1 _slices=4 begin=0.25 end=0.5 s=bev speed=2 unit=c\n"
         "1 3/2 _slices=4 begin=0 end=0.25 s=bev speed=2 unit=c\n"
         "3/2 2 _slices=4 begin=0.25 end=0.5 s=bev speed=2 unit=c\n"},
    {"0:2", "s(\"bev\").begin(0.5).fit()",
         "0 1 begin=0.5 s=bev speed=0.25 unit=c\n"
         "1 2 begin=0.5 s=bev speed=0.25 unit=c\n"},
    /* clang-format on */
