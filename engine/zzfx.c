/*
 * zzfx.c - Strudel's ZzFX sounds (zzfx, z_sine, z_triangle, z_sawtooth,
 * z_square, z_tan, z_noise): each note is a buffer computed when it is
 * scheduled, as superdough does with ZzFX's buildSamples (Frank Force's
 * tiny sound generator: a wave whose phase advances by a sliding, jumping,
 * modulated frequency, under an attack-decay-sustain-release level, bit
 * crushed, echoed once), then played as it is. A buffer is freed once the
 * audio side has played past it. Control thread only.
 */
#include "zzfx.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

bool zzfx_sound(const char *name) {
    static const char *const NAMES[] = {"zzfx",     "z_sine", "z_sawtooth", "z_triangle",
                                        "z_square", "z_tan",  "z_noise"};
    for (size_t i = 0; i < sizeof NAMES / sizeof NAMES[0]; i++)
        if (!strcmp(name, NAMES[i])) return true;
    return false;
}

void zzfx_params(const char *name, double freq, double dur, const double ctl[ZZ_NCTL],
                 double p[ZZFX_PARAMS]) {
    static const char *const SHAPES[] = {"sine", "triangle", "sawtooth", "tan", "noise"};
    const char *wave = strncmp(name, "z_", 2) ? name : name + 2;
    int shape = -1; /* indexOf, not found: -1, which the wave reads as a triangle */
    for (int i = 0; i < 5; i++)
        if (!strcmp(wave, SHAPES[i])) shape = i;
    double attack = ctl[ZZ_ATTACK], decay = ctl[ZZ_DECAY];
    double v[ZZFX_PARAMS] = {0.25,
                             ctl[ZZ_RAND],
                             freq,
                             attack,
                             fmax(dur - attack - decay, 0),
                             ctl[ZZ_RELEASE],
                             shape,
                             !strcmp(wave, "square") ? 0 : ctl[ZZ_CURVE],
                             ctl[ZZ_SLIDE],
                             ctl[ZZ_DELTASLIDE],
                             ctl[ZZ_PITCHJUMP],
                             ctl[ZZ_PITCHJUMPTIME],
                             0, /* repeat time: Strudel has no control for it */
                             ctl[ZZ_NOISE],
                             ctl[ZZ_MOD],
                             ctl[ZZ_CRUSH],
                             ctl[ZZ_DELAY],
                             ctl[ZZ_SUSTAIN],
                             decay,
                             ctl[ZZ_TREMOLO]};
    memcpy(p, v, sizeof v);
}

/* a uniform number in [0, 1) from the note's seed (ZzFX draws Math.random()) */
static double seeded(uint32_t seed) {
    uint32_t x = seed * 2654435761u + 0x6d2b79f5u;
    x ^= x >> 15, x *= 0x85ebca6bu, x ^= x >> 13, x *= 0xc2b2ae35u, x ^= x >> 16;
    return (x >> 8) / 16777216.0;
}

static double sign(double v) {
    return v > 0 ? 1 : -1;
}

/* JavaScript's x % y for numbers (the sign of x; NaN for y 0) */
static double js_mod(double x, double y) {
    return fmod(x, y);
}

/* ZzFX's buildSamples at rate, its parameters in order (p[0] volume ... p[19]
 * tremolo); *n set to the length. NULL when it has none. */
