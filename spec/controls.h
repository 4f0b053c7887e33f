/*
 * controls.h - the control table: every control a pattern can carry (s,
 * note, gain, lpf, room, ...), one row each. It is the contract between the
 * pattern library, which makes a function of each name and alias (`x.lpf(800)`
 * merges {cutoff: 800} into x's events), and the engine, which reads the
 * record keys, defaults and ranges when it turns an event into a note. `tala
 * help`, completion and docs/reference.md list the same rows. Adding a
 * control is one row here; what a new kind of `drives` means is engine code.
 *
 * A row: X(ID, name, K(keys), aliases, drives, ugen, input2, range, def,
 *          doc, example)
 *   name     the function (and, usually, the record key)
 *   K(keys)  the record keys it sets: the first takes a plain value; a list
 *            value (lpf("800:5")) fills them in order, as Strudel's
 *            createParam does
 *   aliases  more function names for the same control, space-separated
 *   drives   what the engine does with it (ControlDrives)
 *   ugen     DRIVES_FX: the unit generator appended to the note's sound
 *   input2   DRIVES_FX: the key feeding that ugen's second input (a filter's Q)
 *   range    R(min, max): the range the engine clamps to (sends); CTL_ANY:
 *            not clamped
 *   def      the value when an event does not give it
 *   doc      what it sets, completing "Control: sets ... on every event."
 *   example  a runnable example, or NULL for the generic one
 *
 * Data only: any thread may read it.
 */
#ifndef TALA_SPEC_CONTROLS_H
#define TALA_SPEC_CONTROLS_H

#include "ugens.h"

#include <math.h>

typedef enum {
    DRIVES_SOUND,   /* picks the instrument or sample */
    DRIVES_PITCH,   /* the note's pitch (note, n, freq) */
    DRIVES_NOTE,    /* a setting of the note as a whole: level, pan, length, cut group, orbit */
    DRIVES_PARAM,   /* a synth parameter of that name (speed, attack, ...), def when not given */
    DRIVES_FX,      /* an effect on the note's own sound (ugen), in table order */
    DRIVES_SEND,    /* a send to the note's orbit's reverb or delay, or their settings */
    DRIVES_PATTERN, /* read by pattern functions (chord, anchor for voicing) */
} ControlDrives;

#define CTL_NONE -1 /* no ugen */
#define CTL_ANY  R(-INFINITY, INFINITY)

