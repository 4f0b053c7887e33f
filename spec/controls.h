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
 *   range    R(min, max): the control's musical range (a test holds every
 *            example to it; the engine clamps the sends to it); CTL_ANY: a
 *            name, not a number
 *   def      the value when an event does not give it
 *   doc      what it sets, completing "Control: sets ... on every event."
 *   example  a runnable, musical example (a test runs every one)
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
    DRIVES_MIDI,    /* a MIDI setting: the event goes to a MIDI port (midievents.c) */
    DRIVES_EVENT,   /* carried in the event for what reads it (SuperDirt's effects and
                       synths, superdough 1.3's): superdough 1.2.6 plays nothing for it,
                       nor does tala's engine */
} ControlDrives;

#define CTL_NONE -1 /* no ugen */
#define CTL_ANY  R(-INFINITY, INFINITY)

/* clang-format off */
#define CONTROL_LIST(X) \
    X(S, "s", K("s", "n", "gain"), "sound", DRIVES_SOUND, CTL_NONE, NULL, CTL_ANY, 0, \
      "the sound (a sample or an instrument; bd:3 also sets n)", "s(\"bd*2 [~ sn] hh*4\")") \
    X(BANK, "bank", K("bank"), "", DRIVES_SOUND, CTL_NONE, NULL, CTL_ANY, 0, \
      "the bank the sound comes from: s(\"bd\").bank(\"mykit\") plays the sound mykit_bd (a sample folder of that name), else a Hydrogen kit's bd (bank(\"ColomboAcousticDrumkit\")), else the sound itself with a warning; bank(\"tala\") is tala's own kit", "s(\"bd sn\").bank(\"tala\")") \
    X(N, "n", K("n"), "", DRIVES_PITCH, CTL_NONE, NULL, R(-48, 96), 0, \
      "the sample number (a sound's variation), scale step, or a synth's pitch without a note", "n(\"0 2 4 7\").scale(\"C:minor\").s(\"pluck\")") \
    X(NOTE, "note", K("note", "n"), "", DRIVES_PITCH, CTL_NONE, NULL, R(0, 127), 0, \
      "the note (a name like c4 or a MIDI number)", "note(\"c3 eb3 g3 bb3\").s(\"saw\")") \
    X(FREQ, "freq", K("freq"), "", DRIVES_PITCH, CTL_NONE, NULL, R(20, 20000), 0, \
      "the frequency in hertz", "freq(\"220 330 440\").s(\"sine\")") \
    X(GAIN, "gain", K("gain"), "", DRIVES_NOTE, CTL_NONE, NULL, R(0, 2), 0.8, \
      "the gain (linear, 1 is unchanged; 0.8 when not given, as in Strudel)", "s(\"hh*8\").gain(\"0.4 0.2 0.6 0.2\")") \
    X(VELOCITY, "velocity", K("velocity"), "vel", DRIVES_NOTE, CTL_NONE, NULL, R(0, 1), 1, \
      "the velocity (0..1)", "s(\"bd*4\").velocity(\"1 0.5 0.8 0.5\")") \
    X(PAN, "pan", K("pan"), "", DRIVES_NOTE, CTL_NONE, NULL, R(0, 1), 0.5, \
      "the stereo position (0 left, 0.5 centre, 1 right)", "s(\"hh*8\").pan(sine.slow(2))") \
    X(SPEED, "speed", K("speed"), "", DRIVES_PARAM, CTL_NONE, NULL, R(-4, 4), 1, \
      "the sample playback speed (negative plays backwards)", "s(\"bd*4\").speed(\"1 2 0.5 -1\")") \
    X(BEGIN, "begin", K("begin"), "", DRIVES_PARAM, CTL_NONE, NULL, R(0, 1), 0, \
      "where in the sample to start (0..1)", "s(\"bd*4\").begin(\"0 0.25\")") \
    X(END, "end", K("end"), "", DRIVES_PARAM, CTL_NONE, NULL, R(0, 1), 1, \
      "where in the sample to stop (0..1)", "s(\"bd*4\").end(\"1 0.5\")") \
    X(CUT, "cut", K("cut"), "", DRIVES_NOTE, CTL_NONE, NULL, R(0, 64), 0, \
      "the cut group (a new sound stops the old one in the same group)", "s(\"hh*8, oh(3,8)\").cut(1)") \
    X(LOOP, "loop", K("loop"), "", DRIVES_PARAM, CTL_NONE, NULL, R(0, 1), 0, \
      "1 loops the sample (between begin and end) for as long as the note lasts", "s(\"bd\").loop(1).clip(2)") \
    X(LOOPBEGIN, "loopBegin", K("loopBegin"), "loopb", DRIVES_PARAM, CTL_NONE, NULL, R(0, 1), 0, \
      "where a looping sample's loop starts (0..1; superdough's: less begin)", "s(\"loop_amen\").loop(1).loopBegin(\"<0 0.5>\").clip(2)") \
    X(LOOPEND, "loopEnd", K("loopEnd"), "loope", DRIVES_PARAM, CTL_NONE, NULL, R(0, 1), 1, \
      "where a looping sample's loop ends (0..1; superdough's: less begin)", "s(\"loop_amen\").loop(1).loopEnd(\"<1 0.25>\").clip(2)") \
    X(CLIP, "clip", K("clip"), "legato", DRIVES_NOTE, CTL_NONE, NULL, R(0, 8), 1, \
      "the note length relative to the event", "note(\"c3 e3 g3\").s(\"saw\").clip(\"0.25 1\")") \
    X(SUSTAIN, "sustain", K("sustain"), "sus", DRIVES_PARAM, CTL_NONE, NULL, R(0, 1), NAN, \
      "the sustain level of the note's envelope (Strudel's: 0.6 unless given, see attack)", "note(\"c3 e3\").s(\"saw\").sustain(0.5)") \
    X(ATTACK, "attack", K("attack"), "att", DRIVES_PARAM, CTL_NONE, NULL, R(0, 10), NAN, \
      "the attack time in seconds of the note's envelope (Strudel's: with none of attack, decay, sustain, release given, 0.001, 0.05, 0.6, 0.01, a sample's 0.001, 0.001, 1, 0.01, a tala synth's its own; a sustain not given is 1 after an attack alone, else 0.001)", "note(\"c3 e3\").s(\"saw\").attack(0.1)") \
    X(DECAY, "decay", K("decay"), "dec", DRIVES_PARAM, CTL_NONE, NULL, R(0, 10), NAN, \
      "the decay time in seconds of the note's envelope", "note(\"c3 e3\").s(\"saw\").decay(0.2)") \
    X(RELEASE, "release", K("release"), "rel", DRIVES_PARAM, CTL_NONE, NULL, R(0, 10), NAN, \
      "the release time in seconds of the note's envelope", "note(\"c3 e3\").s(\"saw\").release(0.8)") \
    X(CUTOFF, "cutoff", K("cutoff", "resonance", "lpenv"), "lpf ctf lp", DRIVES_FX, UGEN_LPF, "resonance", R(20, 20000), 0, \
      "the low-pass filter cutoff in hertz (lpf(\"800:5\") also sets resonance)", "note(\"c2 eb2\").s(\"saw\").lpf(\"400 2000\")") \
    X(RESONANCE, "resonance", K("resonance"), "lpq", DRIVES_PARAM, CTL_NONE, NULL, R(0, 50), 1, \
      "the low-pass filter resonance (Q)", "note(\"c2 eb2\").s(\"saw\").lpf(600).resonance(8)") \
    X(UNIT, "unit", K("unit"), "", DRIVES_NOTE, CTL_NONE, NULL, CTL_ANY, 0, \
      "the unit of a sample's speed: \"c\" makes speed a number of plays of the whole sample a second, speed times the sample's length (loopAt and fit set it)", "s(\"bd\").speed(2).unit(\"c\")") \
    X(POSTGAIN, "postgain", K("postgain"), "", DRIVES_NOTE, CTL_NONE, NULL, R(0, 4), 1, \
      "a gain after the note's own effects", "s(\"bd*4\").shape(0.6).postgain(0.5)") \
    X(FMI, "fmi", K("fmi", "fmh"), "fm fm1 fmi1 fmh1", DRIVES_PARAM, CTL_NONE, NULL, R(0, 100), 0, \
      "frequency modulation: how far FM operator 1 (a sine at fmh times the note's frequency) swings the note's frequency, in the operator's frequency (fm(\"4:2\") also sets fmh); fm2 ... fm8 route operator 2 into 1, ... 8 into 7, and fmIJ any operator I into J (0: the note), as superdough 1.3 plays them (fmh1 sets fmi, as Strudel's does)", "note(\"c3 e3\").s(\"sine\").fm(4)") \
    X(FMH, "fmh", K("fmh", "fmi"), "", DRIVES_PARAM, CTL_NONE, NULL, R(0, 32), 1, \
      "an FM operator's frequency as a ratio to the note's (fmh2 ... fmh8: operators 2 to 8)", "note(\"c3 e3\").s(\"sine\").fm(4).fmh(1.5)") \
    X(FMATTACK, "fmattack", K("fmattack"), "fmatt fmatt1 fmattack1", DRIVES_PARAM, CTL_NONE, NULL, R(0, 10), NAN, \
      "the attack in seconds of an FM operator's envelope (fmattack2 ... 8 for the others): with any of its settings given, the operator's level follows it", "note(\"c3 e3\").s(\"sine\").fm(6).fmattack(0.3)") \
    X(FMDECAY, "fmdecay", K("fmdecay"), "fmdec fmdec1 fmdecay1", DRIVES_PARAM, CTL_NONE, NULL, R(0, 10), NAN, \
      "the decay in seconds of an FM operator's envelope", "note(\"c3 e3\").s(\"sine\").fm(6).fmdecay(0.2).fmsustain(0)") \
    X(FMSUSTAIN, "fmsustain", K("fmsustain"), "fmsus fmsus1 fmsustain1", DRIVES_PARAM, CTL_NONE, NULL, R(0, 1), NAN, \
      "the sustain level (0..1) of an FM operator's envelope", "note(\"c3 e3\").s(\"sine\").fm(6).fmdecay(0.2).fmsustain(0.3)") \
    X(FMRELEASE, "fmrelease", K("fmrelease"), "fmrel fmrel1 fmrelease1", DRIVES_PARAM, CTL_NONE, NULL, R(0, 10), NAN, \
      "the release in seconds of an FM operator's envelope", "note(\"c3 e3\").s(\"sine\").fm(6).fmrelease(0.5)") \
    X(FMENV, "fmenv", K("fmenv"), "fmenv1", DRIVES_PARAM, CTL_NONE, NULL, CTL_ANY, 0, \
      "the ramps of an FM operator's envelope: exp (exponential, the default) or lin", "note(\"c3 e3\").s(\"sine\").fm(6).fmdecay(0.2).fmsustain(0).fmenv(\"<exp lin>\")") \
    X(FMWAVE, "fmwave", K("fmwave"), "fmwave1", DRIVES_PARAM, CTL_NONE, NULL, CTL_ANY, 0, \
      "an FM operator's waveform: sine (the default), sawtooth, square, triangle, or the noises white, pink, brown, crackle", "note(\"c3 e3\").s(\"sine\").fm(2).fmwave(\"<sine square sawtooth>\")") \
    X(VIB, "vib", K("vib", "vibmod"), "vibrato v", DRIVES_PARAM, CTL_NONE, NULL, R(0, 50), 0, \
      "vibrato: how many times a second the pitch swings (vib(\"5:0.5\") also sets vibmod)", "note(\"c4 e4\").s(\"sawtooth\").vib(6)") \
    X(VIBMOD, "vibmod", K("vibmod", "vib"), "vmod", DRIVES_PARAM, CTL_NONE, NULL, R(0, 24), 0.5, \
      "how far the vibrato swings, in semitones up and down (with vib)", "note(\"c4 e4\").s(\"sawtooth\").vib(6).vibmod(2)") \
    X(LPENV, "lpenv", K("lpenv"), "lpe", DRIVES_PARAM, CTL_NONE, NULL, R(-10, 10), NAN, \
      "the depth in octaves of the low-pass filter's envelope (negative: downwards; 1 when another lp envelope setting is given); it needs a cutoff", "note(\"c2 eb2\").s(\"sawtooth\").lpf(300).lpenv(4)") \
    X(LPATTACK, "lpattack", K("lpattack"), "lpa", DRIVES_PARAM, CTL_NONE, NULL, R(0, 10), NAN, \
      "the attack in seconds of the low-pass filter's envelope", "note(\"c2 eb2\").s(\"sawtooth\").lpf(300).lpenv(4).lpattack(0.2)") \
    X(LPDECAY, "lpdecay", K("lpdecay"), "lpd", DRIVES_PARAM, CTL_NONE, NULL, R(0, 10), NAN, \
      "the decay in seconds of the low-pass filter's envelope", "note(\"c2 eb2\").s(\"sawtooth\").lpf(300).lpenv(4).lpdecay(0.3)") \
    X(LPSUSTAIN, "lpsustain", K("lpsustain"), "lps", DRIVES_PARAM, CTL_NONE, NULL, R(0, 1), NAN, \
      "the sustain level (0..1 of the way up) of the low-pass filter's envelope", "note(\"c2 eb2\").s(\"sawtooth\").lpf(300).lpenv(4).lpsustain(0.5)") \
    X(LPRELEASE, "lprelease", K("lprelease"), "lpr", DRIVES_PARAM, CTL_NONE, NULL, R(0, 10), NAN, \
      "the release in seconds of the low-pass filter's envelope", "note(\"c2 eb2\").s(\"sawtooth\").lpf(300).lpenv(4).lprelease(0.5)") \
    X(FANCHOR, "fanchor", K("fanchor"), "", DRIVES_PARAM, CTL_NONE, NULL, R(0, 1), NAN, \
      "where the cutoff sits in a filter envelope's sweep: 0 at its bottom (the default), 1 at its top", "note(\"c2 eb2\").s(\"sawtooth\").lpf(800).lpenv(3).fanchor(0.5)") \
    X(PENV, "penv", K("penv"), "", DRIVES_PARAM, CTL_NONE, NULL, R(-48, 48), NAN, \
      "the depth in semitones of the pitch envelope (1 when another pitch envelope setting is given): the note starts that far below and rises over pattack", "s(\"bd sd\").penv(12)") \
    X(PATTACK, "pattack", K("pattack"), "patt", DRIVES_PARAM, CTL_NONE, NULL, R(0, 10), NAN, \
      "the attack in seconds of the pitch envelope", "note(\"c3 g3\").s(\"sawtooth\").penv(7).pattack(0.1)") \
    X(PDECAY, "pdecay", K("pdecay"), "pdec", DRIVES_PARAM, CTL_NONE, NULL, R(0, 10), NAN, \
      "the decay in seconds of the pitch envelope", "note(\"c3 g3\").s(\"sawtooth\").penv(7).pdecay(0.2)") \
    X(PSUSTAIN, "psustain", K("psustain"), "psus", DRIVES_PARAM, CTL_NONE, NULL, R(0, 1), NAN, \
      "the sustain level (0..1 of the sweep) of the pitch envelope", "note(\"c3 g3\").s(\"sawtooth\").penv(7).psustain(0.5)") \
    X(PRELEASE, "prelease", K("prelease"), "prel", DRIVES_PARAM, CTL_NONE, NULL, R(0, 10), NAN, \
      "the release in seconds of the pitch envelope", "note(\"c3 g3\").s(\"sawtooth\").penv(7).prelease(0.3)") \
    X(PANCHOR, "panchor", K("panchor"), "", DRIVES_PARAM, CTL_NONE, NULL, R(0, 1), NAN, \
      "where the unchanged pitch sits in the pitch envelope's sweep: 0 at its bottom, 1 at its top (the sustain when not given)", "note(\"c3 g3\").s(\"sawtooth\").penv(12).panchor(0)") \
    X(HPENV, "hpenv", K("hpenv"), "hpe", DRIVES_PARAM, CTL_NONE, NULL, R(-10, 10), NAN, \
      "the depth in octaves of the high-pass filter's envelope (negative: downwards; 1 when another hp envelope setting is given); it needs a cutoff", "note(\"c2 eb2\").s(\"sawtooth\").hpf(2000).hpenv(-3)") \
    X(HPATTACK, "hpattack", K("hpattack"), "hpa", DRIVES_PARAM, CTL_NONE, NULL, R(0, 10), NAN, \
      "the attack in seconds of the high-pass filter's envelope", "note(\"c2 eb2\").s(\"sawtooth\").hpf(2000).hpenv(-3).hpattack(0.2)") \
    X(HPDECAY, "hpdecay", K("hpdecay"), "hpd", DRIVES_PARAM, CTL_NONE, NULL, R(0, 10), NAN, \
      "the decay in seconds of the high-pass filter's envelope", "note(\"c2 eb2\").s(\"sawtooth\").hpf(2000).hpenv(-3).hpdecay(0.3)") \
    X(HPSUSTAIN, "hpsustain", K("hpsustain"), "hps", DRIVES_PARAM, CTL_NONE, NULL, R(0, 1), NAN, \
      "the sustain level (0..1 of the way up) of the high-pass filter's envelope", "note(\"c2 eb2\").s(\"sawtooth\").hpf(2000).hpenv(-3).hpsustain(0.5)") \
    X(HPRELEASE, "hprelease", K("hprelease"), "hpr", DRIVES_PARAM, CTL_NONE, NULL, R(0, 10), NAN, \
      "the release in seconds of the high-pass filter's envelope", "note(\"c2 eb2\").s(\"sawtooth\").hpf(2000).hpenv(-3).hprelease(0.5)") \
    X(BPENV, "bpenv", K("bpenv"), "bpe", DRIVES_PARAM, CTL_NONE, NULL, R(-10, 10), NAN, \
      "the depth in octaves of the band-pass filter's envelope (negative: downwards; 1 when another bp envelope setting is given); it needs a cutoff", "note(\"c2 eb2\").s(\"sawtooth\").bpf(500).bpenv(-3)") \
    X(BPATTACK, "bpattack", K("bpattack"), "bpa", DRIVES_PARAM, CTL_NONE, NULL, R(0, 10), NAN, \
      "the attack in seconds of the band-pass filter's envelope", "note(\"c2 eb2\").s(\"sawtooth\").bpf(500).bpenv(-3).bpattack(0.2)") \
    X(BPDECAY, "bpdecay", K("bpdecay"), "bpd", DRIVES_PARAM, CTL_NONE, NULL, R(0, 10), NAN, \
      "the decay in seconds of the band-pass filter's envelope", "note(\"c2 eb2\").s(\"sawtooth\").bpf(500).bpenv(-3).bpdecay(0.3)") \
    X(BPSUSTAIN, "bpsustain", K("bpsustain"), "bps", DRIVES_PARAM, CTL_NONE, NULL, R(0, 1), NAN, \
      "the sustain level (0..1 of the way up) of the band-pass filter's envelope", "note(\"c2 eb2\").s(\"sawtooth\").bpf(500).bpenv(-3).bpsustain(0.5)") \
    X(BPRELEASE, "bprelease", K("bprelease"), "bpr", DRIVES_PARAM, CTL_NONE, NULL, R(0, 10), NAN, \
      "the release in seconds of the band-pass filter's envelope", "note(\"c2 eb2\").s(\"sawtooth\").bpf(500).bpenv(-3).bprelease(0.5)") \
    X(HCUTOFF, "hcutoff", K("hcutoff", "hresonance", "hpenv"), "hpf hp", DRIVES_FX, UGEN_HPF, "hresonance", R(20, 20000), 0, \
      "the high-pass filter cutoff in hertz", "s(\"hh*8\").hpf(\"2000 6000\")") \
    X(HRESONANCE, "hresonance", K("hresonance"), "hpq", DRIVES_PARAM, CTL_NONE, NULL, R(0, 50), 1, \
      "the high-pass filter resonance (Q)", "s(\"hh*8\").hpf(3000).hresonance(4)") \
    X(BANDF, "bandf", K("bandf", "bandq", "bpenv"), "bpf bp", DRIVES_FX, UGEN_BPF, "bandq", R(20, 20000), 0, \
      "the band-pass filter centre in hertz", "s(\"sn*4\").bpf(\"800 1600 3200\")") \
    X(BANDQ, "bandq", K("bandq"), "bpq", DRIVES_PARAM, CTL_NONE, NULL, R(0, 50), 1, \
      "the band-pass filter's Q", "s(\"sn*4\").bpf(1200).bandq(5)") \
    X(VOWEL, "vowel", K("vowel"), "", DRIVES_FX, UGEN_FORMANT, NULL, CTL_ANY, 0, \
      "a formant filter: the vowel a e i o u (also ae aa oe ue y uh un en an on), as in Strudel", "note(\"c3 e3 g3\").s(\"saw\").vowel(\"<a o>\")") \
    X(COARSE, "coarse", K("coarse"), "", DRIVES_FX, UGEN_COARSE, NULL, R(1, 64), 0, \
      "a lower sample rate: each n-th sample is held for n samples (n whole: 2.5 acts as 2)", "s(\"bd*4\").coarse(\"1 4 8\")") \
    X(CRUSH, "crush", K("crush"), "", DRIVES_FX, UGEN_CRUSH, NULL, R(1, 16), 0, \
      "the bit-crusher depth (1..16, lower is harsher)", "s(\"hh*8\").crush(\"16 6 4\")") \
    X(SHAPE, "shape", K("shape", "shapevol"), "", DRIVES_FX, UGEN_SHAPER, NULL, R(0, 1), 0, \
      "superdough's waveshaper: its amount (0..1; shape(\"0.5:0.8\") also sets shapevol)", "s(\"bd*4\").shape(\"0 0.5\")") \
    X(SHAPEVOL, "shapevol", K("shapevol"), "", DRIVES_PARAM, CTL_NONE, NULL, R(0, 1), 1, \
      "the level after the waveshaper (0.001..1)", "s(\"bd*4\").shape(0.7).shapevol(\"<1 0.5>\")") \
    X(DISTORT, "distort", K("distort", "distortvol", "distorttype"), "dist", DRIVES_FX, UGEN_DISTORT, NULL, R(0, 10), 0, \
      "superdough's distortion: its drive (distort(\"2:0.5:fold\") also sets distortvol and distorttype; after shape)", "s(\"bd*2 sn\").distort(\"0 2\")") \
    X(DISTORTVOL, "distortvol", K("distortvol"), "distvol", DRIVES_PARAM, CTL_NONE, NULL, R(0, 1), 1, \
      "the level after the distortion (0.001..1)", "s(\"bd*2 sn\").distort(3).distortvol(\"<1 0.4>\")") \
    X(DISTORTTYPE, "distorttype", K("distorttype"), "disttype", DRIVES_PARAM, CTL_NONE, NULL, CTL_ANY, 0, \
      "the distortion's algorithm: scurve (the default), soft, hard, cubic, diode, asym, fold, sinefold, chebyshev, or its number", "s(\"bd*2 sn\").distort(2).distorttype(\"<scurve fold chebyshev>\")") \
    X(TREMOLO, "tremolo", K("tremolo", "tremolodepth", "tremoloskew", "tremolophase"), "trem", DRIVES_FX, UGEN_TREMOLO, NULL, R(0, 100), 0, \
      "a tremolo: how many times a second the level swings (superdough's LFO, a rising ramp unless tremoloshape says)", "note(\"d d d# d\".fast(4)).s(\"sawtooth\").tremolo(\"<3 8>\")") \
    X(TREMOLOSYNC, "tremolosync", K("tremolosync", "tremolodepth", "tremoloskew", "tremolophase"), "tremsync", DRIVES_PARAM, CTL_NONE, NULL, R(0, 64), NAN, \
      "a tremolo by the tempo: how many times a cycle the level swings (it makes the tremolo)", "note(\"d d d# d\".fast(4)).s(\"sawtooth\").tremolosync(\"<4 8>\")") \
    X(TREMOLODEPTH, "tremolodepth", K("tremolodepth"), "tremdepth", DRIVES_PARAM, CTL_NONE, NULL, R(0, 4), 1, \
      "how deep the tremolo goes (1: to silence; above 1 it clips)", "note(\"a1*8\").s(\"square\").tremolosync(4).tremolodepth(\"<1 0.5>\")") \
    X(TREMOLOSKEW, "tremoloskew", K("tremoloskew"), "tremskew", DRIVES_PARAM, CTL_NONE, NULL, R(0, 1), NAN, \
      "the skew of the tremolo's wave (0..1: where a triangle peaks, where a square falls)", "note(\"f a c e\".fast(4)).s(\"sawtooth\").tremolosync(4).tremoloskew(\"<0.5 0.1>\")") \
    X(TREMOLOPHASE, "tremolophase", K("tremolophase"), "tremphase", DRIVES_PARAM, CTL_NONE, NULL, R(0, 1), 0, \
      "where in its wave the tremolo starts (turns, counted from the timeline's start)", "note(\"f a c e\".fast(4)).s(\"sawtooth\").tremolosync(4).tremolophase(\"<0 0.25>\")") \
    X(TREMOLOSHAPE, "tremoloshape", K("tremoloshape"), "tremshape", DRIVES_PARAM, CTL_NONE, NULL, CTL_ANY, NAN, \
      "the tremolo's wave: tri, sine, ramp, saw, square (or 0..4)", "note(\"f a c e\".fast(4)).s(\"sawtooth\").tremolosync(4).tremoloshape(\"<sine square>\")") \
    X(WT, "wt", K("wt"), "wavetablePosition", DRIVES_PARAM, CTL_NONE, NULL, R(0, 1), 0, \
      "where in its wavetable a wavetable sound plays (0..1: its first frame to its last, morphing between)", "note(\"c2 c2 g1 bb1\").s(\"wt_harmonics\").wt(\"<0 0.3 0.6 1>\")") \
    X(WTENV, "wtenv", K("wtenv"), "", DRIVES_PARAM, CTL_NONE, NULL, R(-1, 1), NAN, \
      "how far the wavetable position's envelope moves it (0.5 when only its times are given)", "note(\"c2*4\").s(\"wt_harmonics\").wtenv(\"<0.5 1>\").wtdecay(0.3)") \
    X(WTATTACK, "wtattack", K("wtattack"), "wtatt", DRIVES_PARAM, CTL_NONE, NULL, R(0, 10), NAN, \
      "the attack time of the wavetable position's envelope (seconds)", "note(\"c2 g1\").s(\"wt_harmonics\").wtattack(\"<0.05 0.4>\")") \
    X(WTDECAY, "wtdecay", K("wtdecay"), "wtdec", DRIVES_PARAM, CTL_NONE, NULL, R(0, 10), NAN, \
      "the decay time of the wavetable position's envelope (seconds)", "note(\"c2*4\").s(\"wt_pulse\").wtdecay(\"<0.1 0.5>\")") \
    X(WTSUSTAIN, "wtsustain", K("wtsustain"), "wtsus", DRIVES_PARAM, CTL_NONE, NULL, R(0, 1), NAN, \
      "the sustain level of the wavetable position's envelope (0..1 of its amount)", "note(\"c2 g1\").s(\"wt_harmonics\").wtdecay(0.2).wtsustain(\"<0 0.6>\")") \
    X(WTRELEASE, "wtrelease", K("wtrelease"), "wtrel", DRIVES_PARAM, CTL_NONE, NULL, R(0, 10), NAN, \
      "the release time of the wavetable position's envelope (seconds)", "note(\"c2 ~ g1 ~\").s(\"wt_harmonics\").wtenv(1).wtrelease(\"<0.1 0.5>\").release(0.5)") \
    X(WTRATE, "wtrate", K("wtrate"), "", DRIVES_PARAM, CTL_NONE, NULL, R(0, 100), NAN, \
      "how many times a second the wavetable position's LFO swings", "note(\"c2\").s(\"wt_harmonics\").wtrate(\"<1 4>\")") \
    X(WTSYNC, "wtsync", K("wtsync"), "", DRIVES_PARAM, CTL_NONE, NULL, R(0, 64), NAN, \
      "how many times a cycle the wavetable position's LFO swings (by the tempo)", "note(\"c2 g1\").s(\"wt_harmonics\").wtsync(\"<1 4>\")") \
    X(WTDEPTH, "wtdepth", K("wtdepth"), "", DRIVES_PARAM, CTL_NONE, NULL, R(0, 1), NAN, \
      "how far the wavetable position's LFO moves it (0.5 when only its rate, shape or skew is given)", "note(\"c2\").s(\"wt_harmonics\").wtrate(2).wtdepth(\"<0.3 1>\")") \
    X(WTSHAPE, "wtshape", K("wtshape"), "", DRIVES_PARAM, CTL_NONE, NULL, CTL_ANY, NAN, \
      "the wave of the wavetable position's LFO: tri, sine, ramp, saw, square (or 0..4)", "note(\"c2\").s(\"wt_harmonics\").wtrate(2).wtshape(\"<sine square>\")") \
    X(WTDC, "wtdc", K("wtdc"), "", DRIVES_PARAM, CTL_NONE, NULL, R(-1, 1), NAN, \
      "the offset added to the wavetable position's LFO wave (0..1) before its depth scales it", "note(\"c2\").s(\"wt_harmonics\").wtrate(2).wtdc(\"<0 -0.5>\")") \
    X(WTSKEW, "wtskew", K("wtskew"), "", DRIVES_PARAM, CTL_NONE, NULL, R(0, 1), NAN, \
      "the skew of the wavetable position's LFO wave (where a triangle peaks)", "note(\"c2\").s(\"wt_harmonics\").wtrate(2).wtskew(\"<0.1 0.9>\")") \
    X(WTPHASERAND, "wtphaserand", K("wtphaserand"), "wavetablePhaseRand", DRIVES_PARAM, CTL_NONE, NULL, R(0, 1), NAN, \
      "whether each of a wavetable sound's unison voices starts at a random phase (1; by default when unison is above 1)", "note(\"c2*4\").s(\"wt_basic\").unison(3).wtphaserand(\"<0 1>\")") \
    X(WARP, "warp", K("warp"), "wavetableWarp", DRIVES_PARAM, CTL_NONE, NULL, R(0, 1), 0, \
      "how far a wavetable sound's waveform is bent (0..1), in the way warpmode says", "note(\"c2*4\").s(\"wt_basic\").warpmode(\"fold\").warp(\"<0 0.3 0.6 1>\")") \
    X(WARPMODE, "warpmode", K("warpmode"), "wavetableWarpMode", DRIVES_PARAM, CTL_NONE, NULL, CTL_ANY, 0, \
      "how warp bends a wavetable sound: none, asym, mirror, bendp, bendm, bendmp, sync, quant, fold, pwm, orbit, spin, chaos, primes, binary, brownian, reciprocal, wormhole, logistic, sigmoid, fractal, flip (or 0..21)", "note(\"c2*4\").s(\"wt_basic\").warp(0.6).warpmode(\"<sync fold pwm quant>\")") \
    X(WARPENV, "warpenv", K("warpenv"), "", DRIVES_PARAM, CTL_NONE, NULL, R(-1, 1), NAN, \
      "how far the warp's envelope moves it (0.5 when only its times are given)", "note(\"c2*4\").s(\"wt_basic\").warpmode(\"sync\").warpenv(\"<0.5 1>\").warpdecay(0.3)") \
    X(WARPATTACK, "warpattack", K("warpattack"), "warpatt", DRIVES_PARAM, CTL_NONE, NULL, R(0, 10), NAN, \
      "the attack time of the warp's envelope (seconds)", "note(\"c2 g1\").s(\"wt_basic\").warpmode(\"fold\").warpattack(\"<0.05 0.4>\")") \
    X(WARPDECAY, "warpdecay", K("warpdecay"), "warpdec", DRIVES_PARAM, CTL_NONE, NULL, R(0, 10), NAN, \
      "the decay time of the warp's envelope (seconds)", "note(\"c2*4\").s(\"wt_basic\").warpmode(\"sync\").warpdecay(\"<0.1 0.5>\")") \
    X(WARPSUSTAIN, "warpsustain", K("warpsustain"), "warpsus", DRIVES_PARAM, CTL_NONE, NULL, R(0, 1), NAN, \
      "the sustain level of the warp's envelope (0..1 of its amount)", "note(\"c2 g1\").s(\"wt_basic\").warpmode(\"fold\").warpdecay(0.2).warpsustain(\"<0 0.6>\")") \
    X(WARPRELEASE, "warprelease", K("warprelease"), "warprel", DRIVES_PARAM, CTL_NONE, NULL, R(0, 10), NAN, \
      "the release time of the warp's envelope (seconds)", "note(\"c2 ~ g1 ~\").s(\"wt_basic\").warpmode(\"fold\").warpenv(1).warprelease(\"<0.1 0.5>\").release(0.5)") \
    X(WARPRATE, "warprate", K("warprate"), "", DRIVES_PARAM, CTL_NONE, NULL, R(0, 100), NAN, \
      "how many times a second the warp's LFO swings", "note(\"c2\").s(\"wt_basic\").warpmode(\"fold\").warprate(\"<1 4>\")") \
    X(WARPSYNC, "warpsync", K("warpsync"), "", DRIVES_PARAM, CTL_NONE, NULL, R(0, 64), NAN, \
      "how many times a cycle the warp's LFO swings (by the tempo)", "note(\"c2 g1\").s(\"wt_basic\").warpmode(\"pwm\").warpsync(\"<1 4>\")") \
    X(WARPDEPTH, "warpdepth", K("warpdepth"), "", DRIVES_PARAM, CTL_NONE, NULL, R(0, 1), NAN, \
      "how far the warp's LFO moves it (0.5 when only its rate, shape or skew is given)", "note(\"c2\").s(\"wt_basic\").warpmode(\"fold\").warprate(2).warpdepth(\"<0.3 1>\")") \
    X(WARPSHAPE, "warpshape", K("warpshape"), "", DRIVES_PARAM, CTL_NONE, NULL, CTL_ANY, NAN, \
      "the wave of the warp's LFO: tri, sine, ramp, saw, square (or 0..4)", "note(\"c2\").s(\"wt_basic\").warpmode(\"fold\").warprate(2).warpshape(\"<sine square>\")") \
    X(WARPDC, "warpdc", K("warpdc"), "", DRIVES_PARAM, CTL_NONE, NULL, R(-1, 1), NAN, \
      "the offset added to the warp's LFO wave (0..1) before its depth scales it", "note(\"c2\").s(\"wt_basic\").warpmode(\"fold\").warprate(2).warpdc(\"<0 0.5>\")") \
    X(WARPSKEW, "warpskew", K("warpskew"), "", DRIVES_PARAM, CTL_NONE, NULL, R(0, 1), NAN, \
      "the skew of the warp's LFO wave (where a triangle peaks)", "note(\"c2\").s(\"wt_basic\").warpmode(\"fold\").warprate(2).warpskew(\"<0.1 0.9>\")") \
    X(UNISON, "unison", K("unison"), "", DRIVES_PARAM, CTL_NONE, NULL, R(1, 100), NAN, \
      "how many detuned voices a supersaw or wavetable sound stacks (the supersaw's 5, a wavetable's 1 by default)", "note(\"d f a a# a d3\").fast(2).s(\"supersaw\").unison(\"<1 2 7>\")") \
    X(DETUNE, "detune", K("detune"), "det", DRIVES_PARAM, CTL_NONE, NULL, R(0, 48), NAN, \
      "how far apart (semitones, lowest to highest) the unison voices of a supersaw or wavetable sound are tuned (0.18 by default)", "note(\"d f a a# a d3\").fast(2).s(\"supersaw\").detune(\"<.1 .2 .5 24.1>\")") \
    X(SPREAD, "spread", K("spread"), "", DRIVES_PARAM, CTL_NONE, NULL, R(0, 1), NAN, \
      "how far the unison voices of a supersaw or wavetable sound are spread to the left and right (supersaw 0.6, wavetable 0.7 by default)", "note(\"d f a a# a d3\").fast(2).s(\"supersaw\").spread(\"<0 .3 1>\")") \
    X(PW, "pw", K("pw"), "", DRIVES_PARAM, CTL_NONE, NULL, R(0, 1), NAN, \
      "the pulse width of the pulse sound (0.5 square by default)", "note(\"c2 c2 eb2 g1\").s(\"pulse\").pw(\"<0.5 0.2 0.05>\")") \
    X(PWRATE, "pwrate", K("pwrate"), "", DRIVES_PARAM, CTL_NONE, NULL, R(0, 100), NAN, \
      "how many times a second the pulse width swings (0.3 wide when pwsweep is not given)", "note(\"c2 ~ c2 g1\").s(\"pulse\").pwrate(\"<0.5 4>\")") \
    X(PWSWEEP, "pwsweep", K("pwsweep"), "", DRIVES_PARAM, CTL_NONE, NULL, R(0, 1), NAN, \
      "how wide the pulse width swings (at 1 Hz when pwrate is not given)", "note(\"c2 ~ c2 g1\").s(\"pulse\").pwsweep(\"<0.2 0.6>\")") \
    X(ZRAND, "zrand", K("zrand"), "", DRIVES_PARAM, CTL_NONE, NULL, R(0, 1), 0, \
      "how much a ZzFX note's pitch is randomized (0..1 of it either way)", "note(\"c4*8\").s(\"z_sine\").zrand(\"<0 0.2>\")") \
    X(CURVE, "curve", K("curve"), "", DRIVES_PARAM, CTL_NONE, NULL, R(0, 8), 1, \
      "the shape of a ZzFX note's wave: its level raised to this power (0 a square, above 1 pointier)", "note(\"c3 e3 g3\").s(\"z_sine\").curve(\"<1 0.2 4>\")") \
    X(SLIDE, "slide", K("slide"), "", DRIVES_PARAM, CTL_NONE, NULL, R(-100, 100), 0, \
      "how fast a ZzFX note's pitch slides (up when positive)", "note(\"c4 g3\").s(\"z_triangle\").slide(\"<0 -2 4>\")") \
    X(DELTASLIDE, "deltaSlide", K("deltaSlide"), "", DRIVES_PARAM, CTL_NONE, NULL, R(-100, 100), 0, \
      "how fast a ZzFX note's slide itself changes", "note(\"c4 g3\").s(\"z_sawtooth\").slide(1).deltaSlide(\"<0 -20>\")") \
    X(PITCHJUMP, "pitchJump", K("pitchJump"), "", DRIVES_PARAM, CTL_NONE, NULL, R(-2000, 2000), 0, \
      "how far (hertz) a ZzFX note's pitch jumps after pitchJumpTime", "note(\"c4*4\").s(\"z_square\").pitchJump(\"<0 200 -100>\").pitchJumpTime(0.05)") \
    X(PITCHJUMPTIME, "pitchJumpTime", K("pitchJumpTime"), "", DRIVES_PARAM, CTL_NONE, NULL, R(0, 4), 0, \
      "when (seconds into a ZzFX note) its pitch jumps by pitchJump", "note(\"c4*4\").s(\"z_square\").pitchJump(300).pitchJumpTime(\"<0.02 0.1>\")") \
    X(ZNOISE, "znoise", K("znoise"), "", DRIVES_PARAM, CTL_NONE, NULL, R(0, 10), 0, \
      "noise on a ZzFX note's frequency (0: none)", "note(\"c3*4\").s(\"z_sine\").znoise(\"<0 0.5 2>\")") \
    X(ZMOD, "zmod", K("zmod"), "", DRIVES_PARAM, CTL_NONE, NULL, R(-100, 100), 0, \
      "frequency modulation of a ZzFX note: its frequency swings by a cosine this many hertz", "note(\"c3*4\").s(\"z_sawtooth\").zmod(\"<0 5 30>\")") \
    X(ZCRUSH, "zcrush", K("zcrush"), "", DRIVES_PARAM, CTL_NONE, NULL, R(0, 10), 0, \
      "a ZzFX note's bit crush: its samples held for 100 times this many", "note(\"c3*4\").s(\"z_triangle\").zcrush(\"<0 0.05 0.2>\")") \
    X(ZDELAY, "zdelay", K("zdelay"), "", DRIVES_PARAM, CTL_NONE, NULL, R(0, 2), 0, \
      "a ZzFX note's echo: the note again, this many seconds later, half as loud", "note(\"c4 ~ ~ ~\").s(\"z_sine\").zdelay(\"<0 0.1 0.25>\")") \
    X(ZZFX, "zzfx", K("zzfx"), "", DRIVES_PARAM, CTL_NONE, NULL, CTL_ANY, NAN, \
      "ZzFX's own parameters for a ZzFX sound, as a list (volume, randomness, frequency, attack, sustain, release, shape, curve, slide, deltaSlide, pitchJump, pitchJumpTime, repeatTime, noise, modulation, bitCrush, delay, sustainVolume, decay, tremolo; missing ones ZzFX's defaults)", "s(\"zzfx*2\").zzfx([0.5, 0, 330, 0.01, 0.1, 0.3, 2, 1, 2])") \
    X(DUCKORBIT, "duckorbit", K("duckorbit"), "duck", DRIVES_NOTE, CTL_NONE, NULL, R(0, 64), NAN, \
      "the orbit (or orbits, \"2:3\") each note ducks: their whole sound, effects too, dips and comes back (a sidechain)", "stack(note(\"c3 g3\").s(\"sawtooth\").orbit(2), s(\"bd*4\").duckorbit(2))") \
    X(DUCKONSET, "duckonset", K("duckonset"), "duckons", DRIVES_NOTE, CTL_NONE, NULL, R(0, 1), 0, \
      "how long (seconds) the ducked orbit takes to go down, from 10 ms before the note (\"0:0.01\": per orbit)", "stack(freq(63).s(\"sine\").orbit(2), s(\"bd*4\").duckorbit(2).duckonset(\"<0 .01>\"))") \
    X(DUCKATTACK, "duckattack", K("duckattack"), "duckatt", DRIVES_NOTE, CTL_NONE, NULL, R(0, 4), 0.1, \
      "how long (seconds) the ducked orbit takes to come back (per orbit: \"0.2:0.1\")", "stack(note(\"c3 g3\").s(\"sawtooth\").orbit(2), s(\"bd*4\").duckorbit(2).duckattack(\"<.05 .3>\"))") \
    X(DUCKDEPTH, "duckdepth", K("duckdepth"), "", DRIVES_NOTE, CTL_NONE, NULL, R(0, 1), 1, \
      "how deep the ducking goes: the orbit's level falls to 1 - sqrt(depth) (at least 0.01; per orbit: \"1:0.5\")", "stack(note(\"c3 g3\").s(\"sawtooth\").orbit(2), s(\"bd*4\").duckorbit(2).duckdepth(\"<1 .6>\"))") \
    X(CHANNELS, "channels", K("channels"), "ch", DRIVES_NOTE, CTL_NONE, NULL, CTL_ANY, NAN, \
      "the output channels a note's left and right go to (\"2:1\" swaps them, 1 keeps only the left, on the left; numbers above 2 wrap, as on a stereo device)", "note(\"e a d b g\").pan(0.2).channels(\"<1:2 2:1 1 2>\")") \
    X(NOISE, "noise", K("noise"), "", DRIVES_PARAM, CTL_NONE, NULL, R(0, 1), 0, \
      "how much pink noise is mixed into a sine, triangle, sawtooth or square note (0 none; the tone at full level up to 0.5, then fading out by 1)", "note(\"c3 e3 g3 c4\").s(\"sawtooth\").noise(\"<0 0.3 0.7>\")") \
    X(DENSITY, "density", K("density"), "", DRIVES_PARAM, CTL_NONE, NULL, R(0, 100), 0.02, \
      "how dense the crackle sound's impulses are (density/100 the chance of one each sample)", "s(\"crackle*4\").density(\"<0.01 0.1 1>\")") \
    X(DJF, "djf", K("djf"), "", DRIVES_NOTE, CTL_NONE, NULL, R(0, 1), NAN, \
      "the DJ filter of the note's orbit, from this note on (0..0.49 low-pass, lower is darker; 0.51..1 high-pass; between: none), on all the orbit plays, its reverb and delay too", "n(\"0 2 4 6\").scale(\"c:minor\").s(\"sawtooth\").djf(\"<.5 .3 .2 .75>\")") \
    X(COMPRESSOR, "compressor", K("compressor", "compressorRatio", "compressorKnee", "compressorAttack", "compressorRelease"), "", DRIVES_FX, UGEN_DYNCOMP, NULL, R(-100, 0), 0, \
      "a compressor on the note: its threshold in dB (compressor(\"-20:20:10:.002:.02\") also sets ratio, knee, attack and release; the Web Audio compressor superdough uses, with its makeup gain)", "s(\"bd sd [~ bd] sd\").compressor(\"<-30 -10>\")") \
    X(COMPRESSORRATIO, "compressorRatio", K("compressorRatio"), "", DRIVES_PARAM, CTL_NONE, NULL, R(1, 20), 10, \
      "the compressor's ratio", "s(\"bd sd\").compressor(-30).compressorRatio(\"<2 20>\")") \
    X(COMPRESSORKNEE, "compressorKnee", K("compressorKnee"), "", DRIVES_PARAM, CTL_NONE, NULL, R(0, 40), 10, \
      "the compressor's knee in dB", "s(\"bd sd\").compressor(-30).compressorKnee(\"<0 30>\")") \
    X(COMPRESSORATTACK, "compressorAttack", K("compressorAttack"), "", DRIVES_PARAM, CTL_NONE, NULL, R(0, 1), 0.005, \
      "the compressor's attack in seconds", "s(\"bd sd\").compressor(-30).compressorAttack(\"<0.001 0.1>\")") \
    X(COMPRESSORRELEASE, "compressorRelease", K("compressorRelease"), "", DRIVES_PARAM, CTL_NONE, NULL, R(0, 1), 0.05, \
      "the compressor's release in seconds", "s(\"bd sd\").compressor(-30).compressorRelease(\"<0.02 0.5>\")") \
    X(PHASERRATE, "phaserrate", K("phaserrate", "phaserdepth", "phasercenter", "phasersweep"), "ph phaser", DRIVES_FX, UGEN_PHASER, NULL, R(0, 50), 0, \
      "a phaser: how many times a second its two notches sweep (superdough's)", "n(\"0 2 4 7\").scale(\"D:pentatonic\").s(\"sawtooth\").phaser(\"<1 4>\")") \
    X(PHASERDEPTH, "phaserdepth", K("phaserdepth"), "phd phasdp", DRIVES_PARAM, CTL_NONE, NULL, R(0, 1), 0.75, \
      "how wide the phaser's notches are (0: no phaser)", "s(\"sawtooth*4\").phaser(2).phaserdepth(\"<0.2 0.9>\")") \
    X(PHASERCENTER, "phasercenter", K("phasercenter"), "phc", DRIVES_PARAM, CTL_NONE, NULL, R(20, 20000), 1000, \
      "the phaser's first notch in hertz (the second is 282 Hz above)", "s(\"sawtooth*4\").phaser(2).phasercenter(\"<500 2000>\")") \
    X(PHASERSWEEP, "phasersweep", K("phasersweep"), "phs", DRIVES_PARAM, CTL_NONE, NULL, R(0, 4800), 2000, \
      "how far the phaser's notches sweep, in cents either way", "s(\"sawtooth*4\").phaser(2).phasersweep(\"<600 2400>\")") \
    X(ROOM, "room", K("room"), "", DRIVES_SEND, CTL_NONE, NULL, R(0, 1), 0, \
      "the reverb send (0..1)", "s(\"sn*2\").room(0.4)") \
    X(ROOMSIZE, "roomsize", K("roomsize"), "size sz rsize", DRIVES_SEND, CTL_NONE, NULL, R(0, 10), 2, \
      "the reverb's size, 0..10: about its tail in seconds", "s(\"sn*2\").room(0.5).size(6)") \
    X(DELAY, "delay", K("delay", "delaytime", "delayfeedback"), "", DRIVES_SEND, CTL_NONE, NULL, R(0, 1), 0, \
      "the delay send (0..1)", "s(\"cp\").delay(0.5)") \
    X(DELAYTIME, "delaytime", K("delaytime"), "delayt dt", DRIVES_SEND, CTL_NONE, NULL, R(0.001, 4), 0.25, \
      "the delay time in seconds (when not given: delaysync, 3/16 of a cycle)", "s(\"cp\").delay(0.5).delaytime(0.375)") \
    X(DELAYSYNC, "delaysync", K("delaysync"), "", DRIVES_SEND, CTL_NONE, NULL, R(0, 16), 0.1875, \
      "the delay time in cycles, at the note's tempo, when delaytime is not given (3/16 unless given, as superdough's)", "s(\"cp\").delay(0.5).delaysync(\"<0.25 0.5>\")") \
    X(DRY, "dry", K("dry"), "", DRIVES_NOTE, CTL_NONE, NULL, R(0, 1), 1, \
      "the level of the note's own sound, its sends to reverb and delay left as they are", "s(\"cp\").room(0.8).dry(\"<1 0.2>\")") \
    X(DELAYFEEDBACK, "delayfeedback", K("delayfeedback"), "delayfb dfb", DRIVES_SEND, CTL_NONE, NULL, R(0, 0.98), 0.5, \
      "the delay feedback (0..1)", "s(\"cp\").delay(0.5).delayfeedback(0.7)") \
    X(ORBIT, "orbit", K("orbit"), "o", DRIVES_NOTE, CTL_NONE, NULL, R(1, 8), 1, \
      "the orbit: whose reverb and delay its room and delay sends reach (1 by default; eight, then they wrap)", "s(\"bd*2, hh*4\").room(0.3).orbit(2)") \
    X(NUDGE, "nudge", K("nudge"), "", DRIVES_NOTE, CTL_NONE, NULL, R(-1, 1), 0, \
      "a shift in seconds (positive is later)", "s(\"hh*8\").nudge(\"0 0.01\")") \
    X(SYNTH, "synth", K("s"), "", DRIVES_SOUND, CTL_NONE, NULL, CTL_ANY, 0, \
      "the instrument: a synth value or name (sets s)", "note(\"c3 g3\").synth(\"pluck\")") \
    X(CHORD, "chord", K("chord"), "", DRIVES_PATTERN, CTL_NONE, NULL, CTL_ANY, 0, \
      "a chord symbol (Cm7, Ab^7, G7/B) for voicing", "chord(\"<Cm7 Fm7>\").voicing().s(\"pad\")") \
    X(ANCHOR, "anchor", K("anchor"), "", DRIVES_PATTERN, CTL_NONE, NULL, CTL_ANY, 0, \
      "the note voicing places chords under (default c5)", "chord(\"<Cm7 Fm7>\").anchor(\"g4\").voicing().s(\"pad\")") \
    X(DICTIONARY, "dictionary", K("dictionary"), "dict", DRIVES_PATTERN, CTL_NONE, NULL, CTL_ANY, 0, \
      "the voicing dictionary: ireal (default), ireal-ext, lefthand, triads, guidetones, legacy", "chord(\"<C^7 A7 Dm7 G7>\").dict(\"lefthand\").voicing().s(\"pad\")") \
    X(MODE, "mode", K("mode", "anchor"), "", DRIVES_PATTERN, CTL_NONE, NULL, CTL_ANY, 0, \
      "how voicing aligns a chord to the anchor: below (top note under it, the default), duck (below, without the anchor note), above (bottom note over it), root; mode(\"below:g4\") also sets the anchor", "chord(\"<C^7 A7 Dm7 G7>\").mode(\"above\").voicing().s(\"pad\")") \
    X(OFFSET, "offset", K("offset"), "", DRIVES_PATTERN, CTL_NONE, NULL, R(-16, 16), 0, \
      "how many voicings up (or down) from the one voicing picks", "chord(\"<C^7 A7 Dm7 G7>\").offset(\"<0 1>\").voicing().s(\"pad\")") \
    X(OCTAVES, "octaves", K("octaves"), "", DRIVES_PATTERN, CTL_NONE, NULL, R(1, 4), 1, \
      "the octaves a voicing's n steps climb per round", "n(\"0 2 4 6\").chord(\"C^7\").octaves(2).voicing().s(\"pluck\")") \
    X(MIDIPORT, "midiport", K("midiport"), "", DRIVES_MIDI, CTL_NONE, NULL, CTL_ANY, 0, \
      "the MIDI output port the event goes to: a port's number or part of its name, or tala's own port 'tala' (midi() sets it)", "note(\"c4 e4 g4\").midiport(\"tala\")") \
    X(MIDICHAN, "midichan", K("midichan"), "", DRIVES_MIDI, CTL_NONE, NULL, R(1, 16), 1, \
      "the MIDI channel, 1..16", "note(\"c2 c3\").midi().midichan(\"<1 10>\")") \
    X(CCN, "ccn", K("ccn"), "", DRIVES_MIDI, CTL_NONE, NULL, R(0, 127), 0, \
      "the MIDI control change number (with ccv)", "ccv(\"0.2 0.8\").ccn(74).midi()") \
    X(CCV, "ccv", K("ccv"), "", DRIVES_MIDI, CTL_NONE, NULL, R(0, 1), 0, \
      "the MIDI control change value, 0..1 (sent as 0..127, with ccn)", "ccv(\"0.1 0.5 0.9\").ccn(74).midi()") \
    X(MIDICMD, "midicmd", K("midicmd"), "", DRIVES_MIDI, CTL_NONE, NULL, CTL_ANY, 0, \
      "a MIDI system message: start, stop or continue", "midicmd(\"<start ~ ~ stop>\").midi()") \
    X(PROGNUM, "progNum", K("progNum"), "", DRIVES_MIDI, CTL_NONE, NULL, R(0, 127), 0, \
      "a MIDI program change (0..127) before the note", "note(\"c3 g3\").progNum(\"<0 19>\").midi()") \
    X(MIDIBEND, "midibend", K("midibend"), "", DRIVES_MIDI, CTL_NONE, NULL, R(-1, 1), 0, \
      "the MIDI pitch bend, -1..1 (0 is none)", "note(\"c3*4\").midibend(\"0 0.25 0.5 -0.5\").midi()") \
    X(ACCELERATE, "accelerate", K("accelerate"), "", DRIVES_EVENT, CTL_NONE, NULL, R(-4, 4), 0, \
      "SuperDirt's accelerate: how far a sample's speed moves while it plays (Strudel: osc and SuperDirt only)", "s(\"bd*2 sn\").accelerate(\"<0 1 -1>\")") \
    X(BUSGAIN, "busgain", K("busgain"), "bgain", DRIVES_EVENT, CTL_NONE, NULL, R(0, 2), 0, \
      "a gain before the note goes to its bus (superdough 1.3's buses)", "s(\"bd*4\").busgain(\"<1 0.5>\")") \
    X(BINSHIFT, "binshift", K("binshift"), "", DRIVES_EVENT, CTL_NONE, NULL, R(0, 1), 0, \
      "SuperDirt's binshift: the spectrum's bins moved (0..1)", "s(\"sn*2\").binshift(\"<0.2 0.6>\")") \
    X(BUS, "bus", K("bus"), "", DRIVES_EVENT, CTL_NONE, NULL, R(0, 16), 0, \
      "the bus a note is sent to, to mix patterns (superdough 1.3's buses)", "s(\"bd*4\").bus(\"<1 2>\")") \
    X(CHORUS, "chorus", K("chorus"), "", DRIVES_EVENT, CTL_NONE, NULL, R(0, 1), 0, \
      "the chorus effect's mix (superdough 1.3's chorus)", "note(\"d d a# a\").s(\"sawtooth\").chorus(\"<0 0.5>\")") \
    X(COMB, "comb", K("comb"), "", DRIVES_EVENT, CTL_NONE, NULL, R(0, 1), 0, \
      "SuperDirt's comb: a comb filter through the spectrum (0..1)", "s(\"hh*4\").comb(\"<0.2 0.8>\")") \
    X(CTLNUM, "ctlNum", K("ctlNum"), "", DRIVES_EVENT, CTL_NONE, NULL, R(0, 127), 0, \
      "a MIDI controller number for SuperDirt's MIDI events", "s(\"midi*2\").ctlNum(\"<74 71>\")") \
    X(CTRANSPOSE, "ctranspose", K("ctranspose"), "", DRIVES_EVENT, CTL_NONE, NULL, R(-24, 24), 0, \
      "SuperCollider's chromatic transposition of a degree (SuperDirt's synths)", "degree(\"0 2 4\").ctranspose(\"<0 1>\")") \
    X(DEGREE, "degree", K("degree"), "", DRIVES_EVENT, CTL_NONE, NULL, R(-24, 48), 0, \
      "SuperCollider's scale degree (SuperDirt's synths)", "s(\"superpiano*3\").degree(\"0 2 4\")") \
    X(DELAYSPEED, "delayspeed", K("delayspeed"), "", DRIVES_EVENT, CTL_NONE, NULL, R(-4, 4), 0, \
      "how fast the delay's time changes (superdough 1.3's delay)", "s(\"cp*2\").delay(0.6).delayspeed(\"<2 0.5>\")") \
    X(ENHANCE, "enhance", K("enhance"), "", DRIVES_EVENT, CTL_NONE, NULL, R(0, 1), 0, \
      "SuperDirt's enhance: a spectral enhancer (0..1)", "s(\"sn*2\").enhance(\"<0.3 0.9>\")") \
    X(EXPRESSION, "expression", K("expression"), "", DRIVES_EVENT, CTL_NONE, NULL, R(0, 1), 0, \
      "a MIDI expression value for SuperDirt's MIDI events", "s(\"midi*2\").expression(\"<0.4 1>\")") \
    X(FADETIME, "fadeTime", K("fadeTime"), "fadeOutTime", DRIVES_EVENT, CTL_NONE, NULL, R(0, 10), 0, \
      "SuperDirt's fade out of a looping sample, in seconds", "s(\"loop_amen\").fadeTime(\"<0.1 1>\")") \
    X(FRAMERATE, "frameRate", K("frameRate"), "", DRIVES_EVENT, CTL_NONE, NULL, R(1, 120), 0, \
      "the frame rate of SuperDirt's MIDI time code", "s(\"midi\").frameRate(\"<25 30>\")") \
    X(FSHIFT, "fshift", K("fshift"), "", DRIVES_EVENT, CTL_NONE, NULL, R(-2000, 2000), 0, \
      "SuperDirt's frequency shifter: hertz every partial moves", "note(\"c3 e3\").s(\"supersaw\").fshift(\"<0 100>\")") \
    X(FSHIFTNOTE, "fshiftnote", K("fshiftnote"), "", DRIVES_EVENT, CTL_NONE, NULL, R(-48, 48), 0, \
      "SuperDirt's frequency shift as a multiple of the note's frequency", "note(\"c3 e3\").s(\"supersaw\").fshift(1).fshiftnote(\"<1 2>\")") \
    X(FSHIFTPHASE, "fshiftphase", K("fshiftphase"), "", DRIVES_EVENT, CTL_NONE, NULL, R(0, 6.3), 0, \
      "the phase of SuperDirt's frequency shifter", "note(\"c3\").s(\"supersaw\").fshift(100).fshiftphase(\"<0 1.5>\")") \
    X(FXRELEASE, "FXrelease", K("FXrelease"), "FXrel FXr fxr", DRIVES_EVENT, CTL_NONE, NULL, R(0, 10), 0, \
      "SuperDirt's release of a synth's effects, in seconds", "note(\"c3\").s(\"superpiano\").FXrelease(\"<0.5 2>\")") \
    X(GATE, "gate", K("gate"), "gat", DRIVES_EVENT, CTL_NONE, NULL, R(0, 8), 0, \
      "SuperDirt's gate of a sustained synth (tala's own synths take the note's length as their gate)", "note(\"c3 e3\").s(\"superpiano\").gate(\"<1 0>\")") \
    X(HOLD, "hold", K("hold"), "", DRIVES_EVENT, CTL_NONE, NULL, R(0, 10), 0, \
      "SuperDirt's hold: how long a note stays at full level, in seconds", "s(\"bd*2\").hold(\"<0.1 0.5>\")") \
    X(HOURS, "hours", K("hours"), "", DRIVES_EVENT, CTL_NONE, NULL, R(0, 24), 0, \
      "the hours of SuperDirt's MIDI time code", "s(\"midi\").hours(\"<1 2>\")") \
    X(HARMONIC, "harmonic", K("harmonic"), "", DRIVES_EVENT, CTL_NONE, NULL, R(0, 32), 0, \
      "a harmonic of SuperDirt's synths", "note(\"c3\").s(\"superhammond\").harmonic(\"<1 2>\")") \
    X(HBRICK, "hbrick", K("hbrick"), "", DRIVES_EVENT, CTL_NONE, NULL, R(0, 1), 0, \
      "SuperDirt's brick-wall high-pass in the spectrum (0..1)", "s(\"bd sn\").hbrick(\"<0.1 0.4>\")") \
    X(KCUTOFF, "kcutoff", K("kcutoff"), "", DRIVES_EVENT, CTL_NONE, NULL, R(20, 20000), 0, \
      "the cutoff of SuperDirt's krush", "s(\"bd sn\").krush(2).kcutoff(\"<500 3000>\")") \
    X(KRUSH, "krush", K("krush"), "", DRIVES_EVENT, CTL_NONE, NULL, R(0, 10), 0, \
      "SuperDirt's krush: a squashing distortion (from Sonic Pi)", "s(\"bd sn\").krush(\"<0 2 4>\")") \
    X(LBRICK, "lbrick", K("lbrick"), "", DRIVES_EVENT, CTL_NONE, NULL, R(0, 1), 0, \
      "SuperDirt's brick-wall low-pass in the spectrum (0..1)", "s(\"hh*4\").lbrick(\"<0.1 0.6>\")") \
    X(LESLIE, "leslie", K("leslie"), "", DRIVES_EVENT, CTL_NONE, NULL, R(0, 1), 0, \
      "SuperDirt's Leslie speaker: rotating speakers in a cabinet (0..1)", "n(\"0,4,7\").s(\"supersquare\").leslie(\"<0 0.6>\")") \
    X(LOCK, "lock", K("lock"), "", DRIVES_EVENT, CTL_NONE, NULL, R(0, 1), 0, \
      "1 makes SuperDirt's delay time relative to the tempo", "s(\"sd\").delay(0.5).lock(\"<1 0>\")") \
    X(LRATE, "lrate", K("lrate"), "", DRIVES_EVENT, CTL_NONE, NULL, R(0, 20), 0, \
      "the rotation rate of SuperDirt's Leslie, in hertz", "n(\"0,4,7\").s(\"supersquare\").leslie(1).lrate(\"<1 6>\")") \
    X(LSIZE, "lsize", K("lsize"), "", DRIVES_EVENT, CTL_NONE, NULL, R(0, 2), 0, \
      "the size in metres of SuperDirt's Leslie cabinet (its Doppler warble)", "n(\"0,4,7\").s(\"supersquare\").leslie(1).lsize(\"<0.1 0.6>\")") \
    X(MIDIMAP, "midimap", K("midimap"), "", DRIVES_EVENT, CTL_NONE, NULL, CTL_ANY, 0, \
      "the name of a MIDI CC map (Strudel's midimap, with its own maps)", "note(\"c4\").midimap(\"default\")") \
    X(MINUTES, "minutes", K("minutes"), "", DRIVES_EVENT, CTL_NONE, NULL, R(0, 60), 0, \
      "the minutes of SuperDirt's MIDI time code", "s(\"midi\").minutes(\"<2 3>\")") \
    X(MTRANSPOSE, "mtranspose", K("mtranspose"), "", DRIVES_EVENT, CTL_NONE, NULL, R(-24, 24), 0, \
      "SuperCollider's modal transposition of a degree (SuperDirt's synths)", "degree(\"0 2 4\").mtranspose(\"<0 1>\")") \
    X(OCTAVE, "octave", K("octave"), "oct", DRIVES_EVENT, CTL_NONE, NULL, R(0, 10), 0, \
      "the octave of SuperDirt's synths (5 by default there)", "n(\"0,4,7\").s(\"supersaw\").octave(\"<4 5>\")") \
    X(OCTAVER, "octaveR", K("octaveR"), "", DRIVES_EVENT, CTL_NONE, NULL, R(0, 1), 0, \
      "SuperDirt's octaver: the octave below mixed in (its octaveR)", "s(\"bass*2\").octaveR(\"<0 0.5>\")") \
    X(OCTER, "octer", K("octer"), "", DRIVES_EVENT, CTL_NONE, NULL, R(0, 1), 0, \
      "SuperDirt's octaver: the octave above", "note(\"c2 e2\").s(\"supersaw\").octer(\"<0 0.7>\")") \
    X(OCTERSUB, "octersub", K("octersub"), "", DRIVES_EVENT, CTL_NONE, NULL, R(0, 1), 0, \
      "SuperDirt's octaver: the octave below", "note(\"c2 e2\").s(\"supersaw\").octersub(\"<0 0.7>\")") \
    X(OCTERSUBSUB, "octersubsub", K("octersubsub"), "", DRIVES_EVENT, CTL_NONE, NULL, R(0, 1), 0, \
      "SuperDirt's octaver: two octaves below", "note(\"c2 e2\").s(\"supersaw\").octersubsub(\"<0 0.7>\")") \
    X(OSCHOST, "oschost", K("oschost"), "", DRIVES_EVENT, CTL_NONE, NULL, CTL_ANY, 0, \
      "the host Strudel's OSC bridge sends to", "note(\"c4\").oschost(\"127.0.0.1\")") \
    X(OSCPORT, "oscport", K("oscport"), "", DRIVES_EVENT, CTL_NONE, NULL, R(1, 65535), 0, \
      "the port Strudel's OSC bridge sends to", "note(\"c4\").oscport(\"<57120 57121>\")") \
    X(OVERGAIN, "overgain", K("overgain"), "", DRIVES_EVENT, CTL_NONE, NULL, R(0, 10), 0, \
      "SuperDirt's overgain: gain into its overdrive", "s(\"bd sn\").overgain(\"<0 2>\")") \
    X(OVERSHAPE, "overshape", K("overshape"), "", DRIVES_EVENT, CTL_NONE, NULL, R(0, 1), 0, \
      "SuperDirt's overshape: the shape of its overdrive", "s(\"bd sn\").overgain(2).overshape(\"<0.2 0.8>\")") \
    X(PANORIENT, "panorient", K("panorient"), "", DRIVES_EVENT, CTL_NONE, NULL, R(0, 1), 0, \
      "SuperDirt's pan orientation over more than two channels", "s(\"hh*4\").panorient(\"<0 0.5>\")") \
    X(PANSPAN, "panspan", K("panspan"), "", DRIVES_EVENT, CTL_NONE, NULL, R(0, 1), 0, \
      "SuperDirt's spread of a multichannel sound's channels", "s(\"hh*4\").panspan(\"<0 1>\")") \
    X(PANSPLAY, "pansplay", K("pansplay"), "", DRIVES_EVENT, CTL_NONE, NULL, R(0, 1), 0, \
      "SuperDirt's splay of a multichannel sound's channels", "s(\"hh*4\").pansplay(\"<0 1>\")") \
    X(PANWIDTH, "panwidth", K("panwidth"), "", DRIVES_EVENT, CTL_NONE, NULL, R(0, 8), 0, \
      "SuperDirt's width of the pan over its channels", "s(\"hh*4\").panwidth(\"<2 4>\")") \
    X(RING, "ring", K("ring"), "", DRIVES_EVENT, CTL_NONE, NULL, R(0, 10), 0, \
      "SuperDirt's ring modulation: its amount", "note(\"c3 e3\").s(\"supersaw\").ring(\"<0 1>\").ringf(200)") \
    X(RINGDF, "ringdf", K("ringdf"), "", DRIVES_EVENT, CTL_NONE, NULL, R(-2000, 2000), 0, \
      "SuperDirt's ring modulation: how far its frequency slides", "note(\"c3\").s(\"supersaw\").ring(1).ringf(200).ringdf(\"<0 100>\")") \
    X(RINGF, "ringf", K("ringf"), "", DRIVES_EVENT, CTL_NONE, NULL, R(0, 20000), 0, \
      "SuperDirt's ring modulation: its frequency", "note(\"c3 e3\").s(\"supersaw\").ring(1).ringf(\"<100 400>\")") \
    X(SCRAM, "scram", K("scram"), "", DRIVES_EVENT, CTL_NONE, NULL, R(0, 1), 0, \
      "SuperDirt's scram: the spectrum's bins scrambled (0..1)", "s(\"sn*2\").scram(\"<0.2 0.8>\")") \
    X(SEMITONE, "semitone", K("semitone"), "", DRIVES_EVENT, CTL_NONE, NULL, R(0, 24), 0, \
      "SuperCollider's semitones per octave of a degree (SuperDirt's synths)", "degree(\"0 2 4\").semitone(\"<12 7>\")") \
    X(SMEAR, "smear", K("smear"), "", DRIVES_EVENT, CTL_NONE, NULL, R(0, 1), 0, \
      "SuperDirt's smear: the spectrum smeared (0..1)", "s(\"sn*2\").smear(\"<0.2 0.8>\")") \
    X(SONGPTR, "songPtr", K("songPtr"), "", DRIVES_EVENT, CTL_NONE, NULL, R(0, 16383), 0, \
      "a MIDI song position pointer for SuperDirt's MIDI events", "s(\"midi\").songPtr(\"<0 16>\")") \
    X(SQUIZ, "squiz", K("squiz"), "", DRIVES_EVENT, CTL_NONE, NULL, R(0, 16), 0, \
      "SuperDirt's squiz: a pitch-raising distortion of filter, ring modulator and pitch shifter (2 and up)", "s(\"bd*2 sn\").squiz(\"<1 2 4>\")") \
    X(STEPSPEROCTAVE, "stepsPerOctave", K("stepsPerOctave"), "", DRIVES_EVENT, CTL_NONE, NULL, R(1, 48), 0, \
      "SuperCollider's steps per octave of a degree (SuperDirt's synths)", "degree(\"0 2 4\").stepsPerOctave(\"<12 24>\")") \
    X(SUSTAINPEDAL, "sustainpedal", K("sustainpedal"), "", DRIVES_EVENT, CTL_NONE, NULL, R(0, 1), 0, \
      "a MIDI sustain pedal value for SuperDirt's MIDI events", "s(\"midi*2\").sustainpedal(\"<0 1>\")") \
    X(TRANSIENT, "transient", K("transient", "transsustain"), "", DRIVES_EVENT, CTL_NONE, NULL, R(-1, 1), 0, \
      "a transient shaper's emphasis on the attack (transient(\"0.5:-0.5\") also sets transsustain; superdough 1.3's)", "s(\"bd*4\").transient(\"<0.5 -0.5>\")") \
    X(TRIODE, "triode", K("triode"), "", DRIVES_EVENT, CTL_NONE, NULL, R(0, 10), 0, \
      "SuperDirt's triode: a tube distortion", "s(\"bd sn\").triode(\"<0 2>\")") \
    X(TSDELAY, "tsdelay", K("tsdelay"), "", DRIVES_EVENT, CTL_NONE, NULL, R(0, 16), 0, \
      "SuperDirt's tsdelay: the delay time of its xsdelay", "s(\"bd sn\").xsdelay(2).tsdelay(\"<1 3>\")") \
    X(UID, "uid", K("uid"), "", DRIVES_EVENT, CTL_NONE, NULL, R(0, 1000000.0), 0, \
      "an event's id for SuperDirt", "s(\"bd*2\").uid(\"<1 2>\")") \
    X(WAVELOSS, "waveloss", K("waveloss"), "", DRIVES_EVENT, CTL_NONE, NULL, R(0, 100), 0, \
      "SuperDirt's waveloss: that percentage of the wave's segments left out", "s(\"hh*4\").waveloss(\"<10 60>\")") \
    X(XSDELAY, "xsdelay", K("xsdelay"), "", DRIVES_EVENT, CTL_NONE, NULL, R(0, 16), 0, \
      "SuperDirt's xsdelay: a delay of its own", "s(\"bd sn\").xsdelay(\"<1 3>\")") \
    X(ACTIVELABEL, "activeLabel", K("activeLabel"), "", DRIVES_EVENT, CTL_NONE, NULL, CTL_ANY, 0, \
      "the label strudel.cc's editor highlights while the event plays", "s(\"bd*2\").activeLabel(\"<kick drum>\")") \
    X(LPRATE, "lprate", K("lprate"), "", DRIVES_EVENT, CTL_NONE, NULL, R(0, 50), 0, \
      "the rate in hertz of an LFO on the low-pass filter's cutoff (superdough 1.3's)", "note(\"c2*8\").s(\"sawtooth\").lpf(600).lprate(\"<4 8>\")") \
    X(LPDEPTH, "lpdepth", K("lpdepth"), "", DRIVES_EVENT, CTL_NONE, NULL, R(0, 4), 0, \
      "the depth of that LFO on the low-pass filter (superdough 1.3's)", "note(\"c2*8\").s(\"sawtooth\").lpf(600).lpdepth(\"<1 0.5>\")") \
    X(LPDC, "lpdc", K("lpdc"), "", DRIVES_EVENT, CTL_NONE, NULL, R(-1, 1), 0, \
      "the DC offset of that LFO on the low-pass filter (superdough 1.3's)", "note(\"c2*8\").s(\"sawtooth\").lpf(600).lprate(4).lpdc(\"<0 0.5>\")") \
    X(LPSHAPE, "lpshape", K("lpshape"), "", DRIVES_EVENT, CTL_NONE, NULL, R(0, 4), 0, \
      "the shape of that LFO on the low-pass filter (superdough 1.3's)", "note(\"c2*8\").s(\"sawtooth\").lpf(600).lprate(4).lpshape(\"<0 1>\")") \
    X(LPSKEW, "lpskew", K("lpskew"), "", DRIVES_EVENT, CTL_NONE, NULL, R(0, 1), 0, \
      "the skew of that LFO on the low-pass filter (superdough 1.3's)", "note(\"c2*8\").s(\"sawtooth\").lpf(600).lprate(4).lpskew(\"<0.5 0.1>\")") \
    X(LPSYNC, "lpsync", K("lpsync"), "", DRIVES_EVENT, CTL_NONE, NULL, R(0, 64), 0, \
      "the rate in cycles of that LFO on the low-pass filter (superdough 1.3's)", "note(\"c2*8\").s(\"sawtooth\").lpf(600).lpsync(\"<4 8>\")") \
    X(LPDEPTHFREQUENCY, "lpdepthfrequency", K("lpdepthfrequency"), "lpdepthfreq", DRIVES_EVENT, CTL_NONE, NULL, R(0, 10000), 0, \
      "the depth in hertz of that LFO on the low-pass filter (superdough 1.3's)", "note(\"c2*8\").s(\"sawtooth\").lpf(600).lpdepthfrequency(\"<200 500>\")") \
    X(HPRATE, "hprate", K("hprate"), "", DRIVES_EVENT, CTL_NONE, NULL, R(0, 50), 0, \
      "the rate in hertz of an LFO on the high-pass filter's cutoff (superdough 1.3's)", "note(\"c2*8\").s(\"sawtooth\").hpf(1000).hprate(\"<4 8>\")") \
    X(HPDEPTH, "hpdepth", K("hpdepth"), "", DRIVES_EVENT, CTL_NONE, NULL, R(0, 4), 0, \
      "the depth of that LFO on the high-pass filter (superdough 1.3's)", "note(\"c2*8\").s(\"sawtooth\").hpf(1000).hpdepth(\"<1 0.5>\")") \
    X(HPDC, "hpdc", K("hpdc"), "", DRIVES_EVENT, CTL_NONE, NULL, R(-1, 1), 0, \
      "the DC offset of that LFO on the high-pass filter (superdough 1.3's)", "note(\"c2*8\").s(\"sawtooth\").hpf(1000).hprate(4).hpdc(\"<0 0.5>\")") \
    X(HPSHAPE, "hpshape", K("hpshape"), "", DRIVES_EVENT, CTL_NONE, NULL, R(0, 4), 0, \
      "the shape of that LFO on the high-pass filter (superdough 1.3's)", "note(\"c2*8\").s(\"sawtooth\").hpf(1000).hprate(4).hpshape(\"<0 1>\")") \
    X(HPSKEW, "hpskew", K("hpskew"), "", DRIVES_EVENT, CTL_NONE, NULL, R(0, 1), 0, \
      "the skew of that LFO on the high-pass filter (superdough 1.3's)", "note(\"c2*8\").s(\"sawtooth\").hpf(1000).hprate(4).hpskew(\"<0.5 0.1>\")") \
    X(HPSYNC, "hpsync", K("hpsync"), "", DRIVES_EVENT, CTL_NONE, NULL, R(0, 64), 0, \
      "the rate in cycles of that LFO on the high-pass filter (superdough 1.3's)", "note(\"c2*8\").s(\"sawtooth\").hpf(1000).hpsync(\"<4 8>\")") \
    X(HPDEPTHFREQUENCY, "hpdepthfrequency", K("hpdepthfrequency"), "hpdepthfreq", DRIVES_EVENT, CTL_NONE, NULL, R(0, 10000), 0, \
      "the depth in hertz of that LFO on the high-pass filter (superdough 1.3's)", "note(\"c2*8\").s(\"sawtooth\").hpf(1000).hpdepthfrequency(\"<200 500>\")") \
    X(BPRATE, "bprate", K("bprate"), "", DRIVES_EVENT, CTL_NONE, NULL, R(0, 50), 0, \
      "the rate in hertz of an LFO on the band-pass filter's cutoff (superdough 1.3's)", "note(\"c2*8\").s(\"sawtooth\").bpf(800).bprate(\"<4 8>\")") \
    X(BPDEPTH, "bpdepth", K("bpdepth"), "", DRIVES_EVENT, CTL_NONE, NULL, R(0, 4), 0, \
      "the depth of that LFO on the band-pass filter (superdough 1.3's)", "note(\"c2*8\").s(\"sawtooth\").bpf(800).bpdepth(\"<1 0.5>\")") \
    X(BPDC, "bpdc", K("bpdc"), "", DRIVES_EVENT, CTL_NONE, NULL, R(-1, 1), 0, \
      "the DC offset of that LFO on the band-pass filter (superdough 1.3's)", "note(\"c2*8\").s(\"sawtooth\").bpf(800).bprate(4).bpdc(\"<0 0.5>\")") \
    X(BPSHAPE, "bpshape", K("bpshape"), "", DRIVES_EVENT, CTL_NONE, NULL, R(0, 4), 0, \
      "the shape of that LFO on the band-pass filter (superdough 1.3's)", "note(\"c2*8\").s(\"sawtooth\").bpf(800).bprate(4).bpshape(\"<0 1>\")") \
    X(BPSKEW, "bpskew", K("bpskew"), "", DRIVES_EVENT, CTL_NONE, NULL, R(0, 1), 0, \
      "the skew of that LFO on the band-pass filter (superdough 1.3's)", "note(\"c2*8\").s(\"sawtooth\").bpf(800).bprate(4).bpskew(\"<0.5 0.1>\")") \
    X(BPSYNC, "bpsync", K("bpsync"), "", DRIVES_EVENT, CTL_NONE, NULL, R(0, 64), 0, \
      "the rate in cycles of that LFO on the band-pass filter (superdough 1.3's)", "note(\"c2*8\").s(\"sawtooth\").bpf(800).bpsync(\"<4 8>\")") \
    X(BPDEPTHFREQUENCY, "bpdepthfrequency", K("bpdepthfrequency"), "bpdepthfreq", DRIVES_EVENT, CTL_NONE, NULL, R(0, 10000), 0, \
      "the depth in hertz of that LFO on the band-pass filter (superdough 1.3's)", "note(\"c2*8\").s(\"sawtooth\").bpf(800).bpdepthfrequency(\"<200 500>\")") \
    X(AMP, "amp", K("amp"), "", DRIVES_EVENT, CTL_NONE, NULL, R(0, 2), 0, \
      "SuperDirt's amp: a level (its synths')", "s(\"bd*2\").amp(\"<0.5 1>\")") \
    X(CHANNEL, "channel", K("channel"), "", DRIVES_EVENT, CTL_NONE, NULL, R(0, 64), 0, \
      "SuperDirt's output channel of a sound", "s(\"bd*2\").channel(\"<0 2>\")") \
    X(VAL, "val", K("val"), "", DRIVES_EVENT, CTL_NONE, NULL, R(0, 1), 0, \
      "a value for SuperDirt's synths", "s(\"bd*2\").val(\"<0.2 0.8>\")") \
    X(VOICE, "voice", K("voice"), "", DRIVES_EVENT, CTL_NONE, NULL, R(0, 1), 0, \
      "SuperDirt's voice setting of its synths", "note(\"c3 e3\").s(\"superpiano\").voice(\"<0.2 0.8>\")") \
    X(SECONDS, "seconds", K("seconds"), "", DRIVES_EVENT, CTL_NONE, NULL, R(0, 60), 0, \
      "the seconds of SuperDirt's MIDI time code", "s(\"midi\").seconds(\"<1 2>\")") \
    X(FRAMES, "frames", K("frames"), "", DRIVES_EVENT, CTL_NONE, NULL, R(0, 30), 0, \
      "the frames of SuperDirt's MIDI time code", "s(\"midi\").frames(\"<1 2>\")") \
    X(FADEINTIME, "fadeInTime", K("fadeInTime"), "", DRIVES_EVENT, CTL_NONE, NULL, R(0, 10), 0, \
      "SuperDirt's fade in of a sound, in seconds", "s(\"loop_amen\").fadeInTime(\"<0.1 0.5>\")") \
    X(FREEZE, "freeze", K("freeze"), "", DRIVES_EVENT, CTL_NONE, NULL, R(0, 1), 0, \
      "SuperDirt's freeze: the spectrum held (0 or 1)", "s(\"sn*2\").freeze(\"<0 1>\")") \
    X(PHASES, "phases", K("phases"), "", DRIVES_EVENT, CTL_NONE, NULL, R(0, 1), 0, \
      "the phases of a custom waveform's partials (superdough 1.3's)", "note(\"c3\").s(\"sine\").phases(\"<0 0.5>\")") \
    X(LABEL, "label", K("label", "activeLabel"), "", DRIVES_EVENT, CTL_NONE, NULL, CTL_ANY, 0, \
      "a label for the event (label(\"a:b\") also sets activeLabel, which strudel.cc's editor highlights)", "s(\"bd*2\").label(\"<kick drum>\")") \
    X(DURATION, "duration", K("duration"), "dur", DRIVES_EVENT, CTL_NONE, NULL, R(0, 64), 0, \
      "a duration in seconds for SuperDirt (superdough sets its own, the event's length, over it)", "s(\"bd*2\").duration(\"<0.5 1>\")") \
    X(NRPNN, "nrpnn", K("nrpnn"), "", DRIVES_MIDI, CTL_NONE, NULL, CTL_ANY, 0, \
      "a MIDI NRPN parameter, msb:lsb (with nrpv: CC 99 and 98, the value on CC 6, and 38 for its second byte, then CC 101 and 100 at 127)", "note(\"c4\").nrpnn(\"1:8\").nrpv(\"<12 64>\").midi()") \
    X(NRPV, "nrpv", K("nrpv"), "", DRIVES_MIDI, CTL_NONE, NULL, R(0, 127), 0, \
      "the value of a MIDI NRPN (0..127, or msb:lsb), with nrpnn", "note(\"c4\").nrpnn(\"1:8\").nrpv(\"<12 64>\").midi()") \
    X(POLYTOUCH, "polyTouch", K("polyTouch"), "", DRIVES_MIDI, CTL_NONE, NULL, R(0, 1), 0, \
      "a MIDI polyphonic aftertouch on the note's key, 0..1, just after its note-on (Strudel's MIDI output reads it and sends nothing)", "note(\"c3 e3\").polyTouch(\"<0.2 0.8>\").midi()") \
    X(MIDITOUCH, "miditouch", K("miditouch"), "", DRIVES_MIDI, CTL_NONE, NULL, R(0, 1), 0, \
      "the MIDI channel aftertouch, 0..1", "note(\"c3*4\").miditouch(\"0 0.3 0.6 1\").midi()")
/* clang-format on */

/* Numbered families, as Strudel's registerMultiControl makes them: for n 2..8,
 * the row's name, keys and these aliases with n appended (fm2 sets fmi2 and
 * fmh2); name1 and alias1 are aliases of the row itself. And the FM matrix:
 * fmiIJ with its alias fmIJ, I and J 0..8, each setting its own key. */
#define CONTROL_FAMILY_MAX 8
/* clang-format off */
#define CONTROL_FAMILIES(F) \
    F(FMI, "fm") F(FMH, "") F(FMATTACK, "fmatt") F(FMDECAY, "fmdec") F(FMSUSTAIN, "fmsus") \
    F(FMRELEASE, "fmrel") F(FMENV, "") F(FMWAVE, "")
/* clang-format on */

typedef enum {
#define CONTROL_ENUM_ROW(id, ...) CTL_##id,
    CONTROL_LIST(CONTROL_ENUM_ROW)
#undef CONTROL_ENUM_ROW
        CTL_COUNT
} ControlId;

#define CTL_MAX_KEYS 6

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
