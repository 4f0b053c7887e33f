/*
 * unison.c - superdough's stereo oscillators and its parameter modulators
 * (see unison.h), sample by sample as its worklets compute them.
 */
#include "unison.h"
#include "modulate.h"
#include "noteffects.h"

#include <ctype.h>
#include <math.h>
#include <string.h>

#define IN(q, j) (in[q][(j)&m[q]])

enum {
    W_NONE,
    W_ASYM,
    W_MIRROR,
    W_BENDP,
    W_BENDM,
    W_BENDMP,
    W_SYNC,
    W_QUANT,
    W_FOLD,
    W_PWM,
    W_ORBIT,
    W_SPIN,
    W_CHAOS,
    W_PRIMES,
    W_BINARY,
    W_BROWNIAN,
    W_RECIPROCAL,
    W_WORMHOLE,
    W_LOGISTIC,
    W_SIGMOID,
    W_FRACTAL,
    W_FLIP,
    W_COUNT
};
static const char *const WARPS[W_COUNT] = {
    "none",       "asym",     "mirror",   "bendp",   "bendm",   "bendmp", "sync",   "quant",
    "fold",       "pwm",      "orbit",    "spin",    "chaos",   "primes", "binary", "brownian",
    "reciprocal", "wormhole", "logistic", "sigmoid", "fractal", "flip"};

int unison_warp_mode(const char *name) {
    char low[16];
    size_t k = 0;
    for (; name[k] && k + 1 < sizeof low; k++) low[k] = (char)tolower((unsigned char)name[k]);
    low[k] = 0;
    if (name[k]) return -1;
    for (int i = 0; i < W_COUNT; i++)
        if (!strcmp(low, WARPS[i])) return i;
    return -1;
}

bool unison_ugen(int u) {
    return u == UGEN_UNISAW || u == UGEN_WAVETABLE || u == UGEN_TOMISAWA || u == UGEN_MODENV ||
           u == UGEN_MODLFO || u == UGEN_NOISEMIX || u == UGEN_BROWN || u == UGEN_CRACKLE;
}

/* ---- the helpers of superdough's worklets ---- */

static double clampd(double x, double lo, double hi) {
    return fmin(fmax(x, lo), hi);
}
static double frac(double x) {
    return x - floor(x);
}
static double js_round(double x) {
    return floor(x + 0.5);
}
/* a voice's detune in semitones: voices spread evenly over -detune/2 .. detune/2 */
static double unison_detune(double voices, double detune, int k) {
    return voices < 2 ? 0 : -detune * 0.5 + detune * (k / (voices - 1));
}
static double poly_blep(double ph, double dt) {
    dt = fmin(dt, 1 - dt);
    if (ph < dt) {
        ph /= dt;
        return ph + ph - ph * ph - 1;
    }
    if (ph > 1 - dt) {
        ph = (ph - 1) / dt;
        return ph * ph + ph + ph + 1;
    }
    return 0;
}
static double wrap1(double ph) {
    return ph >= 1 ? ph - 1 : ph < 0 ? ph + 1 : ph;
}
/* the starting phase of unison voice k, 0..1 (superdough draws Math.random();
 * here it comes from the event's seed, so renders repeat) */
static double start_phase(const Voice *v, int k) {
    uint32_t x = v->rng * 2246822519u + (uint32_t)(k + 1) * 3266489917u;
    x ^= x >> 15, x *= 0x85ebca6bu, x ^= x >> 13, x *= 0xc2b2ae35u, x ^= x >> 16;
    return (x >> 8) * (1.0 / 16777216.0);
}
/* what a voice k puts on the side this voice renders: both (channel 0) summed
 * at a centred pan's level, or one side's gain */
static double side_gain(const Voice *v, int k, double g1, double g2) {
    double l = k & 1 ? g2 : g1, r = k & 1 ? g1 : g2;
    return v->channel == 1 ? l : v->channel == 2 ? r : (l + r) * M_SQRT1_2;
}

/* ---- the warp modes: the phase of the frame read ---- */

