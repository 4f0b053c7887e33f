/*
 * noteffects.h - the effects superdough puts on a note's own sound, as it
 * computes them: its waveshaper (shape, with shapevol), its distortion
 * (distort with distortvol and the algorithm distorttype: scurve, soft,
 * hard, cubic, diode, asym, fold, sinefold, chebyshev), the tremolo (an LFO
 * on the level), the phaser (two notches swept by an LFO) and the
 * compressor (the Web Audio DynamicsCompressorNode's curve and makeup gain).
 * The unit generators shaper, distort, tremolo, phaser and dyncomp (spec/
 * ugens.h). Audio thread: no allocation.
 */
#ifndef TALA_AUDIO_NOTEFFECTS_H
#define TALA_AUDIO_NOTEFFECTS_H

#include "synth.h"

/* out[j]: node i of voice v (one of those five) over samples pos .. pos + n - 1 of
 * its note; in[0] the signal, in[1..] the settings, each read at [j & m[q]]. */
void note_fx_block(Voice *v, int i, const float *const in[], const int m[], float *out, int n,
                   double rate);

/* The number a name of superdough's distortion algorithms (distorttype) or LFO
 * shapes (tremoloshape: tri, sine, ramp, saw, square) stands for, or -1. */
int note_fx_distortion(const char *name);
int note_fx_lfo_shape(const char *name);

/* superdough's LFO shapes (0 tri, 1 sine, 2 ramp, 3 saw, 4 square) at phase p
 * (0..1) with skew, 0..1. */
double note_fx_lfo(int shape, double p, double skew);

#endif
