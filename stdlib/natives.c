/*
 * natives.c - THE table of built-in functions.
 *
 * One entry per name: arity, C function, flags, signature, a one-line doc
 * and a runnable example. The VM registers them as globals from this table;
 * :help, tab completion and docs/reference.md (generated, checked by a test)
 * read the same table, so they cannot drift apart.
 */
#include "lib.h"
#include "stdlib.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* clang-format off */
#define N(name) bool nat_##name(Vm *vm, Value *args, int argc, Value *out);
N(fast) N(slow) N(early) N(late) N(rev) N(iter) N(iterBack) N(firstOf) N(lastOf) N(palindrome)
N(when) N(ply) N(segment) N(compress) N(zoom) N(linger) N(inside) N(outside) N(swingBy) N(swing)
N(seed) N(berlin) N(chooseIn) N(chooseWith) N(chooseInWith) N(fastGap) N(slowcatPrime) N(revv) N(into) N(chunkInto) N(chunkBackInto) N(hurry) N(off) N(superimpose) N(layer) N(juxBy) N(jux) N(chunk) N(chunkBack) N(fastChunk) N(struct) N(mask)
N(randL) N(choose2) N(euclid) N(euclidRot) N(euclidLegato) N(euclidLegatoRot) N(arp) N(chop) N(striate) N(run) N(stack) N(cat) N(fastcat)
N(silence) N(saw) N(isaw) N(sine) N(cosine) N(square) N(tri) N(add) N(sub) N(mul) N(div) N(mod) N(range)
N(scale) N(transpose) N(fmap)
N(rand) N(perlin) N(degradeBy) N(undegradeBy) N(degrade) N(undegrade) N(sometimesBy) N(sometimes)
N(often) N(rarely) N(almostNever) N(almostAlways) N(always) N(never) N(someCyclesBy) N(someCycles)
N(irand) N(choose) N(chooseCycles) N(wchoose) N(wchooseCycles) N(randrun) N(shuffle) N(scramble) N(whenmod) N(euclidFull) N(rangex) N(scaleTranspose) N(samples)
N(ffi) N(load) N(setcps) N(record)
#undef N
/* clang-format on */

