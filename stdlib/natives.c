/*
 * natives.c - THE table of built-in functions.
 *
 * One entry per name: arity, C function, flags, signature, a one-line doc
 * and a runnable example. The VM registers them as globals from this table;
 * :help, tab completion and docs/reference.md (generated, checked by a test)
 * read the same table, so they cannot drift apart.
 */
#include "lib.h"

/* clang-format off */
#define N(name) bool nat_##name(Vm *vm, Value *args, int argc, Value *out);
N(fast) N(slow) N(early) N(late) N(rev) N(iter) N(iterBack) N(firstOf) N(lastOf) N(palindrome)
N(when) N(ply) N(segment) N(compress) N(zoom) N(linger) N(inside) N(outside) N(swingBy) N(swing)
N(hurry) N(off) N(superimpose) N(layer) N(juxBy) N(jux) N(chunk) N(chunkBack) N(struct) N(mask)
N(euclid) N(euclidRot) N(euclidLegato) N(arp) N(chop) N(striate) N(run) N(stack) N(cat) N(fastcat)
N(silence) N(saw) N(isaw) N(sine) N(cosine) N(square) N(tri) N(add) N(sub) N(mul) N(div) N(range)
N(s) N(sound) N(n) N(note) N(freq) N(gain) N(velocity) N(pan) N(speed) N(begin) N(end) N(cut)
N(legato) N(sustain) N(attack) N(decay) N(release) N(cutoff) N(lpf) N(resonance) N(lpq) N(hpf)
N(hpq) N(bandf) N(bpf) N(room) N(size) N(delay) N(delaytime) N(delayfeedback) N(crush) N(shape)
N(orbit) N(nudge) N(vowel) N(coarse) N(scale) N(transpose) N(fmap)
#undef N
/* clang-format on */

#define V   NF_VARIADIC
#define SF  NF_SUBJECT_FIRST
#define C   NF_CONTROL
#define VAL NF_VALUE

#define CTRL(name, what)                                                                           \
    {                                                                                              \
#name, 1, nat_##name, C, #name "(value)", "Control: sets " what " on every event.",        \
            "s(\"bd sn\")." #name "(\"0.5 1\")", NULL                                              \
    }

