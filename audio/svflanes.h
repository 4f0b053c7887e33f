/*
 * svflanes.h - the state-variable filter of filters.h over a voice's block:
 * one voice alone (svf_run), or four, eight or sixteen voices side by side,
 * a voice a lane (svf_lanes). Both do, sample by sample, exactly the
 * operations of svf() in the same order, so a voice's samples are the same
 * bits whichever way it is filtered, and whichever voices share its vector.
 *
 * The filter's recursion is a chain of about twenty cycles a sample: alone,
 * a voice waits on it; four voices in a vector, and up to four vectors in
 * one loop, fill the wait. Used by synth.c inside its DSP_CLONES functions.
 * No allocation, no I/O.
 */
#ifndef TALA_SVFLANES_H
#define TALA_SVFLANES_H

#include "filters.h"

#include <string.h>

/* One filter's block (synth.h's struct SvfJobS): its state, input
 * (SYN_BLOCK samples), output and mode (0 low, 1 high, 2 band, 3 notch);
 * its coefficients are in s->k already. */
typedef struct SvfJobS SvfJob;

/* One voice's filter over n samples of in[j & mi], coefficients steady. */
static ALWAYS_INLINE void svf_run(NodeState *s, const float *in, int mi, float *out, int n,
                                  int mode) {
    const double k0 = s->k[0], k1 = s->k[1], k2 = s->k[2], k3 = s->k[3];
    double a = s->a, b = s->b;
    for (int j = 0; j < n; j++) {
        double x = in[j & mi], v3 = x - b;
        double v1 = k0 * a + k1 * v3;
        double v2 = b + k1 * a + k2 * v3;
        a = 2 * v1 - a;
        b = 2 * v2 - b;
        out[j] = mode == 0   ? (float)v2
                 : mode == 1 ? (float)(x - k3 * v1 - v2)
                 : mode == 2 ? (float)v1
                             : (float)(x - k3 * v1);
    }
    s->a = a, s->b = b;
}

typedef float svf_v4f __attribute__((vector_size(16)));
typedef double svf_v4d __attribute__((vector_size(32)));
typedef long long svf_v4l __attribute__((vector_size(32)));

/* rows r[0..3] (four samples of four voices) to columns (a sample of each) */
static ALWAYS_INLINE void svf_transpose(svf_v4f r[4]) {
    svf_v4f t0 = __builtin_shufflevector(r[0], r[1], 0, 4, 1, 5);
    svf_v4f t1 = __builtin_shufflevector(r[0], r[1], 2, 6, 3, 7);
    svf_v4f t2 = __builtin_shufflevector(r[2], r[3], 0, 4, 1, 5);
    svf_v4f t3 = __builtin_shufflevector(r[2], r[3], 2, 6, 3, 7);
    r[0] = __builtin_shufflevector(t0, t2, 0, 1, 4, 5);
    r[1] = __builtin_shufflevector(t0, t2, 2, 3, 6, 7);
    r[2] = __builtin_shufflevector(t1, t3, 0, 1, 4, 5);
    r[3] = __builtin_shufflevector(t1, t3, 2, 3, 6, 7);
}

/* 4 * groups filters (groups 1, 2 or 4) over SYN_BLOCK samples, as vectors
 * of four voices: the more vectors, the more of each sample's chain is
 * hidden behind the others'. mode
 * 0..3: all jobs have that mode (a constant where this is inlined); 4: each
 * lane picks its own output (by mask: the bits chosen are untouched). */
