/*
 * guard.c - the protection limiter (guard.h).
 *
 * The gain g at or below 1 follows, sample by sample:
 *   - a sample whose level m (the larger side) is above 0.9 caps it at
 *     0.9 / m: a cap at or below g takes g down to it and starts the hold;
 *   - while the hold lasts, g stays;
 *   - then g comes back: 1 - g shrinks by the factor q = 1 - r a sample
 *     (r = 1 - exp(-1 / (AUDIO_GUARD_RELEASE * rate))), up to a cap it meets
 *     on the way, which it then starts again from; within a millionth of 1
 *     it is 1.
 * The release is written in closed form from where it started: k samples in,
 * g = 1 - h * q^k, with q^k the product of q^8 once per eight samples and
 * then q^j for the rest (qp). So the release's chain is one product per
 * eight samples, and eight samples at a time, where nothing caps them, are
 * vector work; every sample is the same arithmetic in either path and
 * however the calls cut the audio (its groups count from the release's
 * start, not from a call's).
 */
#include "guard.h"

#include "filters.h" /* DSP_CLONES */
#include "mixer.h"   /* AUDIO_GUARD_RELEASE, AUDIO_GUARD_HOLD */

#include <math.h>
#include <string.h>

typedef float v8f __attribute__((vector_size(32)));
typedef int v8i __attribute__((vector_size(32)));
typedef double v4d __attribute__((vector_size(32)));
typedef long long v4l __attribute__((vector_size(32)));

#define SNAP 0.999999 /* a millionth from unity is unity */

void guard_init(Guard *gd, double rate) {
    memset(gd, 0, sizeof *gd);
    gd->g = 1;
    gd->pb = 1;
    double q = exp(-1 / (AUDIO_GUARD_RELEASE * rate)), w = 1;
    for (int j = 0; j <= 8; j++) gd->qp[j] = w, w *= q;
    gd->hold = (int)lround(AUDIO_GUARD_HOLD * rate);
}

/* The gain starts over from g (taken down by a cap, or met one). */
static ALWAYS_INLINE void anchor(Guard *gd, double g) {
    gd->ha = 1 - g;
    gd->pb = 1;
    gd->rk = 0;
}

/* One sample, every case. */
static ALWAYS_INLINE double step(Guard *gd, double g, float *l, float *r) {
    float al = fabsf(*l), ar = fabsf(*r), m = al > ar ? al : ar; /* not fmaxf: a call */
    double cap = m > 0.9f ? 0.9 / m : 1.0;
    if (cap <= g) {
        g = cap, gd->wait = gd->hold;
        anchor(gd, g);
    } else if (gd->wait > 0) {
        gd->wait--;
    } else {
        int j = gd->rk % 8 + 1;
        double t = gd->pb * gd->qp[j], up = 1 - gd->ha * t;
        if (j == 8) gd->pb = t;
        gd->rk++;
        if (cap < up) {
            g = cap;
            anchor(gd, g);
        } else {
            g = up;
        }
        g = g > SNAP ? 1 : g;
    }
    *l = (float)(*l * g), *r = (float)(*r * g);
    return g;
}

/* Eight samples scaled by gains g0 (the first four) and g1. */
static ALWAYS_INLINE void scale8(float *x, const v4d *g0, const v4d *g1) {
    typedef float v4f __attribute__((vector_size(16)));
    v4f a, b;
    memcpy(&a, x, sizeof a);
    memcpy(&b, x + 4, sizeof b);
    v4d da = __builtin_convertvector(a, v4d) * *g0, db = __builtin_convertvector(b, v4d) * *g1;
    a = __builtin_convertvector(da, v4f), b = __builtin_convertvector(db, v4f);
    memcpy(x, &a, sizeof a);
    memcpy(x + 4, &b, sizeof b);
}

/* No sample of the eight is above 0.9 (nor NaN): nothing caps the gain. */
static ALWAYS_INLINE bool quiet8(const float *L, const float *R) {
    v8i lb, rb;
    memcpy(&lb, L, sizeof lb);
    memcpy(&rb, R, sizeof rb);
    lb &= 0x7fffffff, rb &= 0x7fffffff;
    v8f al, ar;
    memcpy(&al, &lb, sizeof al);
    memcpy(&ar, &rb, sizeof ar);
    v8i k = (al <= 0.9f) & (ar <= 0.9f);
    for (int q = 1; q < 8; q++) k[0] &= k[q];
    return k[0] != 0;
}

DSP_CLONES void guard_run(Guard *gd, float *L, float *R, int n) {
    double g = gd->g;
    int i = 0;
    while (i < n) {
        /* below unity and nothing above 0.9: eight samples of the hold, or
         * of the release from one of its multiples of eight */
        if (n - i >= 8 && g < 1 && (gd->wait >= 8 || (gd->wait == 0 && gd->rk % 8 == 0)) &&
            quiet8(L + i, R + i)) {
            v4d g0 = {g, g, g, g}, g1 = g0;
            bool whole = true;
            if (gd->wait == 0) {
                v4d q0, q1;
                memcpy(&q0, gd->qp + 1, sizeof q0);
                memcpy(&q1, gd->qp + 5, sizeof q1);
                v4d t0 = gd->pb * q0, t1 = gd->pb * q1;
                g0 = 1 - gd->ha * t0, g1 = 1 - gd->ha * t1;
                v4l s = (g0 > SNAP) | (g1 > SNAP);
                if (s[0] | s[1] | s[2] | s[3]) {
                    whole = false; /* it reaches unity in these eight: one at a time */
                } else {
                    gd->pb = t1[3], gd->rk += 8, g = g1[3];
                }
            } else {
                gd->wait -= 8;
            }
            if (whole) {
                scale8(L + i, &g0, &g1);
                scale8(R + i, &g0, &g1);
                i += 8;
                continue;
            }
        }
        g = step(gd, g, &L[i], &R[i]);
        i++;
    }
    gd->g = g;
}
