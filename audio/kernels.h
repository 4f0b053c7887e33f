/*
 * kernels.h - the one dispatch of the unit generators that voices (synth.c)
 * and effect chains (bus.c) both run: filters, EQ bands, distortion, the bit
 * crusher and arithmetic, one sample at a time. Neither caller has a case
 * of its own for these; a voice keeps only its block-wise fast paths (a
 * steady filter, a constant gain) in front of this, which compute the same
 * samples. Audio thread: no allocation, no locks.
 */
#ifndef TALA_KERNELS_H
#define TALA_KERNELS_H

#include "filters.h"

/* Whether u is one of the shared unit generators. */
static ALWAYS_INLINE bool kernel_shared(UgenId u) {
    switch (u) {
    case UGEN_LPF:
    case UGEN_HPF:
    case UGEN_BPF:
    case UGEN_NOTCH:
    case UGEN_PEAK:
    case UGEN_LOWSHELF:
    case UGEN_HIGHSHELF:
    case UGEN_DIST:
    case UGEN_CRUSH:
    case UGEN_GAIN:
    case UGEN_ADD:
    case UGEN_SUB:
    case UGEN_MUL:
    case UGEN_DIV: return true;
    default: return false;
    }
}

/* One sample of shared unit generator u: x is the signal (the first input),
 * a, b, c the next inputs (a filter's cutoff and q; an EQ band's frequency,
 * gain and q; an amount; the other operand). s is the node's state. */
static ALWAYS_INLINE float kernel_sample(UgenId u, NodeState *s, float x, float a, float b, float c,
                                         double rate) {
    switch (u) {
    case UGEN_LPF:
    case UGEN_HPF:
    case UGEN_BPF:
    case UGEN_NOTCH: return svf(s, x, a, b, rate, (int)u - UGEN_LPF);
    case UGEN_PEAK: return eq(s, x, a, b, c, rate, 0);
    case UGEN_LOWSHELF: return eq(s, x, a, b, 0.707f, rate, 1);
    case UGEN_HIGHSHELF: return eq(s, x, a, b, 0.707f, rate, 2);
    case UGEN_DIST: {
        double drive = 1 + 20 * (a > 0 ? a : 0);
        return (float)(tanh(drive * x) / tanh(drive));
    }
    case UGEN_CRUSH: {
        double levels = pow(2, (a > 1 ? a : 1) - 1);
        return (float)(round(x * levels) / levels);
    }
    case UGEN_GAIN:
    case UGEN_MUL: return x * a;
    case UGEN_ADD: return x + a;
    case UGEN_SUB: return x - a;
    case UGEN_DIV: return a != 0 ? x / a : 0;
    default: return x;
    }
}

#endif