static uint32_t hash32(uint32_t u) {
    u = u + 0x7ed55d16u + (u << 12);
    u = u ^ 0xc761c23cu ^ (u >> 19);
    u = u + 0x165667b1u + (u << 5);
    u = (u + 0xd3a2646cu) ^ (u << 9);
    u = u + 0xfd7046c5u + (u << 3);
    u = u ^ 0xb55a4f09u ^ (u >> 16);
    return u;
}
static double hash01(double i) {
    return (hash32((uint32_t)(int64_t)i) >> 8) / 16777216.0;
}
static double value_noise(double x) {
    double i = floor(x), f = x - i, a = hash01(i), b = hash01(i + 1);
    return a + (b - a) * f;
}
static double brownian(double x) {
    double amp = 0.5, sum = 0, norm = 0, fr = 1;
    for (int o = 0; o < 4; o++, amp *= 0.5, fr *= 2) sum += amp * value_noise(x * fr), norm += amp;
    return sum / norm * 2 - 1;
}
static bool is_prime(long n) {
    if (n < 2) return false;
    if (n % 2 == 0) return n == 2;
    for (long d = 3; d * d <= n; d += 2)
        if (n % d == 0) return false;
    return true;
}
/* superdough's _toBits: an exponent from hi (amount 0) to lo (amount 1) */
static double bits(double amt, double lo, double hi) {
    return hi + (lo - hi) * amt;
}

static double warp_phase(double p, double amt, int mode) {
    switch (mode) {
    case W_ASYM: {
        double a = 0.01 + 0.99 * amt;
        return p < a ? 0.5 * p / a : 0.5 + 0.5 * (p - a) / (1 - a);
    }
    case W_MIRROR: return 1 - fabs(2 * warp_phase(p, amt, W_ASYM) - 1);
    case W_BENDP: return pow(p, 1 + 3 * amt);
    case W_BENDM: return pow(p, 1 / (1 + 3 * amt));
    case W_BENDMP:
        return amt < 0.5 ? warp_phase(p, 1 - 2 * amt, W_BENDP)
                         : warp_phase(p, 2 * amt - 1, W_MIRROR);
    case W_SYNC: return fmod(p * pow(16, amt * amt), 1);
    case W_QUANT: {
        double n = js_round(pow(2, bits(amt, 2, 12)));
        return trunc(p * n) / n;
    }
    case W_FOLD: return fabs(frac((1 + fmax(1, js_round(7 * amt))) * p) - 0.5) * 2;
    case W_PWM: {
        double w = clampd(0.5 + 0.49 * (2 * amt - 1), 0, 1);
        return p < w ? p / w * 0.5 : 0.5 + (p - w) / (1 - w) * 0.5;
    }
    case W_ORBIT: return frac(p + 0.5 * amt * sin(2 * M_PI * 3 * p));
    case W_SPIN: return frac(p + 0.5 * amt * sin(2 * M_PI * js_round(pow(2, bits(amt, 1, 6))) * p));
    case W_CHAOS: {
        double r = 3.7 + 0.3 * amt;
        return clampd((1 - amt) * p + amt * r * p * (1 - p), 0, 1);
    }
    case W_PRIMES: {
        long n = (long)js_round(pow(2, bits(amt, 3, 12)));
        while (!is_prime(n)) n++;
        return trunc(p * (double)n) / (double)n;
    }
    case W_BINARY: {
        int b = (int)js_round(bits(amt, 3, 12));
        uint32_t idx = (uint32_t)trunc(p * (double)(1u << b)), r = 0;
        for (int k = 0; k < b; k++, idx >>= 1) r = r << 1 | (idx & 1);
        return (double)r / (double)(1u << b);
    }
    case W_BROWNIAN: return frac(p + 0.25 * amt * brownian(64 * p));
    case W_RECIPROCAL: {
        double g = 2 + 4 * amt, den = p + (1 - p) * g;
        return clampd(den > 1e-12 ? p * g / den : 0, 0, 1);
    }
    case W_WORMHOLE: {
        double gap = clampd(0.8 * amt, 0, 1), a = 0.5 * (1 - gap), b = 0.5 * (1 + gap);
        return p < a ? p / a * 0.5 : p > b ? 0.5 * (1 + (p - b) / (1 - b)) : 0.5;
    }
    case W_LOGISTIC: {
        double x = p, r = 3.6 + 0.4 * amt;
        for (int k = 0, it = 1 + (int)js_round(2 * amt); k < it; k++) x = r * x * (1 - x);
        return clampd(x, 0, 1);
    }
    case W_SIGMOID: {
        double k = 1 + 10 * amt, y = 1 / (1 + exp(-k * (p - 0.5)));
        double y0 = 1 / (1 + exp(0.5 * k)), y1 = 1 / (1 + exp(-0.5 * k));
        return (y - y0) / (y1 - y0);
    }
    case W_FRACTAL: return frac(p + 0.5 * sin(2 * M_PI * p) * amt);
    default: return p; /* none, flip (it flips the sign instead) */
    }
}