static const NativeDef NATIVES[] = {
    /* time */
    {"fast", 2, nat_fast, 0, "fast(factor, pat)", "Speeds the pattern up by factor (0 is silence).",
     "\"bd sn\".fast(2)", NULL},
    {"slow", 2, nat_slow, 0, "slow(factor, pat)", "Slows the pattern down by factor.",
     "\"bd sn\".slow(2)", NULL},
    {"early", 2, nat_early, 0, "early(cycles, pat)", "Shifts the pattern earlier in time.",
     "\"bd sn\".early(0.25)", NULL},
    {"late", 2, nat_late, 0, "late(cycles, pat)", "Shifts the pattern later in time.",
     "\"bd sn\".late(0.25)", NULL},
    {"rev", 1, nat_rev, 0, "rev(pat)", "Plays each cycle backwards.", "\"a b c\".rev()", NULL},
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
    {"lastOf", 3, nat_lastOf, 0, "lastOf(n, f, pat)", "Applies f in the last of every n cycles.",
     "\"bd sn\".lastOf(3, rev)", NULL},
    {"palindrome", 1, nat_palindrome, 0, "palindrome(pat)",
     "Every other cycle is played backwards.", "\"a b c\".palindrome()", NULL},
    {"when", 3, nat_when, 0, "when(bools, f, pat)", "Applies f where the boolean pattern is true.",
     "\"a b c d\".when(\"1 0\", rev)", NULL},
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
     "Layers f applied to the pattern shifted later by time.", "\"c e\".off(0.125, add(12))", NULL},
    {"superimpose", 2, nat_superimpose, V, "superimpose(f, ..., pat)",
     "Plays the pattern together with f applied to it.", "\"0 4\".superimpose(add(12))", NULL},
    {"layer", 2, nat_layer, V, "layer(f, ..., pat)",
     "Plays each function applied to the pattern, together (without the original).",
     "\"a b\".layer(rev, fast(2))", NULL},
    {"jux", 2, nat_jux, 0, "jux(f, pat)",
     "The pattern on the left, f of it on the right (pan 0 and 1).", "s(\"bd sn\").jux(rev)", NULL},
    {"juxBy", 3, nat_juxBy, 0, "juxBy(width, f, pat)", "jux with a narrower stereo width (0..1).",
     "s(\"bd sn\").juxBy(0.5, rev)", NULL},
    {"chunk", 3, nat_chunk, 0, "chunk(n, f, pat)",
     "Divides the cycle into n parts and applies f to one part per cycle, in turn.",
     "\"0 1 2 3\".chunk(4, add(10))", NULL},
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
    {"euclidLegato", 3, nat_euclidLegato, 0, "euclidLegato(pulses, steps, pat)",
     "A euclidean rhythm where each pulse lasts until the next.", "\"a\".euclidLegato(3, 8)", NULL},
    {"arp", 2, nat_arp, 0, "arp(indices, pat)",
     "Plays the notes of chords one by one, picked by index.",
     "note(\"<[c,e,g] [d,f,a]>\").arp(\"0 2 1\")", NULL},
    {"chop", 2, nat_chop, 0, "chop(n, pat)",
     "Cuts each event into n parts, each playing a part of the sample (begin/end).",
     "s(\"bd sn\").chop(2)", NULL},
    {"striate", 2, nat_striate, 0, "striate(n, pat)",
     "Plays n interleaved slices of each sample, one slice per repetition.",
     "s(\"bd sn\").striate(2)", NULL},
    {"run", 1, nat_run, 0, "run(n)", "The numbers 0 .. n-1 as a sequence.", "n(run(4))", NULL},
    {"stack", 1, nat_stack, V | SF, "stack(pat, ...)", "Plays the patterns together.",
     "stack(\"bd sn\", \"hh*4\")", NULL},
    {"cat", 1, nat_cat, V | SF, "cat(pat, ...)", "One pattern per cycle, in turn.",
     "cat(\"bd sn\", \"hh*4\")", NULL},
    {"slowcat", 1, nat_cat, V | SF, "slowcat(pat, ...)", "Same as cat.", "slowcat(\"bd\", \"sn\")",
     NULL},
    {"fastcat", 1, nat_fastcat, V | SF, "fastcat(pat, ...)",
     "All the patterns in one cycle, one after another.", "fastcat(\"bd\", \"sn hh\")", NULL},
    {"seq", 1, nat_fastcat, V | SF, "seq(pat, ...)", "Same as fastcat.", "seq(\"bd\", \"sn hh\")",
     NULL},
    {"sequence", 1, nat_fastcat, V | SF, "sequence(pat, ...)", "Same as fastcat.",
     "sequence(\"bd\", \"sn\")", NULL},
    /* values */
    {"silence", 0, nat_silence, VAL, "silence", "The empty pattern.", "silence", NULL},
    {"saw", 0, nat_saw, VAL, "saw", "A signal rising from 0 to 1 every cycle.", "saw.segment(4)",
     NULL},
    {"isaw", 0, nat_isaw, VAL, "isaw", "A signal falling from 1 to 0 every cycle.",
     "isaw.segment(4)", NULL},
    {"sine", 0, nat_sine, VAL, "sine", "A sine wave signal between 0 and 1, one per cycle.",
     "sine.segment(8)", NULL},
    {"cosine", 0, nat_cosine, VAL, "cosine", "sine, a quarter cycle earlier.", "cosine.segment(8)",
     NULL},
    {"square", 0, nat_square, VAL, "square",
     "A signal: 0 for the first half of each cycle, 1 after.", "square.segment(4)", NULL},
    {"tri", 0, nat_tri, VAL, "tri", "A triangle signal: 0 up to 1 and back each cycle.",
     "tri.segment(4)", NULL},
    /* arithmetic */
    {"add", 2, nat_add, 0, "add(x, pat)", "Adds x to every value (structure from pat).",
     "\"0 2\".add(\"<0 12>\")", NULL},
    {"sub", 2, nat_sub, 0, "sub(x, pat)", "Subtracts x from every value.", "\"10 20\".sub(1)",
     NULL},
    {"mul", 2, nat_mul, 0, "mul(x, pat)", "Multiplies every value by x.", "\"1 2 3\".mul(2)", NULL},
    {"div", 2, nat_div, 0, "div(x, pat)", "Divides every value by x.", "\"2 4\".div(2)", NULL},
    {"range", 3, nat_range, 0, "range(min, max, pat)",
     "Scales values from 0..1 to min..max (for signals).", "sine.range(200, 800).segment(4)", NULL},
    {"fmap", 2, nat_fmap, 0, "fmap(f, pat)", "Applies the function f to every value.",
     "\"1 2 3\".fmap(x => x * 2)", NULL},
    {"withValue", 2, nat_fmap, 0, "withValue(f, pat)", "Same as fmap.",
     "\"1 2 3\".withValue(x => x + 1)", NULL},
    /* harmony */
    {"scale", 2, nat_scale, 0, "scale(name, pat)",
     "Turns numbers into notes of a scale (0 is the tonic, octave 3); notes are moved into it.",
     "n(\"0 2 4 7\").scale(\"C:major\")", NULL},
    {"transpose", 2, nat_transpose, 0, "transpose(amount, pat)",
     "Moves notes by semitones (a number) or by an interval name (3m, 5P), spelled correctly.",
     "note(\"c3 e3\").transpose(\"<0 3>\")", NULL},
    /* controls */
    CTRL(s, "the sound (sample or instrument); bd:3 also sets n"),
    CTRL(sound, "the sound, like s"),
    CTRL(n, "the sample number or scale step"),
    CTRL(note, "the note (a name like c4 or a MIDI number)"),
    CTRL(freq, "the frequency in hertz"),
    CTRL(gain, "the gain (linear, 1 is unchanged)"),
    CTRL(velocity, "the velocity (0..1)"),
    CTRL(pan, "the stereo position (0 left, 0.5 centre, 1 right)"),
    CTRL(speed, "the sample playback speed (negative plays backwards)"),
    CTRL(begin, "where in the sample to start (0..1)"),
    CTRL(end, "where in the sample to stop (0..1)"),
    CTRL(cut, "the cut group (a new sound stops the old one in the same group)"),
    CTRL(legato, "the note length relative to the event"),
    CTRL(sustain, "the sustain level"),
    CTRL(attack, "the attack time in seconds"),
    CTRL(decay, "the decay time in seconds"),
    CTRL(release, "the release time in seconds"),
    CTRL(cutoff, "the low-pass filter cutoff in hertz"),
    CTRL(lpf, "the low-pass filter cutoff in hertz (key cutoff)"),
    CTRL(resonance, "the low-pass filter resonance"),
    CTRL(lpq, "the low-pass filter resonance (key resonance)"),
    CTRL(hpf, "the high-pass filter cutoff in hertz (key hcutoff)"),
    CTRL(hpq, "the high-pass filter resonance (key hresonance)"),
    CTRL(bandf, "the band-pass filter centre in hertz"),
    CTRL(bpf, "the band-pass filter centre in hertz (key bandf)"),
    CTRL(room, "the reverb send (0..1)"),
    CTRL(size, "the reverb room size (0..1)"),
    CTRL(delay, "the delay send (0..1)"),
    CTRL(delaytime, "the delay time in cycles or seconds"),
    CTRL(delayfeedback, "the delay feedback (0..1)"),
    CTRL(crush, "the bit-crusher depth (1..16, lower is harsher)"),
    CTRL(shape, "the waveshaper amount (0..1)"),
    CTRL(orbit, "the bus (effects group) the sound goes to"),
    CTRL(nudge, "a shift in seconds (positive is later)"),
    CTRL(vowel, "a vowel filter (a e i o u)"),
    CTRL(coarse, "sample-rate reduction"),
};

const NativeDef *stdlib_natives(int *count) {
    *count = (int)(sizeof NATIVES / sizeof NATIVES[0]);
    return NATIVES;
}