#define V   NF_VARIADIC
#define SF  NF_SUBJECT_FIRST
#define C   NF_CONTROL
#define VAL NF_VALUE

                                                                        static const NativeDef
    NATIVES[] = {
        /* time */
        {"fast", 2, nat_fast, 0, "fast(factor, pat)",
         "Speeds the pattern up by factor (0 is silence).", "\"bd sn\".fast(2)", NULL},
        {"slow", 2, nat_slow, 0, "slow(factor, pat)", "Slows the pattern down by factor.",
         "\"bd sn\".slow(2)", NULL},
        {"early", 2, nat_early, 0, "early(cycles, pat)", "Shifts the pattern earlier in time.",
         "\"bd sn\".early(0.25)", NULL},
        {"late", 2, nat_late, 0, "late(cycles, pat)", "Shifts the pattern later in time.",
         "\"bd sn\".late(0.25)", NULL},
        {"rev", 1, nat_rev, 0, "rev(pat)", "Plays each cycle backwards.", "\"a b c\".rev()", NULL},
        {"revv", 1, nat_revv, 0, "revv(pat)",
         "Plays the whole pattern backwards in time: cycle 0 is cycle -1 reversed, cycle 1 is "
         "cycle -2, ... (rev reverses each cycle in place).",
         "note(\"<[c d] [e g]>\").revv()", NULL},
        {"fastGap", 2, nat_fastGap, 0, "fastGap(factor, pat)",
         "Plays each cycle factor times as fast from its start and leaves the rest of the cycle "
         "silent (below 1: slower, cut at the cycle's end).",
         "s(\"bd sd\").fastGap(2)", NULL},
        {"iter", 2, nat_iter, 0, "iter(n, pat)",
         "Each cycle starts one nth later into the pattern, cycling through n variations.",
         "\"a b c d\".iter(4)", NULL},
        {"iterBack", 2, nat_iterBack, 0, "iterBack(n, pat)", "Like iter, in the other direction.",
         "\"a b c d\".iterBack(4)", NULL},
        {"every", 3, nat_firstOf, 0, "every(n, f, pat)",
         "Applies f in the first of every n cycles (Strudel's every = firstOf).",
         "\"bd sn\".every(4, fast(2))", NULL},
        {"firstOf", 3, nat_firstOf, 0, "firstOf(n, f, pat)",
         "Applies f in the first of every n cycles.", "\"bd sn\".firstOf(3, rev)", NULL},
        {"lastOf", 3, nat_lastOf, 0, "lastOf(n, f, pat)",
         "Applies f in the last of every n cycles.", "\"bd sn\".lastOf(3, rev)", NULL},
        {"palindrome", 1, nat_palindrome, 0, "palindrome(pat)",
         "Every other cycle is played backwards.", "\"a b c\".palindrome()", NULL},
        {"when", 3, nat_when, 0, "when(bools, f, pat)",
         "Applies f where the boolean pattern is true.", "\"a b c d\".when(\"1 0\", rev)", NULL},
        {"whenmod", 4, nat_whenmod, 0, "whenmod(period, start, f, pat)",
         "Applies f in the cycles whose number modulo period is at least start (Tidal).",
         "\"a b\".whenmod(4, 2, rev)", NULL},
        {"ply", 2, nat_ply, 0, "ply(n, pat)", "Repeats each event n times within its own time.",
         "\"bd sn\".ply(2)", NULL},
        {"segment", 2, nat_segment, 0, "segment(n, pat)",
         "Samples the pattern n times per cycle (turns a signal into events).",
         "sine.segment(8).range(200, 800)", NULL},
        {"compress", 3, nat_compress, 0, "compress(begin, end, pat)",
         "Squeezes each cycle into the span begin..end, leaving silence around it.",
         "\"bd sn\".compress(0.25, 0.75)", NULL},
        {"zoom", 3, nat_zoom, 0, "zoom(begin, end, pat)",
         "Plays only the part begin..end of each cycle, stretched to fill it.",
         "\"a b c d\".zoom(0.25, 0.75)", NULL},
        {"linger", 2, nat_linger, 0, "linger(fraction, pat)",
         "Repeats the first fraction of each cycle to fill the cycle.", "\"a b c d\".linger(0.25)",
         NULL},
        {"inside", 3, nat_inside, 0, "inside(n, f, pat)",
         "Applies f to the pattern slowed by n, then speeds the result back up.",
         "\"a b c d\".inside(2, rev)", NULL},
        {"outside", 3, nat_outside, 0, "outside(n, f, pat)",
         "Applies f to the pattern sped up by n, then slows the result back down.",
         "\"<a b> c\".outside(2, rev)", NULL},
        {"swingBy", 3, nat_swingBy, 0, "swingBy(amount, n, pat)",
         "Delays every other of n subdivisions per cycle by amount/2 of a subdivision.",
         "\"hh*8\".swingBy(1/3, 4)", NULL},
        {"swing", 2, nat_swing, 0, "swing(n, pat)", "swingBy(1/3, n): a shuffle feel.",
         "\"hh*8\".swing(4)", NULL},
        {"hurry", 2, nat_hurry, 0, "hurry(factor, pat)",
         "Speeds up like fast and multiplies the playback speed of samples too.",
         "s(\"bd sn\").hurry(2)", NULL},
        /* structure */
        {"off", 3, nat_off, 0, "off(time, f, pat)",
         "Layers f applied to the pattern shifted later by time.", "\"c e\".off(0.125, add(12))",
         NULL},
        {"superimpose", 2, nat_superimpose, V, "superimpose(f, ..., pat)",
         "Plays the pattern together with f applied to it.", "\"0 4\".superimpose(add(12))", NULL},
        {"layer", 2, nat_layer, V, "layer(f, ..., pat)",
         "Plays each function applied to the pattern, together (without the original).",
         "\"a b\".layer(rev, fast(2))", NULL},
        {"jux", 2, nat_jux, 0, "jux(f, pat)",
         "The pattern on the left, f of it on the right (pan 0 and 1).", "s(\"bd sn\").jux(rev)",
         NULL},
        {"juxBy", 3, nat_juxBy, 0, "juxBy(width, f, pat)",
         "jux with a narrower stereo width (0..1).", "s(\"bd sn\").juxBy(0.5, rev)", NULL},
        {"chunk", 3, nat_chunk, 0, "chunk(n, f, pat)",
         "Divides the cycle into n parts and applies f to one part per cycle, in turn.",
         "\"0 1 2 3\".chunk(4, add(10))", NULL},
        {"into", 3, nat_into, 0, "into(pieces, f, pat)",
         "Where an event of pieces is true, plays f of the pattern's loop over that event "
         "(the part of the pattern under it, repeating); elsewhere the pattern as it is.",
         "s(\"bd sd ht lt\").into(\"1 0\", hurry(2))", NULL},
        {"chunkInto", 3, nat_chunkInto, 0, "chunkInto(n, f, pat)",
         "Like chunk, but f applies to the chunk's part looped (into), the chunk moving "
         "backwards through the n parts, a part a cycle.",
         "s(\"bd sd ht lt bd ~ cp lt\").chunkInto(4, hurry(2))", NULL},
        {"chunkBackInto", 3, nat_chunkBackInto, 0, "chunkBackInto(n, f, pat)",
         "Like chunkInto, moving forwards through the parts.",
         "s(\"bd sd ht lt bd ~ cp lt\").chunkBackInto(4, hurry(2))", NULL},
        {"fastChunk", 3, nat_fastChunk, 0, "fastChunk(n, f, pat)",
         "Like chunk, but each cycle's part comes from that cycle (the pattern is not slowed).",
         "n(\"0 1 2 3\").fastChunk(4, add(n(10)))", NULL},
        {"chunkBack", 3, nat_chunkBack, 0, "chunkBack(n, f, pat)", "chunk, going backwards.",
         "\"0 1 2 3\".chunkBack(4, add(10))", NULL},
        {"struct", 2, nat_struct, 0, "struct(bools, pat)",
         "Takes the rhythm of the boolean pattern, the values of pat.", "\"c\".struct(\"x ~ x x\")",
         NULL},
        {"mask", 2, nat_mask, 0, "mask(bools, pat)", "Keeps only the events where bools is true.",
         "\"a b c d\".mask(\"1 0 1 1\")", NULL},
        {"euclid", 3, nat_euclid, 0, "euclid(pulses, steps, pat)",
         "A euclidean rhythm: pulses spread evenly over steps.", "s(\"bd\").euclid(3, 8)", NULL},
        {"euclidRot", 4, nat_euclidRot, 0, "euclidRot(pulses, steps, rotation, pat)",
         "A euclidean rhythm rotated later by some steps.", "s(\"bd\").euclidRot(3, 8, 2)", NULL},
        {"euclidFull", 4, nat_euclidFull, 0, "euclidFull(pulses, steps, pat, other)",
         "pat on the pulses of a euclidean rhythm and other on its rests (Tidal).",
         "s(\"bd\").euclidFull(3, 8, s(\"hh\"))", NULL},
        {"euclidLegatoRot", 4, nat_euclidLegatoRot, 0,
         "euclidLegatoRot(pulses, steps, rotation, pat)",
         "euclidLegato, rotated by rotation steps.", "note(\"c3\").euclidLegatoRot(3, 5, 2)", NULL},
        {"euclidLegato", 3, nat_euclidLegato, 0, "euclidLegato(pulses, steps, pat)",
         "A euclidean rhythm where each pulse lasts until the next.", "\"a\".euclidLegato(3, 8)",
         NULL},
        {"arp", 2, nat_arp, 0, "arp(indices, pat)",
         "Plays the notes of chords one by one: picked by index (Strudel), or in a mode (Tidal): "
         "up down updown downup up&down down&up converge diverge disconverge pinkyup pinkyupdown "
         "thumbup thumbupdown.",
         "note(\"<[c,e,g] [d,f,a]>\").arp(\"0 2 1\")", NULL},
        {"chop", 2, nat_chop, 0, "chop(n, pat)",
         "Cuts each event into n parts, each playing a part of the sample (begin/end).",
         "s(\"bd sn\").chop(2)", NULL},
        {"striate", 2, nat_striate, 0, "striate(n, pat)",
         "Plays n interleaved slices of each sample, one slice per repetition.",
         "s(\"bd sn\").striate(2)", NULL},
        {"run", 1, nat_run, 0, "run(n)", "The numbers 0 .. n-1 as a sequence.", "n(run(4))", NULL},
        {"stack", 0, nat_stack, V | SF, "stack(pat, ...)", "Plays the patterns together.",
         "stack(\"bd sn\", \"hh*4\")", NULL},
        {"cat", 0, nat_cat, V | SF, "cat(pat, ...)", "One pattern per cycle, in turn.",
         "cat(\"bd sn\", \"hh*4\")", NULL},
        {"slowcat", 0, nat_cat, V | SF, "slowcat(pat, ...)", "Same as cat.",
         "slowcat(\"bd\", \"sn\")", NULL},
        {"slowcatPrime", 0, nat_slowcatPrime, V | SF, "slowcatPrime(pat, ...)",
         "One pattern per cycle, in turn, each playing the cycle it is in (cat plays each "
         "pattern's own next cycle).",
         "slowcatPrime(\"<a b>\", \"c\")", NULL},
        {"fastcat", 0, nat_fastcat, V | SF, "fastcat(pat, ...)",
         "All the patterns in one cycle, one after another.", "fastcat(\"bd\", \"sn hh\")", NULL},
        {"seq", 0, nat_fastcat, V | SF, "seq(pat, ...)", "Same as fastcat.",
         "seq(\"bd\", \"sn hh\")", NULL},
        {"sequence", 0, nat_fastcat, V | SF, "sequence(pat, ...)", "Same as fastcat.",
         "sequence(\"bd\", \"sn\")", NULL},
        /* values */
        {"silence", 0, nat_silence, VAL, "silence", "The empty pattern.", "silence", NULL},
        {"saw", 0, nat_saw, VAL, "saw", "A signal rising from 0 to 1 every cycle.",
         "saw.segment(4)", NULL},
        {"isaw", 0, nat_isaw, VAL, "isaw", "A signal falling from 1 to 0 every cycle.",
         "isaw.segment(4)", NULL},
        {"sine", 0, nat_sine, VAL, "sine", "A sine wave signal between 0 and 1, one per cycle.",
         "sine.segment(8)", NULL},
        {"cosine", 0, nat_cosine, VAL, "cosine", "sine, a quarter cycle earlier.",
         "cosine.segment(8)", NULL},
        {"square", 0, nat_square, VAL, "square",
         "A signal: 0 for the first half of each cycle, 1 after.", "square.segment(4)", NULL},
        {"tri", 0, nat_tri, VAL, "tri", "A triangle signal: 0 up to 1 and back each cycle.",
         "tri.segment(4)", NULL},
        /* arithmetic */
        {"add", 2, nat_add, 0, "add(x, pat)", "Adds x to every value (structure from pat).",
         "\"0 2\".add(\"<0 12>\")", NULL},
        {"sub", 2, nat_sub, 0, "sub(x, pat)", "Subtracts x from every value.", "\"10 20\".sub(1)",
         NULL},
        {"mul", 2, nat_mul, 0, "mul(x, pat)", "Multiplies every value by x.", "\"1 2 3\".mul(2)",
         NULL},
        {"div", 2, nat_div, 0, "div(x, pat)", "Divides every value by x.", "\"2 4\".div(2)", NULL},
        {"mod", 2, nat_mod, 0, "mod(x, pat)",
         "The remainder of every value divided by x, never negative for positive x (as %).",
         "run(8).mul(3).mod(8)", NULL},
        {"range", 3, nat_range, 0, "range(min, max, pat)",
         "Scales values from 0..1 to min..max (for signals).", "sine.range(200, 800).segment(4)",
         NULL},
        {"rangex", 3, nat_rangex, 0, "rangex(min, max, pat)",
         "Like range, on an exponential curve (for frequencies).",
         "sine.rangex(200, 3200).segment(4)", NULL},
        {"fmap", 2, nat_fmap, 0, "fmap(f, pat)", "Applies the function f to every value.",
         "\"1 2 3\".fmap(x => x * 2)", NULL},
        {"withValue", 2, nat_fmap, 0, "withValue(f, pat)", "Same as fmap.",
         "\"1 2 3\".withValue(x => x + 1)", NULL},
        /* randomness */
        {"rand", 0, nat_rand, VAL, "rand",
         "A random signal in 0..1, the same at the same time in every run (and in Strudel).",
         "s(\"hh*8\").gain(rand)", NULL},
        {"perlin", 0, nat_perlin, VAL, "perlin", "Smooth random noise in 0..1, changing per cycle.",
         "s(\"hh*8\").pan(perlin)", NULL},
        {"berlin", 0, nat_berlin, VAL, "berlin",
         "Random ridges in 0..1: each cycle rises from one random value by another, halved.",
         "n(berlin.range(0, 7).segment(8)).scale(\"C:major\")", NULL},
        {"irand", 1, nat_irand, 0, "irand(n)", "Random whole numbers from 0 to n-1.",
         "n(irand(8).segment(4))", NULL},
        {"degradeBy", 2, nat_degradeBy, 0, "degradeBy(amount, pat)",
         "Randomly drops events: amount 0.3 drops about 30%.", "s(\"hh*8\").degradeBy(0.3)", NULL},
        {"degrade", 1, nat_degrade, 0, "degrade(pat)", "Randomly drops half of the events.",
         "s(\"hh*8\").degrade()", NULL},
        {"undegradeBy", 2, nat_undegradeBy, 0, "undegradeBy(amount, pat)",
         "Keeps exactly the events degradeBy(1 - amount) would drop.",
         "s(\"hh*8\").undegradeBy(0.3)", NULL},
        {"undegrade", 1, nat_undegrade, 0, "undegrade(pat)", "undegradeBy(0.5).",
         "s(\"hh*8\").undegrade()", NULL},
        {"sometimesBy", 3, nat_sometimesBy, 0, "sometimesBy(probability, f, pat)",
         "Applies f to events chosen at random with the given probability.",
         "s(\"hh*8\").sometimesBy(0.3, speed(2))", NULL},
        {"sometimes", 2, nat_sometimes, 0, "sometimes(f, pat)", "sometimesBy(0.5, f).",
         "s(\"hh*8\").sometimes(speed(2))", NULL},
        {"often", 2, nat_often, 0, "often(f, pat)", "sometimesBy(0.75, f).",
         "s(\"hh*8\").often(speed(2))", NULL},
        {"rarely", 2, nat_rarely, 0, "rarely(f, pat)", "sometimesBy(0.25, f).",
         "s(\"hh*8\").rarely(speed(2))", NULL},
        {"almostNever", 2, nat_almostNever, 0, "almostNever(f, pat)", "sometimesBy(0.1, f).",
         "s(\"hh*8\").almostNever(speed(2))", NULL},
        {"almostAlways", 2, nat_almostAlways, 0, "almostAlways(f, pat)", "sometimesBy(0.9, f).",
         "s(\"hh*8\").almostAlways(speed(2))", NULL},
        {"always", 2, nat_always, 0, "always(f, pat)", "Applies f (handy to switch sometimes off).",
         "s(\"hh*8\").always(speed(2))", NULL},
        {"never", 2, nat_never, 0, "never(f, pat)", "Leaves the pattern as it is.",
         "s(\"hh*8\").never(speed(2))", NULL},
        {"someCyclesBy", 3, nat_someCyclesBy, 0, "someCyclesBy(probability, f, pat)",
         "Applies f to whole cycles chosen at random.", "s(\"hh*8\").someCyclesBy(0.3, speed(2))",
         NULL},
        {"someCycles", 2, nat_someCycles, 0, "someCycles(f, pat)", "someCyclesBy(0.5, f).",
         "s(\"hh*8\").someCycles(speed(2))", NULL},
        {"choose", 0, nat_choose, V | SF, "choose(x, ...)",
         "A random choice among the values, continuously (sample it with a structure).",
         "note(\"c*4\").s(choose(\"sine\", \"saw\"))", NULL},
        {"chooseIn", 0, nat_chooseIn, V | SF, "chooseIn(x, ...)",
         "A random choice among the values (or patterns), keeping the structure of what is "
         "chosen.",
         "n(chooseIn(\"0 2\", \"4 7 9\").segment(4))", NULL},
        {"choose2", 1, nat_choose2, V | SF, "choose2(pat, x, ...)",
         "A choice among the values by pat's values from -1 to 1 (a bipolar signal), keeping "
         "pat's structure: sine2.segment(4).choose2(\"a\", \"b\").",
         "note(sine2.segment(4).choose2(\"c\", \"e\", \"g\")).s(\"pluck\")", NULL},
        {"chooseWith", 2, nat_chooseWith, SF, "chooseWith(pat, xs)",
         "A choice among the list xs by pat's values (0..1), keeping pat's structure.",
         "note(chooseWith(sine.segment(4), [\"c\", \"e\", \"g\"]))", NULL},
        {"chooseInWith", 2, nat_chooseInWith, SF, "chooseInWith(pat, xs)",
         "As chooseWith, keeping the structure of what is chosen.",
         "note(chooseInWith(sine.segment(2), [\"c e\", \"g a b\"]))", NULL},
        {"chooseCycles", 0, nat_chooseCycles, V | SF, "chooseCycles(pat, ...)",
         "One of the patterns, chosen at random each cycle.", "chooseCycles(\"bd*2\", \"hh*3\")",
         NULL},
        {"randcat", 0, nat_chooseCycles, V | SF, "randcat(pat, ...)", "Same as chooseCycles.",
         "randcat(\"bd*2\", \"hh*3\")", NULL},
        {"randL", 1, nat_randL, 0, "randL(n)",
         "A list of n random numbers (0..1), as a signal: partials or a chord of values at "
         "once.",
         "n(randL(3).segment(4).fmap(xs => xs[0] * 12)).scale(\"C:minor\").s(\"pluck\")", NULL},
        {"randrun", 1, nat_randrun, 0, "randrun(n)",
         "The numbers 0 to n-1 in a random order each cycle, n events a cycle.",
         "n(randrun(4)).scale(\"C:minor\")", NULL},
        {"shuffle", 2, nat_shuffle, 0, "shuffle(n, pat)",
         "The cycle cut in n parts, played in a random order (each part once a cycle).",
         "n(\"0 1 2 3\").shuffle(4)", NULL},
        {"scramble", 2, nat_scramble, 0, "scramble(n, pat)",
         "The cycle cut in n parts, n random ones played (parts may repeat).",
         "n(\"0 1 2 3\").scramble(4)", NULL},
        {"seed", 2, nat_seed, 0, "seed(n, pat)",
         "The pattern's random numbers (rand, perlin, degrade, sometimes, shuffle ...) drawn as "
         "with another seed, so two patterns at the same time can differ.",
         "s(\"bd*8\").degrade().seed(1)", NULL},
        {"wchooseCycles", 0, nat_wchooseCycles, V, "wchooseCycles([pat, weight], ...)",
         "One of the patterns each cycle, chosen at random by weight.",
         "wchooseCycles([s(\"bd*2\"), 3], [s(\"sn hh\"), 1]).fast(2)", NULL},
        {"wrandcat", 0, nat_wchooseCycles, V, "wrandcat([pat, weight], ...)",
         "Same as wchooseCycles.", "wrandcat([s(\"bd*2\"), 3], [s(\"sn hh\"), 1]).fast(2)", NULL},
        {"wchoose", 0, nat_wchoose, V | SF, "wchoose([value, weight], ...)",
         "A random choice where each value has a weight.",
         "note(\"c*4\").s(wchoose([\"sine\", 3], [\"saw\", 1]))", NULL},
        /* harmony */
        {"scale", 2, nat_scale, 0, "scale(name, pat)",
         "Turns numbers into notes of a scale (0 is the tonic, octave 3); notes are moved into it.",
         "n(\"0 2 4 7\").scale(\"C:major\")", NULL},
        {"scaleTranspose", 2, nat_scaleTranspose, 0, "scaleTranspose(steps, pat)",
         "Moves notes by steps within the scale scale() gave them (Strudel's scaleTranspose).",
         "n(\"0 2 4\").scale(\"C:major\").scaleTranspose(\"<0 1 2>\").s(\"pluck\")", NULL},
        {"scaleTrans", 2, nat_scaleTranspose, 0, "scaleTrans(steps, pat)",
         "Same as scaleTranspose.", "n(\"0 2 4\").scale(\"C:major\").scaleTrans(2).s(\"pluck\")",
         NULL},
        {"strans", 2, nat_scaleTranspose, 0, "strans(steps, pat)", "Same as scaleTranspose.",
         "n(\"0 2 4\").scale(\"C:major\").strans(-1).s(\"pluck\")", NULL},
        {"transpose", 2, nat_transpose, 0, "transpose(amount, pat)",
         "Moves notes by semitones (a number) or by an interval name (3m, 5P), spelled correctly.",
         "note(\"c3 e3\").transpose(\"<0 3>\")", NULL},
        {"ffi", 3, nat_ffi, 0, "ffi(library, function, signature)",
         "A C function of a shared library as a tala function, called through libffi: the "
         "signature is like \"double(double, double)\" with types int, int64, double, float, "
         "string, bool, pointer and void. Arguments are checked at each call; not in safe mode "
         "(docs/extending.md).",
         "note(ffi(\"libm.so.6\", \"pow\", \"double(double, double)\")(2, 6))", NULL},
        {"setcps", 1, nat_setcps, 0, "setcps(cycles_per_second)",
         "Strudel's tempo: cycles a second, a cycle being 4 beats (setcps(0.5) is tempo 120). "
         "Like the tempo statement, it takes effect from the next bar.",
         "setcps(0.5)", NULL},
        {"setCps", 1, nat_setcps, 0, "setCps(cycles_per_second)", "Same as setcps.", "setCps(0.5)",
         NULL},
        {"setcpm", 1, nat_setcps, 0, "setcpm(cycles_per_minute)",
         "Strudel's tempo in cycles a minute, a cycle being 4 beats (setcpm(30) is tempo 120).",
         "setcpm(30)", NULL},
        {"setCpm", 1, nat_setcps, 0, "setCpm(cycles_per_minute)", "Same as setcpm.", "setCpm(30)",
         NULL},
        {"load", 1, nat_load, 0, "load(path)",
         "Loads an extension written in C (a shared library made with include/tala_ext.h): its "
         "builtins and unit generators are names from here on. Not in safe mode "
         "(docs/extending.md).",
         "load(\"build/examples/ext/fold.so\")", NULL},
        {"samples", 1, nat_samples, V, "samples('dir')",
         "Loads a folder of sample folders (dir/name/*.wav): s(\"name:n\") plays sound n of name. "
         "Strudel's URLs and github: names are not downloaded (a warning names the sounds).",
         "samples('my-samples')", NULL},
        {"record", 1, nat_record, V, "record(name, bars)",
         "Records a take of the audio input (tala --input) from the next bar, bars long (1), "
         "latency compensated: it plays as s(name) from the first bar after it is complete "
         "(each take a variation: name:0, name:1, ...) and is saved as takes/name-N.wav. In a "
         "file, saving it again does not record again (docs/production.md).",
         "record(\"vox\", 4)", NULL},
};

