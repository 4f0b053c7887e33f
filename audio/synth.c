/*
 * synth.c - voices: unit generators, a block of samples at a time, each a short piece
 * of arithmetic on its node's state. Oscillators keep a phase in [0, 1) as a double (the
 * sine and steady saws a 32-bit fixed-point one), so long renders do not drift; saw,
 * square and triangle read band-limited wavetables, the pulse subtracts a polynomial step
 * (PolyBLEP) at each edge; the filters (audio/filters.h) recompute their coefficients only
 * when a setting changes; envelopes and modulations are in audio/modulate.c.
 * Audio thread: no allocation, no locks, no I/O.
 */
#include "synth.h"
#include "voiceplan.h"
#include "fm.h"
#include "modulate.h"
#include "noteffects.h"
#include "sampler.h"
#include "unison.h"
#include "vowels.h"

#include "../include/tala_ext.h"

#include "kernels.h"
#include "sine.h"
#include "svflanes.h"
#include "svfblock.h"
#include "voicemix.h"

#include <math.h>
#include <string.h>

#define TWO_PI 6.283185307179586

int synth_param(const SynthDef *def, const char *name) {
    for (int i = 0; i < def->nparams; i++)
        if (strcmp(def->params[i], name) == 0) return i;
    return -1;
}

/* The value an input has at the start (constants and parameters only);
 * NAN when it is computed by a node. */
static double static_input(const float *params, const SynIn *x) {
    if (x->kind == IN_CONST) return x->value;
    if (x->kind == IN_PARAM) return params[x->index];
    return NAN;
}

/* The note's length is gate seconds: the voice lives for its longest
 * envelope (a looping sample for the gate, then a short fade); without
 * one, the gate and a short fade. */
static void voice_life(Voice *v, double gate, double rate) {
    const SynthDef *def = v->def;
    const float *params = v->params;
    const Sample *sample = v->sample;
    const uint64_t start = v->start;
    v->release_at = 0;
    v->gate = gate;
    double life = -1;
    for (int i = 0; i < def->nnodes; i++) {
        const SynNode *nd = &def->nodes[i];
        if (nd->ugen == UGEN_ENV) {
            double a = static_input(params, &nd->in[0]), r = static_input(params, &nd->in[1]);
            if (isfinite(a) && isfinite(r) && a + r > life) life = a + r;
        } else if (nd->ugen == UGEN_ADSR) {
            double r = static_input(params, &nd->in[3]);
            if (isfinite(r) && gate + r > life) life = gate + r;
        } else if (nd->ugen == UGEN_SENV) { /* as superdough's synths: release + 10 ms */
            double r =
                senv_release(static_input(params, &nd->in[0]), static_input(params, &nd->in[1]),
                             static_input(params, &nd->in[2]), static_input(params, &nd->in[3]));
            if (gate + r + 0.01 > life) life = gate + r + 0.01;
        }
    }
    for (int i = 0; i < def->nnodes && sample; i++) {
        const SynNode *nd = &def->nodes[i];
        if (nd->ugen != UGEN_SAMPLER) continue;
        const SynIn *sp = &nd->in[0]; /* through a vibrato, the speed it swings around */
        if (sp->kind == IN_NODE && def->nodes[sp->index].ugen == UGEN_VIB)
            sp = &def->nodes[sp->index].in[0];
        double speed = fabs(static_input(params, sp));
        double b = static_input(params, &nd->in[1]), e = static_input(params, &nd->in[2]);
        if (!isfinite(speed) || speed < 1e-3) speed = 1;
        if (!isfinite(b)) b = 0;
        if (!isfinite(e)) e = 1;
        double secs = fabs(e - b) * sample->frames / sample->rate / speed;
        if (static_input(params, &nd->in[3]) > 0) { /* a loop lasts the note, then fades */
            secs = gate + 0.005;
            v->release_at = start + (uint64_t)llround(gate * rate);
        }
        if (secs > life) life = secs;
    }
    if (life < 0) life = gate + 0.01;
    if (life > 1200) life = 1200; /* (a key held ten minutes still has its release) */
    v->end = start + (uint64_t)ceil(life * rate);
}

void voice_start(Voice *v, const SynthDef *def, const float *params, double gate, double rate,
                 uint64_t start, uint32_t seed, const Sample *sample) {
    v->def = def;
    v->sample = sample;
    v->active = true;
    v->start = start;
    v->pos = 0;
    v->ncarry = 0;
    v->fade = 0;
    v->fade_from = 0;
    v->release_at = 0;
    v->rng = seed * 2654435761u + 0x9e3779b9u;
    if (!v->rng) v->rng = 1;
    memcpy(v->params, params, sizeof v->params);
    /* A synth that ends in "* constant" (most do: the level) needs no node
     * for it: the constant joins the pan gains (voice_place). */
    const SynNode *tail = &def->nodes[def->nnodes - 1];
    v->eval = v->outnode = def->nnodes - 1;
    v->level = 1;
    if ((tail->ugen == UGEN_MUL || tail->ugen == UGEN_GAIN) && tail->n == 2 &&
        tail->in[0].kind == IN_NODE && tail->in[1].kind == IN_CONST) {
        v->outnode = tail->in[0].index;
        v->eval = def->nnodes - 2;
        v->level = tail->in[1].value;
    }
    v->pre = NULL;
    voice_filter_lanes(v, false);
    v->lone_sine = v->eval == 0 && def->nodes[0].ugen == UGEN_SINE && def->nodes[0].n == 1 &&
                   def->nodes[0].in[0].kind != IN_NODE;
    v->finite = voice_bound(v, v->outnode) < 1e30;
    voice_consts(v);
    if (v->nkv) v->more->wired_for = NULL;
    v->st = def->nnodes <= SYN_VOICE_NODES ? v->st_own : v->st_more;
    memset(v->st, 0, sizeof(NodeState) * (size_t)def->nnodes);
    if (def->fm.nroutes) {
        memset(v->more->fm_phase, 0, sizeof v->more->fm_phase);
        memset(v->more->fm_out, 0, sizeof v->more->fm_out);
        memset(v->more->fm_noise, 0, sizeof v->more->fm_noise);
    }
    for (int i = 0; i < def->nnodes; i++)
        for (int k = 0; k < 3 && def->nodes[i].ugen < UGEN_COUNT; k++) /* (an extension's:
                                                                         zeroed) */
            v->st[i].cache[k] = NAN;

    v->key = 0;
    if (!(gate >= 0)) gate = 0.25;
    voice_life(v, gate, rate);
    voice_fuse(v);
}

