/*
 * strudel_more_cases.h - more of the library test's cases for what tala took
 * from Strudel (issue 13): controls' short names, the high- and band-pass
 * filters' envelopes, the pitch envelope, fastGap, slowcatPrime, revv, into,
 * chunkInto, binary and its kin, beat, plyForEach, filterWhen, as, seed,
 * arpWith, berlin, the choose family; each with the events Strudel 1.2.6
 * gives (../shared/oracle).
 * Included in CASES of test_library.c after strudel_cases.h.
 */
/* clang-format off */
    /* Strudel's short names of controls */
    {"0:1", "s(\"bd\").att(0.1).dec(0.2).sus(0.5).rel(0.3)",
         "0 1 attack=0.1 decay=0.2 release=0.3 s=bd sustain=0.5\n"},
    {"0:1", "note(\"c3\").hp(500).bp(800).dist(0.5)",
         "0 1 bandf=800 distort=0.5 hcutoff=500 note=c3\n"},
    {"0:1", "s(\"bd\").room(0.3).sz(0.5)",
         "0 1 room=0.3 roomsize=0.5 s=bd\n"},
    {"0:1", "s(\"bd\").rsize(0.7).delay(0.5).delayt(0.2).delayfb(0.4)",
         "0 1 delay=0.5 delayfeedback=0.4 delaytime=0.2 roomsize=0.7 s=bd\n"},
    {"0:1", "s(\"bd\").dt(0.1).dfb(0.6).vel(0.5).o(2)",
         "0 1 delayfeedback=0.6 delaytime=0.1 orbit=2 s=bd velocity=0.5\n"},
    {"0:1", "note(\"c3\").hp(\"500:3\")",
         "0 1 hcutoff=500 hresonance=3 note=c3\n"},
    {"0:1", "s(\"bd\").dist(\"0.5:0.8\")",
         "0 1 distort=0.5 distortvol=0.8 s=bd\n"},
    {"0:1", "s(\"a\").fmap(x => if setCpm(30) == nil then x else x)", "0 1 s=a\n"},
    /* the high- and band-pass filters' envelopes */
    {"0:1", "note(\"c2\").s(\"sawtooth\").hpf(2000).hpenv(-3).hpattack(0.2).hpdecay(0.3).hpsustain(0.5).hprelease(0.5)",
         "0 1 hcutoff=2000 hpattack=0.2 hpdecay=0.3 hpenv=-3 hprelease=0.5 hpsustain=0.5 note=c2 s=sawtooth\n"},
    {"0:1", "note(\"c2\").hpe(1).hpa(0.1).hpd(0.2).hps(0.3).hpr(0.4)",
         "0 1 hpattack=0.1 hpdecay=0.2 hpenv=1 hprelease=0.4 hpsustain=0.3 note=c2\n"},
    {"0:1", "note(\"c2\").bpf(500).bpenv(2).bpattack(0.2).bpdecay(0.3).bpsustain(0.5).bprelease(0.5)",
         "0 1 bandf=500 bpattack=0.2 bpdecay=0.3 bpenv=2 bprelease=0.5 bpsustain=0.5 note=c2\n"},
    {"0:1", "note(\"c2\").bpe(1).bpa(0.1).bpd(0.2).bps(0.3).bpr(0.4)",
         "0 1 bpattack=0.1 bpdecay=0.2 bpenv=1 bprelease=0.4 bpsustain=0.3 note=c2\n"},
    {"0:1", "note(\"c2\").hpf(\"1000:4:2\").bpf(\"800:3:-1\")",
         "0 1 bandf=800 bandq=3 bpenv=-1 hcutoff=1000 hpenv=2 hresonance=4 note=c2\n"},
    /* the pitch envelope */
    {"0:1", "s(\"bd sd\").penv(12).pattack(0.1).pdecay(0.2).psustain(0.5).prelease(0.3).panchor(0)",
         "0 1/2 panchor=0 pattack=0.1 pdecay=0.2 penv=12 prelease=0.3 psustain=0.5 s=bd\n"
         "1/2 1 panchor=0 pattack=0.1 pdecay=0.2 penv=12 prelease=0.3 psustain=0.5 s=sd\n"},
    {"0:1", "note(\"c3\").penv(7).patt(0.1).pdec(0.2).psus(0.5).prel(0.3)",
         "0 1 note=c3 pattack=0.1 pdecay=0.2 penv=7 prelease=0.3 psustain=0.5\n"},
    /* fastGap, slowcatPrime, revv */
    {"0:4", "slowcatPrime(\"a b\", \"c\", \"d e f\")",
         "0 1/2 a\n"
         "1/2 1 b\n"
         "1 2 c\n"
         "2 7/3 d\n"
         "7/3 8/3 e\n"
         "8/3 3 f\n"
         "3 7/2 a\n"
         "7/2 4 b\n"},
    {"0:4", "slowcatPrime(\"<a b>\", \"c\")",
         "0 1 a\n"
         "1 2 c\n"
         "2 3 a\n"
         "3 4 c\n"},
    {"0:2", "s(\"bd sd\").fastGap(2)",
         "0 1/4 s=bd\n"
         "1/4 1/2 s=sd\n"
         "1 5/4 s=bd\n"
         "5/4 3/2 s=sd\n"},
    {"0:2", "s(\"bd sd hh\").fastGap(0.5)",
         "0 2/3 s=bd\n"
         "2/3 4/3 s=sd\n"
         "1 5/3 s=bd\n"
         "5/3 7/3 s=sd\n"},
    {"0:2", "s(\"bd sd\").fastGap(\"<2 3>\")",
         "0 1/4 s=bd\n"
         "1/4 1/2 s=sd\n"
         "1 7/6 s=bd\n"
         "7/6 4/3 s=sd\n"},
    {"0:2", "s(\"bd sd\").fastgap(4)",
         "0 1/8 s=bd\n"
         "1/8 1/4 s=sd\n"
         "1 9/8 s=bd\n"
         "9/8 5/4 s=sd\n"},
    {"0:2", "note(\"<[c d] [e g]>\").revv()",
         "0 1/2 note=g\n"
         "1/2 1 note=e\n"
         "1 3/2 note=d\n"
         "3/2 2 note=c\n"},
    {"0:2", "n(\"<0 1 2>*2\").revv()",
         "0 1/2 n=2\n"
         "1/2 1 n=1\n"
         "1 3/2 n=0\n"
         "3/2 2 n=2\n"},
    /* into, chunkInto, chunkBackInto */
    {"0:2", "s(\"bd sd ht lt\").into(\"1 0\", hurry(2))",
         "0 1/8 s=bd speed=2\n"
         "1/8 1/4 s=sd speed=2\n"
         "1/4 3/8 s=bd speed=2\n"
         "3/8 1/2 s=sd speed=2\n"
         "1/2 3/4 s=ht\n"
         "3/4 1 s=lt\n"
         "1 9/8 s=bd speed=2\n"
         "9/8 5/4 s=sd speed=2\n"
         "5/4 11/8 s=bd speed=2\n"
         "11/8 3/2 s=sd speed=2\n"
         "3/2 7/4 s=ht\n"
         "7/4 2 s=lt\n"},
    {"0:2", "s(\"bd sd ht lt\").into(\"<1 [0 1]>\", x => x.fast(2))",
         "0 1/8 s=bd\n"
         "1/8 1/4 s=sd\n"
         "1/4 3/8 s=ht\n"
         "3/8 1/2 s=lt\n"
         "1/2 5/8 s=bd\n"
         "5/8 3/4 s=sd\n"
         "3/4 7/8 s=ht\n"
         "7/8 1 s=lt\n"
         "1 5/4 s=bd\n"
         "5/4 3/2 s=sd\n"
         "3/2 13/8 s=ht\n"
         "13/8 7/4 s=lt\n"
         "7/4 15/8 s=ht\n"
         "15/8 2 s=lt\n"},
    {"0:4", "s(\"bd sd ht lt bd ~ cp lt\").chunkInto(4, hurry(2))",
         "0 1/16 s=bd speed=2\n"
         "1/16 1/8 s=sd speed=2\n"
         "1/8 3/16 s=bd speed=2\n"
         "3/16 1/4 s=sd speed=2\n"
         "1/4 3/8 s=ht\n"
         "3/8 1/2 s=lt\n"
         "1/2 5/8 s=bd\n"
         "3/4 7/8 s=cp\n"
         "7/8 1 s=lt\n"
         "1 9/8 s=bd\n"
         "9/8 5/4 s=sd\n"
         "5/4 21/16 s=ht speed=2\n"
         "21/16 11/8 s=lt speed=2\n"
         "11/8 23/16 s=ht speed=2\n"
         "23/16 3/2 s=lt speed=2\n"
         "3/2 13/8 s=bd\n"
         "7/4 15/8 s=cp\n"
         "15/8 2 s=lt\n"
         "2 17/8 s=bd\n"
         "17/8 9/4 s=sd\n"
         "9/4 19/8 s=ht\n"
         "19/8 5/2 s=lt\n"
         "5/2 41/16 s=bd speed=2\n"
         "21/8 43/16 s=bd speed=2\n"
         "11/4 23/8 s=cp\n"
         "23/8 3 s=lt\n"
         "3 25/8 s=bd\n"
         "25/8 13/4 s=sd\n"
         "13/4 27/8 s=ht\n"
         "27/8 7/2 s=lt\n"
         "7/2 29/8 s=bd\n"
         "15/4 61/16 s=cp speed=2\n"
         "61/16 31/8 s=lt speed=2\n"
         "31/8 63/16 s=cp speed=2\n"
         "63/16 4 s=lt speed=2\n"},
    {"0:4", "s(\"bd sd ht lt bd ~ cp lt\").chunkBackInto(4, hurry(2))",
         "0 1/8 s=bd\n"
         "1/8 1/4 s=sd\n"
         "1/4 3/8 s=ht\n"
         "3/8 1/2 s=lt\n"
         "1/2 5/8 s=bd\n"
         "3/4 13/16 s=cp speed=2\n"
         "13/16 7/8 s=lt speed=2\n"
         "7/8 15/16 s=cp speed=2\n"
         "15/16 1 s=lt speed=2\n"
         "1 9/8 s=bd\n"
         "9/8 5/4 s=sd\n"
         "5/4 11/8 s=ht\n"
         "11/8 3/2 s=lt\n"
         "3/2 25/16 s=bd speed=2\n"
         "13/8 27/16 s=bd speed=2\n"
         "7/4 15/8 s=cp\n"
         "15/8 2 s=lt\n"
         "2 17/8 s=bd\n"
         "17/8 9/4 s=sd\n"
         "9/4 37/16 s=ht speed=2\n"
         "37/16 19/8 s=lt speed=2\n"
         "19/8 39/16 s=ht speed=2\n"
         "39/16 5/2 s=lt speed=2\n"
         "5/2 21/8 s=bd\n"
         "11/4 23/8 s=cp\n"
         "23/8 3 s=lt\n"
         "3 49/16 s=bd speed=2\n"
         "49/16 25/8 s=sd speed=2\n"
         "25/8 51/16 s=bd speed=2\n"
         "51/16 13/4 s=sd speed=2\n"
         "13/4 27/8 s=ht\n"
         "27/8 7/2 s=lt\n"
         "7/2 29/8 s=bd\n"
         "15/4 31/8 s=cp\n"
         "31/8 4 s=lt\n"},
    {"0:4", "\"0 1 2 3\".chunkinto(2, x => x.add(10))",
         "0 1/4 10\n"
         "1/4 1/2 11\n"
         "1/2 3/4 2\n"
         "3/4 1 3\n"
         "1 5/4 0\n"
         "5/4 3/2 1\n"
         "3/2 7/4 12\n"
         "7/4 2 13\n"
         "2 9/4 10\n"
         "9/4 5/2 11\n"
         "5/2 11/4 2\n"
         "11/4 3 3\n"
         "3 13/4 0\n"
         "13/4 7/2 1\n"
         "7/2 15/4 12\n"
         "15/4 4 13\n"},
    {"0:4", "\"0 1 2 3\".chunkbackinto(\"<2 4>\", x => x.add(10))",
         "0 1/4 0\n"
         "1/4 1/2 1\n"
         "1/2 3/4 12\n"
         "3/4 1 13\n"
         "1 5/4 0\n"
         "5/4 3/2 1\n"
         "3/2 7/4 12\n"
         "7/4 2 3\n"
         "2 9/4 0\n"
         "9/4 5/2 1\n"
         "5/2 11/4 12\n"
         "11/4 3 13\n"
         "3 13/4 10\n"
         "13/4 7/2 1\n"
         "7/2 15/4 2\n"
         "15/4 4 3\n"},
    /* binary, binaryN, binaryL, binaryNL */
    {"0:2", "binaryN(5, 4)",
         "0 1/4 0\n"
         "1/4 1/2 1\n"
         "1/2 3/4 0\n"
         "3/4 1 1\n"
         "1 5/4 0\n"
         "5/4 3/2 1\n"
         "3/2 7/4 0\n"
         "7/4 2 1\n"},
    {"0:2", "binary(5)",
         "0 1/3 1\n"
         "1/3 2/3 0\n"
         "2/3 1 1\n"
         "1 4/3 1\n"
         "4/3 5/3 0\n"
         "5/3 2 1\n"},
    {"0:2", "binaryNL(5, 4)",
         "0 1 0:1:0:1\n"
         "1 2 0:1:0:1\n"},
    {"0:2", "binaryN(\"<5 3>\", 4)",
         "0 1/4 0\n"
         "1/4 1/2 1\n"
         "1/2 3/4 0\n"
         "3/4 1 1\n"
         "1 5/4 0\n"
         "5/4 3/2 0\n"
         "3/2 7/4 1\n"
         "7/4 2 1\n"},
    {"0:2", "binaryN(-3, 4)",
         "0 1/4 1\n"
         "1/4 1/2 1\n"
         "1/2 3/4 0\n"
         "3/4 1 1\n"
         "1 5/4 1\n"
         "5/4 3/2 1\n"
         "3/2 7/4 0\n"
         "7/4 2 1\n"},
    {"0:2", "s(\"hh\").struct(binaryN(55532, 16))",
         "0 1/16 s=hh\n"
         "1/16 1/8 s=hh\n"
         "3/16 1/4 s=hh\n"
         "1/4 5/16 s=hh\n"
         "1/2 9/16 s=hh\n"
         "9/16 5/8 s=hh\n"
         "5/8 11/16 s=hh\n"
         "3/4 13/16 s=hh\n"
         "13/16 7/8 s=hh\n"
         "1 17/16 s=hh\n"
         "17/16 9/8 s=hh\n"
         "19/16 5/4 s=hh\n"
         "5/4 21/16 s=hh\n"
         "3/2 25/16 s=hh\n"
         "25/16 13/8 s=hh\n"
         "13/8 27/16 s=hh\n"
         "7/4 29/16 s=hh\n"
         "29/16 15/8 s=hh\n"},
    {"0:2", "binaryL(\"<5 12>\")",
         "0 1 1:0:1\n"
         "1 2 1:1:0:0\n"},
    {"0:2", "binary(\"<5 12>\")",
         "0 1/3 1\n"
         "1/3 2/3 0\n"
         "2/3 1 1\n"
         "1 5/4 1\n"
         "5/4 3/2 1\n"
         "3/2 7/4 0\n"
         "7/4 2 0\n"},
    /* beat, plyForEach */
    {"0:2", "s(\"bd\").beat(\"0,7,10\", 16)",
         "0 1/16 s=bd\n"
         "7/16 1/2 s=bd\n"
         "5/8 11/16 s=bd\n"
         "1 17/16 s=bd\n"
         "23/16 3/2 s=bd\n"
         "13/8 27/16 s=bd\n"},
    {"0:2", "s(\"bd sd\").beat(\"<1 3>\", 4)",
         "1/4 1/2 s=bd\n"
         "7/4 2 s=sd\n"},
    {"0:2", "\"<0 [2 4]>\".plyForEach(4, (p,n) => p.add(n*2)).scale(\"C:minor\").note()",
         "0 1/4 note=C3\n"
         "1/4 1/2 note=Eb3\n"
         "1/2 3/4 note=G3\n"
         "3/4 1 note=Bb3\n"
         "1 9/8 note=Eb3\n"
         "9/8 5/4 note=G3\n"
         "5/4 11/8 note=Bb3\n"
         "11/8 3/2 note=D4\n"
         "3/2 13/8 note=G3\n"
         "13/8 7/4 note=Bb3\n"
         "7/4 15/8 note=D4\n"
         "15/8 2 note=F4\n"},
    {"0:2", "n(\"0 2\".plyforeach(2, (p, i) => p.add(i)))",
         "0 1/4 n=0\n"
         "1/4 1/2 n=1\n"
         "1/2 3/4 n=2\n"
         "3/4 1 n=3\n"
         "1 5/4 n=0\n"
         "5/4 3/2 n=1\n"
         "3/2 7/4 n=2\n"
         "7/4 2 n=3\n"},
    /* filterWhen */
    {"0:2", "s(\"bd*8\").filterWhen(t => t % 1 < 0.5)",
         "0 1/8 s=bd\n"
         "1/8 1/4 s=bd\n"
         "1/4 3/8 s=bd\n"
         "3/8 1/2 s=bd\n"
         "1 9/8 s=bd\n"
         "9/8 5/4 s=bd\n"
         "5/4 11/8 s=bd\n"
         "11/8 3/2 s=bd\n"},
    {"0:2", "n(\"0 1 2 3\").fast(2).filterWhen(t => t % 0.5 == 0)",
         "0 1/8 n=0\n"
         "1/2 5/8 n=0\n"
         "1 9/8 n=0\n"
         "3/2 13/8 n=0\n"},
    /* as */
    {"0:1", "\"c:.5 a:1 f:.25 e:.8\".as(\"note:clip\")",
         "0 1/4 clip=0.5 note=c\n"
         "1/4 1/2 clip=1 note=a\n"
         "1/2 3/4 clip=0.25 note=f\n"
         "3/4 1 clip=0.8 note=e\n"},
    {"0:1", "\"0.5:2 0.2\".as(\"begin:speed\").s(\"bd\")",
         "0 1/2 begin=0.5 s=bd speed=2\n"
         "1/2 1 begin=0.2 s=bd\n"},
    {"0:1", "\"c:800\".as(\"note:lpf\")",
         "0 1 cutoff=800 note=c\n"},
    /* seed */
    {"0:2", "s(\"hh*8\").degrade().seed(1)",
         "0 1/8 s=hh\n"
         "1/8 1/4 s=hh\n"
         "1/4 3/8 s=hh\n"
         "1/2 5/8 s=hh\n"
         "7/8 1 s=hh\n"
         "1 9/8 s=hh\n"
         "9/8 5/4 s=hh\n"
         "11/8 3/2 s=hh\n"
         "7/4 15/8 s=hh\n"},
    {"0:2", "n(rand.mul(8).floor().segment(4)).seed(3)",
         "0 1/4 n=1\n"
         "1/4 1/2 n=7\n"
         "1/2 3/4 n=3\n"
         "3/4 1 n=6\n"
         "1 5/4 n=0\n"
         "5/4 3/2 n=1\n"
         "3/2 7/4 n=2\n"
         "7/4 2 n=2\n"},
    {"0:2", "n(perlin.mul(8).floor().segment(4)).seed(0.5)",
         "0 1/4 n=2\n"
         "1/4 1/2 n=2\n"
         "1/2 3/4 n=3\n"
         "3/4 1 n=4\n"
         "1 5/4 n=4\n"
         "5/4 3/2 n=4\n"
         "3/2 7/4 n=4\n"
         "7/4 2 n=3\n"},
    {"0:2", "s(\"bd*8\").degrade().seed(\"<1 2>\")",
         "0 1/8 s=bd\n"
         "1/8 1/4 s=bd\n"
         "1/4 3/8 s=bd\n"
         "1/2 5/8 s=bd\n"
         "7/8 1 s=bd\n"
         "5/4 11/8 s=bd\n"
         "13/8 7/4 s=bd\n"
         "7/4 15/8 s=bd\n"
         "15/8 2 s=bd\n"},
    {"0:2", "n(randrun(4)).seed(2)",
         "0 1/4 n=1\n"
         "1/4 1/2 n=0\n"
         "1/2 3/4 n=2\n"
         "3/4 1 n=3\n"
         "1 5/4 n=0\n"
         "5/4 3/2 n=2\n"
         "3/2 7/4 n=3\n"
         "7/4 2 n=1\n"},
    /* arpWith (and x[i]) */
    {"0:4", "note(\"<[c,eb,g]!2 [c,f,ab] [d,f,ab]>\").arpWith(haps => haps[2])",
         "0 1 note=g\n"
         "1 2 note=g\n"
         "2 3 note=ab\n"
         "3 4 note=ab\n"},
    {"0:4", "n(\"[0,4,7] [2,5,9]\").arpWith(haps => haps[0])",
         "0 1 n=0\n"
         "1 2 n=0\n"
         "2 3 n=0\n"
         "3 4 n=0\n"},
    /* berlin, chooseIn, chooseWith, chooseInWith */
    {"0:2", "n(berlin.range(0, 7).segment(8))",
         "0 1/8 n=0\n"
         "1/8 1/4 n=0.22729969723150134\n"
         "1/4 3/8 n=0.4545993944630027\n"
         "3/8 1/2 n=0.681899091694504\n"
         "1/2 5/8 n=0.9091987889260054\n"
         "5/8 3/4 n=1.1364984861575067\n"
         "3/4 7/8 n=1.363798183389008\n"
         "7/8 1 n=1.5910978806205094\n"
         "1 9/8 n=1.8183975778520107\n"
         "9/8 5/4 n=2.2381906928494573\n"
         "5/4 11/8 n=2.657983807846904\n"
         "11/8 3/2 n=3.0777769228443503\n"
         "3/2 13/8 n=3.497570037841797\n"
         "13/8 7/4 n=3.9173631528392434\n"
         "7/4 15/8 n=4.33715626783669\n"
         "15/8 2 n=4.7569493828341365\n"},
    {"0:2", "n(berlin.mul(10).floor().segment(4)).seed(2)",
         "0 1/4 n=4\n"
         "1/4 1/2 n=5\n"
         "1/2 3/4 n=5\n"
         "3/4 1 n=5\n"
         "1 5/4 n=1\n"
         "5/4 3/2 n=1\n"
         "3/2 7/4 n=1\n"
         "7/4 2 n=1\n"},
    {"0:2", "n(chooseIn(\"0 2\", \"4 7 9\").segment(4))",
         "0 1/4 n=0\n"
         "1/4 1/2 n=0\n"
         "1/2 3/4 n=2\n"
         "3/4 1 n=2\n"
         "1 5/4 n=4\n"
         "5/4 3/2 n=4\n"
         "3/2 7/4 n=7\n"
         "7/4 2 n=2\n"},
    {"0:2", "n(chooseIn(\"0 2\", \"4 7 9\"))",
         "0 1/2 n=0\n"
         "1/2 1 n=2\n"
         "1 3/2 n=0\n"
         "3/2 2 n=2\n"},
    {"0:2", "note(chooseWith(sine.segment(4), [\"c\", \"e\", \"g\"]))",
         "0 1/4 note=e\n"
         "1/4 1/2 note=g\n"
         "1/2 3/4 note=e\n"
         "3/4 1 note=c\n"
         "1 5/4 note=e\n"
         "5/4 3/2 note=g\n"
         "3/2 7/4 note=e\n"
         "7/4 2 note=c\n"},
    {"0:2", "note(chooseWith(saw.segment(4), [\"c\", \"e\"]))",
         "0 1/4 note=c\n"
         "1/4 1/2 note=c\n"
         "1/2 3/4 note=e\n"
         "3/4 1 note=e\n"
         "1 5/4 note=c\n"
         "5/4 3/2 note=c\n"
         "3/2 7/4 note=e\n"
         "7/4 2 note=e\n"},
    {"0:2", "note(chooseInWith(sine.segment(2), [\"c e\", \"g a b\"]))",
         "0 1/3 note=g\n"
         "1/3 2/3 note=a\n"
         "2/3 1 note=b\n"
         "1 3/2 note=c\n"
         "5/3 2 note=b\n"},
    {"0:2", "note(chooseInWith(saw.segment(2), [\"c\", \"d e\"]))",
         "0 1 note=c\n"
         "1/2 1 note=e\n"
         "1 2 note=c\n"
         "3/2 2 note=e\n"},
        /* keep in its ways, bjork, euclidish, morph, per and its kin, loopAtCps, xfade, randL */
    {"0:2", "\"a b\".structAll(\"x ~ x 0\")",
         "0 1/4 a\n1/2 3/4 b\n3/4 1 b\n1 5/4 a\n3/2 7/4 b\n7/4 2 b\n"},
    {"0:2", "\"<a b> c\".structAll(\"x*3 [~ x]\")",
         "0 1/6 a\n1/6 1/3 a\n1/3 1/2 a\n3/4 1 c\n1 7/6 b\n7/6 4/3 b\n4/3 3/2 b\n7/4 2 c\n"},
    {"0:2", "\"a b c d\".maskAll(\"1 ~ 0 1\")",
         "0 1/4 a\n1/2 3/4 c\n3/4 1 d\n1 5/4 a\n3/2 7/4 c\n7/4 2 d\n"},
    {"0:2", "\"a*8\".maskAll(\"<1 ~> [0 1]\")",
         "0 1/8 a\n1/8 1/4 a\n1/4 3/8 a\n3/8 1/2 a\n1/2 5/8 a\n5/8 3/4 a\n3/4 7/8 a\n7/8 1 a\n3/2 13/8 a\n13/8 7/4 a\n7/4 15/8 a\n15/8 2 a\n"},
    {"0:4", "\"a b c d\".resetAll(\"<x@3 0(3,8)>\")",
         "0 1/4 a\n1/4 1/2 b\n1/2 3/4 c\n3/4 1 d\n1 5/4 a\n5/4 3/2 b\n3/2 7/4 c\n7/4 2 d\n2 9/4 a\n9/4 5/2 b\n5/2 11/4 c\n11/4 3 d\n3 25/8 a\n27/8 7/2 a\n15/4 31/8 a\n"},
    {"0:3", "\"<a b c> d\".resetAll(\"x ~ 0\")",
         "0 1/3 a\n2/3 1 a\n1 4/3 b\n5/3 2 b\n2 7/3 c\n8/3 3 c\n"},
    {"0:4", "\"<a b> c\".restartAll(\"<x@3 0(3,8)>\")",
         "0 1/2 a\n1/2 1 c\n1 3/2 b\n3/2 2 c\n2 5/2 a\n5/2 3 c\n3 25/8 a\n27/8 7/2 a\n15/4 31/8 a\n"},
    {"0:3", "\"<a b c> d\".restartAll(\"~ 0\")",
         "1/2 1 a\n3/2 2 a\n5/2 3 a\n"},
    {"0:2", "s(\"bd\").bjork(\"<3:8 5:8:2>\")",
         "0 1/8 s=bd\n3/8 1/2 s=bd\n3/4 7/8 s=bd\n1 9/8 s=bd\n5/4 11/8 s=bd\n3/2 13/8 s=bd\n13/8 7/4 s=bd\n15/8 2 s=bd\n"},
    {"0:2", "\"a\".bjork(3)",
         "0 1/3 a\n1/3 2/3 a\n2/3 1 a\n1 4/3 a\n4/3 5/3 a\n5/3 2 a\n"},
    {"0:1", "\"a b\".bjork(\"5:16:3\")",
         "3/16 1/4 a\n3/8 7/16 a\n9/16 5/8 b\n3/4 13/16 b\n15/16 1 b\n"},
    {"0:4", "s(\"hh\").euclidish(3, 8, \"<0 0.5 1 0.3>\")",
         "0 1/8 s=hh\n3/8 1/2 s=hh\n3/4 7/8 s=hh\n1 9/8 s=hh\n65/48 71/48 s=hh\n41/24 11/6 s=hh\n2 17/8 s=hh\n7/3 59/24 s=hh\n8/3 67/24 s=hh\n3 25/8 s=hh\n269/80 279/80 s=hh\n149/40 77/20 s=hh\n"},
    {"0:2", "\"a\".euclidish(5, 12, 0.25)",
         "0 1/12 a\n19/80 77/240 a\n33/80 119/240 a\n13/20 11/15 a\n33/40 109/120 a\n1 13/12 a\n99/80 317/240 a\n113/80 359/240 a\n33/20 26/15 a\n73/40 229/120 a\n"},
    {"0:2", "s(\"hh\").eish(7, 12, \"<0.2 0.9>\")",
         "0 1/12 s=hh\n17/105 103/420 s=hh\n9/35 143/420 s=hh\n44/105 211/420 s=hh\n61/105 93/140 s=hh\n71/105 319/420 s=hh\n88/105 129/140 s=hh\n1 13/12 s=hh\n481/420 43/35 s=hh\n359/280 1147/840 s=hh\n1199/840 423/280 s=hh\n1321/840 1391/840 s=hh\n359/210 251/140 s=hh\n779/420 407/210 s=hh\n"},
    {"0:1", "\"a b\".eish(3, 4, 0.5)",
         "0 1/4 a\n7/24 13/24 a\n7/12 5/6 b\n"},
    {"0:4", "s(\"bd\").struct(morph([1,0,0,1,0,0,1,0], [1,0,1,0,1,0,1,0], \"<0 0.5 1 0.25>\"))",
         "0 1/8 s=bd\n3/8 1/2 s=bd\n3/4 7/8 s=bd\n1 9/8 s=bd\n21/16 23/16 s=bd\n13/8 7/4 s=bd\n2 17/8 s=bd\n9/4 19/8 s=bd\n5/2 21/8 s=bd\n3 25/8 s=bd\n107/32 111/32 s=bd\n59/16 61/16 s=bd\n"},
    {"0:2", "\"a\".struct(morph([0,0,1,0], [0,0,0,1], 1.5))",
         "7/8 9/8 a\n15/8 17/8 a\n"},
    {"0:2", "\"0 [0 0]\".add(cyclesPer)",
         "0 1/2 0.5\n1/2 3/4 0.25\n3/4 1 0.25\n1 3/2 0.5\n3/2 7/4 0.25\n7/4 2 0.25\n"},
    {"0:1", "\"1 ~ [1 1]\".struct(\"x x [x x]\").mul(cyclesPer)",
         "0 1/3 0.3333333333333333\n2/3 5/6 0.16666666666666666\n5/6 1 0.16666666666666666\n"},
    {"0:2", "\"0 [0 0]\".add(per)",
         "0 1/2 2\n1/2 3/4 4\n3/4 1 4\n1 3/2 2\n3/2 7/4 4\n7/4 2 4\n"},
    {"0:1", "note(\"c [c c]\".add(per))",
         "0 1/2 note=50\n1/2 3/4 note=52\n3/4 1 note=52\n"},
    {"0:1", "\"10 [10 10]\".mul(perCycle)",
         "0 1/2 20\n1/2 3/4 40\n3/4 1 40\n"},
    {"0:1", "\"0 [0 [0 0]]\".add(perCycle)",
         "0 1/2 2\n1/2 3/4 4\n3/4 7/8 8\n7/8 1 8\n"},
    {"0:1", "\"1 [1 [1 1]]\".add(perx)",
         "0 1/2 3\n1/2 3/4 4\n3/4 7/8 5\n7/8 1 5\n"},
    {"0:1", "\"0*3 [0 0]\".add(perx)",
         "0 1/6 3.584962500721156\n1/6 1/3 3.584962500721156\n1/3 1/2 3.584962500721156\n1/2 3/4 3\n3/4 1 3\n"},
    {"0:2", "s(\"breaks\").loopAtCps(2, 0.6)",
         "0 2 s=breaks speed=0.3 unit=c\n"},
    {"0:4", "s(\"x\").loopAtCps(\"<2 4>\", 1)",
         "0 2 s=x speed=0.5 unit=c\n2 4 s=x speed=0.5 unit=c\n"},
    {"0:2", "s(\"breaks\").loopatcps(2, 0.6)",
         "0 2 s=breaks speed=0.3 unit=c\n"},
    {"0:2", "s(\"x y\").loopatcps(1, \"<0.5 2>\")",
         "0 1/2 s=x speed=0.5 unit=c\n1/2 1 s=y speed=0.5 unit=c\n1 3/2 s=x speed=2 unit=c\n3/2 2 s=y speed=2 unit=c\n"},
    {"0:5", "xfade(s(\"bd*2\"), \"<0 .25 .5 .75 1>\", s(\"hh*8\"))",
         "0 1/8 gain=0 s=hh\n0 1/2 gain=1 s=bd\n1/8 1/4 gain=0 s=hh\n1/4 3/8 gain=0 s=hh\n3/8 1/2 gain=0 s=hh\n1/2 5/8 gain=0 s=hh\n1/2 1 gain=1 s=bd\n5/8 3/4 gain=0 s=hh\n3/4 7/8 gain=0 s=hh\n7/8 1 gain=0 s=hh\n1 9/8 gain=0.5 s=hh\n1 3/2 gain=1 s=bd\n9/8 5/4 gain=0.5 s=hh\n5/4 11/8 gain=0.5 s=hh\n11/8 3/2 gain=0.5 s=hh\n3/2 13/8 gain=0.5 s=hh\n3/2 2 gain=1 s=bd\n13/8 7/4 gain=0.5 s=hh\n7/4 15/8 gain=0.5 s=hh\n15/8 2 gain=0.5 s=hh\n2 17/8 gain=1 s=hh\n2 5/2 gain=1 s=bd\n17/8 9/4 gain=1 s=hh\n9/4 19/8 gain=1 s=hh\n19/8 5/2 gain=1 s=hh\n5/2 21/8 gain=1 s=hh\n5/2 3 gain=1 s=bd\n21/8 11/4 gain=1 s=hh\n11/4 23/8 gain=1 s=hh\n23/8 3 gain=1 s=hh\n3 25/8 gain=1 s=hh\n3 7/2 gain=0.5 s=bd\n25/8 13/4 gain=1 s=hh\n13/4 27/8 gain=1 s=hh\n27/8 7/2 gain=1 s=hh\n7/2 29/8 gain=1 s=hh\n7/2 4 gain=0.5 s=bd\n29/8 15/4 gain=1 s=hh\n15/4 31/8 gain=1 s=hh\n31/8 4 gain=1 s=hh\n4 33/8 gain=1 s=hh\n4 9/2 gain=0 s=bd\n33/8 17/4 gain=1 s=hh\n17/4 35/8 gain=1 s=hh\n35/8 9/2 gain=1 s=hh\n9/2 37/8 gain=1 s=hh\n9/2 5 gain=0 s=bd\n37/8 19/4 gain=1 s=hh\n19/4 39/8 gain=1 s=hh\n39/8 5 gain=1 s=hh\n"},
    {"0:2", "s(\"bd*2\").gain(0.5).xfade(\"<0 .75>\", s(\"hh*4\"))",
         "0 1/4 gain=0 s=hh\n0 1/2 gain=0.5 s=bd\n1/4 1/2 gain=0 s=hh\n1/2 3/4 gain=0 s=hh\n1/2 1 gain=0.5 s=bd\n3/4 1 gain=0 s=hh\n1 5/4 gain=1 s=hh\n1 3/2 gain=0.25 s=bd\n5/4 3/2 gain=1 s=hh\n3/2 7/4 gain=1 s=hh\n3/2 2 gain=0.25 s=bd\n7/4 2 gain=1 s=hh\n"},
    {"0:1", "xfade(note(\"c e\"), 0.8, note(\"g\").gain(0.5))",
         "0 1/2 gain=0.3999999999999999 note=c\n0 1 gain=0.5 note=g\n1/2 1 gain=0.3999999999999999 note=e\n"},
    {"0:2", "randL(3).segment(2)",
         "0 1/2 0:0:0\n1/2 1 0.2604806162416935:0.3654713351279497:0.9900747090578079\n1 3/2 0.5195421651005745:0.9349692352116108:0.1718774326145649\n3/2 2 0.6084080748260021:0.4424846563488245:0.755185678601265\n"},
    {"0:2", "randL(\"<2 3>\").segment(4)",
         "0 1/4 0:0\n1/4 1/2 0.36975969187915325:0.18273563869297504\n1/2 3/4 0.2604806162416935:0.3654713351279497\n3/4 1 0.19582648016512394:0.0024610888212919235\n1 5/4 0.5195421651005745:0.9349692352116108:0.1718774326145649\n5/4 3/2 0.7287282031029463:0.9341024849563837:0.5098182689398527\n3/2 7/4 0.6084080748260021:0.4424846563488245:0.755185678601265\n7/4 2 0.20473789609968662:0.7480021081864834:0.30757393687963486\n"},
    /* steps: pace, take, drop, expand, contract, extend, replicate, polymeter, zip, gap, the stacks, stepcat counting steps */
    {"0:2", "s(\"bd sd hh\").pace(\"<2 4>\")",
         "0 1/2 s=bd\n1/2 1 s=sd\n1 5/4 s=sd\n5/4 3/2 s=hh\n3/2 7/4 s=bd\n7/4 2 s=sd\n"},
    {"0:1", "\"a b c d e\".pace(2)",
         "0 1/2 a\n1/2 1 b\n"},
    {"0:1", "s(\"bd sd hh\").steps(4)",
         "0 1/4 s=bd\n1/4 1/2 s=sd\n1/2 3/4 s=hh\n3/4 1 s=bd\n"},
    {"0:2", "\"a [b c]\".steps(3)",
         "0 1/3 a\n1/3 1/2 b\n1/2 2/3 c\n2/3 1 a\n1 7/6 b\n7/6 4/3 c\n4/3 5/3 a\n5/3 11/6 b\n11/6 2 c\n"},
    {"0:1", "stepcat(s(\"bd sd\").expand(2), s(\"hh hh hh\"))",
         "0 2/7 s=bd\n2/7 4/7 s=sd\n4/7 5/7 s=hh\n5/7 6/7 s=hh\n6/7 1 s=hh\n"},
    {"0:1", "\"a b\".expand(3).pace(1)",
         "0 3 a\n"},
    {"0:1", "stepcat(s(\"bd sd\").s_expand(2), s(\"hh\"))",
         "0 2/5 s=bd\n2/5 4/5 s=sd\n4/5 1 s=hh\n"},
    {"0:1", "\"a b c\".s_expand(2).pace(3)",
         "0 2/3 a\n2/3 4/3 b\n"},
    {"0:1", "stepcat(s(\"bd sd hh cp\").contract(2), s(\"rim\"))",
         "0 1/6 s=bd\n1/6 1/3 s=sd\n1/3 1/2 s=hh\n1/2 2/3 s=cp\n2/3 1 s=rim\n"},
    {"0:1", "\"a b c d\".contract(2).pace(1)",
         "0 1/2 a\n1/2 1 b\n"},
    {"0:1", "stepcat(s(\"bd sd hh cp\").s_contract(2), s(\"rim\"))",
         "0 1/6 s=bd\n1/6 1/3 s=sd\n1/3 1/2 s=hh\n1/2 2/3 s=cp\n2/3 1 s=rim\n"},
    {"0:1", "\"a b\".s_contract(2).pace(2)",
         "0 1/4 a\n1/4 1/2 b\n1/2 3/4 a\n3/4 1 b\n"},
    {"0:1", "stepcat(s(\"bd sd\").extend(2), s(\"hh hh\"))",
         "0 1/6 s=bd\n1/6 1/3 s=sd\n1/3 1/2 s=bd\n1/2 2/3 s=sd\n2/3 5/6 s=hh\n5/6 1 s=hh\n"},
    {"0:1", "\"a b\".extend(3)",
         "0 1/6 a\n1/6 1/3 b\n1/3 1/2 a\n1/2 2/3 b\n2/3 5/6 a\n5/6 1 b\n"},
    {"0:1", "stepcat(s(\"bd sd\").s_extend(2), s(\"hh\"))",
         "0 1/5 s=bd\n1/5 2/5 s=sd\n2/5 3/5 s=bd\n3/5 4/5 s=sd\n4/5 1 s=hh\n"},
    {"0:1", "\"a b c\".s_extend(2).pace(3)",
         "0 1/3 a\n1/3 2/3 b\n2/3 1 c\n"},
    {"0:2", "stepcat(s(\"bd sd\").replicate(2), s(\"cp\"))",
         "0 1/5 s=bd\n1/5 2/5 s=sd\n2/5 3/5 s=bd\n3/5 4/5 s=sd\n4/5 1 s=cp\n1 6/5 s=bd\n6/5 7/5 s=sd\n7/5 8/5 s=bd\n8/5 9/5 s=sd\n9/5 2 s=cp\n"},
    {"0:2", "\"<a b> c\".replicate(2)",
         "0 1/4 a\n1/4 1/2 c\n1/2 3/4 a\n3/4 1 c\n1 5/4 b\n5/4 3/2 c\n3/2 7/4 b\n7/4 2 c\n"},
    {"0:1", "polymeter(s(\"bd sd\"), s(\"hh hh oh\"))",
         "0 1/6 s=bd\n0 1/6 s=hh\n1/6 1/3 s=hh\n1/6 1/3 s=sd\n1/3 1/2 s=bd\n1/3 1/2 s=oh\n1/2 2/3 s=hh\n1/2 2/3 s=sd\n2/3 5/6 s=bd\n2/3 5/6 s=hh\n5/6 1 s=oh\n5/6 1 s=sd\n"},
    {"0:2", "polymeter(\"a b c\", \"d e\", \"f\")",
         "0 1/6 a\n0 1/6 d\n0 1/6 f\n1/6 1/3 b\n1/6 1/3 e\n1/6 1/3 f\n1/3 1/2 c\n1/3 1/2 d\n1/3 1/2 f\n1/2 2/3 a\n1/2 2/3 e\n1/2 2/3 f\n2/3 5/6 b\n2/3 5/6 d\n2/3 5/6 f\n5/6 1 c\n5/6 1 e\n5/6 1 f\n1 7/6 a\n1 7/6 d\n1 7/6 f\n7/6 4/3 b\n7/6 4/3 e\n7/6 4/3 f\n4/3 3/2 c\n4/3 3/2 d\n4/3 3/2 f\n3/2 5/3 a\n3/2 5/3 e\n3/2 5/3 f\n5/3 11/6 b\n5/3 11/6 d\n5/3 11/6 f\n11/6 2 c\n11/6 2 e\n11/6 2 f\n"},
    {"0:1", "pm(s(\"bd sd\"), s(\"hh hh oh\"))",
         "0 1/6 s=bd\n0 1/6 s=hh\n1/6 1/3 s=hh\n1/6 1/3 s=sd\n1/3 1/2 s=bd\n1/3 1/2 s=oh\n1/2 2/3 s=hh\n1/2 2/3 s=sd\n2/3 5/6 s=bd\n2/3 5/6 s=hh\n5/6 1 s=oh\n5/6 1 s=sd\n"},
    {"0:1", "pm(\"a b c d\", \"e f\")",
         "0 1/4 a\n0 1/4 e\n1/4 1/2 b\n1/4 1/2 f\n1/2 3/4 c\n1/2 3/4 e\n3/4 1 d\n3/4 1 f\n"},
    {"0:1", "s_polymeter(s(\"bd sd\"), s(\"hh hh oh\"))",
         "0 1/6 s=bd\n0 1/6 s=hh\n1/6 1/3 s=hh\n1/6 1/3 s=sd\n1/3 1/2 s=bd\n1/3 1/2 s=oh\n1/2 2/3 s=hh\n1/2 2/3 s=sd\n2/3 5/6 s=bd\n2/3 5/6 s=hh\n5/6 1 s=oh\n5/6 1 s=sd\n"},
    {"0:1", "s_polymeter(\"a\", \"b c\")",
         "0 1/2 a\n0 1/2 b\n1/2 1 a\n1/2 1 c\n"},
    {"0:2", "note(zip(\"c d e\", \"g a\"))",
         "0 1/6 note=c\n1/6 1/3 note=g\n1/3 1/2 note=d\n1/2 2/3 note=a\n2/3 5/6 note=e\n5/6 1 note=g\n1 7/6 note=c\n7/6 4/3 note=a\n4/3 3/2 note=d\n3/2 5/3 note=g\n5/3 11/6 note=e\n11/6 2 note=a\n"},
    {"0:1", "zip(\"a b\", \"c d\")",
         "0 1/2 a\n1/2 1 c\n"},
    {"0:1", "note(s_zip(\"c d\", \"g a b\"))",
         "0 1/6 note=c\n1/6 1/3 note=g\n1/3 1/2 note=d\n1/2 2/3 note=a\n2/3 5/6 note=c\n5/6 1 note=b\n"},
    {"0:1", "s_zip(\"a b c\", \"d\")",
         "0 1/3 a\n1/3 2/3 d\n2/3 1 b\n"},
    {"0:1", "stepcat(s(\"bd sd\"), gap(2), s(\"cp\"))",
         "0 1/5 s=bd\n1/5 2/5 s=sd\n4/5 1 s=cp\n"},
    {"0:1", "stepcat(gap(1), \"a b\")",
         "1/3 2/3 a\n2/3 1 b\n"},
    {"0:1", "stackLeft(s(\"bd sd bd\"), s(\"hh hh\"))",
         "0 1/3 s=bd\n0 1/3 s=hh\n1/3 2/3 s=hh\n1/3 2/3 s=sd\n2/3 1 s=bd\n"},
    {"0:1", "stackLeft(\"a b c d\", \"e\", \"f g\")",
         "0 1/4 a\n0 1/4 e\n0 1/4 f\n1/4 1/2 b\n1/4 1/2 g\n1/2 3/4 c\n3/4 1 d\n"},
    {"0:1", "stackRight(s(\"bd sd bd\"), s(\"hh hh\"))",
         "0 1/3 s=bd\n1/3 2/3 s=hh\n1/3 2/3 s=sd\n2/3 1 s=bd\n2/3 1 s=hh\n"},
    {"0:1", "stackRight(\"a b c d\", \"e\")",
         "0 1/4 a\n1/4 1/2 b\n1/2 3/4 c\n3/4 1 d\n3/4 1 e\n"},
    {"0:1", "stackCentre(s(\"bd sd bd sd\"), s(\"hh hh\"))",
         "0 1/4 s=bd\n1/4 1/2 s=hh\n1/4 1/2 s=sd\n1/2 3/4 s=bd\n1/2 3/4 s=hh\n3/4 1 s=sd\n"},
    {"0:1", "stackCentre(\"a b c\", \"d\")",
         "0 1/3 a\n1/3 2/3 b\n1/3 2/3 d\n2/3 1 c\n"},
    {"0:3", "stackBy(\"<left right centre>\", s(\"bd sd bd sd\"), s(\"hh hh\"))",
         "0 1/4 s=bd\n0 1/4 s=hh\n1/4 1/2 s=hh\n1/4 1/2 s=sd\n1/2 3/4 s=bd\n3/4 1 s=sd\n1 5/4 s=bd\n5/4 3/2 s=sd\n3/2 7/4 s=bd\n3/2 7/4 s=hh\n7/4 2 s=hh\n7/4 2 s=sd\n2 9/4 s=bd\n9/4 5/2 s=hh\n9/4 5/2 s=sd\n5/2 11/4 s=bd\n5/2 11/4 s=hh\n11/4 3 s=sd\n"},
    {"0:2", "stackBy(\"<expand repeat>\", \"a b c d\", \"e f\")",
         "0 1/4 a\n0 1/2 e\n1/4 1/2 b\n1/2 3/4 c\n1/2 1 f\n3/4 1 d\n1 5/4 a\n1 5/4 e\n5/4 3/2 b\n5/4 3/2 f\n3/2 7/4 c\n3/2 7/4 e\n7/4 2 d\n7/4 2 f\n"},
    {"0:1", "stepcat(\"a b\", \"c\")",
         "0 1/3 a\n1/3 2/3 b\n2/3 1 c\n"},
    {"0:1", "stepcat([1, \"a\"], \"b c d\")",
         "0 1/4 a\n1/4 1/2 b\n1/2 3/4 c\n3/4 1 d\n"},
    {"0:1", "timeCat(\"a b c\", [2, \"d\"])",
         "0 1/5 a\n1/5 2/5 b\n2/5 3/5 c\n3/5 1 d\n"},
    {"0:1", "timecat(\"a b\", \"c d e\")",
         "0 1/5 a\n1/5 2/5 b\n2/5 3/5 c\n3/5 4/5 d\n4/5 1 e\n"},
    {"0:1", "s_cat(\"a b c\", \"d e\")",
         "0 1/5 a\n1/5 2/5 b\n2/5 3/5 c\n3/5 4/5 d\n4/5 1 e\n"},
    {"0:1", "s_cat(\"a b\", sine.segment(4))",
         "0 1/6 a\n1/6 1/3 b\n1/3 1/2 0.5\n1/2 2/3 1\n2/3 5/6 0.5000000000000001\n5/6 1 0\n"},
    {"0:1", "note(\"c d e f g\".take(3))",
         "0 1/3 note=c\n1/3 2/3 note=d\n2/3 1 note=e\n"},
    {"0:1", "\"a b c d\".take(2)",
         "0 1/2 a\n1/2 1 b\n"},
    {"0:1", "note(\"c d e f\".s_add(3))",
         "0 1/3 note=c\n1/3 2/3 note=d\n2/3 1 note=e\n"},
    {"0:1", "\"a b c d\".s_add(-1)",
         "0 1 d\n"},
    {"0:1", "note(\"c d e f g\".drop(-2))",
         "0 1/3 note=c\n1/3 2/3 note=d\n2/3 1 note=e\n"},
    {"0:1", "\"a b c d\".drop(1)",
         "0 1/3 b\n1/3 2/3 c\n2/3 1 d\n"},
    {"0:1", "note(\"c d e f\".s_sub(1))",
         "0 1/3 note=d\n1/3 2/3 note=e\n2/3 1 note=f\n"},
    {"0:1", "\"a b c d\".s_sub(-2)",
         "0 1/2 a\n1/2 1 b\n"},
    /* shrink, grow, shrinklist, tour, stepalt; a patterned count joined step-wise */
    {"0:1", "\"a b c d\".shrink(1)",
         "0 1/10 a\n1/10 1/5 b\n1/5 3/10 c\n3/10 2/5 d\n2/5 1/2 b\n1/2 3/5 c\n3/5 7/10 d\n7/10 4/5 c\n4/5 9/10 d\n9/10 1 d\n"},
    {"0:1", "\"a b c d\".shrink(-1)",
         "0 1/10 a\n1/10 1/5 b\n1/5 3/10 c\n3/10 2/5 d\n2/5 1/2 a\n1/2 3/5 b\n3/5 7/10 c\n7/10 4/5 a\n4/5 9/10 b\n9/10 1 a\n"},
    {"0:1", "\"a b c d\".shrink([1, 2])",
         "0 1/7 a\n1/7 2/7 b\n2/7 3/7 c\n3/7 4/7 d\n4/7 5/7 b\n5/7 6/7 c\n6/7 1 d\n"},
    {"0:1", "\"a b c d e\".shrink(\"1 -1\")",
         "0 1/30 a\n1/30 1/15 b\n1/15 1/10 c\n1/10 2/15 d\n2/15 1/6 e\n1/6 1/5 b\n1/5 7/30 c\n7/30 4/15 d\n4/15 3/10 e\n3/10 1/3 c\n1/3 11/30 d\n11/30 2/5 e\n2/5 13/30 d\n13/30 7/15 e\n7/15 1/2 e\n1/2 8/15 a\n8/15 17/30 b\n17/30 3/5 c\n3/5 19/30 d\n19/30 2/3 e\n2/3 7/10 a\n7/10 11/15 b\n11/15 23/30 c\n23/30 4/5 d\n4/5 5/6 a\n5/6 13/15 b\n13/15 9/10 c\n9/10 14/15 a\n14/15 29/30 b\n29/30 1 a\n"},
    {"0:1", "\"a b c\".s_taper(1)",
         "0 1/6 a\n1/6 1/3 b\n1/3 1/2 c\n1/2 2/3 b\n2/3 5/6 c\n5/6 1 c\n"},
    {"0:1", "\"a b c d\".grow(1)",
         "0 1/10 a\n1/10 1/5 a\n1/5 3/10 b\n3/10 2/5 a\n2/5 1/2 b\n1/2 3/5 c\n3/5 7/10 a\n7/10 4/5 b\n4/5 9/10 c\n9/10 1 d\n"},
    {"0:1", "\"a b c d\".grow(-1)",
         "0 1/10 d\n1/10 1/5 c\n1/5 3/10 d\n3/10 2/5 b\n2/5 1/2 c\n1/2 3/5 d\n3/5 7/10 a\n7/10 4/5 b\n4/5 9/10 c\n9/10 1 d\n"},
    {"0:1", "\"a b c\".grow(\"1 -1\")",
         "0 1/12 a\n1/12 1/6 a\n1/6 1/4 b\n1/4 1/3 a\n1/3 5/12 b\n5/12 1/2 c\n1/2 7/12 c\n7/12 2/3 b\n2/3 3/4 c\n3/4 5/6 a\n5/6 11/12 b\n11/12 1 c\n"},
    {"0:1", "\"a b\".tour(\"c\", \"d e\")",
         "0 1/15 c\n1/15 2/15 d\n2/15 1/5 e\n1/5 4/15 a\n4/15 1/3 b\n1/3 2/5 c\n2/5 7/15 a\n7/15 8/15 b\n8/15 3/5 d\n3/5 2/3 e\n2/3 11/15 a\n11/15 4/5 b\n4/5 13/15 c\n13/15 14/15 d\n14/15 1 e\n"},
    {"0:1", "tour(\"a\", \"b\", \"c\")",
         "0 1/9 b\n1/9 2/9 c\n2/9 1/3 a\n1/3 4/9 b\n4/9 5/9 a\n5/9 2/3 c\n2/3 7/9 a\n7/9 8/9 b\n8/9 1 c\n"},
    {"0:1", "\"a\".s_tour(\"b c\")",
         "0 1/6 b\n1/6 1/3 c\n1/3 1/2 a\n1/2 2/3 a\n2/3 5/6 b\n5/6 1 c\n"},
    {"0:2", "stepalt(\"a b\", [\"c\", \"d e\"])",
         "0 1/7 a\n1/7 2/7 b\n2/7 3/7 c\n3/7 4/7 a\n4/7 5/7 b\n5/7 6/7 d\n6/7 1 e\n1 8/7 a\n8/7 9/7 b\n9/7 10/7 c\n10/7 11/7 a\n11/7 12/7 b\n12/7 13/7 d\n13/7 2 e\n"},
    {"0:1", "stepalt([\"a\", \"b c\"], [\"d\", \"e\", \"f\"])",
         "0 1/15 a\n1/15 2/15 d\n2/15 1/5 b\n1/5 4/15 c\n4/15 1/3 e\n1/3 2/5 a\n2/5 7/15 f\n7/15 8/15 b\n8/15 3/5 c\n3/5 2/3 d\n2/3 11/15 a\n11/15 4/5 e\n4/5 13/15 b\n13/15 14/15 c\n14/15 1 f\n"},
    {"0:1", "s_alt(\"a\", [\"b\", \"c d\"])",
         "0 1/5 a\n1/5 2/5 b\n2/5 3/5 a\n3/5 4/5 c\n4/5 1 d\n"},
    {"0:1", "\"a b c\".shrinklist(1)[1]",
         "0 1/2 b\n1/2 1 c\n"},
    {"0:1", "\"a b c d\".s_taperlist(-1)[2]",
         "0 1/2 a\n1/2 1 b\n"},
    {"0:1", "\"a b c d\".take(\"1 2\")",
         "0 1/3 a\n1/3 2/3 a\n2/3 1 b\n"},
    {"1:2", "\"a b c d\".take(\"<1 2>\")",
         "1 3/2 a\n3/2 2 b\n"},
    {"0:1", "\"a b c d\".drop(\"1 2\")",
         "0 1/5 b\n1/5 2/5 c\n2/5 3/5 d\n3/5 4/5 c\n4/5 1 d\n"},
    {"0:1", "stepcat(\"a b\".expand(\"1 2\"), \"c\")",
         "0 1/7 a\n1/7 2/7 b\n2/7 4/7 a\n4/7 6/7 b\n6/7 1 c\n"},
    {"0:1", "\"a b\".extend(\"1 2\")",
         "0 1/6 a\n1/6 1/3 b\n1/3 1/2 a\n1/2 2/3 b\n2/3 5/6 a\n5/6 1 b\n"},
    {"0:1", "\"a b\".replicate(\"2 1\")",
         "0 1/6 a\n1/6 1/3 b\n1/3 1/2 a\n1/2 2/3 b\n2/3 5/6 a\n5/6 1 b\n"},
    {"0:1", "\"a b c\".contract(\"1 3\")",
         "0 1/4 a\n1/4 1/2 b\n1/2 3/4 c\n3/4 5/6 a\n5/6 11/12 b\n11/12 1 c\n"},
    /* choose2, scrub, parray, seqPLoop */
    {"0:2", "sine2.segment(4).choose2(\"a\", \"b\", \"c\")",
         "0 1/4 b\n1/4 1/2 c\n1/2 3/4 b\n3/4 1 a\n1 5/4 b\n5/4 3/2 c\n3/2 7/4 b\n7/4 2 a\n"},
    {"0:1", "saw2.segment(8).choose2(\"x\", \"y\")",
         "0 1/8 x\n1/8 1/4 x\n1/4 3/8 x\n3/8 1/2 x\n1/2 5/8 y\n5/8 3/4 y\n3/4 7/8 y\n7/8 1 y\n"},
    {"0:2", "s(\"bd\").scrub(\"0.25 0.5:2\")",
         "0 1/2 begin=0.25 clip=1 s=bd speed=1\n1/2 1 begin=0.5 clip=1 s=bd speed=2\n1 3/2 begin=0.25 clip=1 s=bd speed=1\n3/2 2 begin=0.5 clip=1 s=bd speed=2\n"},
    {"0:2", "s(\"bd\").speed(2).scrub(\"<0 0.5:2>\")",
         "0 1 begin=0 clip=1 s=bd speed=2\n1 2 begin=0.5 clip=1 s=bd speed=4\n"},
    {"0:2", "parray([\"a b\", \"c d e\"])",
         "0 1/3 a:c\n1/3 1/2 a:d\n1/2 2/3 b:d\n2/3 1 b:e\n1 4/3 a:c\n4/3 3/2 a:d\n3/2 5/3 b:d\n5/3 2 b:e\n"},
    {"0:1", "parray([\"a\", \"b c\", \"d\"])",
         "0 1/2 a:b:d\n1/2 1 a:c:d\n"},
    {"0:3", "seqPLoop([0, 2, \"a b\"], [1, 3, \"c\"])",
         "0 1/2 a\n1/2 1 b\n1 3/2 a\n1 2 c\n3/2 2 b\n2 3 c\n"},
    {"0:3", "seqPLoop([2, \"a\"], [3, \"b c\"])",
         "0 1 a\n1 2 a\n2 5/2 b\n5/2 3 c\n"},
        /* bypass */
    {"0:2", "\"a b\".bypass(\"<0 1>\")",
         "0 1/2 a\n1/2 1 b\n"},
    {"0:2", "\"a b\".bypass(\"1 0\")",
         "1/2 1 b\n3/2 2 b\n"},
    {"0:1", "s(\"bd*4\").bypass(\"0.5 2\")",
         "0 1/4 s=bd\n1/4 1/2 s=bd\n"},
    /* clang-format on */
