/*
 * clockin.c - following an external MIDI clock (see clockin.h).
 */
#include "clockin.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#define TICKS_A_CYCLE 96 /* 24 a quarter note, 4 quarter notes a cycle */

void clockin_init(ClockIn *c, double rate) {
    memset(c, 0, sizeof *c);
    c->rate = rate;
}

/* The least-squares line frame = a + b * tick through n ticks (frames f,
 * numbers k); false when there are too few. */
static bool fit(const double *f, const int64_t *k, int n, double *a, double *b) {
    if (n < 12) return false;
    double mk = 0, mf = 0;
    for (int i = 0; i < n; i++) mk += (double)k[i], mf += f[i];
    mk /= n, mf /= n;
    double skk = 0, skf = 0;
    for (int i = 0; i < n; i++) {
        double dk = (double)k[i] - mk;
        skk += dk * dk, skf += dk * (f[i] - mf);
    }
    if (skk <= 0 || skf <= 0) return false;
    *b = skf / skk;
    *a = mf - *b * mk;
    return true;
}

/* The line through the window without the ticks that arrived far from it
 * (held up by a busy machine: they only ever come late): a first fit, the
 * median of how far the ticks lie from it, then the fit again without those
 * more than three times that (and a millisecond) away. */
static bool fit_robust(const ClockIn *c, double *a, double *b) {
    if (!fit(c->f, c->k, c->n, a, b)) return false;
    double dev[CLOCKIN_WINDOW];
    for (int i = 0; i < c->n; i++) dev[i] = fabs(c->f[i] - (*a + *b * (double)c->k[i]));
    double sorted[CLOCKIN_WINDOW];
    memcpy(sorted, dev, sizeof(double) * (size_t)c->n);
    for (int i = 1; i < c->n; i++) /* insertion sort: 96 at most */
        for (int j = i; j > 0 && sorted[j - 1] > sorted[j]; j--) {
            double t = sorted[j];
            sorted[j] = sorted[j - 1], sorted[j - 1] = t;
        }
    double limit = 3 * sorted[c->n / 2] + c->rate / 1000;
    double f[CLOCKIN_WINDOW];
    int64_t k[CLOCKIN_WINDOW];
    int n = 0;
    for (int i = 0; i < c->n; i++)
        if (dev[i] <= limit) f[n] = c->f[i], k[n++] = c->k[i];
    double a2, b2;
    if (n < c->n && fit(f, k, n, &a2, &b2)) *a = a2, *b = b2;
    return true;
}

/* Tick number k arrived on frame, into the window (the oldest leaves a full
 * one). Ticks are counted as they come; then the last four are held against
 * the line of the ones before them:
 * - all four a whole number of ticks off it (within 0.3): ticks were lost on
 *   the way (a JACK period skipped drops its MIDI), and the four are
 *   counted again (a tick only held up by a busy machine lies between);
 * - else, drifting away from it, each further off by about as much and
 *   0.3 of a tick in all: a new tempo, the older ticks are let go. */
static void add_tick(ClockIn *c, double frame, int64_t k) {
    if (c->n == CLOCKIN_WINDOW) {
        memmove(c->f, c->f + 1, sizeof c->f[0] * (CLOCKIN_WINDOW - 1));
        memmove(c->k, c->k + 1, sizeof c->k[0] * (CLOCKIN_WINDOW - 1));
        c->n--;
    }
    c->f[c->n] = frame;
    c->k[c->n++] = k;
    c->next_tick = k + 1;
    if (c->n < 28) return;
    double a, b; /* the line of the ticks before the last four */
    if (!fit(c->f, c->k, c->n - 4, &a, &b)) return;
    double off[4];
    int64_t whole = 0;
    bool lost = true;
    for (int i = 0; i < 4; i++) {
        int j = c->n - 4 + i;
        off[i] = (c->f[j] - (a + b * (double)c->k[j])) / b;
        int64_t w = (int64_t)llround(off[i]);
        if (i == 0) whole = w;
        lost = lost && w == whole && fabs(off[i] - (double)w) < 0.3;
    }
    if (lost && whole != 0 && whole > -96 && whole < 96) {
        for (int i = c->n - 4; i < c->n; i++) c->k[i] += whole;
        c->next_tick += whole;
        return;
    }
    /* a ramp: each tick further off by about as much (a step, a lost tick on
     * its way to the count's correction, or a held one, is none) */
    double d0 = off[1] - off[0], d1 = off[2] - off[1], d2 = off[3] - off[2];
    bool ramp =
        fabs(d0) > 0.05 && d0 * d1 > 0 && d1 * d2 > 0 &&
        fmax(fabs(d0), fmax(fabs(d1), fabs(d2))) < 3 * fmin(fabs(d0), fmin(fabs(d1), fabs(d2)));
    if (ramp && fabs(off[3] - off[0]) > 0.3) { /* the new tempo's ticks only */
        memmove(c->f, c->f + c->n - 4, sizeof c->f[0] * 4);
        memmove(c->k, c->k + c->n - 4, sizeof c->k[0] * 4);
        c->n = 4;
    }
}

