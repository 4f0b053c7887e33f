/*
 * ugens.h - the unit generator table: the contract between the language and
 * the DSP. The language builds graph descriptions from it (synth bodies and
 * effect chains), the graph compiler (engine/) turns those into the audio
 * side's nodes, the audio side computes them, and `tala help` and the docs
 * list them. This folder (spec/) is the bottom layer: lang/, stdlib/,
 * engine/ and audio/ all read it, and it includes nothing of theirs.
 *
 * One list, UGEN_LIST, makes both the UgenId enum and the table, so the two
 * can never disagree. A unit generator is a SOURCE (makes a signal from its
 * inputs), an EFFECT (its first input is the signal it processes: in a chain
 * x.lpf(800), x is that input) or MATH (arithmetic the language emits for
 * + - * /). Defaults are in the units the language uses: hertz, seconds,
 * linear gain, 0..1 amounts.
 */
#ifndef TALA_SPEC_UGENS_H
#define TALA_SPEC_UGENS_H

#include <math.h>

typedef enum { UG_SOURCE, UG_EFFECT, UG_MATH } UgenKind;

/* X(ID, name, kind, IN(input names...), DEF(their defaults...), required, doc):
 * `required` inputs must be given; the others take their default. */
#define UGEN_LIST(X)                                                                               \
    /* sources */                                                                                  \
    X(SINE, "sine", UG_SOURCE, IN("freq"), DEF(440), 0, "A sine oscillator.")                      \
    X(SAW, "saw", UG_SOURCE, IN("freq"), DEF(440), 0, "A band-limited sawtooth oscillator.")       \
    X(SQUARE, "square", UG_SOURCE, IN("freq"), DEF(440), 0, "A band-limited square oscillator.")   \
    X(TRI, "tri", UG_SOURCE, IN("freq"), DEF(440), 0, "A band-limited triangle oscillator.")       \
    X(PULSE, "pulse", UG_SOURCE, IN("freq", "width"), DEF(440, 0.5), 0,                            \
      "A band-limited pulse oscillator with a pulse width (0..1).")                                \
    X(FM, "fm", UG_SOURCE, IN("freq", "ratio", "index"), DEF(440, 2, 1), 0,                        \
      "A two-operator FM voice: modulator at freq*ratio, depth index.")                            \
    X(SUPERSAW, "supersaw", UG_SOURCE, IN("freq", "detune"), DEF(440, 0.2), 0,                     \
      "Three detuned band-limited sawtooth oscillators.")                                          \
    X(NOISE, "noise", UG_SOURCE, IN(), DEF(), 0, "White noise.")                                   \
    X(PINK, "pink", UG_SOURCE, IN(), DEF(), 0, "Pink noise (-3 dB per octave).")                   \
    X(ENV, "env", UG_SOURCE, IN("attack", "release"), DEF(0.005, 0.3), 0,                          \
      "A percussive envelope: rises over attack seconds, falls over release seconds.")             \
    X(ADSR, "adsr", UG_SOURCE, IN("attack", "decay", "sustain", "release"),                        \
      DEF(0.01, 0.1, 0.7, 0.3), 0, "An ADSR envelope that follows the note's gate.")               \
    X(SENV, "senv", UG_SOURCE, IN("attack", "decay", "sustain", "release", "sample"),              \
      DEF(NAN, NAN, NAN, NAN, 0), 0,                                                               \
      "Strudel's note envelope, following the gate: linear ADSR, a setting not given taking "      \
      "superdough's default (see the attack control); sample 1: its samples' defaults.")           \
    X(LINE, "line", UG_SOURCE, IN("from", "to", "time"), DEF(1, 0, 1), 0,                          \
      "A straight line from one value to another over time seconds.")                              \
    X(INPUT, "input", UG_SOURCE, IN("channel"), DEF(-1), 0,                                        \
      "The audio input (tala --input): channel 0 its left (or only) side, 1 its right, -1 both "   \
      "(in a synth their mean). In a synth it lags 64 frames (its voices compute ahead); in an "   \
      "effect chain it is the input of the same block. Silent without an input.")                  \
    X(ADC, "adc", UG_SOURCE, IN("channel"), DEF(-1), 0, "Same as input.")                          \
    /* effects: the first input is the signal */                                                   \
    X(LPF, "lpf", UG_EFFECT, IN("cutoff", "q"), DEF(1000, 0.7), 0,                                 \
      "A state-variable low-pass filter.")                                                         \
    X(HPF, "hpf", UG_EFFECT, IN("cutoff", "q"), DEF(200, 0.7), 0,                                  \
      "A state-variable high-pass filter.")                                                        \
    X(BPF, "bpf", UG_EFFECT, IN("cutoff", "q"), DEF(1000, 1), 0,                                   \
      "A state-variable band-pass filter.")                                                        \
    X(NOTCH, "notch", UG_EFFECT, IN("cutoff", "q"), DEF(1000, 1), 0,                               \
      "A notch (band-reject) filter.")                                                             \
    X(PEAK, "peak", UG_EFFECT, IN("freq", "gain", "q"), DEF(1000, 1, 1), 0, "A peaking EQ band.")  \
    X(LOWSHELF, "lowshelf", UG_EFFECT, IN("freq", "gain"), DEF(200, 1), 0, "A low-shelf EQ band.") \
    X(HIGHSHELF, "highshelf", UG_EFFECT, IN("freq", "gain"), DEF(4000, 1), 0,                      \
      "A high-shelf EQ band.")                                                                     \
    X(DELAY, "delay", UG_EFFECT, IN("time", "feedback", "mix", "sync"), DEF(0.25, 0.4, 0.3, 0), 0, \
      "An echo: time in seconds (in cycles with sync: 1, following the tempo), feedback "          \
      "0..1, mix.")                                                                                \
    X(REVERB, "reverb", UG_EFFECT, IN("size", "damp", "mix"), DEF(0.5, 0.5, 0.3), 0,               \
      "A FreeVerb-type reverb.")                                                                   \
    X(CHORUS, "chorus", UG_EFFECT, IN("rate", "depth", "mix"), DEF(0.8, 0.3, 0.5), 0,              \
      "A stereo chorus.")                                                                          \
    X(DIST, "dist", UG_EFFECT, IN("amount"), DEF(0.5), 0, "A waveshaping distortion.")             \
    X(SHAPER, "shaper", UG_EFFECT, IN("amount", "postgain"), DEF(0, 1), 0,                         \
      "superdough's shape: (1 + k) x / (1 + k |x|), k = 2 amount / (1 - amount), times postgain "  \
      "(0.001..1).")                                                                               \
    X(DISTORT, "distort", UG_EFFECT, IN("amount", "postgain", "type"), DEF(0, 1, 0), 0,            \
      "superdough's distortion: algorithm type (0 scurve, 1 soft, 2 hard, 3 cubic, 4 diode, 5 "    \
      "asym, 6 fold, 7 sinefold, 8 chebyshev) at drive expm1(amount), times postgain.")            \
    X(TREMOLO, "tremolo", UG_EFFECT, IN("rate", "depth", "skew", "phase", "shape", "sync"),        \
      DEF(1, 1, NAN, 0, NAN, NAN), 0,                                                              \
      "superdough's tremolo: the level max(1 - depth, 0) + (lfo depth)^1.5, the LFO (shape 0 "     \
      "tri, 1 sine, 2 ramp, 3 saw, 4 square, skew 1 unless a shape is given) at rate hertz "       \
      "(sync, "                                                                                    \
      "when given: another rate in hertz), its phase counted from the timeline's start.")          \
    X(PHASER, "phaser", UG_EFFECT, IN("rate", "depth", "center", "sweep"),                         \
      DEF(1, 0.75, 1000, 2000), 0,                                                                 \
      "superdough's phaser: two notches, at center and 282 Hz above, swept sweep cents either "    \
      "way by a triangle at rate hertz; depth narrows them.")                                      \
    X(DYNCOMP, "dyncomp", UG_EFFECT, IN("threshold", "ratio", "knee", "attack", "release"),        \
      DEF(-3, 10, 10, 0.005, 0.05), 0,                                                             \
      "The Web Audio compressor superdough uses: threshold and knee in dB, ratio, attack and "     \
      "release in seconds, with its makeup gain.")                                                 \
    X(CRUSH, "crush", UG_EFFECT, IN("bits"), DEF(8), 0, "A bit crusher.")                          \
    X(COARSE, "coarse", UG_EFFECT, IN("factor"), DEF(1), 0,                                        \
      "Holds every factor-th sample: the sound at a lower sample rate (as Strudel's "              \
      "coarse).")                                                                                  \
    X(FORMANT, "formant", UG_EFFECT, IN("vowel", "n", "add"), DEF(0, 0, 0), 0,                     \
      "Formant n (0-4) of a vowel (0 a, 1 e, 2 i, 3 o, 4 u, 5 ae, 6 aa, 7 oe, 8 ue, 9 "            \
      "y, 10 uh, 11 un, 12 en, 13 an, 14 on): a band-pass at its frequency, Q and "                \
      "level, plus add. A note's vowel(\"a\") is the five of them summed.")                        \
    X(COMP, "comp", UG_EFFECT, IN("threshold", "ratio", "attack", "release", "side"),              \
      DEF(0.5, 4, 0.01, 0.1, 0), 0,                                                                \
      "A compressor: threshold as a gain (-14dB), ratio, attack and release seconds; "             \
      "side: \"kick\" listens to that track instead (ducking).")                                   \
    X(LIMIT, "limit", UG_EFFECT, IN("ceiling"), DEF(0.891), 0,                                     \
      "A limiter: the output never exceeds the ceiling (a gain, e.g. -1dB).")                      \
    X(GLUE, "glue", UG_EFFECT, IN("threshold", "ratio", "attack", "release", "makeup"),            \
      DEF(0.126, 2, 0.01, 0.3, 1), 0,                                                              \
      "A bus compressor that glues a mix: both sides' RMS level, a 6 dB soft knee, threshold "     \
      "and makeup as gains (-18dB, 0dB), ratio, attack and release seconds.")                      \
    X(WIDTH, "width", UG_EFFECT, IN("amount"), DEF(1), 0,                                          \
      "Stereo width by mid and side: 0 mono, 1 as it is, 2 the side twice as loud (up to 4).")     \
    X(MASTEREQ, "mastereq", UG_EFFECT,                                                             \
      IN("low", "mid", "high", "lowfreq", "midfreq", "highfreq", "cut"),                           \
      DEF(1, 1, 1, 120, 1000, 8000, 25), 0,                                                        \
      "A mastering EQ made of tala's filters: hpf(cut), lowshelf(lowfreq, low), peak(midfreq, "    \
      "mid, 0.7), highshelf(highfreq, high); gains written in dB: mastereq(low: 2dB, high: 1dB).") \
    X(PAN, "pan", UG_EFFECT, IN("pos"), DEF(0.5), 0, "Equal-power panning (0 left, 1 right).")     \
    X(GAIN, "gain", UG_EFFECT, IN("amount"), DEF(1), 0, "Multiplies the signal.")                  \
    /* arithmetic the language emits for + - * / on signals */                                     \
    X(ADD, "add", UG_MATH, IN("a", "b"), DEF(0, 0), 2, "a + b")                                    \
    X(SUB, "sub", UG_MATH, IN("a", "b"), DEF(0, 0), 2, "a - b")                                    \
    X(MUL, "mul", UG_MATH, IN("a", "b"), DEF(1, 1), 2, "a * b")                                    \
    X(DIV, "div", UG_MATH, IN("a", "b"), DEF(1, 1), 2, "a / b")                                    \
    /* plays the event's sample (the engine gives each sampler voice its sound) */                 \
    X(SAMPLER, "sampler", UG_SOURCE, IN("speed", "begin", "end", "loop", "loopBegin", "loopEnd"),  \
      DEF(1, 0, 1, 0, 0, 1), 0,                                                                    \
      "Plays the event's sample: speed (negative: backwards), begin and end (0..1), "              \
      "loop (round loopBegin..loopEnd).")                                                          \
    /* a filter's cutoff moved by an envelope (Strudel's lpenv, lpattack, ...) */                  \
    X(FENV, "fenv", UG_EFFECT, IN("attack", "decay", "sustain", "release", "env", "anchor"),       \
      DEF(NAN, NAN, NAN, NAN, NAN, NAN), 0,                                                        \
      "A frequency envelope for a filter's cutoff (its input, in hertz), as Strudel's: from "      \
      "2^(-env*anchor) times the cutoff up to 2^(env*(1-anchor)) times it and back, with "         \
      "exponential attack, decay, sustain and release; a setting not given takes Strudel's "       \
      "default.")                                                                                  \
    /* a frequency (or speed) with vibrato (Strudel's vib, vibmod) */                              \
    X(VIB, "vib", UG_EFFECT, IN("rate", "depth"), DEF(0, 0.5), 0,                                  \
      "Vibrato of a frequency or playback speed (its input): rate times a second, depth "          \
      "semitones up and down, a sine from the note's start.")                                      \
    /* a frequency (or speed) through Strudel's pitch envelope (penv, pattack, ...) */             \
    X(PENV, "penv", UG_EFFECT, IN("attack", "decay", "sustain", "release", "depth", "anchor"),     \
      DEF(NAN, NAN, NAN, NAN, NAN, NAN), 0,                                                        \
      "Strudel's pitch envelope of a frequency or playback speed (its input): depth semitones "    \
      "(1 when not given), linear ADSR (defaults 0.2, 0.001, 1, 0.001), the anchor (the "          \
      "sustain when not given) where the unchanged pitch sits in the sweep.")                      \
    /* a frequency with frequency modulation (Strudel's fmi, fmh) */                               \
    X(FMMOD, "fmmod", UG_EFFECT, IN("harmonicity", "index"), DEF(1, 0), 0,                         \
      "Frequency modulation of a frequency (its input) by a sine at harmonicity times it, "        \
      "swinging index times that modulator's frequency either way.")                               \
    /* a frequency with Strudel's FM operators (fm, fm2..fm8, fmIJ: audio/fm.h) */                 \
    X(FMX, "fmx", UG_EFFECT, IN(), DEF(), 0,                                                       \
      "Strudel's FM operators moving a frequency (its input), as an event's fm controls set "      \
      "them (the engine adds it; in a synth of your own it passes the frequency on).")             \
    /* a plugin in an effect chain (audio/lv2.h) */                                                \
    X(LV2, "lv2", UG_EFFECT, IN("plugin", "settings"), DEF(0, 0), 1,                               \
      "An LV2 plugin in an effect chain: its URI or a part of its name only it has "               \
      "(tala plugins lists them), then its control inputs by symbol, as a record: "                \
      "lv2(\"fil4#mono\", {freq3: 1000, gain3: -12}).")                                            \
    /* superdough's stereo oscillators and modulators (audio/unison.h) */                          \
    X(UNISAW, "unisaw", UG_SOURCE, IN("freq", "detune", "voices", "spread"),                       \
      DEF(440, 0.18, 5, 0.6), 0,                                                                   \
      "superdough's supersaw: voices (1..100) band-limited saws detuned evenly over detune "       \
      "semitones, odd and even ones spread (0..1) to either side, the sum over sqrt(voices).")     \
    X(WAVETABLE, "wavetable", UG_SOURCE,                                                           \
      IN("freq", "position", "warp", "mode", "voices", "detune", "spread", "phaserand"),           \
      DEF(65.40639, 0, 0, 0, 1, 0.18, 0.7, NAN), 0,                                                \
      "superdough's wavetable oscillator over the note's table (frames of 2048 samples): "         \
      "position (0..1) morphs through the frames, warp (0..1) bends the phase by mode (0..21, "    \
      "see warpmode), in unison as unisaw; phaserand 1: each voice starts at a random phase.")     \
    X(TOMISAWA, "tomisawa", UG_SOURCE, IN("freq", "width", "rate", "sweep"),                       \
      DEF(440, 0.5, NAN, NAN), 0,                                                                  \
      "superdough's pulse: two self-modulating cosines (Tomisawa), width 0..1, swept by a "        \
      "triangle sweep wide at rate hertz (0.3 at 1 Hz when only one is given).")                   \
    X(MODENV, "modenv", UG_SOURCE,                                                                 \
      IN("offset", "attack", "decay", "sustain", "release", "amount"),                             \
      DEF(0, NAN, NAN, NAN, NAN, NAN), 0,                                                          \
      "superdough's parameter envelope: linear ADSR from offset up by amount (0.5 when a time "    \
      "is given and amount not; none when neither), defaults 0, 0.5, 0, 0.1.")                     \
    X(MODLFO, "modlfo", UG_EFFECT, IN("rate", "depth", "shape", "skew", "dc", "sync"),             \
      DEF(NAN, NAN, NAN, NAN, 0, NAN), 0,                                                          \
      "superdough's parameter LFO added to its input: (shape + dc) * depth, shape 0 tri, 1 "       \
      "sine, 2 ramp, 3 saw, 4 square at rate (or sync) hertz, depth 0.5 when only a rate, shape "  \
      "or skew is given.")                                                                         \
    X(NOISEMIX, "noisemix", UG_EFFECT, IN("amount"), DEF(0), 0,                                    \
      "superdough's noise control: pink noise mixed into its input, amount 0 (none) .. 1 (only "   \
      "the noise), each side at full level up to 0.5 and fading out beyond.")                      \
    X(BROWN, "brown", UG_SOURCE, IN(), DEF(), 0, "superdough's brown noise (integrated white).")   \
    X(CRACKLE, "crackle", UG_SOURCE, IN("density"), DEF(0.02), 0,                                  \
      "superdough's crackle: random impulses, density/100 the chance of one each sample.")