static float *build(const double p[ZZFX_PARAMS], double rate, uint32_t seed, uint32_t *n) {
    const double pi2 = 2 * M_PI;
    double volume = p[0], randomness = p[1], frequency = p[2], attack = p[3], sustain = p[4];
    double release = p[5], shape = p[6], curve = p[7], slide = p[8], dslide = p[9];
    double jump = p[10], jump_time = p[11], repeat = p[12], noise = p[13], mod = p[14];
    double crush = p[15], delay = p[16], sus_vol = p[17], decay = p[18], tremolo = p[19];
    double start_slide = (slide *= 500 * pi2 / rate / rate);
    double start_freq =
        (frequency *= (1 + randomness * 2 * seeded(seed) - randomness) * pi2 / rate);
    attack = attack * rate + 9; /* (ZzFX's least attack, against a click) */
    decay *= rate, sustain *= rate, release *= rate, delay *= rate;
    dslide *= 500 * pi2 / (rate * rate * rate);
    mod *= pi2 / rate;
    jump *= pi2 / rate;
    jump_time *= rate;
    long rep = (long)(repeat * rate);
    double total = attack + decay + sustain + release + delay;
    if (!(total > 0) || total > 60 * rate) return NULL; /* at most a minute */
    long length = (long)total, crush_every = (long)(crush * 100);
    float *b = malloc(sizeof(float) * (size_t)(length > 0 ? length : 1));
    if (!b) abort();
    double t = 0, tm = 0, s = 0;
    long j = 1, r = 0, c = 0;
    for (long i = 0; i < length; i++) {
        if (crush_every == 0 || ++c % crush_every == 0) {
            if (shape == 0)
                s = sin(t);
            else if (shape > 3)
                s = sin(pow(js_mod(t, pi2), 3)); /* noise */
            else if (shape > 2)
                s = fmax(fmin(tan(t), 1), -1);
            else if (shape > 1)
                s = 1 - js_mod(js_mod(2 * t / pi2, 2) + 2, 2); /* saw */
            else
                s = 1 - 4 * fabs(floor(t / pi2 + 0.5) - t / pi2); /* triangle */
            double env = i < attack                     ? i / attack
                         : i < attack + decay           ? 1 - (i - attack) / decay * (1 - sus_vol)
                         : i < attack + decay + sustain ? sus_vol
                         : i < length - delay           ? (length - i - delay) / release * sus_vol
                                                        : 0;
            s = (rep ? 1 - tremolo + tremolo * sin(pi2 * i / rep) : 1) * sign(s) *
                pow(fabs(s), curve) * volume * env;
            if (delay > 0)
                s = s / 2 + (delay > i ? 0
                                       : (i < length - delay ? 1 : (length - i) / delay) *
                                             b[(long)(i - delay)] / 2);
        }
        double f = (frequency += slide += dslide) * cos(mod * tm++);
        t += f - f * noise * (1 - js_mod((sin((double)i) + 1) * 1e9, 2));
        if (j && ++j > jump_time) {
            frequency += jump;
            start_freq += jump;
            j = 0;
        }
        if (rep && !(++r % rep)) {
            frequency = start_freq;
            slide = start_slide;
            if (!j) j = 1;
        }
        b[i] = (float)s;
    }
    *n = (uint32_t)length;
    return b;
}

const Sample *zzfx_render(ZzPool *pool, const double p[ZZFX_PARAMS], double rate, uint32_t seed,
                          uint64_t start, uint64_t now) {
    int k = 0; /* the buffers played out are freed first */
    for (int i = 0; i < pool->n; i++) {
        if (pool->buf[i].until < now) {
            free((void *)pool->buf[i].s.data);
            continue;
        }
        pool->buf[k++] = pool->buf[i];
    }
    pool->n = k;
    uint32_t n = 0;
    float *d = build(p, rate, seed, &n);
    if (!d) return NULL;
    if (pool->n == pool->cap) {
        pool->cap = pool->cap ? pool->cap * 2 : 64;
        pool->buf = realloc(pool->buf, sizeof *pool->buf * (size_t)pool->cap);
        if (!pool->buf) abort();
    }
    ZzBuf *z = &pool->buf[pool->n++];
    z->s = (Sample){.data = d, .frames = n, .rate = rate};
    z->until = start + n + 4096; /* (and a margin for the voice's last block) */
    return &z->s;
}

void zzfx_free(ZzPool *pool) {
    for (int i = 0; i < pool->n; i++) free((void *)pool->buf[i].s.data);
    free(pool->buf);
    memset(pool, 0, sizeof *pool);
}
