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
    /* clang-format on */
