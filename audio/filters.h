/*
 * filters.h - the state-variable filter and the RBJ biquads (peaking and
 * shelving EQ), one sample at a time: shared by voices (synth.c) and effect
 * chains (bus.c), so both filter alike. Coefficients are recomputed only
 * when a setting changes (NodeState.cache). No allocation, no I/O.
 */
#ifndef TALA_FILTERS_H
#define TALA_FILTERS_H

#include "synth.h"

#include <math.h>

/* Where the CPU has AVX2, a second copy of the DSP loops marked DSP_CLONES uses it (chosen
 * once, at load time). AVX2 without FMA rounds exactly as SSE2 does, so both
 * copies compute the same bits. */
#if defined(__x86_64__) && defined(__GNUC__) && !defined(__clang__) &&                             \
    !defined(__SANITIZE_ADDRESS__)
#define DSP_CLONES __attribute__((target_clones("avx2", "default")))
#else
#define DSP_CLONES
#endif

/* Inside a DSP_CLONES function, a helper inlined into each copy. */
#ifdef __GNUC__
#define ALWAYS_INLINE inline __attribute__((always_inline))
#else
#define ALWAYS_INLINE inline
#endif

/* Trapezoidal (zero-delay feedback) state-variable filter. */
static inline void svf_coefs(NodeState *s, float fc, float q, double rate) {
    if (fc != s->cache[0] || q != s->cache[1]) {
        double f = fc < 1 ? 1 : fc > 0.49 * rate ? 0.49 * rate : fc;
        double g = tan(M_PI * f / rate), k = 1.0 / (q > 0.05 ? q : 0.05);
        double a1 = 1.0 / (1.0 + g * (g + k));
        s->k[0] = (float)a1;
        s->k[1] = (float)(g * a1);
        s->k[2] = (float)(g * g * a1);
        s->k[3] = (float)k;
        s->cache[0] = fc;
        s->cache[1] = q;
    }
}

static inline float svf(NodeState *s, float x, float fc, float q, double rate, int mode) {
    svf_coefs(s, fc, q, rate);
    double v3 = x - s->b;
    double v1 = s->k[0] * s->a + s->k[1] * v3;
    double v2 = s->b + s->k[1] * s->a + s->k[2] * v3;
    s->a = 2 * v1 - s->a;
    s->b = 2 * v2 - s->b;
    switch (mode) {
    case 0: return (float)v2;                      /* low */
    case 1: return (float)(x - s->k[3] * v1 - v2); /* high */
    case 2: return (float)v1;                      /* band */
    default: return (float)(x - s->k[3] * v1);     /* notch = low + high */
    }
}

/* RBJ biquads: peaking and shelving EQ. */
static inline float eq(NodeState *s, float x, float f0, float gain, float q, double rate,
                       int kind) {
    if (f0 != s->cache[0] || gain != s->cache[1] || q != s->cache[2]) {
        double f = f0 < 1 ? 1 : f0 > 0.49 * rate ? 0.49 * rate : f0;
        double A = sqrt(gain > 1e-6 ? gain : 1e-6), w = 2 * M_PI * f / rate;
        double cw = cos(w), sw = sin(w);
        double b0, b1, b2, a0, a1, a2;
        if (kind == 0) {
            double alpha = sw / (2 * (q > 0.05 ? q : 0.05));
            b0 = 1 + alpha * A, b1 = -2 * cw, b2 = 1 - alpha * A;
            a0 = 1 + alpha / A, a1 = -2 * cw, a2 = 1 - alpha / A;
        } else {
            double alpha = sw / 2 * sqrt(2.0), sA = 2 * sqrt(A) * alpha;
            if (kind == 1) { /* low shelf */
                b0 = A * ((A + 1) - (A - 1) * cw + sA);
                b1 = 2 * A * ((A - 1) - (A + 1) * cw);
                b2 = A * ((A + 1) - (A - 1) * cw - sA);
                a0 = (A + 1) + (A - 1) * cw + sA;
                a1 = -2 * ((A - 1) + (A + 1) * cw);
                a2 = (A + 1) + (A - 1) * cw - sA;
            } else { /* high shelf */
                b0 = A * ((A + 1) + (A - 1) * cw + sA);
                b1 = -2 * A * ((A - 1) + (A + 1) * cw);
                b2 = A * ((A + 1) + (A - 1) * cw - sA);
                a0 = (A + 1) - (A - 1) * cw + sA;
                a1 = 2 * ((A - 1) - (A + 1) * cw);
                a2 = (A + 1) - (A - 1) * cw - sA;
            }
        }
        s->k[0] = (float)(b0 / a0), s->k[1] = (float)(b1 / a0), s->k[2] = (float)(b2 / a0);
        s->k[3] = (float)(a1 / a0), s->k[4] = (float)(a2 / a0);
        s->cache[0] = f0, s->cache[1] = gain, s->cache[2] = q;
    }
    double y = s->k[0] * x + s->a;
    s->a = s->k[1] * x - s->k[3] * y + s->b;
    s->b = s->k[2] * x - s->k[4] * y;
    return (float)y;
}

#endif
