/*
 * duck.h - superdough's orbit ducking (duckorbit): a note on one orbit
 * pulls another orbit's level down and lets it back, as its Orbit.duck
 * automates the orbit's output gain: from the level it has 10 ms before the
 * note, an exponential ramp down to 1 - sqrt(depth) (at least 0.01, at most
 * that level) at the note's onset plus `onset` seconds, then an exponential
 * ramp back to 1 over `attack` seconds (at least 2 ms). A new duck starts
 * from wherever the last one has got to. And superdough's DJ filter (djf):
 * an orbit's whole sound through a two-pole filter, low-pass below 0.49,
 * high-pass above 0.51, none between, its cutoff (v * 11)^4 hertz with v
 * the distance from the middle, doubled. Audio thread: no allocation.
 */
#ifndef TALA_AUDIO_DUCK_H
#define TALA_AUDIO_DUCK_H

#include <stdbool.h>
#include <stdint.h>

typedef struct {
    bool on;
    uint64_t t0, t1, t2; /* the ramps: t0 .. t1 down, t1 .. t2 back up */
    double v0, v1;       /* the level at t0, at t1 */
} Duck;

/* A duck of the note at frame `note`, taking effect at frame `from` (10 ms before). */
void duck_start(Duck *d, uint64_t from, uint64_t note, double onset, double attack, double depth,
                double rate);
/* The level at frames now .. now + n - 1 into g; false (g untouched) when it is 1 throughout. */
bool duck_block(Duck *d, uint64_t now, int n, float *g);

/* The DJ filter at a value (0..1): its kind and coefficients; false when it passes
 * the sound as it is (between 0.49 and 0.51, or no value: NaN). */
typedef struct {
    bool high;
    double c, mrc;
} Djf;
bool djf_setup(Djf *k, float value, double rate);
/* x[0..n) through it in place, st its memory (zero when the sound starts). */
void djf_block(const Djf *k, double st[2], float *x, int n);

#endif