/* clang-format off */
#define CONTROL_LIST(X) \
    X(S, "s", K("s", "n", "gain"), "sound", DRIVES_SOUND, CTL_NONE, NULL, CTL_ANY, 0, \
      "the sound (a sample or an instrument; bd:3 also sets n)", NULL) \
    X(N, "n", K("n"), "", DRIVES_PITCH, CTL_NONE, NULL, CTL_ANY, 0, \
      "the sample number or scale step", NULL) \
    X(NOTE, "note", K("note", "n"), "", DRIVES_PITCH, CTL_NONE, NULL, CTL_ANY, 0, \
      "the note (a name like c4 or a MIDI number)", NULL) \
    X(FREQ, "freq", K("freq"), "", DRIVES_PITCH, CTL_NONE, NULL, CTL_ANY, 0, \
      "the frequency in hertz", NULL) \
    X(GAIN, "gain", K("gain"), "", DRIVES_NOTE, CTL_NONE, NULL, CTL_ANY, 0.8, \
      "the gain (linear, 1 is unchanged; 0.8 when not given, as in Strudel)", NULL) \
    X(VELOCITY, "velocity", K("velocity"), "", DRIVES_NOTE, CTL_NONE, NULL, CTL_ANY, 1, \
      "the velocity (0..1)", NULL) \
    X(PAN, "pan", K("pan"), "", DRIVES_NOTE, CTL_NONE, NULL, CTL_ANY, 0.5, \
      "the stereo position (0 left, 0.5 centre, 1 right)", NULL) \
    X(SPEED, "speed", K("speed"), "", DRIVES_PARAM, CTL_NONE, NULL, CTL_ANY, 1, \
      "the sample playback speed (negative plays backwards)", NULL) \
    X(BEGIN, "begin", K("begin"), "", DRIVES_PARAM, CTL_NONE, NULL, CTL_ANY, 0, \
      "where in the sample to start (0..1)", NULL) \
    X(END, "end", K("end"), "", DRIVES_PARAM, CTL_NONE, NULL, CTL_ANY, 1, \
      "where in the sample to stop (0..1)", NULL) \
    X(CUT, "cut", K("cut"), "", DRIVES_NOTE, CTL_NONE, NULL, CTL_ANY, 0, \
      "the cut group (a new sound stops the old one in the same group)", NULL) \
    X(LOOP, "loop", K("loop"), "", DRIVES_PARAM, CTL_NONE, NULL, CTL_ANY, 0, \
      "1 loops the sample (between begin and end) for as long as the note lasts", NULL) \
    X(CLIP, "clip", K("clip"), "legato", DRIVES_NOTE, CTL_NONE, NULL, CTL_ANY, 1, \
      "the note length relative to the event", NULL) \
    X(SUSTAIN, "sustain", K("sustain"), "", DRIVES_PARAM, CTL_NONE, NULL, CTL_ANY, 0, \
      "the sustain level", NULL) \
    X(ATTACK, "attack", K("attack"), "", DRIVES_PARAM, CTL_NONE, NULL, CTL_ANY, 0, \
      "the attack time in seconds", NULL) \
    X(DECAY, "decay", K("decay"), "", DRIVES_PARAM, CTL_NONE, NULL, CTL_ANY, 0, \
      "the decay time in seconds", NULL) \
    X(RELEASE, "release", K("release"), "", DRIVES_PARAM, CTL_NONE, NULL, CTL_ANY, 0, \
      "the release time in seconds", NULL) \
    X(CUTOFF, "cutoff", K("cutoff", "resonance", "lpenv"), "lpf", DRIVES_FX, UGEN_LPF, "resonance", CTL_ANY, 0, \
      "the low-pass filter cutoff in hertz (lpf(\"800:5\") also sets resonance)", NULL) \
    X(RESONANCE, "resonance", K("resonance"), "lpq", DRIVES_PARAM, CTL_NONE, NULL, CTL_ANY, 1, \
      "the low-pass filter resonance (Q)", NULL) \
    X(HCUTOFF, "hcutoff", K("hcutoff", "hresonance", "hpenv"), "hpf", DRIVES_FX, UGEN_HPF, "hresonance", CTL_ANY, 0, \
      "the high-pass filter cutoff in hertz", NULL) \
    X(HRESONANCE, "hresonance", K("hresonance"), "hpq", DRIVES_PARAM, CTL_NONE, NULL, CTL_ANY, 1, \
      "the high-pass filter resonance (Q)", NULL) \
    X(BANDF, "bandf", K("bandf", "bandq", "bpenv"), "bpf", DRIVES_FX, UGEN_BPF, "bandq", CTL_ANY, 0, \
      "the band-pass filter centre in hertz", NULL) \
    X(BANDQ, "bandq", K("bandq"), "bpq", DRIVES_PARAM, CTL_NONE, NULL, CTL_ANY, 1, \
      "the band-pass filter's Q", NULL) \
    X(VOWEL, "vowel", K("vowel"), "", DRIVES_FX, UGEN_FORMANT, NULL, CTL_ANY, 0, \
      "a formant filter: the vowel a e i o u (also ae aa oe ue y uh un en an on), as in Strudel", "note(\"c3 e3 g3\").s(\"saw\").vowel(\"<a o>\")") \
    X(COARSE, "coarse", K("coarse"), "", DRIVES_FX, UGEN_COARSE, NULL, CTL_ANY, 0, \
      "a lower sample rate: each n-th sample is held for n samples (n whole: 2.5 acts as 2)", "s(\"bd*4\").coarse(\"1 4 8\")") \
    X(CRUSH, "crush", K("crush"), "", DRIVES_FX, UGEN_CRUSH, NULL, CTL_ANY, 0, \
      "the bit-crusher depth (1..16, lower is harsher)", NULL) \
    X(SHAPE, "shape", K("shape", "shapevol"), "", DRIVES_FX, UGEN_DIST, NULL, CTL_ANY, 0, \
      "the waveshaper amount (0..1)", NULL) \
    X(DISTORT, "distort", K("distort", "distortvol"), "", DRIVES_FX, UGEN_DIST, NULL, CTL_ANY, 0, \
      "a distortion (tala's tanh waveshaper, after shape)", "s(\"bd*2 sn\").distort(\"0 0.6\")") \
    X(ROOM, "room", K("room"), "", DRIVES_SEND, CTL_NONE, NULL, R(0, 1), 0, \
      "the reverb send (0..1)", NULL) \
    X(ROOMSIZE, "roomsize", K("roomsize"), "size", DRIVES_SEND, CTL_NONE, NULL, R(0, 10), 2, \
      "the reverb's size, 0..10: about its tail in seconds", NULL) \
    X(DELAY, "delay", K("delay", "delaytime", "delayfeedback"), "", DRIVES_SEND, CTL_NONE, NULL, R(0, 1), 0, \
      "the delay send (0..1)", NULL) \
    X(DELAYTIME, "delaytime", K("delaytime"), "", DRIVES_SEND, CTL_NONE, NULL, R(0.001, 4), 0.25, \
      "the delay time in seconds", NULL) \
    X(DELAYFEEDBACK, "delayfeedback", K("delayfeedback"), "", DRIVES_SEND, CTL_NONE, NULL, R(0, 0.98), 0.5, \
      "the delay feedback (0..1)", NULL) \
    X(ORBIT, "orbit", K("orbit"), "", DRIVES_NOTE, CTL_NONE, NULL, CTL_ANY, 1, \
      "the orbit: whose reverb and delay its room and delay sends reach (1 by default; eight, then they wrap)", "s(\"bd*2, hh*4\").room(0.3).orbit(2)") \
    X(NUDGE, "nudge", K("nudge"), "", DRIVES_NOTE, CTL_NONE, NULL, CTL_ANY, 0, \
      "a shift in seconds (positive is later)", NULL) \
    X(SYNTH, "synth", K("s"), "", DRIVES_SOUND, CTL_NONE, NULL, CTL_ANY, 0, \
      "the instrument: a synth value or name (sets s)", NULL) \
    X(CHORD, "chord", K("chord"), "", DRIVES_PATTERN, CTL_NONE, NULL, CTL_ANY, 0, \
      "a chord symbol (Cm7, Abmaj7, G7/B) for voicing", NULL) \
    X(ANCHOR, "anchor", K("anchor"), "", DRIVES_PATTERN, CTL_NONE, NULL, CTL_ANY, 0, \
      "the note voicing places chords under (default c5)", NULL)
