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

/* The least-squares line frame = a + b * tick through the ticks from
 * `from` on; false when there are too few. */
static bool fit(const ClockIn *c, int from, double *a, double *b) {
    int n = c->n - from;
    if (n < 12) return false;
    double mk = 0, mf = 0;
    for (int i = from; i < c->n; i++) mk += (double)c->k[i], mf += c->f[i];
    mk /= n, mf /= n;
    double skk = 0, skf = 0;
    for (int i = from; i < c->n; i++) {
        double dk = (double)c->k[i] - mk;
        skk += dk * dk, skf += dk * (c->f[i] - mf);
    }
    if (skk <= 0 || skf <= 0) return false;
    *b = skf / skk;
    *a = mf - *b * mk;
    return true;
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
        if (c->n == CLOCKIN_WINDOW) {
            memmove(c->f, c->f + 1, sizeof c->f[0] * (CLOCKIN_WINDOW - 1));
            memmove(c->k, c->k + 1, sizeof c->k[0] * (CLOCKIN_WINDOW - 1));
            c->n--;
        }
        /* a tick lost on the way (a JACK period skipped drops its MIDI): the
         * fitted line puts this one two or more ticks on, and so does the gap */
        int64_t k = c->next_tick;
        double a0, b0;
        if (c->n >= 24 && fit(c, 0, &a0, &b0) && frame - c->f[c->n - 1] > 1.5 * b0) {
            int64_t at = (int64_t)llround((frame - a0) / b0);
            if (at > k && at < k + 96) k = at;
        }
        c->f[c->n] = frame;
        c->k[c->n++] = k;
        c->next_tick = k + 1;
        /* a new tempo: the last beat's ticks no longer lie on the older ones'
         * line; the older ones are let go */
        double a, b, a1, b1;
        if (c->n >= 48 && fit(c, 0, &a, &b) && fit(c, c->n - 24, &a1, &b1) &&
            fabs(b1 / b - 1) > 0.02) {
            memmove(c->f, c->f + c->n - 24, sizeof c->f[0] * 24);
            memmove(c->k, c->k + c->n - 24, sizeof c->k[0] * 24);
            c->n = 24;
        }
        break;
    default: break;
    }
}

void clockin_step(ClockIn *c, Session *s) {
    double a, b;
    Rat h = session_horizon(s);
    if (c->stopped || rat_lt(h, c->next_beat) || c->n < 24 || !fit(c, 0, &a, &b)) return;
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