static void command(Session *s, const char *cmd, const char *arg) {
    Err e = {0};
    session_command(s, cmd, arg, &e);
}

static void restart(ClockIn *c, int64_t tick) {
    c->n = 0;

    c->next_tick = tick;
    c->started = c->waiting = true;
    c->have_offset = false;
}

void clockin_message(ClockIn *c, Session *s, uint8_t status, int spp, double frame) {
    switch (status) {
    case 0xF2: c->spp = (int64_t)spp * 6; break; /* sixteenths: 6 ticks each */
    case 0xFA: /* start: from the top, the next tick is the first beat */
        restart(c, 0);
        c->stopped = false;
        command(s, "pause", NULL);
        break;
    case 0xFB: /* continue: from the song position */
        restart(c, c->spp);
        c->stopped = false;
        command(s, "pause", NULL);
        break;
    case 0xFC:
        c->stopped = true;
        c->n = 0;

        command(s, "pause", NULL);
        break;
    case 0xF8:
        if (c->stopped) return; /* the position stands still while stopped */
        add_tick(c, frame, c->next_tick);
        break;
    default: break;
    }
}

/* Sets the tempo from the clock's line: tick k falls on frame a + b k. */
static void follow_line(ClockIn *c, Session *s, double a, double b) {
    Rat h = session_horizon(s);
    /* from the next tick boundary on: there, the clock is at bar x (plus the
     * offset tala's bars have from its own) */
    Rat at = rat_div(rat_ceil(rat_mul(h, rat_int(TICKS_A_CYCLE))), rat_int(TICKS_A_CYCLE));
    double S = rat_to_double(at), fS = (double)session_frame_of(s, at);
    double x = (fS - a) / b / TICKS_A_CYCLE, fpc_clock = b * TICKS_A_CYCLE;
    if (!c->have_offset) { /* the nearest bar line: at most half a bar to catch up */
        c->offset = (int64_t)llround(S - x);
        c->have_offset = true;
    }
    double behind = x + (double)c->offset - S; /* cycles */
    /* the tempo that is where the clock is a beat from here: a beat's worth
     * of the clock's frames for a beat plus what tala is behind */
    double ratio = (0.25 + behind) / 0.25;
    double lo = c->waiting ? 0.5 : 0.9, hi = c->waiting ? 2 : 1.1;
    if (!(ratio >= lo)) ratio = lo;
    if (ratio > hi) ratio = hi;
    c->bpm = 240 * c->rate / fpc_clock;
    double bpm = round(c->bpm * ratio * 1000) / 1000;
    c->error_ms = behind * fpc_clock / c->rate * 1000;
    char arg[96], cyc[64];
    if (at.den == 1)
        snprintf(cyc, sizeof cyc, "%lld", (long long)at.num);
    else
        snprintf(cyc, sizeof cyc, "%lld/%lld", (long long)at.num, (long long)at.den);
    if (bpm >= 1 && bpm <= 1000 && fabs(bpm - session_bpm_at(s, at)) >= 0.0005) {
        snprintf(arg, sizeof arg, "%s %.3f", cyc, bpm);
        command(s, "tempo", arg);
    }
    c->next_beat = rat_add(at, rat_make(1, 4));
    if (c->waiting && fabs(c->error_ms) < 1) { /* locked: play from the next bar line */
        Rat bar = rat_ceil(at);
        if (bar.den == 1) snprintf(arg, sizeof arg, "%lld", (long long)bar.num);
        command(s, "resume", arg);
        c->waiting = false;
    }
}

void clockin_step(ClockIn *c, Session *s) {
    double a, b;
    if (c->stopped || rat_lt(session_horizon(s), c->next_beat) || c->n < 24 ||
        !fit_robust(c, &a, &b))
        return;
    follow_line(c, s, a, b);
}

void clockin_line(ClockIn *c, Session *s, double a, double b, bool now) {
    if (c->stopped || !c->started || (!now && rat_lt(session_horizon(s), c->next_beat))) return;
    follow_line(c, s, a, b);
}