/* The functions above, those of the other files, then the controls (made
 * from spec/controls.h). */
static NativeDef ALL[sizeof NATIVES / sizeof NATIVES[0] + 1200];
static int NALL;

static void all_add(const NativeDef *d, int n) {
    if (NALL + n > (int)(sizeof ALL / sizeof ALL[0])) abort(); /* grow ALL */
    memcpy(ALL + NALL, d, (size_t)n * sizeof *d);
    NALL += n;
}

/* Strudel's other names for builtins: each a copy of its target's entry,
 * with its own name, signature and "Same as" doc. */
static const struct {
    const char *alias, *target;
} ALIASES[] = {
    {"chunkback", "chunkBack"}, {"euclidrot", "euclidRot"},
    {"iterback", "iterBack"},   {"juxby", "juxBy"},
    {"seg", "segment"},         {"slowChunk", "chunk"},
    {"slowchunk", "chunk"},     {"sparsity", "slow"},
    {"polyrhythm", "stack"},    {"pr", "stack"},
    {"trans", "transpose"},     {"chooseOut", "choose"},
    {"fastchunk", "fastChunk"}, {"fastgap", "fastGap"},
    {"chunkinto", "chunkInto"}, {"chunkbackinto", "chunkBackInto"},
};
#define NALIASES (sizeof ALIASES / sizeof ALIASES[0])
static char ALIAS_SIG[NALIASES][96], ALIAS_DOC[NALIASES][64], ALIAS_EX[NALIASES][160];

