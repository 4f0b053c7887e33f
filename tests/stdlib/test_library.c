/*
 * test_library.c - every built-in function with exact expected events.
 *
 * Each case is a tala expression and the events it must give over a cycle
 * range. The expectations are Strudel 1.2.6's for the same expression (each
 * was compared with Strudel itself when written); whenmod and euclidFull,
 * which Strudel lacks, follow Tidal's definitions. A second test checks
 * that every function in the native table appears in some case and that
 * every documented example runs.
 */
#include "support_lang.h"

#include "spec/controls.h"

typedef struct {
    const char *range;
    const char *expr;
    const char *want;
} Case;

/* clang-format off */
static const Case CASES[] = {
    {"0:2", "\"a b\".fast(2)",
         "0 1/4 a\n"
         "1/4 1/2 b\n"
         "1/2 3/4 a\n"
         "3/4 1 b\n"
         "1 5/4 a\n"
         "5/4 3/2 b\n"
         "3/2 7/4 a\n"
         "7/4 2 b\n"},
    {"0:2", "\"a b\".fast(\"<1 2>\")",
         "0 1/2 a\n"
         "1/2 1 b\n"
         "1 5/4 a\n"
         "5/4 3/2 b\n"
         "3/2 7/4 a\n"
         "7/4 2 b\n"},
    {"0:4", "\"a b\".slow(2)",
         "0 1 a\n"
         "1 2 b\n"
         "2 3 a\n"
         "3 4 b\n"},
    {"0:1", "\"a b c d\".early(0.25)",
         "0 1/4 b\n"
         "1/4 1/2 c\n"
         "1/2 3/4 d\n"
         "3/4 1 a\n"},
    {"0:1", "\"a b c d\".late(0.25)",
         "0 1/4 d\n"
         "1/4 1/2 a\n"
         "1/2 3/4 b\n"
         "3/4 1 c\n"},
    {"0:1", "\"a [b c] d\".rev()",
         "0 1/3 d\n"
         "1/3 1/2 c\n"
         "1/2 2/3 b\n"
         "2/3 1 a\n"},
    {"0:4", "\"a b c\".iter(3)",
         "0 1/3 a\n"
         "1/3 2/3 b\n"
         "2/3 1 c\n"
         "1 4/3 b\n"
         "4/3 5/3 c\n"
         "5/3 2 a\n"
         "2 7/3 c\n"
         "7/3 8/3 a\n"
         "8/3 3 b\n"
         "3 10/3 a\n"
         "10/3 11/3 b\n"
         "11/3 4 c\n"},
    {"0:3", "\"a b c\".iterBack(3)",
         "0 1/3 a\n"
         "1/3 2/3 b\n"
         "2/3 1 c\n"
         "1 4/3 c\n"
         "4/3 5/3 a\n"
         "5/3 2 b\n"
         "2 7/3 b\n"
         "7/3 8/3 c\n"
         "8/3 3 a\n"},
    {"0:4", "\"a b\".every(2, rev)",
         "0 1/2 b\n"
         "1/2 1 a\n"
         "1 3/2 a\n"
         "3/2 2 b\n"
         "2 5/2 b\n"
         "5/2 3 a\n"
         "3 7/2 a\n"
         "7/2 4 b\n"},
    {"0:4", "\"a b\".firstOf(3, fast(2))",
         "0 1/4 a\n"
         "1/4 1/2 b\n"
         "1/2 3/4 a\n"
         "3/4 1 b\n"
         "1 3/2 a\n"
         "3/2 2 b\n"
         "2 5/2 a\n"
         "5/2 3 b\n"
         "3 13/4 a\n"
         "13/4 7/2 b\n"
         "7/2 15/4 a\n"
         "15/4 4 b\n"},
    {"0:3", "\"a b\".lastOf(3, rev)",
         "0 1/2 a\n"
         "1/2 1 b\n"
         "1 3/2 a\n"
         "3/2 2 b\n"
         "2 5/2 b\n"
         "5/2 3 a\n"},
    {"0:2", "\"a b c\".palindrome()",
         "0 1/3 a\n"
         "1/3 2/3 b\n"
         "2/3 1 c\n"
         "1 4/3 c\n"
         "4/3 5/3 b\n"
         "5/3 2 a\n"},
    {"0:1", "\"a b c d\".when(\"1 0\", rev)",
         "0 1/4 d\n"
         "1/4 1/2 c\n"
         "1/2 3/4 c\n"
         "3/4 1 d\n"},
    {"0:1", "\"a b\".ply(2)",
         "0 1/4 a\n"
         "1/4 1/2 a\n"
         "1/2 3/4 b\n"
         "3/4 1 b\n"},
    {"0:1", "\"a b\".ply(\"<2 3>\")",
         "0 1/4 a\n"
         "1/4 1/2 a\n"
         "1/2 3/4 b\n"
         "3/4 1 b\n"},
    {"0:1", "saw.segment(4)",
         "0 1/4 0\n"
         "1/4 1/2 0.25\n"
         "1/2 3/4 0.5\n"
         "3/4 1 0.75\n"},
    {"0:1", "\"a b\".compress(0.5, 1)",
         "1/2 3/4 a\n"
         "3/4 1 b\n"},
    {"0:1", "\"a b c d\".zoom(0.5, 1)",
         "0 1/2 c\n"
         "1/2 1 d\n"},
    {"0:2", "\"a b c d\".linger(0.5)",
         "0 1/4 a\n"
         "1/4 1/2 b\n"
         "1/2 3/4 a\n"
         "3/4 1 b\n"
         "1 5/4 a\n"
         "5/4 3/2 b\n"
         "3/2 7/4 a\n"
         "7/4 2 b\n"},
    {"0:1", "\"a b c d\".inside(2, rev)",
         "0 1/4 b\n"
         "1/4 1/2 a\n"
         "1/2 3/4 d\n"
         "3/4 1 c\n"},
    {"0:2", "\"a b\".outside(2, rev)",
         "0 1/2 b\n"
         "1/2 1 a\n"
         "1 3/2 b\n"
         "3/2 2 a\n"},
    {"0:1", "\"a*4\".swingBy(0.5, 2)",
         "0 1/4 a\n"
         "3/8 5/8 a\n"
         "1/2 3/4 a\n"
         "7/8 9/8 a\n"},
    {"0:1", "\"a*4\".swing(2)",
         "0 1/4 a\n"
         "1/3 7/12 a\n"
         "1/2 3/4 a\n"
         "5/6 13/12 a\n"},
    {"0:1", "s(\"bd sn\").hurry(2)",
         "0 1/4 s=bd speed=2\n"
         "1/4 1/2 s=sn speed=2\n"
         "1/2 3/4 s=bd speed=2\n"
         "3/4 1 s=sn speed=2\n"},
    {"0:1", "\"0 1\".off(0.25, add(10))",
         "0 1/2 0\n"
         "1/4 3/4 10\n"
         "1/2 1 1\n"
         "3/4 5/4 11\n"},
    {"0:1", "\"0 1\".superimpose(add(10), add(20))",
         "0 1/2 0\n"
         "0 1/2 10\n"
         "0 1/2 20\n"
         "1/2 1 1\n"
         "1/2 1 11\n"
         "1/2 1 21\n"},
    {"0:1", "\"a b\".layer(rev, fast(2))",
         "0 1/4 a\n"
         "0 1/2 b\n"
         "1/4 1/2 b\n"
         "1/2 3/4 a\n"
         "1/2 1 a\n"
         "3/4 1 b\n"},
    {"0:1", "s(\"a b\").jux(rev)",
         "0 1/2 pan=0 s=a\n"
         "0 1/2 pan=1 s=b\n"
         "1/2 1 pan=0 s=b\n"
         "1/2 1 pan=1 s=a\n"},
    {"0:1", "s(\"a b\").juxBy(0.5, rev)",
         "0 1/2 pan=0.25 s=a\n"
         "0 1/2 pan=0.75 s=b\n"
         "1/2 1 pan=0.25 s=b\n"
         "1/2 1 pan=0.75 s=a\n"},
    {"0:4", "\"0 1\".chunk(2, add(10))",
         "0 1/2 10\n"
         "1/2 1 1\n"
         "1 3/2 0\n"
         "3/2 2 11\n"
         "2 5/2 10\n"
         "5/2 3 1\n"
         "3 7/2 0\n"
         "7/2 4 11\n"},
    {"0:4", "\"0 1\".chunkBack(2, add(10))",
         "0 1/2 10\n"
         "1/2 1 1\n"
         "1 3/2 0\n"
         "3/2 2 11\n"
         "2 5/2 10\n"
         "5/2 3 1\n"
         "3 7/2 0\n"
         "7/2 4 11\n"},
    {"0:1", "\"a\".struct(\"1 0 1 1\")",
         "0 1/4 a\n"
         "1/2 3/4 a\n"
         "3/4 1 a\n"},
    {"0:1", "\"a b c d\".mask(\"1 0 [1 0] 1\")",
         "0 1/4 a\n"
         "1/2 3/4 c\n"
         "3/4 1 d\n"},
    {"0:1", "\"a\".euclid(3, 8)",
         "0 1/8 a\n"
         "3/8 1/2 a\n"
         "3/4 7/8 a\n"},
    {"0:1", "\"a\".euclidRot(3, 8, 3)",
         "1/8 1/4 a\n"
         "3/8 1/2 a\n"
         "3/4 7/8 a\n"},
    {"0:1", "\"a\".euclidLegato(3, 8)",
         "0 3/8 a\n"
         "3/8 3/4 a\n"
         "3/4 1 a\n"},
    {"0:2", "note(\"[c,e,g]\").arp(\"0 2 1 2\")",
         "0 1/4 note=c\n"
         "1/4 1/2 note=g\n"
         "1/2 3/4 note=e\n"
         "3/4 1 note=g\n"
         "1 5/4 note=c\n"
         "5/4 3/2 note=g\n"
         "3/2 7/4 note=e\n"
         "7/4 2 note=g\n"},
    {"0:1", "s(\"a\").chop(4)",
         "0 1/4 begin=0 end=0.25 s=a\n"
         "1/4 1/2 begin=0.25 end=0.5 s=a\n"
         "1/2 3/4 begin=0.5 end=0.75 s=a\n"
         "3/4 1 begin=0.75 end=1 s=a\n"},
    {"0:1", "s(\"a b\").striate(3)",
         "0 1/6 begin=0 end=0.3333333333333333 s=a\n"
         "1/6 1/3 begin=0 end=0.3333333333333333 s=b\n"
         "1/3 1/2 begin=0.3333333333333333 end=0.6666666666666666 s=a\n"
         "1/2 2/3 begin=0.3333333333333333 end=0.6666666666666666 s=b\n"
         "2/3 5/6 begin=0.6666666666666666 end=1 s=a\n"
         "5/6 1 begin=0.6666666666666666 end=1 s=b\n"},
    {"0:1", "run(3)",
         "0 1/3 0\n"
         "1/3 2/3 1\n"
         "2/3 1 2\n"},
    {"0:1", "stack(\"a\", \"b c\")",
         "0 1/2 b\n"
         "0 1 a\n"
         "1/2 1 c\n"},
    {"0:2", "cat(\"a\", \"b c\")",
         "0 1 a\n"
         "1 3/2 b\n"
         "3/2 2 c\n"},
    {"0:2", "slowcat(\"a\", \"b\")",
         "0 1 a\n"
         "1 2 b\n"},
    {"0:1", "fastcat(\"a\", \"b c\")",
         "0 1/2 a\n"
         "1/2 3/4 b\n"
         "3/4 1 c\n"},
    {"0:1", "seq(\"a\", [\"b\", \"c\"])",
         "0 1/2 a\n"
         "1/2 3/4 b\n"
         "3/4 1 c\n"},
    {"0:1", "sequence(\"a\", \"b\")",
         "0 1/2 a\n"
         "1/2 1 b\n"},
    {"0:1", "stack(silence, \"a\")",
         "0 1 a\n"},
    {"0:1", "isaw.segment(4)",
         "0 1/4 1\n"
         "1/4 1/2 0.75\n"
         "1/2 3/4 0.5\n"
         "3/4 1 0.25\n"},
    {"0:1", "cosine.segment(4)",
         "0 1/4 1\n"
         "1/4 1/2 0.5000000000000001\n"
         "1/2 3/4 0\n"
         "3/4 1 0.4999999999999999\n"},
    {"0:1", "square.segment(4)",
         "0 1/4 0\n"
         "1/4 1/2 0\n"
         "1/2 3/4 1\n"
         "3/4 1 1\n"},
    {"0:1", "tri.segment(8)",
         "0 1/8 0\n"
         "1/8 1/4 0.25\n"
         "1/4 3/8 0.5\n"
         "3/8 1/2 0.75\n"
         "1/2 5/8 1\n"
         "5/8 3/4 0.75\n"
         "3/4 7/8 0.5\n"
         "7/8 1 0.25\n"},
    {"0:1", "sine.segment(4)",
         "0 1/4 0.5\n"
         "1/4 1/2 1\n"
         "1/2 3/4 0.5000000000000001\n"
         "3/4 1 0\n"},
    {"0:1", "\"1 2\".add(10)",
         "0 1/2 11\n"
         "1/2 1 12\n"},
    {"0:1", "\"10 20\".sub(5)",
         "0 1/2 5\n"
         "1/2 1 15\n"},
    {"0:1", "\"1 2\".mul(3)",
         "0 1/2 3\n"
         "1/2 1 6\n"},
    {"0:1", "\"1 2\".div(4)",
         "0 1/2 0.25\n"
         "1/2 1 0.5\n"},
    {"0:1", "\"-1 7 2.5\".mod(3)",
         "0 1/3 2\n"
         "1/3 2/3 1\n"
         "2/3 1 2.5\n"},
    {"0:1", "saw.range(100, 200).segment(2)",
         "0 1/2 100\n"
         "1/2 1 150\n"},
    {"0:1", "\"1 2\".fmap(x => x * 2)",
         "0 1/2 2\n"
         "1/2 1 4\n"},
    {"0:1", "\"1 2\".withValue(x => x + 1)",
         "0 1/2 2\n"
         "1/2 1 3\n"},
    {"0:1", "n(\"0 1 2 3 4 5 6 7\").scale(\"D:dorian\")",
         "0 1/8 note=D3\n"
         "1/8 1/4 note=E3\n"
         "1/4 3/8 note=F3\n"
         "3/8 1/2 note=G3\n"
         "1/2 5/8 note=A3\n"
         "5/8 3/4 note=B3\n"
         "3/4 7/8 note=C4\n"
         "7/8 1 note=D4\n"},
    {"0:1", "n(\"-1 -2 7 8\").scale(\"C:minor\")",
         "0 1/4 note=Bb2\n"
         "1/4 1/2 note=Ab2\n"
         "1/2 3/4 note=C4\n"
         "3/4 1 note=D4\n"},
    {"0:1", "note(\"c4 e4\").transpose(7)",
         "0 1/2 note=G4\n"
         "1/2 1 note=B4\n"},
    {"0:1", "note(\"c4 e4\").transpose(\"3M\")",
         "0 1/2 note=E4\n"
         "1/2 1 note=G#4\n"},
    {"0:1", "note(\"60 62\").transpose(-2)",
         "0 1/2 note=58\n"
         "1/2 1 note=60\n"},
    {"0:1", "s(\"bd sn\")",
         "0 1/2 s=bd\n"
         "1/2 1 s=sn\n"},
    {"0:1", "sound(\"bd:2\")",
         "0 1 n=2 s=bd\n"},
    {"0:1", "n(\"0 1\").s(\"x\")",
         "0 1/2 n=0 s=x\n"
         "1/2 1 n=1 s=x\n"},
    {"0:1", "note(\"c e\")",
         "0 1/2 note=c\n"
         "1/2 1 note=e\n"},
    {"0:1", "s(\"a\").freq(440)",
         "0 1 freq=440 s=a\n"},
    {"0:1", "s(\"a\").gain(\"0.5 1\")",
         "0 1 gain=0.5 s=a\n"},
    {"0:1", "s(\"a\").velocity(0.7)",
         "0 1 s=a velocity=0.7\n"},
    {"0:1", "note(\"c4 e4\").midi()",
         "0 1/2 midiport=tala note=c4\n"
         "1/2 1 midiport=tala note=e4\n"},
    {"0:1", "note(\"c4\").midi(\"synth\").midichan(2).progNum(5)",
         "0 1 midichan=2 midiport=synth note=c4 progNum=5\n"},
    {"0:1", "note(\"c4\").midiport(1).midibend(-0.5).miditouch(0.25)",
         "0 1 midibend=-0.5 midiport=1 miditouch=0.25 note=c4\n"},
    {"0:1", "ccv(\"0.2 0.8\").ccn(74)",
         "0 1/2 ccn=74 ccv=0.2\n"
         "1/2 1 ccn=74 ccv=0.8\n"},
    {"0:1", "note(\"c2 e2\").lpf(cc(74).range(300, 3000))",
         "0 1/2 cutoff=300 note=c2\n"
         "1/2 1 cutoff=300 note=e2\n"},
    {"0:1", "note(ffi(\"libm.so.6\", \"pow\", \"double(double, double)\")(2, 6))",
         "0 1 note=64\n"},
    {"0:1", "midiin(2).s(\"saw\").segment(2)",
         "0 1/2 midiin=2 s=saw\n"
         "1/2 1 midiin=2 s=saw\n"},
    {"0:1", "midicmd(\"start stop\")",
         "0 1/2 midicmd=start\n"
         "1/2 1 midicmd=stop\n"},
    {"0:1", "s(\"a\").pan(\"0 1\")",
         "0 1 pan=0 s=a\n"},
    {"0:1", "s(\"a\").speed(-1)",
         "0 1 s=a speed=-1\n"},
    {"0:1", "s(\"a\").begin(0.25).end(0.75)",
         "0 1 begin=0.25 end=0.75 s=a\n"},
    {"0:1", "s(\"a\").cut(1)",
         "0 1 cut=1 s=a\n"},
    {"0:1", "s(\"a\").loop(1)",
         "0 1 loop=1 s=a\n"},
    {"0:1", "s(\"a\").legato(0.5)",
         "0 1 clip=0.5 s=a\n"},
    {"0:1", "s(\"a\").sustain(0.5)",
         "0 1 s=a sustain=0.5\n"},
    {"0:1", "s(\"a\").attack(0.01).decay(0.1).release(0.5)",
         "0 1 attack=0.01 decay=0.1 release=0.5 s=a\n"},
    {"0:1", "s(\"a\").cutoff(1000)",
         "0 1 cutoff=1000 s=a\n"},
    {"0:1", "s(\"a\").lpf(800).lpq(5)",
         "0 1 cutoff=800 resonance=5 s=a\n"},
    {"0:1", "s(\"a\").resonance(3)",
         "0 1 resonance=3 s=a\n"},
    {"0:1", "s(\"a\").hpf(200).hpq(2)",
         "0 1 hcutoff=200 hresonance=2 s=a\n"},
    {"0:1", "s(\"a\").bandf(500).bpf(600)",
         "0 1 bandf=600 s=a\n"},
    {"0:1", "s(\"a\").hresonance(2).bpf(600).bandq(2)",
         "0 1 bandf=600 bandq=2 hresonance=2 s=a\n"},
    {"0:1", "s(\"a\").shape(0.2).distort(\"0.5:0.8\")",
         "0 1 distort=0.5 distortvol=0.8 s=a shape=0.2\n"},
    {"0:1", "s(\"a\").bpf(\"600:4\").bpq(3)",
         "0 1 bandf=600 bandq=3 s=a\n"},
    {"0:1", "s(\"a\").room(0.3).size(0.8)",
         "0 1 room=0.3 roomsize=0.8 s=a\n"},
    {"0:1", "s(\"a\").delay(0.5).delaytime(0.25).delayfeedback(0.4)",
         "0 1 delay=0.5 delayfeedback=0.4 delaytime=0.25 s=a\n"},
    {"0:1", "s(\"a\").crush(4).shape(0.3)",
         "0 1 crush=4 s=a shape=0.3\n"},
    {"0:1", "s(\"a\").orbit(1)",
         "0 1 orbit=1 s=a\n"},
    {"0:1", "s(\"a\").nudge(0.01)",
         "0 1 nudge=0.01 s=a\n"},
    {"0:1", "s(\"a\").vowel(\"a\")",
         "0 1 s=a vowel=a\n"},
    {"0:1", "s(\"a\").coarse(4)",
         "0 1 coarse=4 s=a\n"},
    {"0:2", "s(\"hh*4\").degradeBy(0.5)",
         "1 5/4 s=hh\n"
         "5/4 3/2 s=hh\n"
         "3/2 7/4 s=hh\n"},
    {"0:2", "s(\"hh*4\").degrade()",
         "1 5/4 s=hh\n"
         "5/4 3/2 s=hh\n"
         "3/2 7/4 s=hh\n"},
    {"0:2", "s(\"hh*4\").undegradeBy(0.5)",
         "0 1/4 s=hh\n"
         "1/4 1/2 s=hh\n"
         "1/2 3/4 s=hh\n"
         "3/4 1 s=hh\n"
         "7/4 2 s=hh\n"},
    {"0:2", "s(\"hh*4\").undegrade()",
         "0 1/4 s=hh\n"
         "1/4 1/2 s=hh\n"
         "1/2 3/4 s=hh\n"
         "3/4 1 s=hh\n"
         "7/4 2 s=hh\n"},
    {"0:2", "s(\"hh*4\").sometimesBy(0.5, x => x.speed(2))",
         "0 1/4 s=hh speed=2\n"
         "1/4 1/2 s=hh speed=2\n"
         "1/2 3/4 s=hh speed=2\n"
         "3/4 1 s=hh speed=2\n"
         "1 5/4 s=hh\n"
         "5/4 3/2 s=hh\n"
         "3/2 7/4 s=hh\n"
         "7/4 2 s=hh speed=2\n"},
    {"0:2", "s(\"hh*4\").sometimes(x => x.speed(2))",
         "0 1/4 s=hh speed=2\n"
         "1/4 1/2 s=hh speed=2\n"
         "1/2 3/4 s=hh speed=2\n"
         "3/4 1 s=hh speed=2\n"
         "1 5/4 s=hh\n"
         "5/4 3/2 s=hh\n"
         "3/2 7/4 s=hh\n"
         "7/4 2 s=hh speed=2\n"},
    {"0:2", "s(\"hh*4\").often(x => x.speed(2))",
         "0 1/4 s=hh speed=2\n"
         "1/4 1/2 s=hh speed=2\n"
         "1/2 3/4 s=hh speed=2\n"
         "3/4 1 s=hh speed=2\n"
         "1 5/4 s=hh speed=2\n"
         "5/4 3/2 s=hh speed=2\n"
         "3/2 7/4 s=hh speed=2\n"
         "7/4 2 s=hh speed=2\n"},
    {"0:2", "s(\"hh*4\").rarely(x => x.speed(2))",
         "0 1/4 s=hh speed=2\n"
         "1/4 1/2 s=hh\n"
         "1/2 3/4 s=hh\n"
         "3/4 1 s=hh speed=2\n"
         "1 5/4 s=hh\n"
         "5/4 3/2 s=hh\n"
         "3/2 7/4 s=hh\n"
         "7/4 2 s=hh speed=2\n"},
    {"0:2", "s(\"hh*4\").almostNever(x => x.speed(2))",
         "0 1/4 s=hh speed=2\n"
         "1/4 1/2 s=hh\n"
         "1/2 3/4 s=hh\n"
         "3/4 1 s=hh\n"
         "1 5/4 s=hh\n"
         "5/4 3/2 s=hh\n"
         "3/2 7/4 s=hh\n"
         "7/4 2 s=hh\n"},
    {"0:2", "s(\"hh*4\").almostAlways(x => x.speed(2))",
         "0 1/4 s=hh speed=2\n"
         "1/4 1/2 s=hh speed=2\n"
         "1/2 3/4 s=hh speed=2\n"
         "3/4 1 s=hh speed=2\n"
         "1 5/4 s=hh speed=2\n"
         "5/4 3/2 s=hh speed=2\n"
         "3/2 7/4 s=hh speed=2\n"
         "7/4 2 s=hh speed=2\n"},
    {"0:1", "s(\"hh*2\").always(x => x.speed(2))",
         "0 1/2 s=hh speed=2\n"
         "1/2 1 s=hh speed=2\n"},
    {"0:1", "s(\"hh*2\").never(x => x.speed(2))",
         "0 1/2 s=hh\n"
         "1/2 1 s=hh\n"},
    {"0:4", "s(\"hh*2\").someCyclesBy(0.5, x => x.speed(2))",
         "0 1/2 s=hh speed=2\n"
         "1/2 1 s=hh speed=2\n"
         "1 3/2 s=hh\n"
         "3/2 2 s=hh\n"
         "2 5/2 s=hh\n"
         "5/2 3 s=hh\n"
         "3 7/2 s=hh speed=2\n"
         "7/2 4 s=hh speed=2\n"},
    {"0:4", "s(\"hh*2\").someCycles(x => x.speed(2))",
         "0 1/2 s=hh speed=2\n"
         "1/2 1 s=hh speed=2\n"
         "1 3/2 s=hh\n"
         "3/2 2 s=hh\n"
         "2 5/2 s=hh\n"
         "5/2 3 s=hh\n"
         "3 7/2 s=hh speed=2\n"
         "7/2 4 s=hh speed=2\n"},
    {"0:1", "n(irand(8).segment(4))",
         "0 1/4 n=0\n"
         "1/4 1/2 n=2\n"
         "1/2 3/4 n=2\n"
         "3/4 1 n=1\n"},
    {"0:1", "n(rand.segment(2))",
         "0 1/2 n=0\n"
         "1/2 1 n=0.2604806162416935\n"},
    {"0:1", "n(perlin.segment(2))",
         "0 1/2 n=0\n"
         "1/2 1 n=0.25977108255028725\n"},
    {"0:2", "s(\"a*4\").s(choose(\"x\", \"y\"))",
         "0 1/4 s=x\n"
         "1/4 1/2 s=x\n"
         "1/2 3/4 s=x\n"
         "3/4 1 s=x\n"
         "1 5/4 s=y\n"
         "5/4 3/2 s=y\n"
         "3/2 7/4 s=y\n"
         "7/4 2 s=x\n"},
    {"0:4", "chooseCycles(\"a\", \"b\")",
         "0 1 a\n"
         "1 2 b\n"
         "2 3 b\n"
         "3 4 a\n"},
    {"0:4", "randcat(\"a\", \"b\")",
         "0 1 a\n"
         "1 2 b\n"
         "2 3 b\n"
         "3 4 a\n"},
    {"0:2", "s(\"a*4\").s(wchoose([\"x\", 3], [\"y\", 1]))",
         "0 1/4 s=x\n"
         "1/4 1/2 s=x\n"
         "1/2 3/4 s=x\n"
         "3/4 1 s=x\n"
         "1 5/4 s=x\n"
         "5/4 3/2 s=x\n"
         "3/2 7/4 s=x\n"
         "7/4 2 s=x\n"},
    {"0:4", "\"a b\".whenmod(4, 2, rev)",
         "0 1/2 a\n"
         "1/2 1 b\n"
         "1 3/2 a\n"
         "3/2 2 b\n"
         "2 5/2 b\n"
         "5/2 3 a\n"
         "3 7/2 b\n"
         "7/2 4 a\n"},
    {"0:1", "s(\"bd\").euclidFull(3, 8, s(\"hh\"))",
         "0 1/8 s=bd\n"
         "1/8 1/4 s=hh\n"
         "1/4 3/8 s=hh\n"
         "3/8 1/2 s=bd\n"
         "1/2 5/8 s=hh\n"
         "5/8 3/4 s=hh\n"
         "3/4 7/8 s=bd\n"
         "7/8 1 s=hh\n"},
    {"0:1", "saw.rangex(100, 1000).segment(2)",
         "0 1/2 100.00000000000004\n"
         "1/2 1 316.22776601683796\n"},
    {"0:1", "s(\"a\").lpf(\"800:5\")",
         "0 1 cutoff=800 resonance=5 s=a\n"},
    {"0:1", "s(\"a\").delay(\"0.5:0.25:0.3\")",
         "0 1 delay=0.5 delayfeedback=0.3 delaytime=0.25 s=a\n"},
    {"0:1", "note(\"c:3\")",
         "0 1 n=3 note=c\n"},
    {"0:1", "\"1 2\".gain()",
         "0 1/2 gain=1\n"
         "1/2 1 gain=2\n"},
    {"0:1", "s(\"a\").gain(n(\"1 2\"))",
         "0 1 gain=n=1 s=a\n"},
    {"0:1", "s(\"a\").clip(0.5)",
         "0 1 clip=0.5 s=a\n"},
    {"0:1", "s(\"a\").hcutoff(300)",
         "0 1 hcutoff=300 s=a\n"},
    {"0:1", "s(\"a\").roomsize(0.5)",
         "0 1 roomsize=0.5 s=a\n"},
    /* found by differential testing against Strudel 1.2.6 */
    {"0:1", "n(\"0 2\").scale(\"C4:major\")",
         "0 1/2 note=C4\n"
         "1/2 1 note=E4\n"},
    {"0:1", "n(\"0 2\").scale(\"Bb1:minor\")",
         "0 1/2 note=Bb1\n"
         "1/2 1 note=Db2\n"},
    {"0:1", "n(\"0 2\").scale(\"major\")",
         "0 1/2 note=C3\n"
         "1/2 1 note=E3\n"},
    {"0:1", "n(\"0 2\").scale(\"C:nonsense\")",
         ""},
    {"0:1", "\"c e\".add(12)",
         "0 1/2 60\n"
         "1/2 1 64\n"},
    {"0:1", "\"a b\".add(\"c d\")",
         "0 1/2 105\n"
         "1/2 1 109\n"},
    {"0:1", "\"c3 a4\".sub(1)",
         "0 1/2 47\n"
         "1/2 1 68\n"},
    {"0:1", "run(\"2 3\").ply(2)",
         "0 1/4 0\n"
         "1/4 1/2 0\n"
         "1/2 2/3 2\n"
         "2/3 5/6 2\n"
         "5/6 1 2\n"},
    {"0:2", "run(2.5)",
         "0 2/5 0\n"
         "2/5 4/5 1\n"
         "4/5 6/5 2\n"
         "6/5 8/5 0\n"
         "8/5 2 2\n"},
    {"-1:0", "saw.segment(4)",
         "-1 -3/4 0\n"
         "-3/4 -1/2 -0.75\n"
         "-1/2 -1/4 -0.5\n"
         "-1/4 0 -0.25\n"},
    {"0:1", "tri.segment(3)",
         "0 1/3 0\n"
         "1/3 2/3 0.6666666666666666\n"
         "2/3 1 0.6666666666666667\n"},
    {"0:1", "cosine.segment(6)",
         "0 1/6 1\n"
         "1/6 1/3 0.75\n"
         "1/3 1/2 0.24999999999999994\n"
         "1/2 2/3 0\n"
         "2/3 5/6 0.24999999999999978\n"
         "5/6 1 0.7499999999999997\n"},
    {"-1:1", "\"a b\".firstOf(2, rev)",
         "0 1/2 b\n"
         "1/2 1 a\n"},
    {"0:1", "note(\"c e\").transpose(\"x\")",
         "0 1/2 note=\n"
         "1/2 1 note=\n"},
    {"0:1", "s(\"bd sn\").chop(0)",
         ""},
    {"0:1", "stack()",
         ""},
    /* tala's own (Strudel's voicing dictionaries and Tidal's arp modes differ) */
    {"0:1", "s(\"a b\").synth(\"pad\")",
         "0 1/2 s=pad\n"
         "1/2 1 s=pad\n"},
    /* (setcps/setCps/setcpm set the tempo; tests/cli/test_cli.sh reads it back) */
    {"0:1", "\"a b\".fmap(x => if setcps(0.5) == nil and setCps(0.5) == nil and setcpm(30) == nil "
            "then x else 0)",
         "0 1/2 a\n1/2 1 b\n"},
#include "strudel_cases.h"
#include "strudel_ops_cases.h"
#include "strudel_more_cases.h"
#include "strudel_fm_cases.h"
#include "strudel_dirt_cases.h"
#include "strudel_fx_cases.h"
#include "strudel_late_cases.h"
    /* (load's real test is tests/cli/test_ext.sh, with the example extension) */
    {"0:1", "\"a b\".fmap(x => if x == \"c\" then load(x) else x)",
         "0 1/2 a\n1/2 1 b\n"},
    {"0:1", "\"a b\".fmap(x => if samples('dir') == nil then x else 0)",
         "0 1/2 a\n"
         "1/2 1 b\n"},
    /* record asks the session for a take and gives nil; a bad name or length is an error */
    {"0:1", "\"a b\".fmap(x => if record(\"vox\", 2) == nil then x else 0)",
         "0 1/2 a\n"
         "1/2 1 b\n"},
    {"0:1", "record(\"vox\", 100)",
     "ERROR 1:1: record(\"vox\", ...): the length is a number of bars, above 0 and at most 64"},
    /* voicing and its controls, as Strudel 1.2.6 gives them (../shared/oracle) */
    {"0:1", "chord(\"G7\").anchor(\"g4\").voicing()",
         "0 1 note=B2\n0 1 note=B3\n0 1 note=D4\n0 1 note=F3\n0 1 note=G4\n"},
    {"0:2", "n(\"0 1 2 5\").chord(\"<C Am>\").voicing()",
         "0 1/4 note=52\n1/4 1/2 note=60\n1/2 3/4 note=64\n3/4 1 note=64\n"
         "1 5/4 note=57\n5/4 3/2 note=60\n3/2 7/4 note=64\n7/4 2 note=69\n"},
    {"0:2", "chord(\"<C^7 A7 Dm7 G7>\").dict(\"lefthand\").mode(\"duck\").anchor(\"e5\").voicing()",
         "0 1 note=B4\n0 1 note=D5\n0 1 note=E4\n0 1 note=G4\n"
         "1 2 note=B4\n1 2 note=Db4\n1 2 note=G4\n1 2 note=Gb4\n"},
    {"0:2", "chord(\"<C^7 A7>\").dictionary(\"lefthand\").offset(\"<1 -1>\").mode(\"above:c4\")"
            ".voicing().s(\"x\")",
         "0 1 note=B4 s=x\n0 1 note=D5 s=x\n0 1 note=E4 s=x\n0 1 note=G4 s=x\n"
         "1 2 note=B3 s=x\n1 2 note=Db3 s=x\n1 2 note=G3 s=x\n1 2 note=Gb3 s=x\n"},
    {"0:1", "n(\"0 2 4 6\").chord(\"C^7\").octaves(2).voicing()",
         "0 1/4 note=48\n1/4 1/2 note=67\n1/2 3/4 note=72\n3/4 1 note=91\n"},
    {"0:2", "rootNotes(3, \"<C^7 F#m7>\")", "0 1 C3\n1 2 F#3\n"},
    {"0:1", "\"a b\".fmap(x => if addVoicings('mine', {m7: ['3m 5P 7m 9M']}) == nil and "
            "registerVoicings('mine2', {m7: ['3m 7m']}) == nil and "
            "setVoicingRange('lefthand', ['c3', 'a4']) == nil and setDefaultVoicings('ireal') == nil "
            "then x else 0)",
         "0 1/2 a\n1/2 1 b\n"},
    {"0:2", "note(\"<[c,e,g] [d,f,a,c5]>\").arp(\"<up converge>\")",
         "0 1/3 note=c\n"
         "1/3 2/3 note=e\n"
         "2/3 1 note=g\n"
         "1 5/4 note=d\n"
         "5/4 3/2 note=c5\n"
         "3/2 7/4 note=f\n"
         "7/4 2 note=a\n"},
    {"0:1", "note(\"[c,e,g,b]\").arp(\"updown\")",
         "0 1/6 note=c\n"
         "1/6 1/3 note=e\n"
         "1/3 1/2 note=g\n"
         "1/2 2/3 note=b\n"
         "2/3 5/6 note=g\n"
         "5/6 1 note=e\n"},
    {"0:1", "note(\"[c,e,g,b]\").arp(\"thumbup\")",
         "0 1/6 note=c\n"
         "1/6 1/3 note=e\n"
         "1/3 1/2 note=c\n"
         "1/2 2/3 note=g\n"
         "2/3 5/6 note=c\n"
         "5/6 1 note=b\n"},
    {"0:1", "note(\"[c,e,g,b]\").arp(\"pinkyupdown\")",
         "0 1/10 note=c\n"
         "1/10 1/5 note=b\n"
         "1/5 3/10 note=e\n"
         "3/10 2/5 note=b\n"
         "2/5 1/2 note=g\n"
         "1/2 3/5 note=b\n"
         "3/5 7/10 note=g\n"
         "7/10 4/5 note=b\n"
         "4/5 9/10 note=e\n"
         "9/10 1 note=b\n"},
    {"0:1", "note(\"[c,e,g,b]\").arp(\"diverge\")",
         "0 1/4 note=g\n"
         "1/4 1/2 note=e\n"
         "1/2 3/4 note=b\n"
         "3/4 1 note=c\n"},
};
/* clang-format on */

