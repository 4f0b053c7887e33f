/*
 * meter.c - the live loudness meter (see meter.h).
 *
 * libebur128 keeps the momentary and short-term windows itself and, in
 * histogram mode, the integrated loudness in bounded memory however long
 * the set. The true peak of each tenth of a second is kept for the last
 * three seconds (a ring of 30), so the reading follows the music down as
 * well as up.
 */
#include "meter.h"

#include <ebur128.h>
#include <math.h>
#include <stdlib.h>

#define SLOTS 30 /* tenths of a second */

struct Meter {
    ebur128_state *st;
    double rate;
    double slot[SLOTS]; /* the true peak (linear) of each tenth, the current one last */
    int at;
    size_t in_slot; /* frames in the current tenth */
    double max;
    double frames;
};

static ebur128_state *state(double rate) {
    return ebur128_init(2, (unsigned long)rate,
                        EBUR128_MODE_M | EBUR128_MODE_S | EBUR128_MODE_I | EBUR128_MODE_HISTOGRAM |
                            EBUR128_MODE_TRUE_PEAK);
}

Meter *meter_new(double rate) {
    Meter *m = calloc(1, sizeof *m);
    if (!m) abort();
    m->rate = rate;
    if (!(m->st = state(rate))) {
        free(m);
        return NULL;
    }
    return m;
}

void meter_free(Meter *m) {
    if (!m) return;
    ebur128_destroy(&m->st);
    free(m);
}

void meter_add(Meter *m, const float *frames, size_t n) {
    const size_t tenth = (size_t)(m->rate / 10);
    while (n > 0) { /* in pieces that end on the tenths */
        size_t k = tenth - m->in_slot < n ? tenth - m->in_slot : n;
        if (ebur128_add_frames_float(m->st, frames, k) != EBUR128_SUCCESS) return;
        double l = 0, r = 0;
        ebur128_prev_true_peak(m->st, 0, &l);
        ebur128_prev_true_peak(m->st, 1, &r);
        double p = fmax(l, r);
        if (p > m->slot[m->at]) m->slot[m->at] = p;
        if (p > m->max) m->max = p;
        m->frames += (double)k;
        frames += 2 * k, n -= k, m->in_slot += k;
        if (m->in_slot == tenth) {
            m->in_slot = 0;
            m->at = (m->at + 1) % SLOTS;
            m->slot[m->at] = 0;
        }
    }
}

static double lufs(int (*f)(ebur128_state *, double *), ebur128_state *st) {
    double v;
    return f(st, &v) == EBUR128_SUCCESS && v > -200 ? v : -INFINITY;
}

static double db(double x) {
    return x > 0 ? 20 * log10(x) : -INFINITY;
}

void meter_read(Meter *m, MeterReading *out) {
    out->momentary = lufs(ebur128_loudness_momentary, m->st);
    out->shortterm = lufs(ebur128_loudness_shortterm, m->st);
    out->integrated = lufs(ebur128_loudness_global, m->st);
    double recent = 0;
    for (int i = 0; i < SLOTS; i++) recent = fmax(recent, m->slot[i]);
    out->true_peak = db(recent);
    out->true_peak_max = db(m->max);
    out->seconds = m->frames / m->rate;
}

void meter_reset(Meter *m) {
    ebur128_state *fresh = state(m->rate);
    if (!fresh) return;
    ebur128_destroy(&m->st);
    m->st = fresh;
    m->max = 0;
    m->frames = 0;
}
