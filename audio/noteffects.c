/*
 * noteffects.c - superdough's effects on a note's own sound (see
 * noteffects.h).
 */
#include "noteffects.h"

#include <math.h>
#include <string.h>

#define IN(q, j) (in[q][(j)&m[q]])

static const char *const DISTORTIONS[] = {"scurve", "soft", "hard",     "cubic",    "diode",
                                          "asym",   "fold", "sinefold", "chebyshev"};
enum { N_DIST = sizeof DISTORTIONS / sizeof DISTORTIONS[0] };

int note_fx_distortion(const char *name) {
    for (int i = 0; i < N_DIST; i++)
        if (!strcmp(DISTORTIONS[i], name)) return i;
    return -1;
}

int note_fx_lfo_shape(const char *name) {
    static const struct {
        const char *name;
        int shape;
    } S[] = {{"tri", 0}, {"triangle", 0}, {"sine", 1}, {"ramp", 2}, {"saw", 3}, {"square", 4}};
    for (size_t i = 0; i < sizeof S / sizeof S[0]; i++)
        if (!strcmp(S[i].name, name)) return S[i].shape;
    return -1;
}

/* ---- the distortion algorithms: x the sample, k the drive (expm1 of distort) ---- */

static double squash(double x) {
    return x / (1 + x);
}
static double d_soft(double x, double k) {
    return tanh(x * (1 + k));
}
static double d_fold(double x, double k) {
    double y = (1 + 0.5 * k) * x, w = fmod(y + 1, 4);
    if (w < 0) w += 4;
    return 1 - fabs(w - 2);
}
static double d_diode(double x, double k, bool asym) {
    double g = 1 + 2 * k, t = squash(log1p(k)), bias = 0.07 * t;
    double y = d_soft(x + bias, 2 * k) - d_soft(asym ? bias : -x + bias, 2 * k);
    double sech = 1 / cosh(g * bias);
    double denom = fmax(1e-8, (asym ? 1 : 2) * g * sech * sech); /* unity slope at 0 */
    return d_soft(y / denom, k);
}
static double d_chebyshev(double x, double k) {
    double kl = 10 * log1p(k), t1 = 1, t2 = x, y = x; /* T0 is left out, T1 counted */
    for (int i = 2; i < 64; i++) {
        double tn = 2 * x * t1 - t2;
        t2 = t1, t1 = tn;
        if (i % 2 == 0) y += fmin(1.3 * kl / i, 2) * tn;
    }
    return d_soft(y, kl / 20);
}

static double distortion(int algo, double x, double k) {
    switch (algo) {
    case 1: return d_soft(x, k);
    case 2: return fmax(-1, fmin(1, (1 + k) * x));
    case 3: { /* cubic, then soft */
        double t = squash(log1p(k));
        return d_soft((x - t / 3 * x * x * x) / (1 - t / 3), k);
    }
    case 4: return d_diode(x, k, false);
    case 5: return d_diode(x, k, true);
    case 6: return d_fold(x, k);
    case 7: return sin(M_PI / 2 * d_fold(x, k));
    case 8: return d_chebyshev(x, k);
    default: return (1 + k) * x / (1 + k * fabs(x)); /* scurve */
    }
}

/* ---- superdough's LFO shapes at phase p (0..1) with skew ---- */

double note_fx_lfo(int shape, double p, double skew) {
    switch (shape) {
    case 1: return sin(2 * M_PI * p) * 0.5 + 0.5;
    case 2: return p;
    case 3: return 1 - p;
    case 4: return p >= skew ? 0 : 1;
    default: return p >= skew ? (skew < 1 ? (1 - p) / (1 - skew) : 0) : p / skew; /* tri */
    }
}

/* The Web Audio compressor's static curve: the output level (dB) for an input
 * level x (dB), with a soft knee of knee dB around the threshold. */
static double comp_curve(double x, double thr, double ratio, double knee) {
    double over = x - thr;
    if (2 * over < -knee) return x;
    if (knee > 0 && 2 * fabs(over) <= knee) {
        double a = over + knee / 2;
        return x + (1 / ratio - 1) * a * a / (2 * knee);
    }
    return thr + over / ratio;
}