typedef enum {
#define UGEN_ENUM_ROW(id, ...) UGEN_##id,
    UGEN_LIST(UGEN_ENUM_ROW)
#undef UGEN_ENUM_ROW
        UGEN_COUNT
} UgenId;

#define UGEN_MAX_INPUTS 8

typedef struct UgenDef {
    const char *name;
    UgenKind kind;
    int ninputs; /* inputs after the processed signal (effects) */
    const char *inputs[UGEN_MAX_INPUTS];
    double defaults[UGEN_MAX_INPUTS]; /* used when an input is not given */
    int required;                     /* how many inputs must be given */
    const char *doc;
    const void *ext; /* an extension's unit generator (its tala_ugen, include/tala_ext.h) */
} UgenDef;

/* The table, in UgenId order; *count set to UGEN_COUNT. */
const UgenDef *ugen_table(int *count);
/* The entry for a name, or NULL (tala's own, then the extensions'). */
const UgenDef *ugen_find(const char *name, unsigned len);

/* Unit generators of extensions (load("ext.so")) get the ids from
 * UGEN_COUNT on, up to UGEN_MAX_ID: registered on the control thread before
 * any voice uses them, never removed. The id, or -1 when the table is full
 * or the name is taken. */
#define UGEN_MAX_ID 127
int ugen_register(const UgenDef *def);
/* The entry for an id (tala's or an extension's), or NULL. Any thread. */
const UgenDef *ugen_by_id(int id);
/* The default of a node's input slot (an effect's slot 0 is its signal: 0). Any thread. */
float ugen_input_default(int id, int slot);
/* The id of an entry from ugen_table, ugen_find or ugen_by_id. */
int ugen_id(const UgenDef *u);

#endif
