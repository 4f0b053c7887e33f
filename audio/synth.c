/*
 * synth.c - voices: unit generators computed sample by sample.
 *
 * Every unit generator here is a short piece of arithmetic on its node's
 * state. Oscillators keep a phase in [0, 1) as a double, so long renders do
 * not drift; band-limited waveforms subtract a polynomial step (PolyBLEP) at
 * each discontinuity; filters are the trapezoidal state-variable filter and
 * RBJ biquads, their coefficients recomputed only when an input changes.
 * Audio thread: no allocation, no locks, no I/O.
 */
#include "synth.h"

#include <math.h>
#include <string.h>

#define TWO_PI 6.283185307179586

int synth_param(const SynthDef *def, const char *name) {
    for (int i = 0; i < def->nparams; i++)
        if (strcmp(def->params[i], name) == 0) return i;
    return -1;
}

static inline float input(const Voice *v, const SynIn *x) {
    switch (x->kind) {
    case IN_PARAM: return v->params[x->index];
    case IN_NODE: return v->out[x->index];
    default: return x->value;
    }
}

/* The value an input has at the start (constants and parameters only);
 * NAN when it is computed by a node. */
static double static_input(const float *params, const SynIn *x) {
    if (x->kind == IN_CONST) return x->value;
    if (x->kind == IN_PARAM) return params[x->index];
    return NAN;
}

void voice_start(Voice *v, const SynthDef *def, const float *params, double rate, uint64_t start,
                 uint32_t seed, const Sample *sample) {
    v->def = def;
    v->sample = sample;
    v->active = true;
    v->start = start;
    v->pos = 0;
    v->fade = 0;
    v->rng = seed * 2654435761u + 0x9e3779b9u;
    if (!v->rng) v->rng = 1;
    memcpy(v->params, params, sizeof v->params);
    memset(v->st, 0, sizeof(NodeState) * (size_t)def->nnodes);
    memset(v->out, 0, sizeof(float) * (size_t)def->nnodes);
    for (int i = 0; i < def->nnodes; i++)
        for (int k = 0; k < 3; k++) v->st[i].cache[k] = NAN;

    /* Life: the longest envelope; without one, the gate and a short fade. */
    int gi = synth_param(def, "gate");
    double gate = gi >= 0 ? params[gi] : 0.25;
    double life = -1;
    for (int i = 0; i < def->nnodes; i++) {
        const SynNode *nd = &def->nodes[i];
        if (nd->ugen == UGEN_ENV) {
            double a = static_input(params, &nd->in[0]), r = static_input(params, &nd->in[1]);
            if (isfinite(a) && isfinite(r) && a + r > life) life = a + r;
        } else if (nd->ugen == UGEN_ADSR) {
            double r = static_input(params, &nd->in[3]);
            if (isfinite(r) && gate + r > life) life = gate + r;
        }
    }
    for (int i = 0; i < def->nnodes && sample; i++) {
        const SynNode *nd = &def->nodes[i];
        if (nd->ugen != UGEN_SAMPLER) continue;
        double speed = fabs(static_input(params, &nd->in[0]));
        double b = static_input(params, &nd->in[1]), e = static_input(params, &nd->in[2]);
        if (!isfinite(speed) || speed < 1e-3) speed = 1;
        if (!isfinite(b)) b = 0;
        if (!isfinite(e)) e = 1;
        double secs = fabs(e - b) * sample->frames / sample->rate / speed;
        if (secs > life) life = secs;
    }
    if (life < 0) life = gate + 0.01;
    if (life > 600) life = 600;
    v->end = start + (uint64_t)ceil(life * rate);
}

static inline float polyblep(double t, double dt) {
    if (dt <= 0) return 0;
    if (t < dt) {
        t /= dt;
        return (float)(t + t - t * t - 1);
    }
    if (t > 1 - dt) {
        t = (t - 1) / dt;
        return (float)(t * t + t + t + 1);
    }
    return 0;
}

/* ---- band-limited wavetables ----
 * Saw, square and triangle are read from tables built by adding sines up to
 * the Nyquist frequency: one table per octave of fundamental, so every
 * harmonic of a note lies below Nyquist (no aliasing, unlike a plain
 * PolyBLEP, whose worst alias is only ~22 dB down at 5 kHz). Tables are built
 * once, before any audio runs (wavetables_init), and only read afterwards. */
#define WT_SIZE   2048
#define WT_BANDS  11 /* fundamentals up to 40, 80, ..., 40960 Hz */
#define WT_SHAPES 3  /* saw, square, triangle */

static float wavetable[WT_SHAPES][WT_BANDS][WT_SIZE + 1];
static double wavetable_rate;