/* one frame of the table at phase p, linearly interpolated, wrapping */
static double frame_at(const float *f, uint32_t len, double p) {
    double x = p * len;
    uint32_t i = (uint32_t)x;
    if (i >= len) i = 0;
    double a = f[i], b = f[i + 1 < len ? i + 1 : 0];
    return a + (b - a) * (x - i);
}

static void wavetable_block(Voice *v, const float *const in[], const int m[], float *out, int n,
                            double inv_rate) {
    const Sample *t = v->sample;
    uint32_t len = t && t->frames < 2048 ? t->frames : 2048;
    uint32_t frames = t && t->frames >= 2048 ? t->frames / 2048 : 1;
    if (!t || !t->data || !len) {
        memset(out, 0, sizeof(float) * (size_t)n);
        return;
    }
    for (int j = 0; j < n; j++) {
        double voices = fmax(IN(4, j), 1), spread = voices > 1 ? clampd(IN(6, j), 0, 1) : 0;
        int count = (int)fmin(ceil(voices), UNI_MAX);
        double pr = IN(7, j), rnd = isnan(pr) ? voices > 1 : pr != 0;
        if (v->pos == 0 && j == 0)
            for (int k = 0; k < UNI_MAX; k++) v->more->uni[k] = start_phase(v, k) * rnd;
        double idx = clampd(IN(1, j), 0, 1) * (frames - 1), fr = idx - floor(idx);
        uint32_t f0 = (uint32_t)idx, f1 = f0 + 1 < frames ? f0 + 1 : frames - 1;
        double amt = clampd(IN(2, j), 0, 1), mode = IN(3, j);
        int md = mode == floor(mode) && mode >= 0 && mode < W_COUNT ? (int)mode : W_NONE;
        double g1 = sqrt(0.5 - 0.5 * spread), g2 = sqrt(0.5 + 0.5 * spread);
        double norm = 1 / sqrt(voices), y = 0;
        for (int k = 0; k < count; k++) {
            double f = IN(0, j) * exp2(unison_detune(voices, IN(5, j), k) / 12);
            double ph = warp_phase(v->more->uni[k], amt, md);
            double a = frame_at(t->data + (size_t)f0 * 2048, len, ph);
            double s = a + (frame_at(t->data + (size_t)f1 * 2048, len, ph) - a) * fr;
            if (md == W_FLIP && v->more->uni[k] < amt) s = -s;
            y += s * side_gain(v, k, g1, g2) * norm;
            v->more->uni[k] = wrap1(v->more->uni[k] + f * inv_rate);
        }
        out[j] = (float)y;
    }
}

static void unisaw_block(Voice *v, const float *const in[], const int m[], float *out, int n,
                         double inv_rate) {
    for (int j = 0; j < n; j++) {
        double voices = clampd(IN(2, j), 1, 100), spread = voices > 1 ? clampd(IN(3, j), 0, 1) : 0;
        int count = (int)fmin(ceil(voices), UNI_MAX);
        if (v->pos == 0 && j == 0)
            for (int k = 0; k < UNI_MAX; k++) v->more->uni[k] = start_phase(v, k);
        double ps = spread * 0.5 + 0.5, g1 = sqrt(1 - ps), g2 = sqrt(ps), y = 0;
        for (int k = 0; k < count; k++) {
            double f = IN(0, j) * exp2(unison_detune(voices, IN(1, j), k) / 12);
            double dt = frac(f * inv_rate);
            y += (2 * v->more->uni[k] - 1 - poly_blep(v->more->uni[k], dt)) *
                 side_gain(v, k, g1, g2);
            v->more->uni[k] = wrap1(v->more->uni[k] + dt);
        }
        out[j] = (float)(y / sqrt(voices)); /* superdough's 1 / sqrt(voices) on the level */
    }
}