static ALWAYS_INLINE void svf_lanes_mode(const SvfJob *jb, int groups, int mode) {
    double c[6][16] = {{0}}; /* k0..k3, a, b of each lane */
    long long sel[3][16] = {{0}};
    for (int l = 0; l < 4 * groups; l++) {
        const NodeState *t = jb[l].s;
        c[0][l] = t->k[0], c[1][l] = t->k[1], c[2][l] = t->k[2], c[3][l] = t->k[3];
        c[4][l] = t->a, c[5][l] = t->b;
        for (int m = 0; m < 3; m++) sel[m][l] = -(long long)(jb[l].mode == m);
    }
    svf_v4d k0[4], k1[4], k2[4], k3[4], a[4], b[4];
    svf_v4l lo[4], hi[4], band[4];
    for (int g = 0; g < groups; g++) {
        memcpy(&k0[g], &c[0][4 * g], sizeof k0[g]), memcpy(&k1[g], &c[1][4 * g], sizeof k1[g]);
        memcpy(&k2[g], &c[2][4 * g], sizeof k2[g]), memcpy(&k3[g], &c[3][4 * g], sizeof k3[g]);
        memcpy(&a[g], &c[4][4 * g], sizeof a[g]), memcpy(&b[g], &c[5][4 * g], sizeof b[g]);
        memcpy(&lo[g], &sel[0][4 * g], sizeof lo[g]), memcpy(&hi[g], &sel[1][4 * g], sizeof hi[g]);
        memcpy(&band[g], &sel[2][4 * g], sizeof band[g]);
    }
    for (int i = 0; i < SYN_BLOCK; i += 4) {
        svf_v4f x4[4][4], y4[4][4];
        for (int g = 0; g < groups; g++) {
            for (int l = 0; l < 4; l++) memcpy(&x4[g][l], jb[4 * g + l].in + i, sizeof x4[g][l]);
            svf_transpose(x4[g]);
        }
        for (int q = 0; q < 4; q++)
            for (int g = 0; g < groups; g++) {
                svf_v4d x = __builtin_convertvector(x4[g][q], svf_v4d), v3 = x - b[g];
                svf_v4d v1 = k0[g] * a[g] + k1[g] * v3;
                svf_v4d v2 = b[g] + k1[g] * a[g] + k2[g] * v3;
                a[g] = 2.0 * v1 - a[g];
                b[g] = 2.0 * v2 - b[g];
                svf_v4d y;
                if (mode == 0) {
                    y = v2;
                } else if (mode == 2) {
                    y = v1;
                } else if (mode == 1) {
                    y = x - k3[g] * v1 - v2;
                } else if (mode == 3) {
                    y = x - k3[g] * v1;
                } else {
                    svf_v4d n = x - k3[g] * v1, h = n - v2;
                    svf_v4l yn, yh, y1, y2;
                    memcpy(&yn, &n, sizeof yn), memcpy(&yh, &h, sizeof yh);
                    memcpy(&y1, &v1, sizeof y1), memcpy(&y2, &v2, sizeof y2);
                    svf_v4l r = (lo[g] & y2) | (hi[g] & yh) | (band[g] & y1) |
                                (~(lo[g] | hi[g] | band[g]) & yn);
                    memcpy(&y, &r, sizeof y);
                }
                y4[g][q] = __builtin_convertvector(y, svf_v4f);
            }
        for (int g = 0; g < groups; g++) {
            svf_transpose(y4[g]);
            for (int l = 0; l < 4; l++) memcpy(jb[4 * g + l].out + i, &y4[g][l], sizeof y4[g][l]);
        }
    }
    for (int g = 0; g < groups; g++)
        for (int l = 0; l < 4; l++) jb[4 * g + l].s->a = a[g][l], jb[4 * g + l].s->b = b[g][l];
}

/* Four jobs (groups 1), eight (2) or sixteen (4); fill the lanes not needed
 * with a job of no consequence. */
static ALWAYS_INLINE void svf_lanes(const SvfJob *jb, int groups) {
    int mode = jb[0].mode;
    for (int l = 1; l < 4 * groups; l++)
        if (jb[l].mode != mode) mode = 4;
#define SVF_LANES(g)                                                                               \
    switch (mode) {                                                                                \
    case 0: svf_lanes_mode(jb, g, 0); break;                                                       \
    case 1: svf_lanes_mode(jb, g, 1); break;                                                       \
    case 2: svf_lanes_mode(jb, g, 2); break;                                                       \
    case 3: svf_lanes_mode(jb, g, 3); break;                                                       \
    default: svf_lanes_mode(jb, g, 4); break;                                                      \
    }
    if (groups == 1)
        SVF_LANES(1)
    else if (groups == 2)
        SVF_LANES(2)
    else
        SVF_LANES(4)
#undef SVF_LANES
}

#endif