void wavetables_init(double rate) {
    if (wavetable_rate == rate) return;
    for (int band = 0; band < WT_BANDS; band++) {
        double top = 40.0 * pow(2, band); /* highest fundamental this table serves */
        int harmonics = (int)floor(rate / 2 / top);
        if (harmonics < 1) harmonics = 1;
        for (int i = 0; i <= WT_SIZE; i++) {
            double ph = TWO_PI * i / WT_SIZE, saw = 0, sq = 0, tri = 0;
            for (int k = 1; k <= harmonics; k++) {
                double sk = sin(k * ph);
                saw -= sk / k; /* rising ramp: -2/pi * sum sin(k x)/k, shifted */
                if (k % 2) {
                    sq += sk / k;
                    tri += ((k / 2) % 2 ? -1.0 : 1.0) * sk / ((double)k * k);
                }
            }
            wavetable[0][band][i] = (float)(saw * 2 / M_PI);
            wavetable[1][band][i] = (float)(sq * 4 / M_PI);
            wavetable[2][band][i] = (float)(tri * 8 / (M_PI * M_PI));
        }
    }
    wavetable_rate = rate;
}

static inline float wavetable_read(int shape, double ph, double freq) {
    double f = fabs(freq);
    int band = 0;
    while (band < WT_BANDS - 1 && 40.0 * pow(2, band) < f) band++;
    double x = ph * WT_SIZE;
    int i = (int)x;
    float frac = (float)(x - i);
    const float *t = wavetable[shape][band];
    return t[i] + (t[i + 1] - t[i]) * frac;
}

static inline double advance(double ph, double inc) {
    ph += inc;
    return ph - floor(ph);
}

static inline float white(Voice *v) {
    uint32_t x = v->rng;
    x ^= x << 13;
    x ^= x >> 17;
    x ^= x << 5;
    v->rng = x;
    return (float)((double)x / 2147483648.0 - 1.0);
}