static Vm *VM;

static int setup(void **s) {
    VM = vm_new(stdlib_library());
    return VM ? 0 : -1;
}
static int teardown(void **s) {
    vm_free(VM);
    return 0;
}

static bool parse_range(const char *r, Rat *a, Rat *b) {
    const char *c = strchr(r, ':');
    return c && rat_parse(r, (size_t)(c - r), a) && rat_parse(c + 1, strlen(c + 1), b);
}

static void test_every_case(void **s) {
    size_t n = sizeof CASES / sizeof CASES[0];
    int failures = 0;
    for (size_t i = 0; i < n; i++) {
        Rat a, b;
        assert_true(parse_range(CASES[i].range, &a, &b));
        char *got = expr_text(VM, CASES[i].expr, a, b);
        if (strcmp(got, CASES[i].want) != 0) {
            print_error("%s %s\n  want: %s\n  got:  %s\n", CASES[i].range, CASES[i].expr,
                        CASES[i].want, got);
            failures++;
        }
        free(got);
    }
    assert_int_equal(failures, 0);
}

static bool word_in(const char *text, const char *word) {
    size_t wl = strlen(word);
    for (const char *p = strstr(text, word); p; p = strstr(p + 1, word)) {
        bool left = p == text || !(isalnum((unsigned char)p[-1]) || p[-1] == '_');
        bool right = !(isalnum((unsigned char)p[wl]) || p[wl] == '_');
        if (left && right) return true;
    }
    return false;
}

