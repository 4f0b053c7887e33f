/*
 * duck.c - an orbit's ducked level, frame by frame (see duck.h).
 */
#include "duck.h"

#include <math.h>

static double level_at(const Duck *d, uint64_t f) {
    if (!d->on || f >= d->t2) return 1;
    if (f <= d->t0) return d->v0;
    if (f < d->t1) return d->v0 * pow(d->v1 / d->v0, (double)(f - d->t0) / (double)(d->t1 - d->t0));
    return d->v1 * pow(1 / d->v1, (double)(f - d->t1) / (double)(d->t2 - d->t1));
}

void duck_start(Duck *d, uint64_t from, uint64_t note, double onset, double attack, double depth,
                double rate) {
    double now = level_at(d, from), down = 1 - sqrt(depth);
    if (!(down == down) || !(onset >= 0) || !(attack == attack)) return; /* (NaN: none) */
    down = fmin(fmax(down, 0.01), now);
    d->on = true;
    d->t0 = from;
    d->t1 = note + (uint64_t)llround(onset * rate);
    if (d->t1 <= d->t0) d->t1 = d->t0 + 1;
    d->t2 = d->t1 + (uint64_t)llround(fmax(attack, 0.002) * rate);
    d->v0 = now, d->v1 = down;
}

bool duck_block(Duck *d, uint64_t now, int n, float *g) {
    if (!d->on) return false;
    if (now >= d->t2) {
        d->on = false;
        return false;
    }
    for (int i = 0; i < n; i++) g[i] = (float)level_at(d, now + (uint64_t)i);
    return true;
}

bool djf_setup(Djf *k, float value, double rate) {
    if (!(value == value)) return false;
    double v = value < 0 ? 0 : value > 1 ? 1 : value;
    if (v >= 0.49 && v <= 0.51) return false;
    k->high = v > 0.51;
    double cut = pow((k->high ? (v - 0.5) * 2 : v * 2) * 11, 4);
    cut = fmin(fmax(cut, 0), rate / 2 - 1);
    double c = fmin(fmax(2 * sin(cut * (M_PI / rate)), 0), 1.14);
    double r = pow(0.5, (0.1 + 0.125) / 0.125); /* the resonance superdough gives it: 0.1 */
    k->c = c, k->mrc = 1 - r * c;
    return true;
}

void djf_block(const Djf *k, double st[2], float *x, int n) {
    double s0 = st[0], s1 = st[1];
    for (int i = 0; i < n; i++) {
        s0 = k->mrc * s0 - k->c * s1 + k->c * x[i]; /* band-pass */
        s1 = k->mrc * s1 + k->c * s0;               /* low-pass */
        x[i] = (float)(k->high ? x[i] - s1 : s1);
    }
    st[0] = s0, st[1] = s1;
}
