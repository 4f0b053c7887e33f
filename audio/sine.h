/*
 * sine.h - tala's sine: a 32-bit fixed-point phase, a polynomial for eight
 * samples and turns of those for the rest of a block (synth.c's SINE unit
 * generator, its lone-sine voices and its swept sines). Static inline, used
 * inside synth.c's DSP_CLONES functions. No allocation, no I/O.
 */
#ifndef TALA_SINE_H
#define TALA_SINE_H

#include "filters.h"
#include "synth.h"

#include <math.h>
#include <stdbool.h>
#include <stdint.h>
#include <string.h>

/* sin(2 pi p / 2^32) for a 32-bit phase p. Folded to a quarter turn r, then
 * an odd polynomial in r fitted to sin(2 pi r) over [0, 1/4] (near-minimax,
 * by reweighted least squares): its own error is 4e-9; evaluated in float
 * by Estrin's scheme (the two pairs of terms side by side, so the chain a
 * sine waits on is three products and sums long, not five) the sine is
 * within 2.3e-7 (-133 dB) of sin() at every phase (rms 5e-8). No table and
 * no branch, so a block of steady sines is computed four or eight at a time. */
static inline float sine_turns(uint32_t p) {
    float x = (float)(int32_t)p * (1.0f / 4294967296.0f); /* turns in [-0.5, 0.5) */
    float ax = fabsf(x), b = 0.5f - ax;
    float r = ax < b ? ax : b, u = r * r; /* sin(pi - a) = sin(a) */
    float u2 = u * u, lo = 6.2831851878276268f + u * -41.341659916933587f,
          hi = 81.601257418765272f + u * -76.554833476484447f;
    float y = r * (lo + u2 * (hi + u2 * 39.570956741625267f));
    return copysignf(y, x);
}
/* The increment of a steady sine at freq, and the turns through 8, 16 and
 * 32 samples' angle that sine_block rotates by (computed once per pitch). */
static inline void sine_setup(NodeState *s, float freq, double inv_rate) {
    double inc = freq * 4294967296.0 * inv_rate;
    s->step = (uint32_t)(int64_t)(fabs(inc) < 9e18 ? inc : 0);
    for (int i = 0; i < 3; i++) {
        double w = (double)(uint32_t)((8u << i) * s->step) * (6.283185307179586 / 4294967296.0);
        s->turn[2 * i] = (float)cos(w), s->turn[2 * i + 1] = (float)sin(w);
    }
    s->cache[0] = freq;
}

/* A block of a steady sine from phase ph: the first eight samples (and their
 * cosines) from the polynomial, side by side; each later eight by turning an
 * earlier eight through 8, 16 or 32 samples' angle: four products and two
 * sums for eight samples instead of a polynomial each. No sample is more than
 * three turns from the polynomial, so the rounding stays below 3.7e-7
 * (-129 dB), and the turns form a tree (8 from 0, 16 from 0 and 8, 32 from
 * all of those) so that no long chain of them waits on the one before. */
typedef float v8f __attribute__((vector_size(32)));

/* Whether a block of a signal holds one value (none of it NaN). */
static ALWAYS_INLINE bool block_still(const float *x) {
    const v8f first = {x[0], x[0], x[0], x[0], x[0], x[0], x[0], x[0]};
    typedef int32_t v8i32 __attribute__((vector_size(32)));
    v8i32 moved = {0}; /* lanes of -1 where a sample differs */
    for (int e = 0; e < SYN_BLOCK / 8; e++) {
        v8f y;
        memcpy(&y, x + 8 * e, sizeof y);
        moved |= y != first;
    }
    uint64_t w[4];
    memcpy(w, &moved, sizeof w);
    return !(w[0] | w[1] | w[2] | w[3]);
}

static ALWAYS_INLINE void sine_eights(uint32_t ph, uint32_t step, const float turn[6], v8f o[8]) {
    float sn[8], cs[8];
    for (int l = 0; l < 8; l++) {
        uint32_t p = ph + (uint32_t)l * step;
        sn[l] = sine_turns(p);
        cs[l] = sine_turns(p + 0x40000000u); /* a quarter turn on */
    }
    v8f s0, c0;
    memcpy(&s0, sn, sizeof s0);
    memcpy(&c0, cs, sizeof c0);
    const float c8 = turn[0], s8 = turn[1], c16 = turn[2], s16 = turn[3], c32 = turn[4],
                s32 = turn[5];
    v8f s1 = s0 * c8 + c0 * s8, c1 = c0 * c8 - s0 * s8;
    v8f s2 = s0 * c16 + c0 * s16, c2 = c0 * c16 - s0 * s16;
    v8f s3 = s1 * c16 + c1 * s16, c3 = c1 * c16 - s1 * s16;
    v8f s4 = s0 * c32 + c0 * s32, s5 = s1 * c32 + c1 * s32;
    v8f s6 = s2 * c32 + c2 * s32, s7 = s3 * c32 + c3 * s32;
    o[0] = s0, o[1] = s1, o[2] = s2, o[3] = s3, o[4] = s4, o[5] = s5, o[6] = s6, o[7] = s7;
}

static ALWAYS_INLINE void sine_block(uint32_t ph, uint32_t step, const float turn[6],
                                     float out[SYN_BLOCK]) {
    v8f o[8];
    sine_eights(ph, step, turn, o);
    memcpy(out, o, sizeof o);
}

#endif