void voice_release(Voice *v, uint64_t at, double rate) {
    /* (a float, as an event carries its gate: a held key sounds as a note) */
    double gate = at > v->start ? (double)(float)((double)(at - v->start) / rate) : 0;
    if (gate >= v->gate) return;
    voice_life(v, gate, rate);
    int g = synth_param(v->def, "gate"); /* a synth that reads its gate as a parameter */
    if (g >= 0) v->params[g] = (float)gate, voice_consts(v);
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
 * PolyBLEP, whose worst alias is only ~22 dB down at 5 kHz). The tables are built
 * once, when the first def that reads them reaches the mixer (audio_add_synth:
 * a program of sines and samples never builds them), and only read afterwards. */
#define WT_BITS   11
#define WT_SIZE   (1 << WT_BITS)
#define WT_BANDS  11 /* fundamentals up to 40, 80, ..., 40960 Hz */
#define WT_SHAPES 3  /* saw, square, triangle */

/* A table point keeps its value and the step to the next one, so a read is
 * one 8-byte load: v + d * frac. */
typedef struct {
    float v, d;
} WtPoint;
static WtPoint wavetable[WT_SHAPES][WT_BANDS][WT_SIZE + 1];

static double band_top[WT_BANDS]; /* the highest fundamental each table serves */
static double wavetable_rate;

void wavetables_init(double rate) {
    if (wavetable_rate == rate) return;
    int harmonics[WT_BANDS], most = 1;
    for (int band = 0; band < WT_BANDS; band++) {
        band_top[band] = 40.0 * pow(2, band); /* highest fundamental this table serves */
        harmonics[band] = (int)floor(rate / 2 / band_top[band]);
        if (harmonics[band] < 1) harmonics[band] = 1;
        if (harmonics[band] > most) most = harmonics[band];
    }
    /* One pass over the harmonics per table point: sin(k x) by the recurrence
     * sin(kx) = 2 cos(x) sin((k-1)x) - sin((k-2)x), and each band's table
     * takes the partial sums when k reaches its last harmonic. */
    for (int i = 0; i <= WT_SIZE; i++) {
        double ph = TWO_PI * i / WT_SIZE, c2 = 2 * cos(ph), prev = 0, sk = sin(ph);
        double saw = 0, sq = 0, tri = 0;
        for (int k = 1; k <= most; k++) {
            saw -= sk / k; /* rising ramp: -2/pi * sum sin(k x)/k, shifted */
            if (k % 2) {
                sq += sk / k;
                tri += ((k / 2) % 2 ? -1.0 : 1.0) * sk / ((double)k * k);
            }
            for (int band = 0; band < WT_BANDS; band++)
                if (harmonics[band] == k) {
                    wavetable[0][band][i].v = (float)(saw * 2 / M_PI);
                    wavetable[1][band][i].v = (float)(sq * 4 / M_PI);
                    wavetable[2][band][i].v = (float)(tri * 8 / (M_PI * M_PI));
                }
            double next = c2 * sk - prev;
            prev = sk, sk = next;
        }
    }
    for (int shape = 0; shape < WT_SHAPES; shape++)
        for (int band = 0; band < WT_BANDS; band++) {
            WtPoint *t = wavetable[shape][band];
            for (int i = 0; i < WT_SIZE; i++) t[i].d = t[i + 1].v - t[i].v;
            t[WT_SIZE].d = 0;
        }
    wavetable_rate = rate;
}

/* The table for a fundamental: the first whose band covers it. */
static inline int wavetable_band(float freq) {
    float f = fabsf(freq);
    int band = 0;
    while (band < WT_BANDS - 1 && band_top[band] < f) band++;
    return band;
}

static inline float wavetable_read(const WtPoint *t, double ph) {
    double x = ph * WT_SIZE;
    int i = (int)x;
    float frac = (float)(x - i);
    return t[i].v + t[i].d * frac;
}

bool synth_reads_wavetables(const SynthDef *def) {
    if (def->fm.nroutes) return true;
    for (int i = 0; i < def->nnodes; i++) switch (def->nodes[i].ugen) {
        case UGEN_SAW:
        case UGEN_SQUARE:
        case UGEN_TRI:
        case UGEN_SUPERSAW:
        case UGEN_FMX: return true;
        default: break;
        }
    return false;
}

float synth_wave(int shape, float freq, double ph) {
    return wavetable_read(wavetable[shape][wavetable_band(freq)], ph);
}

/* A block of a steady wavetable oscillator from the 32-bit phase ph: the
 * indices one by one (eight 8-byte loads), the interpolation eight at a
 * time. Each sample is what wavetable_read gives at its phase. */
