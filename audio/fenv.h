/*
 * fenv.h - Strudel's filter envelope (superdough's createFilter and
 * getParamADSR, a Web Audio parameter automation), computed sample by
 * sample for the fenv unit generator (audio/synth.c).
 *
 * With env e and anchor a (e 1, a 0 unless given), the cutoff f moves
 * between lo = 2^(-|e|a) f and hi = 2^(|e|(1-a)) f (both at most 20 kHz;
 * swapped when e < 0): from lo up to hi in the attack, down to lo + sustain
 * (hi - lo) in the decay, held to the note's end, then back to lo in the
 * release, each an exponential ramp. A note shorter than attack (+ decay)
 * ramps to the value the line through the segment has at its end, as there.
 * Settings not given (NAN) take superdough's defaults: all four missing are
 * 0.005, 0.14, 0, 0.1; else a missing sustain is 1 after an attack alone (or
 * with neither attack nor decay), otherwise 0.001, and times are at least 1 ms
 * (the release 10 ms). Audio thread: no allocation.
 */
#ifndef TALA_AUDIO_FENV_H
#define TALA_AUDIO_FENV_H

typedef struct {
    double lo, peak, sus, a, d, r, gate;
    double v_a, v_end; /* the value at the attack's end (or the note's), at the note's end */
} FenvShape;

/* The shape of one note's sweep of cutoff (hertz) over gate seconds. */
void fenv_shape(FenvShape *f, double cutoff, double a, double d, double s, double r, double e,
                double anchor, double gate);
/* The cutoff t seconds after the note's start. */
double fenv_at(const FenvShape *f, double t);

#endif