static void add_aliases(void) {
    for (size_t a = 0; a < NALIASES; a++) {
        int t = 0;
        while (t < NALL && strcmp(ALL[t].name, ALIASES[a].target) != 0) t++;
        if (t == NALL) abort(); /* an alias of no builtin */
        NativeDef d = ALL[t];
        const char *paren = strchr(d.signature, '(');
        snprintf(ALIAS_SIG[a], sizeof ALIAS_SIG[a], "%s%s", ALIASES[a].alias, paren ? paren : "");
        snprintf(ALIAS_DOC[a], sizeof ALIAS_DOC[a], "Same as %s.", ALIASES[a].target);
        /* the target's example with the alias's name where the target's is */
        const char *at = d.example ? strstr(d.example, ALIASES[a].target) : NULL;
        if (at)
            snprintf(ALIAS_EX[a], sizeof ALIAS_EX[a], "%.*s%s%s", (int)(at - d.example), d.example,
                     ALIASES[a].alias, at + strlen(ALIASES[a].target));
        else
            snprintf(ALIAS_EX[a], sizeof ALIAS_EX[a], "%s", d.example ? d.example : "");
        d.name = ALIASES[a].alias;
        d.signature = ALIAS_SIG[a];
        d.doc = ALIAS_DOC[a];
        d.example = ALIAS_EX[a];
        all_add(&d, 1);
    }
}