/* clang-format on */

typedef enum {
#define CONTROL_ENUM_ROW(id, ...) CTL_##id,
    CONTROL_LIST(CONTROL_ENUM_ROW)
#undef CONTROL_ENUM_ROW
        CTL_COUNT
} ControlId;

#define CTL_MAX_KEYS 4

typedef struct {
    const char *name;               /* the function */
    const char *keys[CTL_MAX_KEYS]; /* record keys; keys[0] takes a plain value */
    const char *aliases;            /* more function names, space-separated ("" if none) */
    ControlDrives drives;
    int ugen;           /* DRIVES_FX: a UgenId; CTL_NONE otherwise */
    const char *input2; /* DRIVES_FX: the key of the ugen's second input, or NULL */
    double min, max;    /* the engine clamps sends to this */
    double def;         /* the value when not given */
    const char *doc, *example;
} ControlDef;

/* The table, in ControlId order (DRIVES_FX rows in the order effects apply). */
const ControlDef *control_table(void);
static inline const ControlDef *control(ControlId id) {
    return &control_table()[id];
}
/* The row whose first key is key, or NULL (a synth parameter's default). */
const ControlDef *control_by_key(const char *key);
/* x clamped to the row's range; NaN becomes the top, as fmin/fmax do. */
static inline double control_clamp(ControlId id, double x) {
    return fmax(control(id)->min, fmin(x, control(id)->max));
}

#endif