static void test_every_function_is_covered_and_its_example_runs(void **s) {
    int n;
    const NativeDef *defs = stdlib_natives(&n);
    int missing = 0;
    for (int i = 0; i < n; i++) {
        bool found = false;
        for (size_t k = 0; k < sizeof CASES / sizeof CASES[0] && !found; k++)
            found = word_in(CASES[k].expr, defs[i].name);
        if (!found) {
            print_error("no test case uses '%s'\n", defs[i].name);
            missing++;
        }
        char *got = expr_text(VM, defs[i].example, I(0), I(1));
        if (strncmp(got, "ERROR", 5) == 0) {
            print_error("the example of '%s' fails: %s -> %s\n", defs[i].name, defs[i].example,
                        got);
            missing++;
        }
        free(got);
    }
    assert_int_equal(missing, 0);
}

/* Each numeric value the control sets in its example's first two cycles,
 * checked against the row's range; how many were checked. */
static int values_in_range(const ControlDef *c, const char *example) {
    Err err = {0};
    ObjPattern *p = expr_pattern(VM, example, &err);
    if (!p) {
        print_error("the example of '%s' fails: %s\n", c->name, err.msg);
        return -1;
    }
    Heap *h = vm_heap(VM);
    Query *q = vm_query(VM);
    Err qerr = {0};
    Err *saved = q->err;
    q->err = &qerr;
    EvBuf ev;
    evbuf_init(&ev, h);
    int n = 0;
    if (pat_events(q, p, rat_int(0), rat_int(2), true, &ev))
        for (size_t i = 0; i < ev.len; i++) {
            if (!IS_RECORD(ev.ev[i].value)) continue;
            ObjRecord *r = AS_RECORD(ev.ev[i].value);
            for (uint32_t k = 0; k < r->len; k++) {
                if (strcmp(r->fields[k].key->chars, c->keys[0]) || !IS_NUM(r->fields[k].val))
                    continue;
                double x = r->fields[k].val.as.num;
                if (!(x >= c->min && x <= c->max)) {
                    print_error("the example of '%s' sets %s = %g, outside %g..%g\n", c->name,
                                c->keys[0], x, c->min, c->max);
                    n = -1000;
                }
                n++;
            }
        }
    evbuf_free(&ev);
    q->err = saved;
    heap_pop(h, 1);
    return n;
}

