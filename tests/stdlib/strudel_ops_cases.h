/*
 * strudel_ops_cases.h - the library test's cases for Strudel's operators
 * and their ways (x.add.out(y), x.lt(y), ...), included in CASES of
 * test_library.c: each expression with the events Strudel 1.2.6 gives
 * (../shared/oracle), unless said.
 */
/* clang-format off */
    /* operators with their structure: Strudel 1.2.6 events */
    {"0:2", "\"0 2\".add.out(\"<1 2> 3\")",
         "0 1/2 1\n"
         "1/2 1 5\n"
         "1 3/2 2\n"
         "3/2 2 5\n"},
    {"0:2", "\"0 2\".add.mix(\"<1 2> 3\")",
         "0 1/2 1\n"
         "1/2 1 5\n"
         "1 3/2 2\n"
         "3/2 2 5\n"},
    {"0:2", "\"0 2\".add.squeeze(\"1 2\")",
         "0 1/4 1\n"
         "1/4 1/2 2\n"
         "1/2 3/4 3\n"
         "3/4 1 4\n"
         "1 5/4 1\n"
         "5/4 3/2 2\n"
         "3/2 7/4 3\n"
         "7/4 2 4\n"},
    {"0:2", "\"0 2\".add.squeezeout(\"1 2\")",
         "0 1/4 1\n"
         "1/4 1/2 3\n"
         "1/2 3/4 2\n"
         "3/4 1 4\n"
         "1 5/4 1\n"
         "5/4 3/2 3\n"
         "3/2 7/4 2\n"
         "7/4 2 4\n"},
    {"0:2", "\"0 1 2 3\".add.reset(\"1 2\")",
         "0 1/4 1\n"
         "1/4 1/2 2\n"
         "1/2 3/4 2\n"
         "3/4 1 3\n"
         "1 5/4 1\n"
         "5/4 3/2 2\n"
         "3/2 7/4 2\n"
         "7/4 2 3\n"},
    {"0:2", "\"0 1 2 3\".sub.restart(\"<1 2>\")",
         "0 1/4 -1\n"
         "1/4 1/2 0\n"
         "1/2 3/4 1\n"
         "3/4 1 2\n"
         "1 5/4 -2\n"
         "5/4 3/2 -1\n"
         "3/2 7/4 0\n"
         "7/4 2 1\n"},
    {"0:2", "\"0 2\".mul.in(\"2 3\")",
         "0 1/2 0\n"
         "1/2 1 6\n"
         "1 3/2 0\n"
         "3/2 2 6\n"},
    {"0:2", "\"1 2\".div.mix(\"2\")",
         "0 1/2 0.5\n"
         "1/2 1 1\n"
         "1 3/2 0.5\n"
         "3/2 2 1\n"},
    {"0:2", "\"5 7\".mod.squeeze(\"3 4\")",
         "0 1/4 2\n"
         "1/4 1/2 1\n"
         "1/2 3/4 1\n"
         "3/4 1 3\n"
         "1 5/4 2\n"
         "5/4 3/2 1\n"
         "3/2 7/4 1\n"
         "7/4 2 3\n"},
    {"0:2", "n(\"0 2\").add.out(n(\"<1 2> 3\"))",
         "0 1/2 n=1\n"
         "1/2 1 n=5\n"
         "1 3/2 n=2\n"
         "3/2 2 n=5\n"},
    {"0:2", "\"0 [1 2]\".set.squeeze(\"a b\")",
         "0 1/4 a\n"
         "1/4 1/2 b\n"
         "1/2 5/8 a\n"
         "5/8 3/4 b\n"
         "3/4 7/8 a\n"
         "7/8 1 b\n"
         "1 5/4 a\n"
         "5/4 3/2 b\n"
         "3/2 13/8 a\n"
         "13/8 7/4 b\n"
         "7/4 15/8 a\n"
         "15/8 2 b\n"},
    {"0:2", "\"0 1\".keepif.reset(\"1 0\")",
         "0 1/2 0\n"
         "1 3/2 0\n"},
    {"0:2", "\"0 1 2 3\".keep.restart(\"x ~ x\")",
         "0 1/4 0\n"
         "1/4 1/3 1\n"
         "2/3 11/12 0\n"
         "11/12 1 1\n"
         "1 5/4 0\n"
         "5/4 4/3 1\n"
         "5/3 23/12 0\n"
         "23/12 2 1\n"},
    {"0:2", "s(\"bd sd\").set(gain(\"0.5 1\"))",
         "0 1/2 gain=0.5 s=bd\n"
         "1/2 1 gain=1 s=sd\n"
         "1 3/2 gain=0.5 s=bd\n"
         "3/2 2 gain=1 s=sd\n"},
    {"0:2", "s(\"bd sd\").keep(s(\"hh\").gain(0.5))",
         "0 1/2 gain=0.5 s=bd\n"
         "1/2 1 gain=0.5 s=sd\n"
         "1 3/2 gain=0.5 s=bd\n"
         "3/2 2 gain=0.5 s=sd\n"},
    {"0:2", "s(\"bd*4\").keepif(\"1 0 1 1\")",
         "0 1/4 s=bd\n"
         "1/2 3/4 s=bd\n"
         "3/4 1 s=bd\n"
         "1 5/4 s=bd\n"
         "3/2 7/4 s=bd\n"
         "7/4 2 s=bd\n"},
    {"0:2", "n(\"0 2\").set.out(s(\"a b c\"))",
         "0 1/3 n=0 s=a\n"
         "1/3 2/3 n=0 s=b\n"
         "2/3 1 n=2 s=c\n"
         "1 4/3 n=0 s=a\n"
         "4/3 5/3 n=0 s=b\n"
         "5/3 2 n=2 s=c\n"},
    {"0:2", "n(\"0 1\").keep.out(n(\"5 6 7\"))",
         "0 1/3 n=0\n"
         "1/3 2/3 n=0\n"
         "2/3 1 n=1\n"
         "1 4/3 n=0\n"
         "4/3 5/3 n=0\n"
         "5/3 2 n=1\n"},
    {"0:2", "n(\"0 1 2\").keepif.out(\"1 0\")",
         "0 1/2 n=0\n"
         "1 3/2 n=0\n"},
    {"0:1", "\"4 8\".add.in(\"1 2\").add.out(\"2\").add.mix(\"1\").add.squeeze(\"1 2\").add.squeezeout(\"1\").add.reset(\"1\").add.restart(\"1\")",
         "0 1/2 12\n"
         "1/2 1 18\n"},
    {"0:1", "\"4 8\".sub.in(\"1 2\").sub.out(\"2\").sub.mix(\"1\").sub.squeeze(\"1 2\").sub.squeezeout(\"1\").sub.reset(\"1\").sub.restart(\"1\")",
         "0 1/2 -4\n"
         "1/2 1 -2\n"},
    {"0:1", "\"4 8\".mul.in(\"1 2\").mul.out(\"2\").mul.mix(\"1\").mul.squeeze(\"1 2\").mul.squeezeout(\"1\").mul.reset(\"1\").mul.restart(\"1\")",
         "0 1/2 8\n"
         "1/2 1 64\n"},
    {"0:1", "\"4 8\".div.in(\"1 2\").div.out(\"2\").div.mix(\"1\").div.squeeze(\"1 2\").div.squeezeout(\"1\").div.reset(\"1\").div.restart(\"1\")",
         "0 1/2 2\n"
         "1/2 1 1\n"},
    {"0:1", "\"4 8\".mod.in(\"1 2\").mod.out(\"2\").mod.mix(\"1\").mod.squeeze(\"1 2\").mod.squeezeout(\"1\").mod.reset(\"1\").mod.restart(\"1\")",
         "0 1/2 0\n"
         "1/2 1 0\n"},
    {"0:1", "\"4 8\".set.in(\"1 2\").set.out(\"2\").set.mix(\"1\").set.squeeze(\"1 2\").set.squeezeout(\"1\").set.reset(\"1\").set.restart(\"1\")",
         "0 1/2 1\n"
         "1/2 1 1\n"},
    {"0:1", "\"4 8\".keep.in(\"1 2\").keep.out(\"2\").keep.mix(\"1\").keep.squeeze(\"1 2\").keep.squeezeout(\"1\").keep.reset(\"1\").keep.restart(\"1\")",
         "0 1/2 4\n"
         "1/2 1 8\n"},
    {"0:1", "\"4 8\".keepif.in(\"1 2\").keepif.out(\"2\").keepif.mix(\"1\").keepif.squeeze(\"1 2\").keepif.squeezeout(\"1\").keepif.reset(\"1\").keepif.restart(\"1\")",
         "0 1/2 4\n"
         "1/2 1 8\n"},
    /* vibrato controls (sound: test_render.c) */
    {"0:1", "note(\"c4\").vib(\"5:0.5\")",
         "0 1 note=c4 vib=5 vibmod=0.5\n"},
    {"0:1", "note(\"c4 e4\").v(4).vibrato(\"<3 6>\").vibmod(2).vmod(1)",
         "0 1/2 note=c4 vib=3 vibmod=1\n"
         "1/2 1 note=e4 vib=3 vibmod=1\n"},
    /* JavaScript operators, bipolar signals and Strudel aliases: Strudel 1.2.6 events */
    {"0:1", "\"4 8\".pow(\"1 2\").pow.in(1).pow.out(\"2\").pow.mix(\"1\").pow.squeeze(\"1 2\").pow.squeezeout(\"1\").pow.reset(\"1\").pow.restart(\"1\")",
         "0 1/2 16\n"
         "1/2 1 16777216\n"},
    {"0:1", "\"4 8\".band(\"1 2\").band.in(1).band.out(\"2\").band.mix(\"1\").band.squeeze(\"1 2\").band.squeezeout(\"1\").band.reset(\"1\").band.restart(\"1\")",
         "0 1/2 0\n"
         "1/2 1 0\n"},
    {"0:1", "\"4 8\".bor(\"1 2\").bor.in(1).bor.out(\"2\").bor.mix(\"1\").bor.squeeze(\"1 2\").bor.squeezeout(\"1\").bor.reset(\"1\").bor.restart(\"1\")",
         "0 1/2 7\n"
         "1/2 1 11\n"},
    {"0:1", "\"4 8\".bxor(\"1 2\").bxor.in(1).bxor.out(\"2\").bxor.mix(\"1\").bxor.squeeze(\"1 2\").bxor.squeezeout(\"1\").bxor.reset(\"1\").bxor.restart(\"1\")",
         "0 1/2 7\n"
         "1/2 1 11\n"},
    {"0:1", "\"4 8\".blshift(\"1 2\").blshift.in(1).blshift.out(\"2\").blshift.mix(\"1\").blshift.squeeze(\"1 2\").blshift.squeezeout(\"1\").blshift.reset(\"1\").blshift.restart(\"1\")",
         "0 1/2 2048\n"
         "1/2 1 16384\n"},
    {"0:1", "\"4 8\".brshift(\"1 2\").brshift.in(1).brshift.out(\"2\").brshift.mix(\"1\").brshift.squeeze(\"1 2\").brshift.squeezeout(\"1\").brshift.reset(\"1\").brshift.restart(\"1\")",
         "0 1/2 0\n"
         "1/2 1 0\n"},
    {"0:1", "\"1 2 3\".and(\"2\").and.in(\"<1 2>\").and.out(\"3 2\").and.mix(\"1\").and.squeeze(\"1 2\").and.squeezeout(\"1\").and.reset(\"1\").and.restart(\"1\")",
         "0 1/4 1\n"
         "1/4 1/2 1\n"
         "1/2 3/4 1\n"
         "3/4 1 1\n"},
    {"0:1", "\"1 2 3\".or(\"2\").or.in(\"<1 2>\").or.out(\"3 2\").or.mix(\"1\").or.squeeze(\"1 2\").or.squeezeout(\"1\").or.reset(\"1\").or.restart(\"1\")",
         "0 1/4 1\n"
         "1/4 1/2 1\n"
         "1/2 3/4 2\n"
         "3/4 1 3\n"},
    {"0:1", "\"1 2\".func(x => x * 3).func.in(x => x + 1).func.out(x => x * 2).func.mix(x => x).func.squeeze(x => x).func.squeezeout(x => x).func.reset(x => x).func.restart(x => x)",
         "0 1 8\n"},
    {"0:1", "stack(sine.toBipolar(), sine2.fromBipolar()).segment(2)",
         "0 1/2 0\n"
         "0 1/2 0.5\n"
         "1/2 1 0.5000000000000001\n"
         "1/2 1 2.220446049250313e-16\n"},
    {"0:1", "n(steady(3).segment(2))",
         "0 1/2 n=3\n"
         "1/2 1 n=3\n"},
    {"0:1", "signal(t => t * 2).segment(4)",
         "0 1/4 0\n"
         "1/4 1/2 0.5\n"
         "1/2 3/4 1\n"
         "3/4 1 1.5\n"},
    {"0:1", "s(\"hh*8\").struct(brand.segment(8))",
         "0 1/8 s=hh\n"
         "1/4 3/8 s=hh\n"
         "3/8 1/2 s=hh\n"
         "1/2 5/8 s=hh\n"
         "5/8 3/4 s=hh\n"
         "3/4 7/8 s=hh\n"
         "7/8 1 s=hh\n"},
    {"0:1", "s(\"hh*8\").struct(brandBy(\"<0.3 0.7>\").segment(8))",
         "0 1/8 s=hh\n"
         "1/2 5/8 s=hh\n"
         "5/8 3/4 s=hh\n"
         "3/4 7/8 s=hh\n"},
    {"0:1", "n(\"0 1 2 3\").chunkback(4, add(n(10)))",
         "0 1/4 n=10\n"
         "1/4 1/2 n=1\n"
         "1/2 3/4 n=2\n"
         "3/4 1 n=3\n"},
    {"0:1", "s(\"bd\").euclidrot(3, 8, 2)",
         "0 1/8 s=bd\n"
         "1/4 3/8 s=bd\n"
         "5/8 3/4 s=bd\n"},
    {"0:1", "n(\"0 1 2 3\").iterback(4)",
         "0 1/4 n=0\n"
         "1/4 1/2 n=1\n"
         "1/2 3/4 n=2\n"
         "3/4 1 n=3\n"},
    {"0:1", "n(\"0 1\").juxby(0.5, rev)",
         "0 1/2 n=0 pan=0.25\n"
         "0 1/2 n=1 pan=0.75\n"
         "1/2 1 n=0 pan=0.75\n"
         "1/2 1 n=1 pan=0.25\n"},
    {"0:1", "sine.seg(4)",
         "0 1/4 0.5\n"
         "1/4 1/2 1\n"
         "1/2 3/4 0.5000000000000001\n"
         "3/4 1 0\n"},
    {"0:1", "n(\"0 1 2 3\").slowChunk(4, add(n(10))).slowchunk(2, fast(2))",
         "0 1/8 n=10\n"
         "1/8 1/4 n=1\n"
         "1/4 3/8 n=2\n"
         "3/8 1/2 n=3\n"
         "1/2 3/4 n=2\n"
         "3/4 1 n=3\n"},
    {"0:1", "n(\"0 1\").sparsity(2)",
         "0 1 n=0\n"},
    {"0:1", "note(\"c3 e3\").trans(12)",
         "0 1/2 note=C4\n"
         "1/2 1 note=E4\n"},
    {"0:1", "n(chooseOut(0, 2, 4).segment(4))",
         "0 1/4 n=0\n"
         "1/4 1/2 n=2\n"
         "1/2 3/4 n=0\n"
         "3/4 1 n=0\n"},
    {"0:1", "s(\"hh*4\").mask(\"0 1 2 3\".lt(2)).mask(\"0 1 2 3\".lt.in(\"<2 1>\")).mask(\"0 1 2 3\".lt.out(\"2 1\"))",
         "0 1/4 s=hh\n"
         "1/4 1/2 s=hh\n"},
    {"0:1", "s(\"hh*4\").mask(\"0 1 2 3\".lt.mix(\"2\")).mask(\"0 1 2 3\".lt.squeeze(\"2 1\")).mask(\"0 1 2 3\".lt.squeezeout(\"2\")).mask(\"0 1 2 3\".lt.reset(\"2\")).mask(\"0 1 2 3\".lt.restart(\"2\"))",
         "0 1/4 s=hh\n"
         "1/4 1/2 s=hh\n"},
    {"0:1", "s(\"hh*4\").mask(\"0 1 2 3\".gt(2)).mask(\"0 1 2 3\".gt.in(\"<2 1>\")).mask(\"0 1 2 3\".gt.out(\"2 1\"))",
         "3/4 1 s=hh\n"},
    {"0:1", "s(\"hh*4\").mask(\"0 1 2 3\".gt.mix(\"2\")).mask(\"0 1 2 3\".gt.squeeze(\"2 1\")).mask(\"0 1 2 3\".gt.squeezeout(\"2\")).mask(\"0 1 2 3\".gt.reset(\"2\")).mask(\"0 1 2 3\".gt.restart(\"2\"))",
         "3/4 1 s=hh\n"},
    {"0:1", "s(\"hh*4\").mask(\"0 1 2 3\".lte(2)).mask(\"0 1 2 3\".lte.in(\"<2 1>\")).mask(\"0 1 2 3\".lte.out(\"2 1\"))",
         "0 1/4 s=hh\n"
         "1/4 1/2 s=hh\n"},
    {"0:1", "s(\"hh*4\").mask(\"0 1 2 3\".lte.mix(\"2\")).mask(\"0 1 2 3\".lte.squeeze(\"2 1\")).mask(\"0 1 2 3\".lte.squeezeout(\"2\")).mask(\"0 1 2 3\".lte.reset(\"2\")).mask(\"0 1 2 3\".lte.restart(\"2\"))",
         "0 1/4 s=hh\n"
         "1/4 1/2 s=hh\n"
         "1/2 3/4 s=hh\n"},
    {"0:1", "s(\"hh*4\").mask(\"0 1 2 3\".gte(2)).mask(\"0 1 2 3\".gte.in(\"<2 1>\")).mask(\"0 1 2 3\".gte.out(\"2 1\"))",
         "1/2 3/4 s=hh\n"
         "3/4 1 s=hh\n"},
    {"0:1", "s(\"hh*4\").mask(\"0 1 2 3\".gte.mix(\"2\")).mask(\"0 1 2 3\".gte.squeeze(\"2 1\")).mask(\"0 1 2 3\".gte.squeezeout(\"2\")).mask(\"0 1 2 3\".gte.reset(\"2\")).mask(\"0 1 2 3\".gte.restart(\"2\"))",
         "1/2 3/4 s=hh\n"
         "3/4 1 s=hh\n"},
    {"0:1", "s(\"hh*4\").mask(\"0 1 2 3\".eq(2)).mask(\"0 1 2 3\".eq.in(\"<2 1>\")).mask(\"0 1 2 3\".eq.out(\"2 1\"))",
         ""},
    {"0:1", "s(\"hh*4\").mask(\"0 1 2 3\".eq.mix(\"2\")).mask(\"0 1 2 3\".eq.squeeze(\"2 1\")).mask(\"0 1 2 3\".eq.squeezeout(\"2\")).mask(\"0 1 2 3\".eq.reset(\"2\")).mask(\"0 1 2 3\".eq.restart(\"2\"))",
         "1/2 3/4 s=hh\n"},
    {"0:1", "s(\"hh*4\").mask(\"0 1 2 3\".eqt(2)).mask(\"0 1 2 3\".eqt.in(\"<2 1>\")).mask(\"0 1 2 3\".eqt.out(\"2 1\"))",
         ""},
    {"0:1", "s(\"hh*4\").mask(\"0 1 2 3\".eqt.mix(\"2\")).mask(\"0 1 2 3\".eqt.squeeze(\"2 1\")).mask(\"0 1 2 3\".eqt.squeezeout(\"2\")).mask(\"0 1 2 3\".eqt.reset(\"2\")).mask(\"0 1 2 3\".eqt.restart(\"2\"))",
         "1/2 3/4 s=hh\n"},
    {"0:1", "s(\"hh*4\").mask(\"0 1 2 3\".ne(2)).mask(\"0 1 2 3\".ne.in(\"<2 1>\")).mask(\"0 1 2 3\".ne.out(\"2 1\"))",
         "0 1/4 s=hh\n"
         "1/4 1/2 s=hh\n"
         "3/4 1 s=hh\n"},
    {"0:1", "s(\"hh*4\").mask(\"0 1 2 3\".ne.mix(\"2\")).mask(\"0 1 2 3\".ne.squeeze(\"2 1\")).mask(\"0 1 2 3\".ne.squeezeout(\"2\")).mask(\"0 1 2 3\".ne.reset(\"2\")).mask(\"0 1 2 3\".ne.restart(\"2\"))",
         "0 1/4 s=hh\n"
         "1/4 1/2 s=hh\n"
         "3/4 1 s=hh\n"},
    {"0:1", "s(\"hh*4\").mask(\"0 1 2 3\".net(2)).mask(\"0 1 2 3\".net.in(\"<2 1>\")).mask(\"0 1 2 3\".net.out(\"2 1\"))",
         "0 1/4 s=hh\n"
         "1/4 1/2 s=hh\n"
         "3/4 1 s=hh\n"},
    {"0:1", "s(\"hh*4\").mask(\"0 1 2 3\".net.mix(\"2\")).mask(\"0 1 2 3\".net.squeeze(\"2 1\")).mask(\"0 1 2 3\".net.squeezeout(\"2\")).mask(\"0 1 2 3\".net.reset(\"2\")).mask(\"0 1 2 3\".net.restart(\"2\"))",
         "0 1/4 s=hh\n"
         "1/4 1/2 s=hh\n"
         "3/4 1 s=hh\n"},
    {"0:1", "stack(saw2, isaw2, sine2, cosine2, square2, rand2, tri2, itri, itri2).segment(4)",
         "0 1/4 -1\n"
         "0 1/4 -1\n"
         "0 1/4 -1\n"
         "0 1/4 -1\n"
         "0 1/4 0\n"
         "0 1/4 1\n"
         "0 1/4 1\n"
         "0 1/4 1\n"
         "0 1/4 1\n"
         "1/4 1/2 -0.2604806162416935\n"
         "1/4 1/2 -0.5\n"
         "1/4 1/2 -1\n"
         "1/4 1/2 0\n"
         "1/4 1/2 0\n"
         "1/4 1/2 0.5\n"
         "1/4 1/2 0.5\n"
         "1/4 1/2 1\n"
         "1/4 1/2 1.2246467991473532e-16\n"
         "1/2 3/4 -0.479038767516613\n"
         "1/2 3/4 -1\n"
         "1/2 3/4 -1\n"
         "1/2 3/4 0\n"
         "1/2 3/4 0\n"
         "1/2 3/4 0\n"
         "1/2 3/4 1\n"
         "1/2 3/4 1\n"
         "1/2 3/4 1.2246467991473532e-16\n"
         "3/4 1 -0.5\n"
         "3/4 1 -0.6083470396697521\n"
         "3/4 1 -1\n"
         "3/4 1 -2.4492935982947064e-16\n"
         "3/4 1 0\n"
         "3/4 1 0\n"
         "3/4 1 0.5\n"
         "3/4 1 0.5\n"
         "3/4 1 1\n"},
    {"0:1", "\"256 16\".log2.in(0).log2.out(\"0\")",
         "0 1 3\n"},
    {"0:1", "\"256 16\".log2.mix(\"0\").log2.squeeze(\"0\")",
         "0 1/2 3\n"
         "1/2 1 2\n"},
    {"0:1", "\"256 16\".log2.squeezeout(0).log2.reset(0)",
         "0 1/2 3\n"
         "1/2 1 2\n"},
    {"0:1", "\"256 16\".log2.restart(0)",
         "0 1/2 8\n"
         "1/2 1 4\n"},
    {"0:1", "pr(n(\"0 1\"), n(\"2 3 4\"))",
         "0 1/3 n=2\n"
         "0 1/2 n=0\n"
         "1/3 2/3 n=3\n"
         "1/2 1 n=1\n"
         "2/3 1 n=4\n"},
    {"0:1", "polyrhythm(n(\"0 1\"), n(\"2 3\"))",
         "0 1/2 n=0\n"
         "0 1/2 n=2\n"
         "1/2 1 n=1\n"
         "1/2 1 n=3\n"},
    /* (Strudel gives time as fractions, which its printer cannot show; these are the numbers) */
    {"0:1", "n(time.segment(4))", "0 1/4 n=0\n1/4 1/2 n=0.25\n1/2 3/4 n=0.5\n3/4 1 n=0.75\n"},
    /* clang-format on */