static void all_init(void) {
    const NativeDef *(*const TABLES[])(int *) = {
        stdlib_program_natives, stdlib_voicing_natives, stdlib_compose_natives,
        stdlib_ops_natives,     stdlib_signal_natives,  stdlib_sections_natives,
        stdlib_pick_natives,    stdlib_slice_natives,   stdlib_rhythm_natives,
        stdlib_steps_natives,   stdlib_control_natives};
    all_add(NATIVES, (int)(sizeof NATIVES / sizeof NATIVES[0]));
    for (size_t i = 0; i < sizeof TABLES / sizeof TABLES[0]; i++) {
        int n;
        const NativeDef *d = TABLES[i](&n);
        all_add(d, n);
    }
    add_aliases();
}

bool stdlib_word(Vm *vm, Value v, char *out, size_t n) {
    if (IS_STRING(v)) {
        snprintf(out, n, "%s", AS_STRING(v)->chars);
        return true;
    }
    if (!IS_PATTERN(v) || !vm) return false;
    EvBuf ev;
    evbuf_init(&ev, vm_heap(vm));
    Query *q = vm_query(vm);
    bool ok = pat_events(q, AS_PATTERN(v), rat_int(0), rat_int(1), true, &ev) && ev.len == 1 &&
              IS_STRING(ev.ev[0].value);
    if (ok) snprintf(out, n, "%s", AS_STRING(ev.ev[0].value)->chars);
    evbuf_free(&ev);
    return ok;
}