void note_fx_block(Voice *v, int i, const float *const in[], const int m[], float *out, int n,
                   double rate) {
    const SynNode *nd = &v->def->nodes[i];
    NodeState *s = &v->st[i];
    const uint64_t pos = v->pos;
    const double dt = 1.0 / rate;
    /* where the note starts on the timeline, in seconds (superdough's LFOs start
     * their phase there) */
    const double start = (double)v->start * dt;
    switch ((UgenId)nd->ugen) {
    case UGEN_SHAPER: { /* WebDirt's shape: (1 + k) x / (1 + k |x|), k = 2 a / (1 - a) */
        double a = IN(1, 0) < 1 ? IN(1, 0) : 1.0 - 4e-10, k = 2 * a / (1 - a);
        double post = fmax(0.001, fmin(1, IN(2, 0)));
        for (int j = 0; j < n; j++) {
            double x = in[0][j];
            out[j] = (float)((1 + k) * x / (1 + k * fabs(x)) * post);
        }
        break;
    }
    case UGEN_DISTORT: {
        double k = expm1(IN(1, 0)), post = fmax(0.001, fmin(1, IN(2, 0)));
        double t = IN(3, 0);
        int algo = isfinite(t) && t >= 0 ? (int)t % N_DIST : 0;
        for (int j = 0; j < n; j++) out[j] = (float)(post * distortion(algo, in[0][j], k));
        break;
    }
    case UGEN_TREMOLO: { /* level max(1 - d, 0) + clamp((shape(phase) d)^1.5, 0, 1) */
        double sync = IN(6, 0), f = isfinite(sync) && sync > 0 ? sync : IN(1, 0);
        double d = isfinite(IN(2, 0)) ? IN(2, 0) : 1, sh = IN(5, 0);
        int shape = isfinite(sh) ? (int)fmod(fabs(sh), 5) : 0;
        double skew = isfinite(IN(3, 0)) ? IN(3, 0) : isfinite(sh) ? 0.5 : 1;
        double ph0 = start * f + (isfinite(IN(4, 0)) ? IN(4, 0) : 0), base = fmax(1 - d, 0);
        for (int j = 0; j < n; j++) {
            double p = ph0 + f * (double)(pos + (uint64_t)j) * dt;
            double w = note_fx_lfo(shape, p - floor(p), skew) * d;
            double g = base + fmax(0, fmin(1, w > 0 ? pow(w, 1.5) : 0));
            out[j] = (float)(in[0][j] * g);
        }
        break;
    }
    case UGEN_PHASER: { /* two notches (282 Hz apart) swept sweep cents either way by a
                           triangle at rate; Q 2 - min(2 depth, 1.9) */
        double f = IN(1, 0), q = 2 - fmin(fmax(IN(2, 0) * 2, 0), 1.9);
        if (!(IN(2, 0) > 0)) { /* no depth: no phaser, as superdough's */
            for (int j = 0; j < n; j++) out[j] = in[0][j];
            break;
        }
        double centre = IN(3, 0), sweep = IN(4, 0);
        double *z[2][2] = {{&s->a, &s->b}, {&s->c, &s->d}};
        for (int j = 0; j < n; j++) {
            double p = start * f + f * (double)(pos + (uint64_t)j) * dt;
            double cents = (note_fx_lfo(0, p - floor(p), 0.5) - 0.5) * 2 * sweep;
            double x = in[0][j];
            for (int st = 0; st < 2; st++) {
                double fc = (centre + 282.0 * st) * exp2(cents / 1200);
                fc = fmin(fmax(fc, 10), rate * 0.49);
                /* a state-variable notch (trapezoidal): low + high of the band */
                double g = tan(M_PI * fc * dt), k = 1 / q;
                double a1 = 1 / (1 + g * (g + k)), a2 = g * a1, a3 = g * a2;
                double v3 = x - *z[st][1];
                double v1 = a1 * *z[st][0] + a2 * v3, v2 = *z[st][1] + a2 * *z[st][0] + a3 * v3;
                *z[st][0] = 2 * v1 - *z[st][0], *z[st][1] = 2 * v2 - *z[st][1];
                x = x - k * v1; /* the notch: the input less the band */
            }
            out[j] = (float)x;
        }
        break;
    }
    case UGEN_DYNCOMP: { /* a peak detector, the curve's reduction smoothed by attack and
                            release, and the spec's makeup gain (1 / full-range gain)^0.6 */
        double thr = IN(1, 0), ratio = fmax(1, IN(2, 0)), knee = fmax(0, IN(3, 0));
        double att = fmax(IN(4, 0), 1e-4), rel = fmax(IN(5, 0), 1e-4);
        double ca = exp(-dt / att), cr = exp(-dt / rel);
        double makeup = -0.6 * comp_curve(0, thr, ratio, knee); /* dB */
        for (int j = 0; j < n; j++) {
            double x = in[0][j], lvl = 20 * log10(fabs(x) + 1e-12);
            double want = comp_curve(lvl, thr, ratio, knee) - lvl; /* <= 0 dB */
            s->a = want < s->a ? want + (s->a - want) * ca : want + (s->a - want) * cr;
            out[j] = (float)(x * pow(10, (s->a + makeup) / 20));
        }
        break;
    }
    default:
        for (int j = 0; j < n; j++) out[j] = in[0][j];
        break;
    }
}
