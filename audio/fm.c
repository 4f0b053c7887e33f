/*
 * fm.c - Strudel's FM operators for one note (see fm.h).
 */
#include "fm.h"

#include "modulate.h"

#include <math.h>
#include <string.h>

enum { W_SINE, W_SAW, W_SQUARE, W_TRI, W_WHITE, W_PINK, W_BROWN, W_CRACKLE };

int fm_wave_index(const char *name) {
    static const struct {
        const char *name;
        int wave;
    } NAMES[] = {{"sine", W_SINE},    {"sin", W_SINE},      {"sawtooth", W_SAW},
                 {"saw", W_SAW},      {"square", W_SQUARE}, {"sqr", W_SQUARE},
                 {"triangle", W_TRI}, {"tri", W_TRI},       {"white", W_WHITE},
                 {"pink", W_PINK},    {"brown", W_BROWN},   {"crackle", W_CRACKLE}};
    for (size_t i = 0; i < sizeof NAMES / sizeof NAMES[0]; i++)
        if (!strcmp(NAMES[i].name, name)) return NAMES[i].wave;
    return -1;
}

/* a uniform number in -1..1 from the voice's generator (xorshift) */
static float fm_white(Voice *v) {
    uint32_t x = v->rng;
    x ^= x << 13, x ^= x >> 17, x ^= x << 5;
    v->rng = x;
    return (float)(int32_t)x * (1.0f / 2147483648.0f);
}

/* one sample of operator k's waveform at its phase (noises ignore it) */
static float fm_wave(Voice *v, int k, int wave, float freq, double ph) {
    float *m = v->more->fm_noise[k], w;
    switch (wave) {
    case W_SAW: return synth_wave(0, freq, ph);
    case W_SQUARE: return synth_wave(1, freq, ph);
    case W_TRI: return synth_wave(2, freq, ph);
    case W_WHITE: return fm_white(v);
    case W_PINK: /* three one-pole bands, as tala's pink */
        w = fm_white(v);
        m[0] = 0.99765f * m[0] + w * 0.0990460f;
        m[1] = 0.96300f * m[1] + w * 0.2965164f;
        m[2] = 0.57000f * m[2] + w * 1.0526913f;
        return (m[0] + m[1] + m[2] + w * 0.1848f) * 0.25f;
    case W_BROWN: /* white noise summed, leaking (superdough's brown) */
        m[0] = (m[0] + 0.02f * fm_white(v)) / 1.02f;
        return m[0] * 3.5f;
    case W_CRACKLE: /* a random click on 0.03 % of the samples (superdough's density .03) */
        w = fm_white(v);
        return fabsf(w) < 0.0003f ? fm_white(v) : 0;
    default: return (float)sin(2 * M_PI * ph);
    }
}

typedef struct {
    bool on, env, exp;
    int wave;
    double freq; /* fmh times the note's frequency */
    FenvShape shape;
} Op;

void fm_operators_block(Voice *v, const float *f, int mf, float *out, int n, uint64_t pos,
                        double rate) {
    const SynFm *fm = &v->def->fm;
    const float *p = v->params;
    const double dt = 1.0 / rate;
    Op op[SYN_FM_OPS + 1];
    memset(op, 0, sizeof op);
    double base = f[0]; /* superdough's: the note's frequency when the operators start */
    double amount[SYN_FM_ROUTES];
    for (int r = 0; r < fm->nroutes; r++) {
        const SynFmRoute *rt = &fm->route[r];
        amount[r] = p[rt->amount];
        op[rt->from].on = true;
        if (rt->to) op[rt->to].on = true;
    }
    for (int k = 1; k <= SYN_FM_OPS; k++) {
        if (!op[k].on) continue;
        const SynFmOp *o = &fm->op[k];
        op[k].freq = base * (o->h >= 0 ? p[o->h] : 1);
        int w = o->wave >= 0 ? (int)p[o->wave] : W_SINE;
        op[k].wave = w >= W_SINE && w <= W_CRACKLE ? w : W_SINE;
        double adsr[4];
        for (int e = 0; e < 4; e++) {
            adsr[e] = o->adsr[e] >= 0 ? p[o->adsr[e]] : NAN;
            op[k].env |= o->adsr[e] >= 0;
        }
        op[k].exp = !(o->env >= 0 && p[o->env] != 0); /* fmenv "exp" (the default) or not */
        if (op[k].env && op[k].exp)
            fenv_range_shape(&op[k].shape, 0.001, 1, adsr[0], adsr[1], adsr[2], adsr[3], v->gate);
        else if (op[k].env)
            senv_shape(&op[k].shape, adsr[0], adsr[1], adsr[2], adsr[3], v->gate, true);
    }
    for (int j = 0; j < n; j++) {
        double t = (double)(pos + (uint64_t)j) * dt;
        for (int k = SYN_FM_OPS; k >= 1; k--) {
            if (!op[k].on) continue;
            double df = 0;
            for (int r = 0; r < fm->nroutes; r++)
                if (fm->route[r].to == k) {
                    int from = fm->route[r].from;
                    df += v->more->fm_out[from] * amount[r] * op[from].freq;
                }
            float y = fm_wave(v, k, op[k].wave, (float)op[k].freq, v->more->fm_phase[k]);
            if (op[k].env)
                y *= (float)(op[k].exp ? fenv_at(&op[k].shape, t) : senv_at(&op[k].shape, t));
            v->more->fm_out[k] = y;
            double ph = v->more->fm_phase[k] + (op[k].freq + df) * dt;
            v->more->fm_phase[k] = ph - floor(ph);
        }
        double df = 0;
        for (int r = 0; r < fm->nroutes; r++)
            if (fm->route[r].to == 0) {
                int from = fm->route[r].from;
                df += v->more->fm_out[from] * amount[r] * op[from].freq;
            }
        out[j] = (float)(f[j & mf] + df);
    }
}
