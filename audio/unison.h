/*
 * unison.h - superdough's stereo oscillators, as its audio worklets compute
 * them: the supersaw (unisaw: detuned PolyBLEP saws, odd and even voices
 * spread to either side), the wavetable oscillator (frames of 2048 samples
 * of a table, morphed by position, its phase bent by one of 22 warp modes,
 * in unison like the supersaw), the Tomisawa pulse (tomisawa: two
 * self-modulating cosines, its width swept by an LFO), and the two
 * modulators superdough puts on a wavetable's position and warp (modenv: a
 * linear ADSR from the setting up by an amount; modlfo: an LFO added).
 *
 * A stereo oscillator's voice renders one side: Voice.channel 1 the left, 2
 * the right, 0 both summed (what a centred voice with no spread is). The
 * engine plays a spread or panned note as two voices, one a side. At most
 * UNI_MAX unison voices. Audio thread: no allocation.
 */
#ifndef TALA_AUDIO_UNISON_H
#define TALA_AUDIO_UNISON_H

#include "synth.h"

/* Whether the unit generator is one of those five. */
bool unison_ugen(int ugen);

/* out[j]: node i of voice v over samples pos .. pos + n - 1 of its note; in[q]
 * its inputs, each read at [j & m[q]]. */
void unison_block(Voice *v, int i, const float *const in[], const int m[], float *out, int n,
                  double rate);

/* The number a warp mode (wavetable's warpmode: none, asym, mirror, bendp,
 * bendm, bendmp, sync, quant, fold, pwm, orbit, spin, chaos, primes, binary,
 * brownian, reciprocal, wormhole, logistic, sigmoid, fractal, flip; any
 * case) stands for, or -1. */
int unison_warp_mode(const char *name);

#endif