/* Trapezoidal (zero-delay feedback) state-variable filter. */
static float svf(NodeState *s, float x, float fc, float q, double rate, int mode) {
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
static float eq(NodeState *s, float x, float f0, float gain, float q, double rate, int kind) {
    if (f0 != s->cache[0] || gain != s->cache[1] || q != s->cache[2]) {
        double f = f0 < 1 ? 1 : f0 > 0.49 * rate ? 0.49 * rate : f0;
        double A = sqrt(gain > 1e-6 ? gain : 1e-6), w = TWO_PI * f / rate;
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

/* One sample of node i at time t (seconds since the voice started). */
static float node(Voice *v, int i, double t, double rate, double gate) {
    const SynNode *nd = &v->def->nodes[i];
    NodeState *s = &v->st[i];
    float x0 = nd->n > 0 ? input(v, &nd->in[0]) : 0;
    float x1 = nd->n > 1 ? input(v, &nd->in[1]) : 0;
    float x2 = nd->n > 2 ? input(v, &nd->in[2]) : 0;
    switch ((UgenId)nd->ugen) {
    case UGEN_SINE: {
        float y = (float)sin(TWO_PI * s->a);
        s->a = advance(s->a, x0 / rate);
        return y;
    }
    case UGEN_SAW: {
        float y = wavetable_read(0, s->a, x0);
        s->a = advance(s->a, fabs(x0) / rate);
        return y;
    }
    case UGEN_SQUARE: {
        float y = wavetable_read(1, s->a, x0);
        s->a = advance(s->a, fabs(x0) / rate);
        return y;
    }
    case UGEN_PULSE: {
        double dt = fabs(x0) / rate, w = x1;
        if (w < 0.01) w = 0.01;
        if (w > 0.99) w = 0.99;
        float y = s->a < w ? 1.0f : -1.0f;
        y += polyblep(s->a, dt);
        y -= polyblep(fmod(s->a + 1 - w, 1.0), dt);
        s->a = advance(s->a, dt);
        return y;
    }
    case UGEN_TRI: {
        float y = wavetable_read(2, s->a, x0);
        s->a = advance(s->a, fabs(x0) / rate);
        return y;
    }
    case UGEN_FM: { /* phase modulation by a sine at freq * ratio */
        float y = (float)sin(TWO_PI * s->a + x2 * sin(TWO_PI * s->b));
        s->a = advance(s->a, x0 / rate);
        s->b = advance(s->b, x0 * x1 / rate);
        return y;
    }
    case UGEN_SUPERSAW: { /* three band-limited saws, detuned around freq */
        double d = 0.01 * x1, f[3] = {x0 * (1 - d), x0, x0 * (1 + d)},
               *ph[3] = {&s->a, &s->b, &s->c};
        float y = 0;
        for (int k = 0; k < 3; k++) {
            y += wavetable_read(0, *ph[k], f[k]);
            *ph[k] = advance(*ph[k], fabs(f[k]) / rate);
        }
        return y / 3;
    }
    case UGEN_NOISE: return white(v);
    case UGEN_PINK: { /* three one-pole bands summed: about -3 dB per octave */
        float w = white(v);
        s->a = 0.99765 * s->a + w * 0.0990460;
        s->b = 0.96300 * s->b + w * 0.2965164;
        s->c = 0.57000 * s->c + w * 1.0526913;
        return (float)((s->a + s->b + s->c + w * 0.1848) * 0.25);
    }
    case UGEN_ENV: {
        double a = x0 > 0 ? x0 : 0, r = x1 > 0 ? x1 : 0;
        if (t < a) return (float)(t / a);
        if (t < a + r) return (float)(1 - (t - a) / r);
        return 0;
    }
    case UGEN_ADSR: {
        double a = x0 > 0 ? x0 : 0, d = x1 > 0 ? x1 : 0, sus = x2;
        double r = nd->n > 3 ? input(v, &nd->in[3]) : 0.3;
        double lvl;
        double tt = t < gate ? t : gate;
        if (tt < a)
            lvl = tt / a;
        else if (tt < a + d)
            lvl = 1 - (1 - sus) * (tt - a) / d;
        else
            lvl = sus;
        if (t >= gate) lvl = r > 0 && t < gate + r ? lvl * (1 - (t - gate) / r) : 0;
        return (float)lvl;
    }
    case UGEN_LINE: {
        double k = x2 > 0 ? t / x2 : 1;
        return (float)(x0 + (x1 - x0) * (k < 1 ? k : 1));
    }
    case UGEN_LPF: return svf(s, x0, x1, x2, rate, 0);
    case UGEN_HPF: return svf(s, x0, x1, x2, rate, 1);
    case UGEN_BPF: return svf(s, x0, x1, x2, rate, 2);
    case UGEN_NOTCH: return svf(s, x0, x1, x2, rate, 3);
    case UGEN_PEAK: return eq(s, x0, x1, x2, nd->n > 3 ? input(v, &nd->in[3]) : 1, rate, 0);
    case UGEN_LOWSHELF: return eq(s, x0, x1, x2, 0.707f, rate, 1);
    case UGEN_HIGHSHELF: return eq(s, x0, x1, x2, 0.707f, rate, 2);
    case UGEN_DIST: {
        double drive = 1 + 20 * (x1 > 0 ? x1 : 0);
        return (float)(tanh(drive * x0) / tanh(drive));
    }
    case UGEN_CRUSH: {
        double levels = pow(2, (x1 > 1 ? x1 : 1) - 1);
        return (float)(round(x0 * levels) / levels);
    }
    case UGEN_SAMPLER: { /* position in frames of the sample, linear interpolation */
        const Sample *smp = v->sample;
        if (!smp || smp->frames < 2) return 0;
        double b = x1 < 0 ? 0 : x1 > 1 ? 1 : x1, e = x2 < 0 ? 0 : x2 > 1 ? 1 : x2;
        double first = b * (smp->frames - 1), last = e * (smp->frames - 1);
        if (v->pos == 0) s->a = x0 < 0 ? last : first;
        double p = s->a;
        if (p < (first < last ? first : last) || p > (first > last ? first : last)) return 0;
        uint32_t j = (uint32_t)p;
        double f = p - j;
        float y =
            smp->data[j] + (float)f * (smp->data[j + 1 < smp->frames ? j + 1 : j] - smp->data[j]);
        s->a = p + x0 * smp->rate / rate;
        return y;
    }
    case UGEN_GAIN: return x0 * x1;
    case UGEN_ADD: return x0 + x1;
    case UGEN_SUB: return x0 - x1;
    case UGEN_MUL: return x0 * x1;
    case UGEN_DIV: return x1 != 0 ? x0 / x1 : 0;
    default: return x0; /* bus-only units never reach a voice (engine/ rejects them) */
    }
}

bool voice_render(Voice *v, float *left, float *right, int n, double rate, bool *bad) {
    const SynthDef *def = v->def;
    int gi = synth_param(def, "gate");
    double gate = gi >= 0 ? v->params[gi] : 0.25;
    /* equal-power pan: 0 left, 0.5 centre, 1 right */
    double p = v->pan < 0 ? 0 : v->pan > 1 ? 1 : v->pan;
    float gl = (float)(v->amp * cos(p * M_PI / 2)), gr = (float)(v->amp * sin(p * M_PI / 2));
    int last = def->nnodes - 1;
    uint64_t life = v->end - v->start;
    for (int i = 0; i < n; i++) {
        if (v->pos >= life) {
            v->active = false;
            return false;
        }
        double t = (double)v->pos / rate;
        for (int k = 0; k <= last; k++) v->out[k] = node(v, k, t, rate, gate);
        float y = v->out[last];
        if (!isfinite(y)) {
            if (bad) *bad = true;
            v->active = false;
            return false;
        }
        if (fabsf(y) < 1e-30f) y = 0; /* flush denormals */
        if (v->fade > 0) {            /* being stolen: a short fade to silence */
            v->fade -= 1.0f / (float)(0.005 * rate);
            if (v->fade <= 0) {
                v->active = false;
                return false;
            }
            y *= v->fade;
        }
        left[i] += y * gl;
        right[i] += y * gr;
        v->pos++;
    }
    return true;
}