static ALWAYS_INLINE void wavetable_block(const WtPoint *t, uint32_t ph, uint32_t step, float *out,
                                          int n) {
    typedef double v4d __attribute__((vector_size(32)));
    typedef int32_t v8i __attribute__((vector_size(32)));
    typedef uint32_t v8u __attribute__((vector_size(32)));
    const int shift = 32 - WT_BITS;
    const float scale = 1.0f / (float)(1u << shift);
    /* the eight phases as a vector too, for the fractions (no lane inserts) */
    v8u pv = {0, 1, 2, 3, 4, 5, 6, 7};
    pv = ph + pv * step;
    const uint32_t step8 = 8 * step;
    int j = 0;
    for (; j + 8 <= n; j += 8, pv += step8) {
        double w[8];
        for (int q = 0; q < 8; q++) {
            uint32_t p = ph + (uint32_t)(j + q) * step;
            memcpy(&w[q], &t[p >> shift], sizeof w[q]);
        }
        v8i lo = (v8i)(pv & ((1u << shift) - 1));
        v4d w0 = {w[0], w[1], w[2], w[3]}, w1 = {w[4], w[5], w[6], w[7]};
        v8f a, b;
        memcpy(&a, &w0, sizeof a);
        memcpy(&b, &w1, sizeof b);
        v8f v = __builtin_shufflevector(a, b, 0, 2, 4, 6, 8, 10, 12, 14),
            d = __builtin_shufflevector(a, b, 1, 3, 5, 7, 9, 11, 13, 15);
        v8f frac = __builtin_convertvector(lo, v8f) * scale;
        v8f y = v + d * frac;
        memcpy(out + j, &y, sizeof y);
    }
    for (; j < n; j++) {
        uint32_t p = ph + (uint32_t)j * step;
        const WtPoint *e = &t[p >> shift];
        out[j] = e->v + e->d * ((float)(int32_t)(p & ((1u << shift) - 1)) * scale);
    }
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

/* An input over a block: in[k][i & m[k]]. A constant or a parameter has
 * m[k] == 0 (one value for the whole block), a node's output m[k] == ~0, so
 * each unit generator reads both kinds with the same expression and nothing
 * is copied into buffers. */
#define X(k, i) (in[k][(i)&m[k]])

/* Node i of v over n samples, from the voice's position v->pos. */
/* A shared unit generator over a block, sample by sample (kernels.h). Each
 * case is a loop of its own, so kernel_sample's switch folds away inside it. */
static ALWAYS_INLINE void shared_block(uint8_t ugen, NodeState *s, const float *const in[],
                                       const int m[], float *out, int n, double rate) {
#define SHARED_LOOP(u)                                                                             \
    case u:                                                                                        \
        for (int j = 0; j < n; j++)                                                                \
            out[j] = kernel_sample(u, s, X(0, j), X(1, j), X(2, j), X(3, j), rate);                \
        break;
    switch ((UgenId)ugen) {
        SHARED_LOOP(UGEN_LPF)
        SHARED_LOOP(UGEN_HPF)
        SHARED_LOOP(UGEN_BPF)
        SHARED_LOOP(UGEN_NOTCH)
        SHARED_LOOP(UGEN_PEAK)
        SHARED_LOOP(UGEN_LOWSHELF)
        SHARED_LOOP(UGEN_HIGHSHELF)
        SHARED_LOOP(UGEN_DIST)
        SHARED_LOOP(UGEN_CRUSH)
        SHARED_LOOP(UGEN_GAIN)
        SHARED_LOOP(UGEN_ADD)
        SHARED_LOOP(UGEN_SUB)
        SHARED_LOOP(UGEN_MUL)
        SHARED_LOOP(UGEN_DIV)
    default:
        for (int j = 0; j < n; j++) out[j] = X(0, j);
        break;
    }
#undef SHARED_LOOP
}

/* An extension's unit generator (include/tala_ext.h): its process function
 * over the block, every input as n samples, its state the node's. */
_Static_assert(sizeof(NodeState) >= TALA_EXT_STATE, "an extension's state fits a node's");
static void ext_block(int id, NodeState *s, const float *const in[], const int m[], float *out,
                      int n, double rate) {
    const UgenDef *u = ugen_by_id(id);
    const tala_ugen *e = u ? u->ext : NULL;
    if (!e) {
        for (int j = 0; j < n; j++) out[j] = X(0, j);
        return;
    }
    float steady[UGEN_MAX_INPUTS + 1][SYN_BLOCK];
    const float *ins[UGEN_MAX_INPUTS + 1];
    int nin = (e->effect ? 1 : 0) + e->ninputs;
    for (int q = 0; q < nin && q <= UGEN_MAX_INPUTS; q++) {
        if (m[q]) {
            ins[q] = in[q];
        } else {
            for (int j = 0; j < n; j++) steady[q][j] = in[q][0];
            ins[q] = steady[q];
        }
    }
    e->process(s, ins, out, n, rate);
}

/* env(a, r) with steady times over n samples from the voice's sample p0
 * (dt: the sample period), times x[j] where x is given (a product's other
 * factor: the same bits as the envelope's block times it). No division, no
 * branch, eight at a time; the time is the sample's own index times the
 * period, the same whatever block the sample falls in. */
static ALWAYS_INLINE void env_steady(float a0, float r0, int32_t p0, float dt, const float *x,
                                     float *out, int n) {
    float a = a0 > 0 ? a0 : 0, r = r0 > 0 ? r0 : 0;
    float ia = a > 0 ? 1 / a : 0, ir = r > 0 ? 1 / r : 0, ar = a + r;
    for (int j = 0; j < n; j++) {
        float t = (float)(p0 + j) * dt;
        float up = t * ia, down = 1 - (t - a) * ir;
        float y = t < a ? up : down, e = t < ar ? y : 0;
        out[j] = x ? x[j] * e : e;
    }
}

static ALWAYS_INLINE void node_block(Voice *v, int i, const float *const in[], const int m[],
                                     float *out, int n, double rate) {
    const SynNode *nd = &v->def->nodes[i];
    NodeState *s = &v->st[i];
    const double inv_rate = 1.0 / rate;
    const uint64_t pos = v->pos;
    const double t0 = (double)pos * inv_rate; /* seconds since the voice started */
    switch ((UgenId)nd->ugen) {
    case UGEN_SINE: /* 32-bit fixed-point phase: wraps by itself, exact over any length */
        /* a steady pitch: the common case; a pitch signal that holds still over
         * the block (a glide that has arrived) is one too */
        if (m[0] == 0 || (n == SYN_BLOCK && block_still(in[0]))) {
            if (X(0, 0) != s->cache[0]) sine_setup(s, X(0, 0), inv_rate);
            if (n == SYN_BLOCK)
                sine_block(s->ph, s->step, s->turn, out);
            else
                for (int j = 0; j < n; j++) out[j] = sine_turns(s->ph + (uint32_t)j * s->step);
            s->ph += (uint32_t)n * s->step;
        } else { /* the phases one after another, then the sines all together */
            const double k = 4294967296.0 * inv_rate;
            const float *f = in[0]; /* (a node's output: its mask is ~0) */
            uint32_t phs[SYN_BLOCK], steps[SYN_BLOCK], ph = s->ph;
            double incs[SYN_BLOCK];
            int wide = 0; /* an increment beyond int32 (or NaN): the general conversion */
            for (int j = 0; j < n; j++) {
                incs[j] = f[j] * k;
                wide |= !(fabs(incs[j]) < 2147483647.0);
            }
            if (!wide) /* (the same low 32 bits as through int64_t, a vector at a time) */
                for (int j = 0; j < n; j++) steps[j] = (uint32_t)(int32_t)incs[j];
            else
                for (int j = 0; j < n; j++)
                    steps[j] = (uint32_t)(int64_t)(fabs(incs[j]) < 9e18 ? incs[j] : 0);
            int j = 0; /* the phases: the steps before each, summed in eight lanes by
                          doubling (integer sums: the same in any order) */
            typedef uint32_t v8u __attribute__((vector_size(32)));
            const v8u zero = {0};
            for (; j + 8 <= n; j += 8) {
                v8u d, p;
                memcpy(&d, steps + j, sizeof d);
                p = __builtin_shufflevector(d, zero, 8, 0, 1, 2, 3, 4, 5, 6); /* the steps before */
                p += __builtin_shufflevector(p, zero, 8, 0, 1, 2, 3, 4, 5, 6);
                p += __builtin_shufflevector(p, zero, 8, 8, 0, 1, 2, 3, 4, 5);
                p += __builtin_shufflevector(p, zero, 8, 8, 8, 8, 0, 1, 2, 3);
                p += ph;
                memcpy(phs + j, &p, sizeof p);
                ph = p[7] + d[7];
            }
            for (; j < n; j++) phs[j] = ph, ph += steps[j];
            for (j = 0; j < n; j++) out[j] = sine_turns(phs[j]);
            s->ph = ph;
        }
        break;
    case UGEN_SAW:
    case UGEN_SQUARE:
    case UGEN_TRI: {
        const int shape = nd->ugen == UGEN_SAW ? 0 : nd->ugen == UGEN_SQUARE ? 1 : 2;
        if (m[0] == 0) { /* a steady pitch: one table, a 32-bit phase, a loop that vectorizes */
            const WtPoint *t = wavetable[shape][wavetable_band(X(0, 0))];
            double inc = fabs(X(0, 0)) * inv_rate * 4294967296.0;
            uint32_t ph = (uint32_t)(s->a * 4294967296.0);
            uint32_t step = (uint32_t)(int64_t)(inc < 9e18 ? inc : 0);
            wavetable_block(t, ph, step, out, n);
            ph += (uint32_t)n * step;
            s->a = ph * (1.0 / 4294967296.0);
        } else {
            for (int j = 0; j < n; j++) {
                out[j] = wavetable_read(wavetable[shape][wavetable_band(X(0, j))], s->a);
                s->a = advance(s->a, fabs(X(0, j)) * inv_rate);
            }
        }
        break;
    }
    case UGEN_PULSE:
        for (int j = 0; j < n; j++) {
            double dt = fabs(X(0, j)) * inv_rate, w = X(1, j);
            if (w < 0.01) w = 0.01;
            if (w > 0.99) w = 0.99;
            float y = s->a < w ? 1.0f : -1.0f;
            y += polyblep(s->a, dt);
            y -= polyblep(fmod(s->a + 1 - w, 1.0), dt);
            s->a = advance(s->a, dt);
            out[j] = y;
        }
        break;
    case UGEN_FM: /* phase modulation by a sine at freq * ratio */
        for (int j = 0; j < n; j++) {
            out[j] = (float)sin(TWO_PI * s->a + X(2, j) * sin(TWO_PI * s->b));
            s->a = advance(s->a, X(0, j) * inv_rate);
            s->b = advance(s->b, X(0, j) * X(1, j) * inv_rate);
        }
        break;
    case UGEN_SUPERSAW: /* three band-limited saws, detuned around freq */
        for (int j = 0; j < n; j++) {
            double f0 = X(0, j), d = 0.01 * X(1, j), f[3] = {f0 * (1 - d), f0, f0 * (1 + d)},
                   *ph[3] = {&s->a, &s->b, &s->c};
            float y = 0;
            for (int k = 0; k < 3; k++) {
                y += wavetable_read(wavetable[0][wavetable_band((float)f[k])], *ph[k]);
                *ph[k] = advance(*ph[k], fabs(f[k]) * inv_rate);
            }
            out[j] = y / 3;
        }
        break;
    case UGEN_NOISE: {
        /* eight xorshift generators side by side, kept in the node's state:
         * sample i of the voice comes from generator i % 8, so a voice's noise
         * does not depend on where its blocks fall, and whole groups of eight
         * are computed as vectors */
        uint32_t g[8];
        if (pos == 0) {
            for (int k = 0; k < 8; k++) {
                uint32_t x = v->rng * 2654435761u + (uint32_t)(i * 8 + k + 1) * 0x9e3779b9u;
                x ^= x >> 16, x *= 0x85ebca6bu, x ^= x >> 13, x *= 0xc2b2ae35u, x ^= x >> 16;
                g[k] = x ? x : 0x6d2b79f5u;
            }
        } else {
            memcpy(g, &s->a, sizeof g);
        }
        int j = 0;
#define NOISE_STEP(k, o)                                                                           \
    do {                                                                                           \
        uint32_t x_ = g[k];                                                                        \
        x_ ^= x_ << 13, x_ ^= x_ >> 17, x_ ^= x_ << 5;                                             \
        g[k] = x_;                                                                                 \
        out[o] = (float)(int32_t)x_ * (1.0f / 2147483648.0f);                                      \
    } while (0)
        for (; j < n && ((pos + (uint64_t)j) & 7); j++) NOISE_STEP((pos + (uint64_t)j) & 7, j);
        if (j + 8 <= n) { /* the eight generators side by side (the compiler left them apart) */
            typedef uint32_t v8u __attribute__((vector_size(32)));
            typedef int32_t v8s __attribute__((vector_size(32)));
            v8u gv;
            memcpy(&gv, g, sizeof gv);
            for (; j + 8 <= n; j += 8) {
                gv ^= gv << 13, gv ^= gv >> 17, gv ^= gv << 5;
                v8f f = __builtin_convertvector((v8s)gv, v8f) * (1.0f / 2147483648.0f);
                memcpy(out + j, &f, sizeof f);
            }
            memcpy(g, &gv, sizeof gv);
        }
        for (; j < n; j++) NOISE_STEP((pos + (uint64_t)j) & 7, j);
#undef NOISE_STEP
        memcpy(&s->a, g, sizeof g);
        break;
    }
    case UGEN_INPUT:
    case UGEN_ADC: { /* the input a block ago: the voice computes up to 63 frames ahead */
        const SynInput *ip = v->input;
        int ch = (int)X(0, 0);
        uint64_t f0 = v->start + pos;
        for (int j = 0; j < n; j++) {
            uint64_t f = f0 + (uint64_t)j;
            if (!ip || f < SYN_BLOCK) {
                out[j] = 0;
                continue;
            }
            uint32_t k = (uint32_t)(f - SYN_BLOCK) & ip->mask;
            out[j] = ch == 0   ? ip->side[0][k]
                     : ch == 1 ? ip->side[1][k]
                               : 0.5f * (ip->side[0][k] + ip->side[1][k]);
        }
        break;
    }
    case UGEN_PINK: /* three one-pole bands summed: about -3 dB per octave */
        for (int j = 0; j < n; j++) {
            float w = white(v);
            s->a = 0.99765 * s->a + w * 0.0990460;
            s->b = 0.96300 * s->b + w * 0.2965164;
            s->c = 0.57000 * s->c + w * 1.0526913;
            out[j] = (float)((s->a + s->b + s->c + w * 0.1848) * 0.25);
        }
        break;
    case UGEN_ENV:
        if (m[0] == 0 && m[1] == 0 && pos < (1u << 30)) {
            env_steady(X(0, 0), X(1, 0), (int32_t)pos, (float)inv_rate, NULL, out, n);
            break;
        }
        for (int j = 0; j < n; j++) {
            double t = (double)(pos + (uint64_t)j) * inv_rate;
            double a = X(0, j) > 0 ? X(0, j) : 0, r = X(1, j) > 0 ? X(1, j) : 0;
            out[j] = t < a ? (float)(t / a) : t < a + r ? (float)(1 - (t - a) / r) : 0;
        }
        break;
    case UGEN_ADSR: {
        const double gate = v->gate;
        if (!(m[0] | m[1] | m[2] | m[3]) && pos < (1u << 30)) {
            /* steady settings: as env above */
            float a = X(0, 0) > 0 ? X(0, 0) : 0, d = X(1, 0) > 0 ? X(1, 0) : 0, sus = X(2, 0);
            float r = X(3, 0), ia = a > 0 ? 1 / a : 0, id = d > 0 ? 1 / d : 0,
                  ir = r > 0 ? 1 / r : 0, g = (float)gate, ad = a + d, gr = g + r;
            float dt = (float)inv_rate;
            int32_t p0 = (int32_t)pos;
            /* a block wholly in the sustain (its times rise with j): every
             * sample is the level the lines below give there, sus */
            if (n > 0 && (float)p0 * dt >= ad && (float)(p0 + n - 1) * dt < g) {
                for (int j = 0; j < n; j++) out[j] = sus;
                break;
            }
            for (int j = 0; j < n; j++) {
                float t = (float)(p0 + j) * dt;
                float tt = t < g ? t : g;
                float up = tt * ia, down = 1 - (1 - sus) * (tt - a) * id;
                float lvl = tt < a ? up : down;
                lvl = tt < ad ? lvl : sus;
                float rel = lvl * (1 - (t - g) * ir);
                rel = t < gr ? rel : 0;
                out[j] = t >= g ? rel : lvl;
            }
            break;
        }
        for (int j = 0; j < n; j++) {
            double t = (double)(pos + (uint64_t)j) * inv_rate;
            double a = X(0, j) > 0 ? X(0, j) : 0, d = X(1, j) > 0 ? X(1, j) : 0, sus = X(2, j);
            double r = X(3, j);
            double tt = t < gate ? t : gate, lvl;
            if (tt < a)
                lvl = tt / a;
            else if (tt < a + d)
                lvl = 1 - (1 - sus) * (tt - a) / d;
            else
                lvl = sus;
            if (t >= gate) lvl = r > 0 && t < gate + r ? lvl * (1 - (t - gate) / r) : 0;
            out[j] = (float)lvl;
        }
        break;
    }
    case UGEN_SENV: /* the note's settings: read once a block */
        senv_block(X(0, 0), X(1, 0), X(2, 0), X(3, 0), v->gate, X(4, 0) > 0, out, n, pos, inv_rate);
        break;
    case UGEN_LINE:
        if (!(m[0] | m[1] | m[2])) { /* steady ends and time: no division, no branch */
            double from = X(0, 0), to = X(1, 0), it = X(2, 0) > 0 ? 1 / X(2, 0) : 0;
            if (!(it > 0) || t0 * it >= 1) { /* arrived (k rises with j): every sample is to */
                float end = (float)(from + (to - from) * 1.0);
                for (int j = 0; j < n; j++) out[j] = end;
                break;
            }
            for (int j = 0; j < n; j++) {
                double t = t0 + j * inv_rate, k = it > 0 ? t * it : 1;
                out[j] = (float)(from + (to - from) * (k < 1 ? k : 1));
            }
            break;
        }
        for (int j = 0; j < n; j++) {
            double t = (double)(pos + (uint64_t)j) * inv_rate;
            double k = X(2, j) > 0 ? t / X(2, j) : 1;
            out[j] = (float)(X(0, j) + (X(1, j) - X(0, j)) * (k < 1 ? k : 1));
        }
        break;
    case UGEN_LPF:
    case UGEN_HPF:
    case UGEN_BPF:
    case UGEN_NOTCH:
        if (m[1] == 0 && m[2] == 0) { /* a steady cutoff and q (voice_filter_lanes) */
            const int mode = nd->ugen - UGEN_LPF;
            svf_coefs(s, X(1, 0), X(2, 0), rate);
            if (v->svfb_node == i && n % 8 == 0) {
                if (!svfb_fits(&v->more->svfb, s, mode)) svfb_setup(&v->more->svfb, s, mode);
                svfb_run(&v->more->svfb, s, in[0], m[0], out, n);
            } else {
                svf_run(s, in[0], m[0], out, n, mode);
            }
        } else {
            shared_block(nd->ugen, s, in, m, out, n, rate);
        }
        break;
    case UGEN_FENV: /* settings are the note's (not per sample): read once a block */
        fenv_block(X(0, 0), X(1, 0), X(2, 0), X(3, 0), X(4, 0), X(5, 0), X(6, 0), v->gate, out, n,
                   pos, inv_rate);
        break;
    case UGEN_VIB: /* in * 2^(depth/12 * sin(2 pi rate t)), t from the note's start */
        vib_block(in[0], m[0], in[1], m[1], in[2], m[2], out, n, pos, inv_rate);
        break;
    case UGEN_FMMOD: fm_block(in[0], m[0], in[1], m[1], in[2], m[2], out, n, pos, inv_rate); break;
    case UGEN_FMX: fm_operators_block(v, in[0], m[0], out, n, pos, rate); break;
    case UGEN_SHAPER:
    case UGEN_DISTORT:
    case UGEN_TREMOLO:
    case UGEN_PHASER:
    case UGEN_DYNCOMP: note_fx_block(v, i, in, m, out, n, rate); break;
    case UGEN_UNISAW:
    case UGEN_WAVETABLE:
    case UGEN_TOMISAWA:
    case UGEN_MODENV:
    case UGEN_MODLFO:
    case UGEN_NOISEMIX:
    case UGEN_BROWN:
    case UGEN_CRACKLE: unison_block(v, i, in, m, out, n, rate); break;
    case UGEN_PENV: /* the note's settings: read once a block */
        penv_block(in[0], m[0], X(1, 0), X(2, 0), X(3, 0), X(4, 0), X(5, 0), X(6, 0), v->gate, out,
                   n, pos, inv_rate);
        break;
    case UGEN_COARSE: /* every c-th sample of the voice held for c samples */
        for (int j = 0; j < n; j++) {
            float f = X(1, j);
            uint64_t c = f >= 2 ? (f < 1e6f ? (uint64_t)f : 1000000) : 1;
            if ((pos + (uint64_t)j) % c == 0) s->a = X(0, j);
            out[j] = (float)s->a;
        }
        break;
    case UGEN_FORMANT: { /* a band-pass (RBJ, 0 dB at its peak) times the formant's level */
        float vf = X(1, 0), nf = X(2, 0);
        if (vf != s->cache[0] || nf != s->cache[1]) {
            const Formant *fm = synth_formant(vf, nf);
            double w = TWO_PI * fm->freq * inv_rate, alpha = sin(w) / (2 * fm->q);
            s->c = -2 * cos(w) / (1 + alpha); /* a1 */
            s->d = (1 - alpha) / (1 + alpha); /* a2 */
            s->k[0] = (float)(alpha / (1 + alpha) * fm->gain * VOWEL_MAKEUP);
            s->cache[0] = vf, s->cache[1] = nf;
        }
        const double a1 = s->c, a2 = s->d, b0 = s->k[0];
        double z1 = s->a, z2 = s->b; /* transposed direct form II */
        for (int j = 0; j < n; j++) {
            double x = X(0, j), y = b0 * x + z1;
            z1 = z2 - a1 * y;
            z2 = -b0 * x - a2 * y;
            out[j] = (float)(y + X(3, j));
        }
        s->a = z1, s->b = z2;
        break;
    }
    case UGEN_SAMPLER: /* position in frames of the sample, linear interpolation */
        sampler_block(v->sample, v->channel, &s->a, in, m, out, n, pos, inv_rate);
        break;
    case UGEN_GAIN:
    case UGEN_MUL:            /* the usual shapes get loops of their own, which vectorize */
        if (v->envmul == i) { /* a signal times an envelope only it reads: one pass */
            const float *e = v->more->kv[v->envnode];
            env_steady(e[0], e[1], (int32_t)pos, (float)inv_rate, in[v->envx], out, n);
        } else if (m[0] && !m[1]) {
            const float *a = in[0], b = X(1, 0);
            for (int j = 0; j < n; j++) out[j] = a[j] * b;
        } else if (m[0] && m[1]) {
            const float *a = in[0], *b = in[1];
            for (int j = 0; j < n; j++) out[j] = a[j] * b[j];
        } else {
            shared_block(nd->ugen, s, in, m, out, n, rate);
        }
        break;
    default: /* the shared ones (kernels.h); bus-only units never reach a voice */
        if (nd->ugen >= UGEN_COUNT)
            ext_block(nd->ugen, s, in, m, out, n, rate);
        else if (kernel_shared((UgenId)nd->ugen))
            shared_block(nd->ugen, s, in, m, out, n, rate);
        else
            for (int j = 0; j < n; j++) out[j] = X(0, j);
        break;
    }
}

void voice_place(Voice *v, float amp, float pan) {
    /* equal-power pan: 0 left, 0.5 centre, 1 right */
    double p = pan < 0 ? 0 : pan > 1 ? 1 : pan;
    v->amp = amp;
    v->pan = pan;
    v->gl = (float)(amp * cos(p * M_PI / 2)) * v->level;
    v->gr = (float)(amp * sin(p * M_PI / 2)) * v->level;
    if (v->route) { /* Strudel's channels: each side to the output it names, or none */
        float side[2] = {v->gl, v->gr}, to[3] = {0, 0, 0};
        to[v->route & 3] += side[0], to[v->route >> 2 & 3] += side[1];
        v->gl = to[1], v->gr = to[2];
    }
}

/* The inputs of node k for a block: where each is read from (a node's
 * output in node[], or one value: the voice's own (VoiceMore.kv) or, for a
 * voice without them, kv) and the index mask X() uses. */
static ALWAYS_INLINE void node_inputs(const Voice *v, float (*node)[SYN_BLOCK], float *kv, int k,
                                      const float *in[UGEN_MAX_INPUTS + 1],
                                      int m[UGEN_MAX_INPUTS + 1]) {
    const SynNode *nd = &v->def->nodes[k];
    const float *vals = kv;
    unsigned nodes;
    if (v->nkv > k)
        vals = v->more->kv[k], nodes = v->more->nodein[k];
    else
        nodes = voice_node_consts(v, k, kv);
    for (int q = 0; q <= UGEN_MAX_INPUTS; q++) /* (a loop of fixed length) */
        in[q] = &vals[q], m[q] = 0;
    for (; nodes; nodes &= nodes - 1) {
        int q = __builtin_ctz(nodes);
        in[q] = node[nd->in[q].index], m[q] = ~0;
    }
}

/* The filters waiting, sixteen at a time (eight or four for the last few);
 * the lanes left over take a job of no consequence (the same mode as the
 * first, so as not to mix modes). */
static ALWAYS_INLINE void svf_jobs(SvfJob *jobs, int nj) {
    for (int j0 = 0; j0 < nj;) {
        int left = nj - j0, groups = left > 8 ? 4 : left > 4 ? 2 : 1;
        SvfJob jb[16];
        static const float silence[SYN_BLOCK]; /* (the lanes only read it) */
        NodeState spare = {0};
        float sink[SYN_BLOCK];
        for (int l = 0; l < 4 * groups; l++)
            jb[l] = j0 + l < nj
                        ? jobs[j0 + l]
                        : (SvfJob){.s = &spare, .in = silence, .out = sink, .mode = jobs[j0].mode};
        svf_lanes(jb, groups);
        j0 += 4 * groups;
    }
}

/* Each voice's graph runs node by node up to a filter with steady settings,
 * which waits; the filters waiting then run in lanes, and each voice goes on
 * from there, until every graph is done. */
DSP_CLONES
void voice_prepare(Voice *const *vs, int nv, SynBatch *b, double rate) {
    int np = 0, used = 0;
    for (int i = 0; i < nv && np < SYN_BATCH_VOICES; i++) {
        int need = vs[i]->eval + 1;
        if (used + need > SYN_BATCH_BLOCKS) continue; /* (it computes alone) */
        b->voice[np] = vs[i], b->base[np] = &b->node[used], b->cursor[np] = 0;
        used += need, np++;
    }
    for (;;) {
        int nj = 0;
        for (int i = 0; i < np; i++) {
            Voice *v = b->voice[i];
            float(*node)[SYN_BLOCK] = b->base[i];
            int k = b->cursor[i];
            for (; k <= v->eval; k++) {
                if (k == v->envnode) continue; /* (computed with its product) */
                const SynNode *nd = &v->def->nodes[k];
                const float *in[UGEN_MAX_INPUTS + 1];
                int m[UGEN_MAX_INPUTS + 1];
                float kv[UGEN_MAX_INPUTS + 1];
                node_inputs(v, node, kv, k, in, m);
                if (svf_node(nd->ugen) && m[0] && !m[1] && !m[2]) {
                    svf_coefs(&v->st[k], X(1, 0), X(2, 0), rate);
                    b->jobs[nj++] = (SvfJob){&v->st[k], in[0], node[k], nd->ugen - UGEN_LPF};
                    k++;
                    break;
                }
                node_block(v, k, in, m, node[k], SYN_BLOCK, rate);
            }
            b->cursor[i] = k;
        }
        if (nj == 0) break;
        svf_jobs(b->jobs, nj);
    }
    for (int i = 0; i < np; i++) b->voice[i]->pre = b->base[i][b->voice[i]->outnode];
}

DSP_CLONES
bool voice_render(Voice *v, SynScratch *sc, float *left, float *right, int n, double rate,
                  bool *bad) {
    const uint64_t life = v->end - v->start;
    const int eval = v->eval;
    const float *pre = v->pre; /* its next block, if voice_prepare computed it */
    v->pre = NULL;
    while (n > 0) {
        uint64_t played = v->pos - (uint64_t)v->ncarry;
        if (played >= life) {
            v->active = false;
            return false;
        }
        const float *y;
        int len;
        if (v->ncarry > 0) { /* the rest of the block computed last time */
            y = v->carry + (SYN_BLOCK - v->ncarry);
            len = v->ncarry;
        } else { /* the next whole block of the graph */
            if (pre) {
                y = pre, pre = NULL;
            } else if (v->lone_sine) { /* a steady sine alone: as node_block's, at once */
                const SynIn *x = &v->def->nodes[0].in[0];
                float f = x->kind == IN_PARAM ? v->params[x->index] : x->value;
                NodeState *s = &v->st[0];
                if (isnan(f)) f = ugen_input_default(UGEN_SINE, 0);
                if (f != s->cache[0]) sine_setup(s, f, 1.0 / rate);
                v8f o[8];
                sine_eights(s->ph, s->step, s->turn, o);
                s->ph += (uint32_t)SYN_BLOCK * s->step;
                if (n >= SYN_BLOCK && life - played >= SYN_BLOCK && v->fade == 0 &&
                    !v->release_at) { /* all of it plays now: mixed from the registers */
                    for (int e = 0; e < 8; e++) {
                        v8f l, r;
                        memcpy(&l, left + 8 * e, sizeof l);
                        memcpy(&r, right + 8 * e, sizeof r);
                        l += o[e] * v->gl, r += o[e] * v->gr;
                        memcpy(left + 8 * e, &l, sizeof l);
                        memcpy(right + 8 * e, &r, sizeof r);
                    }
                    v->pos += SYN_BLOCK;
                    left += SYN_BLOCK, right += SYN_BLOCK, n -= SYN_BLOCK;
                    continue;
                }
                memcpy(sc->node[0], o, sizeof o);
                y = sc->node[0];
            } else {
                if (v->nkv && v->def->nnodes <= SYN_WIRED_NODES) {
                    VoiceMore *w = v->more;   /* (nkv: it has one) */
                    if (w->wired_for != sc) { /* its first block: the inputs, once */
                        for (int k = 0; k < v->def->nnodes; k++)
                            node_inputs(v, sc->node, sc->konst[k], k, w->wired[k], w->wired_m[k]);
                        w->wired_for = sc;
                    }
                    for (int k = 0; k <= eval; k++)
                        if (k != v->envnode)
                            node_block(v, k, w->wired[k], w->wired_m[k], sc->node[k], SYN_BLOCK,
                                       rate);
                } else {
                    for (int k = 0; k <= eval; k++) {
                        if (k == v->envnode) continue; /* (computed with its product) */
                        const float *in[UGEN_MAX_INPUTS + 1];
                        int m[UGEN_MAX_INPUTS + 1];
                        node_inputs(v, sc->node, sc->konst[k], k, in, m);
                        node_block(v, k, in, m, sc->node[k], SYN_BLOCK, rate);
                    }
                }
                y = sc->node[v->outnode];
            }
            v->pos += SYN_BLOCK;
            len = SYN_BLOCK;
        }
        int avail = len;
        if (len > n) len = n;
        if ((uint64_t)len > life - played) len = (int)(life - played);
        const uint64_t at = v->start + played; /* the frame of y[0] */
        if (v->release_at && v->fade == 0 && at + (uint64_t)len > v->release_at)
            v->fade = 1, v->fade_from = v->release_at; /* a looping sample's note ends */
        bool finite = true;
        if (v->fade > 0) { /* stolen or cut: a short fade to silence from fade_from on */
            for (int j = 0; j < len && finite; j++) {
                uint32_t bits;
                memcpy(&bits, &y[j], sizeof bits);
                if ((bits & 0x7f800000u) == 0x7f800000u) {
                    finite = false;
                    break;
                }
                if (at + (uint64_t)j >= v->fade_from) v->fade -= 1.0f / (float)(0.005 * rate);
                if (v->fade <= 0) {
                    v->active = false;
                    return false;
                }
                left[j] += y[j] * v->fade * v->gl;
                right[j] += y[j] * v->fade * v->gr;
            }
        } else {
            /* (denormals are flushed by the CPU while the audio side renders:
             * mixer.c) */
            finite = mix_into(y, left, right, len, v->gl, v->gr, v->finite);
        }
        if (!finite) { /* the voice is silenced from this block on */
            if (bad) *bad = true;
            v->active = false;
            return false;
        }
        if (v->ncarry > 0)
            v->ncarry -= len;
        else if (len < avail) { /* keep the rest for the next call */
            memcpy(v->carry + len, y + len, sizeof(float) * (size_t)(avail - len));
            v->ncarry = avail - len;
        }
        left += len, right += len, n -= len;
    }
    return true;
}
