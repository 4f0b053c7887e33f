/*
 * modulate.h - what moves a note's pitch or cutoff over its life, as
 * Strudel's superdough does: the vibrato (vib_block), frequency modulation
 * (fm_block), and the filter envelope (superdough's createFilter and
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
#ifndef TALA_AUDIO_MODULATE_H
#define TALA_AUDIO_MODULATE_H

#include <stdbool.h>
#include <stdint.h>

typedef struct {
    double lo, peak, sus, a, d, r, gate;
    double v_a, v_end; /* the value at the attack's end (or the note's), at the note's end */
} FenvShape;

/* The shape of one note's sweep of cutoff (hertz) over gate seconds. */
void fenv_shape(FenvShape *f, double cutoff, double a, double d, double s, double r, double e,
                double anchor, double gate);
/* superdough's getParamADSR with exponential ramps from lo up to hi and back
 * (settings not given resolved as getADSRValues does: 0.001, 0.001, 1, 0.01
 * when none is). */
void fenv_range_shape(FenvShape *f, double lo, double hi, double a, double d, double s, double r,
                      double gate);
/* The cutoff t seconds after the note's start. */
double fenv_at(const FenvShape *f, double t);
/* Strudel's note envelope (superdough's synths: linear ramps from 0 to 1, defaults
 * 0.001, 0.05, 0.6, 0.01 when none is given; with sample set, its samples' 0.001, 0.001,
 * 1, 0.01): its shape, its level at t, and how long
 * it lasts after the gate (the release and 10 ms). */
void senv_shape(FenvShape *f, double a, double d, double s, double r, double gate, bool sample);
double senv_at(const FenvShape *f, double t);
/* The release those settings come to. */
double senv_release(double a, double d, double s, double r);
/* A block of each envelope: out[j] at the time (pos + j) * dt. */
void senv_block(double a, double d, double s, double r, double gate, bool sample, float *out, int n,
                uint64_t pos, double dt);
void fenv_block(double cutoff, double a, double d, double s, double r, double e, double anchor,
                double gate, float *out, int n, uint64_t pos, double dt);

/* superdough's getParamADSR with linear ramps from lo to hi and back (its
 * parameter modulators: a wavetable's position and warp), the settings not
 * given resolved as getADSRValues does with defaults def (all four missing). */
void lenv_shape(FenvShape *f, double lo, double hi, double a, double d, double s, double r,
                const double def[4], double gate);
double lenv_at(const FenvShape *f, double t);

/* Vibrato: out[j] = f * 2^(depth/12 * sin(2 pi rate t)), t the j-th sample's time from
 * the note's start ((pos + j) * dt, the same however the blocks fall); each input read at [j &
 * mask] (a mask of 0: a constant). */
/* A frequency (or speed) f through Strudel's pitch envelope: out[j] at the
 * time (pos + j) * dt (see the penv unit generator). */
void penv_block(const float *f, int mf, double a, double d, double s, double r, double depth,
                double anchor, double gate, float *out, int n, uint64_t pos, double dt);
void vib_block(const float *f, int mf, const float *rate, int mr, const float *depth, int md,
               float *out, int n, uint64_t pos, double dt);
/* Frequency modulation: out[j] = f + f h i sin(2 pi f h t) (superdough's fm, no envelope). */
void fm_block(const float *f, int mf, const float *h, int mh, const float *i, int mi, float *out,
              int n, uint64_t pos, double dt);

#endif
