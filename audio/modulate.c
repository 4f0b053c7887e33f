/*
 * modulate.c - vibrato, frequency modulation and the filter envelope,
 * sample by sample (see modulate.h).
 */
#include "modulate.h"

#include <math.h>
#include <stdbool.h>

static double fenv_clamp(double x) {
    x = x < 0 ? 0 : x > 20000 ? 20000 : x;
    return x == 0 ? 0.001 : x; /* exponential ramps never touch 0 */
}

/* superdough's envValAtTime: the straight line through the segment (its quirk
 * in the attack kept: from 0, or from lo when lo > peak) */
static double fenv_line(const FenvShape *f, double t) {
    double v;
    if (f->a > t)
        v = t * ((f->peak - f->lo) / f->a) + (f->lo > f->peak ? f->lo : 0);
    else
        v = (t - f->a) * (f->d > 0 ? (f->sus - f->peak) / f->d : 0) + f->peak;
    return v != 0 && isfinite(v) ? v : 0.001;
}

/* superdough's getADSRValues: the settings given, the defaults for the rest */
static void adsr_values(double *a, double *d, double *s, double *r, const double def[4]) {
    if (isnan(*a) && isnan(*d) && isnan(*s) && isnan(*r)) {
        *a = def[0], *d = def[1], *s = def[2], *r = def[3];
        return;
    }
    if (isnan(*s)) *s = (!isnan(*a) && isnan(*d)) || (isnan(*a) && isnan(*d)) ? 1 : 0.001;
    *a = fmax(isnan(*a) ? 0 : *a, 0.001);
    *d = fmax(isnan(*d) ? 0 : *d, 0.001);
    *s = fmin(*s, 1);
    *r = fmax(isnan(*r) ? 0 : *r, 0.01);
}

static void fenv_ramps(FenvShape *f, double lo, double hi, double a, double d, double s, double r,
                       double gate);

void senv_shape(FenvShape *f, double a, double d, double s, double r, double gate, bool sample) {
    /* superdough's defaults when none is given: its synths', its samples' */
    static const double DEF[2][4] = {{0.001, 0.05, 0.6, 0.01}, {0.001, 0.001, 1, 0.01}};
    adsr_values(&a, &d, &s, &r, DEF[sample]);
    f->lo = 0, f->peak = 1, f->sus = s;
    f->a = a, f->d = d, f->r = r, f->gate = gate > 0 ? gate : 0;
    double g = f->gate;
    f->v_a = a > g ? g / a : 1;
    f->v_end = a > g ? f->v_a : a + d > g ? 1 + (g - a) * (s - 1) / d : s;
}

static double lin(double x0, double x1, double t0, double t1, double t) {
    return t1 <= t0 ? x1 : x0 + (x1 - x0) * (t - t0) / (t1 - t0);
}

double senv_at(const FenvShape *f, double t) {
    double g = f->gate;
    if (t >= g) return t >= g + f->r ? 0 : lin(f->v_end, 0, g, g + f->r, t);
    if (f->a > g) return lin(0, f->v_a, 0, g, t);
    if (t < f->a) return lin(0, 1, 0, f->a, t);
    if (f->a + f->d > g) return lin(1, f->v_end, f->a, g, t);
    if (t < f->a + f->d) return lin(1, f->sus, f->a, f->a + f->d, t);
    return f->sus;
}

void fenv_shape(FenvShape *f, double cutoff, double a, double d, double s, double r, double e,
                double anchor, double gate) {
    adsr_values(&a, &d, &s, &r, (const double[4]){0.005, 0.14, 0, 0.1});
    if (isnan(e)) e = 1;
    if (isnan(anchor)) anchor = 0;
    double ea = fabs(e), off = ea * anchor;
    double lo = fenv_clamp(pow(2, -off) * cutoff), hi = fenv_clamp(pow(2, ea - off) * cutoff);
    if (e < 0) {
        double t = lo;
        lo = hi, hi = t;
    }
    fenv_ramps(f, lo, hi, a, d, s, r, gate);
}

void fenv_range_shape(FenvShape *f, double lo, double hi, double a, double d, double s, double r,
                      double gate) {
    adsr_values(&a, &d, &s, &r, (const double[4]){0.001, 0.001, 1, 0.01});
    fenv_ramps(f, lo, hi, a, d, s, r, gate);
}

/* the ramps between lo and hi of settings already resolved */
static void fenv_ramps(FenvShape *f, double lo, double hi, double a, double d, double s, double r,
                       double gate) {
    f->lo = lo, f->peak = hi, f->sus = lo + s * (hi - lo);
    f->a = a, f->d = d, f->r = r, f->gate = gate > 0 ? gate : 0;
    double g = f->gate;
    f->v_a = a > g ? fenv_line(f, g) : hi;
    f->v_end = a > g ? f->v_a : a + d > g ? fenv_line(f, g) : f->sus;
}

void lenv_shape(FenvShape *f, double lo, double hi, double a, double d, double s, double r,
                const double def[4], double gate) {
    adsr_values(&a, &d, &s, &r, def);
    f->lo = lo, f->peak = hi, f->sus = lo + s * (hi - lo);
    f->a = a, f->d = d, f->r = r, f->gate = gate > 0 ? gate : 0;
    double g = f->gate;
    /* superdough's envValAtTime, without the exponential ramps' floor */
    double at_g = a > g ? g * ((hi - lo) / a) + (lo > hi ? lo : 0)
                        : (g - a) * (d > 0 ? (f->sus - hi) / d : 0) + hi;
    f->v_a = a > g ? at_g : hi;
    f->v_end = a > g ? f->v_a : a + d > g ? at_g : f->sus;
}

