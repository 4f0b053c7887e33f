/*
 * tplimit.h - a lookahead true-peak limiter, for mastering.
 *
 * The peaks it holds down are the signal's true peaks: between the samples
 * too, found by 4x oversampling (a windowed-sinc interpolator), as a DAC or
 * an encoder reconstructs them. Each frame's gain comes in over the
 * lookahead before a peak (a straight ramp: no click), holds across it and
 * comes back over the release; nothing is clipped. The output lags the input
 * by tplimit_latency() frames.
 *
 * All memory is taken by tplimit_new; tplimit_process never allocates, locks
 * or blocks, so it may run on the audio thread.
 */
#ifndef TALA_TPLIMIT_H
#define TALA_TPLIMIT_H

#include <stdint.h>

/* Lookahead (the attack) and the release's time constant, in seconds. */
#define TPLIMIT_LOOKAHEAD 0.002
#define TPLIMIT_RELEASE   0.08

typedef struct TpLimiter TpLimiter;

/* A stereo limiter whose output's true peak stays at or below ceiling_db
 * (dBTP) with the margin its detection needs (0.1 dB). NULL when out of
 * memory. */
TpLimiter *tplimit_new(double rate, double ceiling_db);
void tplimit_free(TpLimiter *l);

/* Frames of delay between input and output. */
int tplimit_latency(const TpLimiter *l);

/* Takes n interleaved stereo frames in, gives n out (delayed by the
 * latency: the first frames out are the silence before the input). in and
 * out may be the same buffer. */
void tplimit_process(TpLimiter *l, const float *in, float *out, int n);

/* The most gain it has taken so far, in dB (0: none). */
double tplimit_reduction_db(const TpLimiter *l);

/* The true peak of an interleaved stereo signal (linear, the louder side),
 * by the limiter's own 4x interpolation: for tests and meters. */
double tplimit_true_peak(const float *in, int64_t frames);

#endif
