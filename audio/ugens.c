/*
 * ugens.c - the unit generator table (see ugens.h). Defaults are in the
 * units the language uses: hertz, seconds, linear gain, 0..1 amounts.
 */
#include "ugens.h"

#include <string.h>

static const UgenDef UGENS[] = {
    /* sources */
    {"sine", UG_SOURCE, 1, {"freq"}, {440}, 0, "A sine oscillator."},
    {"saw", UG_SOURCE, 1, {"freq"}, {440}, 0, "A band-limited sawtooth oscillator."},
    {"square", UG_SOURCE, 1, {"freq"}, {440}, 0, "A band-limited square oscillator."},
    {"tri", UG_SOURCE, 1, {"freq"}, {440}, 0, "A band-limited triangle oscillator."},
    {"pulse",
     UG_SOURCE,
     2,
     {"freq", "width"},
     {440, 0.5},
     0,
     "A band-limited pulse oscillator with a pulse width (0..1)."},
    {"fm",
     UG_SOURCE,
     3,
     {"freq", "ratio", "index"},
     {440, 2, 1},
     0,
     "A two-operator FM voice: modulator at freq*ratio, depth index."},
    {"supersaw",
     UG_SOURCE,
     2,
     {"freq", "detune"},
     {440, 0.2},
     0,
     "Three detuned band-limited sawtooth oscillators."},
    {"noise", UG_SOURCE, 0, {0}, {0}, 0, "White noise."},
    {"pink", UG_SOURCE, 0, {0}, {0}, 0, "Pink noise (-3 dB per octave)."},
    {"env",
     UG_SOURCE,
     2,
     {"attack", "release"},
     {0.005, 0.3},
     0,
     "A percussive envelope: rises over attack seconds, falls over release seconds."},
    {"adsr",
     UG_SOURCE,
     4,
     {"attack", "decay", "sustain", "release"},
     {0.01, 0.1, 0.7, 0.3},
     0,
     "An ADSR envelope that follows the note's gate."},
    {"line",
     UG_SOURCE,
     3,
     {"from", "to", "time"},
     {1, 0, 1},
     0,
     "A straight line from one value to another over time seconds."},
    /* effects: the first input is the signal */
    {"lpf", UG_EFFECT, 2, {"cutoff", "q"}, {1000, 0.7}, 0, "A state-variable low-pass filter."},
    {"hpf", UG_EFFECT, 2, {"cutoff", "q"}, {200, 0.7}, 0, "A state-variable high-pass filter."},
    {"bpf", UG_EFFECT, 2, {"cutoff", "q"}, {1000, 1}, 0, "A state-variable band-pass filter."},
    {"notch", UG_EFFECT, 2, {"cutoff", "q"}, {1000, 1}, 0, "A notch (band-reject) filter."},
    {"peak", UG_EFFECT, 3, {"freq", "gain", "q"}, {1000, 1, 1}, 0, "A peaking EQ band."},
    {"lowshelf", UG_EFFECT, 2, {"freq", "gain"}, {200, 1}, 0, "A low-shelf EQ band."},
    {"highshelf", UG_EFFECT, 2, {"freq", "gain"}, {4000, 1}, 0, "A high-shelf EQ band."},
    {"delay",
     UG_EFFECT,
     4,
     {"time", "feedback", "mix", "sync"},
     {0.25, 0.4, 0.3, 0},
     0,
     "An echo: time in seconds (in cycles with sync: 1, following the tempo), feedback 0..1, "
     "mix."},
    {"reverb",
     UG_EFFECT,
     3,
     {"size", "damp", "mix"},
     {0.5, 0.5, 0.3},
     0,
     "A FreeVerb-type reverb."},
    {"chorus", UG_EFFECT, 3, {"rate", "depth", "mix"}, {0.8, 0.3, 0.5}, 0, "A stereo chorus."},
    {"dist", UG_EFFECT, 1, {"amount"}, {0.5}, 0, "A waveshaping distortion."},
    {"crush", UG_EFFECT, 1, {"bits"}, {8}, 0, "A bit crusher."},
    {"coarse",
     UG_EFFECT,
     1,
     {"factor"},
     {1},
     0,
     "Holds every factor-th sample: the sound at a lower sample rate (as Strudel's coarse)."},
    {"formant",
     UG_EFFECT,
     3,
     {"vowel", "n", "add"},
     {0, 0, 0},
     0,
     "Formant n (0-4) of a vowel (0 a, 1 e, 2 i, 3 o, 4 u, 5 ae, 6 aa, 7 oe, 8 ue, 9 y, 10 uh, "
     "11 un, 12 en, 13 an, 14 on): a band-pass at its frequency, Q and level, plus add. A "
     "note's vowel(\"a\") is the five of them summed."},
    {"comp",
     UG_EFFECT,
     5,
     {"threshold", "ratio", "attack", "release", "side"},
     {0.5, 4, 0.01, 0.1, 0},
     0,
     "A compressor: threshold as a gain (-14dB), ratio, attack and release seconds; side: "
     "\"kick\" listens to that track instead (ducking)."},
    {"limit",
     UG_EFFECT,
     1,
     {"ceiling"},
     {0.891},
     0,
     "A limiter: the output never exceeds the ceiling (a gain, e.g. -1dB)."},
    {"pan", UG_EFFECT, 1, {"pos"}, {0.5}, 0, "Equal-power panning (0 left, 1 right)."},
    {"gain", UG_EFFECT, 1, {"amount"}, {1}, 0, "Multiplies the signal."},
    /* arithmetic the language emits for + - * / on signals */
    {"add", UG_MATH, 2, {"a", "b"}, {0, 0}, 2, "a + b"},
    {"sub", UG_MATH, 2, {"a", "b"}, {0, 0}, 2, "a - b"},
    {"mul", UG_MATH, 2, {"a", "b"}, {1, 1}, 2, "a * b"},
    {"div", UG_MATH, 2, {"a", "b"}, {1, 1}, 2, "a / b"},
    /* plays the event's sample (the engine gives each sampler voice its sound) */
    {"sampler",
     UG_SOURCE,
     4,
     {"speed", "begin", "end", "loop"},
     {1, 0, 1, 0},
     0,
     "Plays the event's sample: speed (negative: backwards), begin and end (0..1), loop."},
};

const UgenDef *ugen_table(int *count) {
    *count = (int)(sizeof UGENS / sizeof UGENS[0]);
    return UGENS;
}

const UgenDef *ugen_find(const char *name, unsigned len) {
    for (size_t i = 0; i < sizeof UGENS / sizeof UGENS[0]; i++)
        if (strlen(UGENS[i].name) == len && memcmp(UGENS[i].name, name, len) == 0) return &UGENS[i];
    return NULL;
}