double lenv_at(const FenvShape *f, double t) {
    double g = f->gate;
    if (t >= g) return t >= g + f->r ? f->lo : lin(f->v_end, f->lo, g, g + f->r, t);
    if (f->a > g) return lin(f->lo, f->v_a, 0, g, t);
    if (t < f->a) return lin(f->lo, f->peak, 0, f->a, t);
    if (f->a + f->d > g) return lin(f->peak, f->v_end, f->a, g, t);
    if (t < f->a + f->d) return lin(f->peak, f->sus, f->a, f->a + f->d, t);
    return f->sus;
}

/* an exponential ramp from x0 at t0 to x1 at t1, at t */
static double fenv_ramp(double x0, double x1, double t0, double t1, double t) {
    if (t1 <= t0) return x1;
    return x0 * pow(x1 / x0, (t - t0) / (t1 - t0));
}

double fenv_at(const FenvShape *f, double t) {
    double g = f->gate;
    if (t >= g) return t >= g + f->r ? f->lo : fenv_ramp(f->v_end, f->lo, g, g + f->r, t);
    if (f->a > g) return fenv_ramp(f->lo, f->v_a, 0, g, t); /* the attack, cut short */
    if (t < f->a) return fenv_ramp(f->lo, f->peak, 0, f->a, t);
    if (f->a + f->d > g) return fenv_ramp(f->peak, f->v_end, f->a, g, t);
    if (t < f->a + f->d) return fenv_ramp(f->peak, f->sus, f->a, f->a + f->d, t);
    return f->sus;
}

/* superdough's getParamADSR, linear, from min to max: its value x seconds in
 * while the note holds (its attack's formula adds min only when min is above
 * max, as superdough's does) */
static double penv_hold(double a, double d, double min, double max, double sus, double x) {
    if (a > x) return x * (max - min) / a + (min > max ? min : 0);
    return d > 0 ? (x - a) * (sus - max) / d + max : sus;
}

void penv_block(const float *f, int mf, double a, double d, double s, double r, double depth,
                double anchor, double gate, float *out, int n, uint64_t pos, double dt) {
    static const double DEF[4] = {0.2, 0.001, 1, 0.001};
    adsr_values(&a, &d, &s, &r, DEF);
    double cents = (isnan(depth) ? 1 : depth) * 100, k = isnan(anchor) ? s : anchor;
    double min = -cents * k, max = cents - cents * k, sus = min + s * (max - min), g = gate;
    /* the ramps' ends: attack (to e1 at t1), decay (to e2 at g), then release */
    double t1 = a > g ? g : a, e1 = penv_hold(a, d, min, max, sus, t1);
    double e2 = a > g ? e1 : a + d > g ? penv_hold(a, d, min, max, sus, g) : sus;
    for (int j = 0; j < n; j++) {
        double t = (double)(pos + (uint64_t)j) * dt, c;
        if (t >= g)
            c = t >= g + r ? min : e2 + (min - e2) * (t - g) / r;
        else if (t < t1)
            c = min + (e1 - min) * t / t1;
        else if (a + d > g)
            c = e1 + (e2 - e1) * (t - t1) / (g - t1);
        else
            c = t < a + d ? e1 + (sus - e1) * (t - a) / d : sus;
        out[j] = (float)(f[j & mf] * exp2(c / 1200));
    }
}

void vib_block(const float *f, int mf, const float *rate, int mr, const float *depth, int md,
               float *out, int n, uint64_t pos, double dt) {
    for (int j = 0; j < n; j++) {
        double t = (double)(pos + (uint64_t)j) * dt;
        out[j] = (float)(f[j & mf] * exp2(depth[j & md] / 12.0 * sin(2 * M_PI * rate[j & mr] * t)));
    }
}

void fm_block(const float *f, int mf, const float *h, int mh, const float *i, int mi, float *out,
              int n, uint64_t pos, double dt) {
    for (int j = 0; j < n; j++) {
        double t = (double)(pos + (uint64_t)j) * dt, mod = (double)f[j & mf] * h[j & mh];
        out[j] = (float)(f[j & mf] + mod * i[j & mi] * sin(2 * M_PI * mod * t));
    }
}

void senv_block(double a, double d, double s, double r, double gate, bool sample, float *out, int n,
                uint64_t pos, double dt) {
    FenvShape f;
    senv_shape(&f, a, d, s, r, gate, sample);
    for (int j = 0; j < n; j++) out[j] = (float)senv_at(&f, (double)(pos + (uint64_t)j) * dt);
}

void fenv_block(double cutoff, double a, double d, double s, double r, double e, double anchor,
                double gate, float *out, int n, uint64_t pos, double dt) {
    FenvShape f;
    fenv_shape(&f, cutoff, a, d, s, r, e, anchor, gate);
    for (int j = 0; j < n; j++) out[j] = (float)fenv_at(&f, (double)(pos + (uint64_t)j) * dt);
}

double senv_release(double a, double d, double s, double r) {
    FenvShape f;
    senv_shape(&f, a, d, s, r, 0, false); /* (the same release either way) */
    return f.r;
}