/* superdough's pulse: two half-Tomisawa oscillators (a cosine modulating its own
 * phase through an averaging filter), the second offset by the width; their
 * difference is the pulse. Its level follows an envelope restarted every 128
 * samples (Web Audio's render quantum), as there. The width swings by
 * sweep around width on a triangle at rate hertz. */
static void tomisawa_block(Voice *v, NodeState *s, const float *const in[], const int m[],
                           float *out, int n, double rate) {
    double pwrate = IN(2, 0), sweep = IN(3, 0);
    if (isnan(sweep)) sweep = isnan(pwrate) ? 0 : 0.3;
    if (isnan(pwrate)) pwrate = 1;
    if (v->pos == 0) s->a = -M_PI, s->b = s->c = s->d = 0; /* phase, Y0, Y1, dphif */
    double envf = s->k[0];
    const double start = (double)v->start / rate;
    for (int j = 0; j < n; j++) {
        uint64_t at = v->start + v->pos + (uint64_t)j;
        double w = IN(1, j);
        if (sweep != 0) { /* superdough's LFO: a triangle, -sweep/2 .. sweep/2 */
            double p = start * pwrate + pwrate * (double)(v->pos + (uint64_t)j) / rate;
            w += clampd((note_fx_lfo(0, frac(p), 0.5) - 0.5) * sweep, -0.5 * sweep, 0.5 * sweep);
        }
        double pw = (1 - clampd(fmax(w, 0), -0.99, 0.99)) * M_PI, f = IN(0, j);
        double dphi = f * (M_PI / (rate * 0.5)), env = pow(0.9998, (double)(at % 128) + 1);
        s->d += 0.1 * (dphi - s->d);
        envf += 0.1 * (env - envf);
        double b = fmax(0, 2.3 * (1 - 0.0001 * f));
        s->a += s->d;
        if (s->a >= M_PI) s->a -= 2 * M_PI;
        double o0 = cos(s->a + b * s->b);
        s->b = 0.5 * (o0 + s->b);
        double o1 = cos(s->a + b * s->c + pw);
        s->c = 0.5 * (o1 + s->c);
        out[j] = (float)(0.15 * (o0 - o1) * envf);
    }
    s->k[0] = (float)envf;
}

/* superdough's applyParameterModulators: the envelope (from offset up by amount;
 * amount 0.5 when not given but a time is, else none) ... */
static void modenv_block(Voice *v, const float *const in[], const int m[], float *out, int n,
                         double inv_rate) {
    double off = isnan(IN(0, 0)) ? 0 : IN(0, 0), amount = IN(5, 0);
    double a = IN(1, 0), d = IN(2, 0), su = IN(3, 0), r = IN(4, 0);
    if (isnan(amount)) amount = !isnan(a) || !isnan(d) || !isnan(su) || !isnan(r) ? 0.5 : 0;
    if (fabs(amount) == 0 || isnan(amount)) {
        for (int j = 0; j < n; j++) out[j] = (float)off;
        return;
    }
    FenvShape f;
    lenv_shape(&f, off, off + amount, a, d, su, r, (const double[4]){0, 0.5, 0, 0.1}, v->gate);
    for (int j = 0; j < n; j++)
        out[j] = (float)lenv_at(&f, (double)(v->pos + (uint64_t)j) * inv_rate);
}

/* ... and the LFO added (depth 0.5 when not given but a rate, shape or skew is,
 * else none; rate 0.5 Hz, skew 0.5, a triangle and dc 0 when not given; its
 * phase counted from the timeline's start) */