const char *stdlib_section(const char *name) {
    static const struct {
        const NativeDef *(*table)(int *);
        const char *section;
    } SECTIONS[] = {
        {stdlib_program_natives, "Whole programs (Strudel's REPL)"},
        {stdlib_voicing_natives, "Harmony"},
        {stdlib_compose_natives, "Structure"},
        {stdlib_ops_natives, "Values and arithmetic"},
        {stdlib_signal_natives, "Values and signals"},
        {stdlib_sections_natives, "Structure"},
        {stdlib_pick_natives, "Structure"},
        {stdlib_slice_natives, "Structure"},
        {stdlib_rhythm_natives, "Structure"},
        {stdlib_steps_natives, "Structure"},
    };
    for (size_t t = 0; t < sizeof SECTIONS / sizeof SECTIONS[0]; t++) {
        int n;
        const NativeDef *d = SECTIONS[t].table(&n);
        for (int i = 0; i < n; i++)
            if (!strcmp(d[i].name, name)) return SECTIONS[t].section;
    }
    return NULL;
}

const NativeDef *stdlib_natives(int *count) {
    static pthread_once_t once = PTHREAD_ONCE_INIT;
    pthread_once(&once, all_init);
    *count = NALL;
    return ALL;
}

static VmLibrary LIBRARY;

static NativeDef HIDDEN[160];

static void library_init(void) {
    LIBRARY.natives = stdlib_natives(&LIBRARY.nnatives);
    int nu, np;
    const NativeDef *u = stdlib_ugen_natives(&nu), *p = stdlib_program_hidden(&np);
    if (nu + np > (int)(sizeof HIDDEN / sizeof HIDDEN[0])) abort(); /* grow HIDDEN */
    memcpy(HIDDEN, u, (size_t)nu * sizeof *u);
    memcpy(HIDDEN + nu, p, (size_t)np * sizeof *p);
    LIBRARY.hidden = HIDDEN;
    LIBRARY.nhidden = nu + np;
    LIBRARY.binary = stdlib_binary;
    LIBRARY.preload = stdlib_preload;
}

const VmLibrary *stdlib_library(void) {
    static pthread_once_t once = PTHREAD_ONCE_INIT; /* any thread may ask first */
    pthread_once(&once, library_init);
    return &LIBRARY;
}
