/*
 * wavetables.c - tala's own wavetables, played by the wavetable synth as any
 * wt_ sound is (see samples.h): computed once, the first time one is asked
 * for, by adding harmonics (each frame 2048 samples, band-limited to 64
 * harmonics, its peak at 1):
 *   wt_basic      4 frames: sine, triangle, sawtooth, square
 *   wt_harmonics  16 frames: a sawtooth's first 1, 2, 4 ... 76 harmonics
 *   wt_pulse      16 frames: pulses 0.5 wide down to 0.03
 *   wt_vowel      5 frames: a, e, i, o, u (vowel()'s formants over a 110 Hz
 *                 fundamental)
 */
#include "samples.h"

#include "../audio/vowels.h"

#include <math.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#define FRAME 2048
#define HARM  64

typedef enum { T_BASIC, T_HARMONICS, T_PULSE, T_VOWEL, T_COUNT } Table;
static const struct {
    const char *name;
    int frames;
} TABLES[T_COUNT] = {{"wt_basic", 4}, {"wt_harmonics", 16}, {"wt_pulse", 16}, {"wt_vowel", 5}};

static Sample SAMPLES[T_COUNT];
static pthread_once_t ONCE = PTHREAD_ONCE_INIT;

/* the level of harmonic h (1..HARM) in frame k of table t, and its phase (0 sine, 1 cosine) */
static double harmonic(Table t, int k, int h, int *cosine) {
    *cosine = 0;
    switch (t) {
    case T_BASIC:
        if (k == 0) return h == 1;
        if (k == 1) return h % 2 ? ((h / 2) % 2 ? -1.0 : 1.0) / (h * h) : 0;
        if (k == 2) return 1.0 / h;
        return h % 2 ? 1.0 / h : 0;
    case T_HARMONICS: return h <= 1 + k * k / 3 ? 1.0 / h : 0;
    case T_PULSE: {
        double w = 0.5 - (0.5 - 0.03) * k / 15.0;
        *cosine = 1;
        return sin(M_PI * h * w) / h;
    }
    default: { /* a vowel: each harmonic of 110 Hz as loud as its formants there */
        double f = 110.0 * h, level = 0;
        for (int n = 0; n < 5; n++) {
            const Formant *fm = synth_formant((float)k, (float)n);
            double bw = fm->freq / fm->q * 4, x = (f - fm->freq) / bw;
            level += fm->gain / (1 + x * x);
        }
        return f < 8000 ? level : 0;
    }
    }
}

static void build(void) {
    for (int t = 0; t < T_COUNT; t++) {
        int frames = TABLES[t].frames;
        float *d = calloc((size_t)frames * FRAME, sizeof *d);
        double *acc = malloc(FRAME * sizeof *acc);
        if (!d || !acc) abort();
        for (int k = 0; k < frames; k++) {
            memset(acc, 0, FRAME * sizeof *acc);
            for (int h = 1; h <= HARM; h++) {
                int cosine;
                double a = harmonic((Table)t, k, h, &cosine);
                if (a == 0) continue;
                for (int i = 0; i < FRAME; i++) {
                    double ph = 2 * M_PI * (double)((long)h * i % FRAME) / FRAME;
                    acc[i] += a * (cosine ? cos(ph) : sin(ph));
                }
            }
            double peak = 0;
            for (int i = 0; i < FRAME; i++) peak = fmax(peak, fabs(acc[i]));
            for (int i = 0; i < FRAME; i++)
                d[(size_t)k * FRAME + i] = (float)(peak > 0 ? acc[i] / peak : 0);
        }
        free(acc);
        SAMPLES[t] = (Sample){.data = d, .frames = (uint32_t)(frames * FRAME), .rate = 44100};
    }
}

const Sample *wavetables_builtin(const char *name) {
    for (int t = 0; t < T_COUNT; t++)
        if (!strcmp(name, TABLES[t].name)) {
            pthread_once(&ONCE, build);
            return &SAMPLES[t];
        }
    return NULL;
}

bool wavetables_is_builtin(const char *name) {
    for (int t = 0; t < T_COUNT; t++)
        if (!strcmp(name, TABLES[t].name)) return true;
    return false;
}