/* Every control's example is musical (defect 7 of live trust): its values
 * lie in the control's range, and taking the call out of the example
 * changes its events, so the example shows what the control does. */
static void test_every_control_example_is_musical(void **s) {
    const ControlDef *t = control_table();
    int bad = 0;
    for (int i = 0; i < CTL_COUNT; i++) {
        const ControlDef *c = &t[i];
        assert_non_null(c->example);
        int n = values_in_range(c, c->example);
        if (n < 0) bad++;
        /* pitches may be names (c3) or become them (scale): only numbers are held; a
         * control a pattern function reads (voicing's offset) is gone from its events */
        if (n == 0 && isfinite(c->max) && !strcmp(c->name, c->keys[0]) &&
            c->drives != DRIVES_PITCH && c->drives != DRIVES_PATTERN) {
            print_error("the example of '%s' sets no number\n", c->name);
            bad++;
        }
        /* the example without its .name(...) call */
        char call[64], without[512];
        snprintf(call, sizeof call, ".%s(", c->name);
        const char *at = strstr(c->example, call);
        if (!at) continue; /* the control heads the example: n("0 2").scale(...) */
        const char *e = at + strlen(call);
        for (int depth = 1; *e && depth; e++) depth += *e == '(' ? 1 : *e == ')' ? -1 : 0;
        snprintf(without, sizeof without, "%.*s%s", (int)(at - c->example), c->example, e);
        char *with_text = expr_text(VM, c->example, I(0), I(2));
        char *without_text = expr_text(VM, without, I(0), I(2));
        if (!strcmp(with_text, without_text)) {
            print_error("taking .%s(...) out of its example changes nothing: %s\n", c->name,
                        c->example);
            bad++;
        }
        free(with_text);
        free(without_text);
    }
    assert_int_equal(bad, 0);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_every_case),
        cmocka_unit_test(test_every_function_is_covered_and_its_example_runs),
        cmocka_unit_test(test_every_control_example_is_musical),
    };
    return cmocka_run_group_tests_name("library", tests, setup, teardown);
}