static void modlfo_block(Voice *v, const float *const in[], const int m[], float *out, int n,
                         double rate) {
    double f = isnan(IN(6, 0)) ? IN(1, 0) : IN(6, 0), depth = IN(2, 0), sh = IN(3, 0);
    double skew = IN(4, 0), dc = isnan(IN(5, 0)) ? 0 : IN(5, 0);
    if (isnan(depth)) depth = !isnan(f) || !isnan(sh) || !isnan(skew) ? 0.5 : 0;
    if (depth == 0 || isnan(depth)) {
        for (int j = 0; j < n; j++) out[j] = in[0][j & m[0]];
        return;
    }
    if (isnan(f)) f = 0.5;
    if (isnan(skew)) skew = 0.5;
    int shape = isnan(sh) ? 0 : (int)fmod(fabs(sh), 5);
    double lo = dc * depth, hi = dc * depth + depth, start = (double)v->start / rate;
    for (int j = 0; j < n; j++) {
        double p = start * f + f * (double)(v->pos + (uint64_t)j) / rate;
        double x = (note_fx_lfo(shape, frac(p), skew) + dc) * depth;
        out[j] = (float)(in[0][j & m[0]] + fmin(fmax(x, lo), hi));
    }
}

/* ---- superdough's noises: uniform white from the voice's generator ---- */

static double white01(Voice *v) {
    uint32_t x = v->rng;
    x ^= x << 13, x ^= x >> 17, x ^= x << 5;
    v->rng = x;
    return x / 4294967296.0;
}

/* getNoiseBuffer's pink (Paul Kellet's refined filter, times 0.11) mixed into the
 * input as drywet does: the input at wetfade(amount), the noise at wetfade(1 - amount),
 * wetfade(d) 1 up to 0.5 then falling to 0 at 1 */
static void noisemix_block(Voice *v, NodeState *s, const float *const in[], const int m[],
                           float *out, int n) {
    double amt = IN(1, 0);
    if (!(amt != 0)) { /* none (superdough's drywet returns the input itself) */
        for (int j = 0; j < n; j++) out[j] = in[0][j & m[0]];
        return;
    }
    double dry = amt < 0.5 ? 1 : 1 - (amt - 0.5) / 0.5, d1 = 1 - amt;
    double wet = d1 < 0.5 ? 1 : 1 - (d1 - 0.5) / 0.5;
    double b[7] = {s->a, s->b, s->c, s->d, s->k[0], s->k[1], s->k[2]};
    for (int j = 0; j < n; j++) {
        double w = white01(v) * 2 - 1;
        b[0] = 0.99886 * b[0] + w * 0.0555179;
        b[1] = 0.99332 * b[1] + w * 0.0750759;
        b[2] = 0.969 * b[2] + w * 0.153852;
        b[3] = 0.8665 * b[3] + w * 0.3104856;
        b[4] = 0.55 * b[4] + w * 0.5329522;
        b[5] = -0.7616 * b[5] - w * 0.016898;
        double pink = (b[0] + b[1] + b[2] + b[3] + b[4] + b[5] + b[6] + w * 0.5362) * 0.11;
        b[6] = w * 0.115926;
        out[j] = (float)(in[0][j & m[0]] * dry + pink * wet);
    }
    s->a = b[0], s->b = b[1], s->c = b[2], s->d = b[3];
    s->k[0] = (float)b[4], s->k[1] = (float)b[5], s->k[2] = (float)b[6];
}

void unison_block(Voice *v, int i, const float *const in[], const int m[], float *out, int n,
                  double rate) {
    NodeState *s = &v->st[i];
    switch (v->def->nodes[i].ugen) {
    case UGEN_NOISEMIX: noisemix_block(v, s, in, m, out, n); return;
    case UGEN_BROWN: /* (last + 0.02 white) / 1.02 */
        for (int j = 0; j < n; j++)
            out[j] = (float)(s->a = (s->a + 0.02 * (white01(v) * 2 - 1)) / 1.02);
        return;
    case UGEN_CRACKLE: /* an impulse of a random level with chance density / 100 */
        for (int j = 0; j < n; j++) {
            double p = IN(0, j) * 0.01;
            out[j] = white01(v) < p ? (float)(white01(v) * 2 - 1) : 0;
        }
        return;
    default: break;
    }
    switch (v->def->nodes[i].ugen) {
    case UGEN_UNISAW: unisaw_block(v, in, m, out, n, 1 / rate); break;
    case UGEN_WAVETABLE: wavetable_block(v, in, m, out, n, 1 / rate); break;
    case UGEN_TOMISAWA: tomisawa_block(v, &v->st[i], in, m, out, n, rate); break;
    case UGEN_MODENV: modenv_block(v, in, m, out, n, 1 / rate); break;
    default: modlfo_block(v, in, m, out, n, rate); break;
    }
}
