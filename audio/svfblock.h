/*
 * svfblock.h - the state-variable filter of filters.h with a steady cutoff
 * and q, eight samples at a time.
 *
 * The filter is linear: with its state s = (a, b) and input x, one sample is
 * s' = A s + B x and y = C s + D x (C, D by the output: low, high, band or
 * notch). Over eight samples, then,
 *
 *     y[n] = C A^n s + D x[n] + sum over i < n of C A^(n-1-i) B x[i]
 *     s8   = A^8 s + sum over i < 8 of A^(7-i) B x[i]
 *
 * so a group of eight is a few vector products with matrices computed once
 * per cutoff and q, and the chain from one group to the next is A^8 s. One
 * sample at a time, the recursion is a chain of about twenty cycles a sample
 * that nothing else can fill. In double, as svf() is; its samples are the
 * recursion's to within rounding (tests/audio/test_lanes.c), and the same
 * whatever the blocks.
 *
 * Static inline, used inside synth.c's DSP_CLONES functions. No allocation,
 * no I/O.
 */
#ifndef TALA_SVFBLOCK_H
#define TALA_SVFBLOCK_H

#include "filters.h"

#include <string.h>

/* The matrices for the coefficients in s->k (svf_coefs) and an output
 * mode (0 low, 1 high, 2 band, 3 notch). */
static inline void svfb_setup(SvfBlock *q, const NodeState *s, int mode) {
    const double k0 = s->k[0], k1 = s->k[1], k2 = s->k[2], k3 = s->k[3];
    /* s' = A s + B x (from svf(): v1, v2, then a = 2 v1 - a, b = 2 v2 - b) */
    const double A[2][2] = {{2 * k0 - 1, -2 * k1}, {2 * k1, 1 - 2 * k2}}, B[2] = {2 * k1, 2 * k2};
    double C[2], D;
    switch (mode) {
    case 0: C[0] = k1, C[1] = 1 - k2, D = k2; break; /* v2 */
    case 1:
        C[0] = -k3 * k0 - k1, C[1] = k3 * k1 - (1 - k2), D = 1 - k3 * k1 - k2;
        break;                                                        /* x - k3 v1 - v2 */
    case 2: C[0] = k0, C[1] = -k1, D = k1; break;                     /* v1 */
    default: C[0] = -k3 * k0, C[1] = k3 * k1, D = 1 - k3 * k1; break; /* x - k3 v1 */
    }
    double P[2][2] = {{1, 0}, {0, 1}}; /* A^n */
    double h[8], AB[9][2];             /* AB[n] = A^n B */
    for (int n = 0; n <= 8; n++) {
        if (n < 8) {
            q->g[0][n] = C[0] * P[0][0] + C[1] * P[1][0]; /* C A^n */
            q->g[1][n] = C[0] * P[0][1] + C[1] * P[1][1];
        }
        AB[n][0] = P[0][0] * B[0] + P[0][1] * B[1];
        AB[n][1] = P[1][0] * B[0] + P[1][1] * B[1];
        if (n == 8) break;
        double N[2][2];
        for (int r = 0; r < 2; r++)
            for (int c = 0; c < 2; c++) N[r][c] = A[r][0] * P[0][c] + A[r][1] * P[1][c];
        memcpy(P, N, sizeof P);
    }
    h[0] = D;
    for (int m = 1; m < 8; m++) h[m] = C[0] * AB[m - 1][0] + C[1] * AB[m - 1][1];
    for (int i = 0; i < 16; i++) q->hz[i] = i >= 7 && i < 15 ? h[i - 7] : 0;
    memset(q->f, 0, sizeof q->f);
    memset(q->a8, 0, sizeof q->a8);
    for (int i = 0; i < 8; i++) q->f[i][0] = AB[7 - i][0], q->f[i][1] = AB[7 - i][1];
    /* A^8 s as d0 (a, b) + d1 (b, a): its diagonal, then the rest */
    q->a8[0][0] = P[0][0], q->a8[0][1] = P[1][1];
    q->a8[1][0] = P[0][1], q->a8[1][1] = P[1][0];
    memcpy(q->key, s->k, sizeof q->key);
    q->mode = mode;
}

/* Whether q holds the matrices for s's coefficients and this mode. */
static inline bool svfb_fits(const SvfBlock *q, const NodeState *s, int mode) {
    return q->mode == mode && memcmp(q->key, s->k, sizeof q->key) == 0;
}

/* n samples (a multiple of eight) of in[j & mi] through the filter: state in
 * s->a, s->b. */
static ALWAYS_INLINE void svfb_run(const SvfBlock *q, NodeState *s, const float *in, int mi,
                                   float *out, int n) {
    typedef double v4d __attribute__((vector_size(32)));
    typedef float v4f __attribute__((vector_size(16)));
    v4d ga[2], gb[2], c0, c1;
    memcpy(ga, q->g[0], sizeof ga);
    memcpy(gb, q->g[1], sizeof gb);
    memcpy(&c0, q->a8[0], sizeof c0);
    memcpy(&c1, q->a8[1], sizeof c1);
    v4d st = {s->a, s->b, 0, 0}; /* the state in its first two lanes */
    for (int j = 0; j < n; j += 8) {
        double x[8];
        if (mi) { /* a signal: eight floats, widened four at a time */
            v4f x0, x1;
            memcpy(&x0, in + j, sizeof x0);
            memcpy(&x1, in + j + 4, sizeof x1);
            v4d d0 = __builtin_convertvector(x0, v4d), d1 = __builtin_convertvector(x1, v4d);
            memcpy(x, &d0, sizeof d0);
            memcpy(x + 4, &d1, sizeof d1);
        } else {
            for (int i = 0; i < 8; i++) x[i] = in[0];
        }
        const double a = st[0], b = st[1];
        v4d lo = ga[0] * a + gb[0] * b, hi = ga[1] * a + gb[1] * b, nx = {0};
        for (int i = 0; i < 8; i++) {
            const v4d xi = {x[i], x[i], x[i], x[i]};
            v4d hl, hh, f;
            memcpy(&hl, q->hz + 7 - i, sizeof hl);
            memcpy(&hh, q->hz + 11 - i, sizeof hh);
            memcpy(&f, q->f[i], sizeof f);
            if (i < 4) lo += hl * xi;
            hi += hh * xi;
            nx += f * xi;
        }
        /* the chain from group to group: one in-lane swap and two products */
        st = c0 * st + (c1 * __builtin_shufflevector(st, st, 1, 0, 3, 2) + nx);
        v4f yl = __builtin_convertvector(lo, v4f), yh = __builtin_convertvector(hi, v4f);
        memcpy(out + j, &yl, sizeof yl);
        memcpy(out + j + 4, &yh, sizeof yh);
    }
    s->a = st[0], s->b = st[1];
}

#endif
