/*
 * linkfollow.c - tala's bars on an Ableton Link session (see linkfollow.h).
 */
#include "linkfollow.h"

#include <math.h>
#include <stdio.h>
#include <time.h>

static uint64_t mono_now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (uint64_t)t.tv_sec * 1000000000u + (uint64_t)t.tv_nsec;
}

/* The frame playing at monotonic time t (fractional). */
static double frame_at(Device *d, uint64_t t) {
    return ((double)t - (double)device_time_of(d, 0)) * device_rate(d) / 1e9;
}

void linkfollow_step(LinkFollow *f, Session *s, Device *d, ClockIn *c, bool evaluating,
                     void (*say)(void *, const char *), void *ud) {
    if (!f->link || !device_clock_known(d)) return;
    uint64_t now = mono_now();
    char msg[200];
    double want = session_program_tempo(s);
    LinkState st;
    link_state(f->link, now, &st);
    if (!f->begun) { /* tala's start starts the session's transport */
        f->begun = true;
        f->ref_t = now;
        f->program_bpm = want;
        if (want > 0 && st.peers == 0) /* alone: the program's tempo; else the session's */
            link_set_tempo(f->link, want, now);
        if (!st.playing) link_set_playing(f->link, true, now);
        link_state(f->link, now, &st);
        f->playing = false;
    } else if (!evaluating && want > 0 && want != f->program_bpm) { /* `tempo`: every peer's */
        snprintf(msg, sizeof msg, "tala: tempo %g to the Link session", want);
        say(ud, msg);
        f->program_bpm = want;
        link_set_tempo(f->link, want, now);
        link_state(f->link, now, &st);
    }
    bool waiting = c->waiting;
    if (st.playing != f->playing) {
        f->playing = st.playing;
        clockin_message(c, s, st.playing ? 0xFB : 0xFC, 0, frame_at(d, now));
        if (st.playing)
            snprintf(msg, sizeof msg,
                     "tala: in the Link session (%d peer%s, %.2f BPM): the tracks wait until "
                     "tala's bars are on its",
                     st.peers, st.peers == 1 ? "" : "s", st.bpm);
        else
            snprintf(msg, sizeof msg, "tala: the Link session stopped: the tracks pause");
        say(ud, msg);
        waiting = c->waiting;
    }
    /* the line: tick k (24 a beat) of the session on frame a + b k */
    double rate = device_rate(d);
    double b = rate * 60 / (st.bpm * 24), a = frame_at(d, now) - b * st.beat * 24;
    LinkState ref; /* the timeline moved (a peer's tempo, a beat requested): follow at once */
    link_state(f->link, f->ref_t, &ref);
    bool changed = st.bpm != f->bpm || fabs(ref.beat - f->ref_beat) > 1e-6;
    f->bpm = st.bpm, f->ref_beat = ref.beat;
    clockin_line(c, s, a, b, changed);
    if (waiting && !c->waiting) {
        snprintf(msg, sizeof msg,
                 "tala: on the Link session at %.2f BPM: playing from the next bar", st.bpm);
        say(ud, msg);
    }
}

void linkfollow_text(LinkFollow *f, Session *s, Device *d, char *out, size_t n) {
    if (!f->link) {
        snprintf(out, n, "not in a Link session (tala FILE --link joins one)");
        return;
    }
    uint64_t now = mono_now();
    LinkState st;
    link_state(f->link, now, &st);
    /* tala's bar line nearest now against the session's */
    double fr = frame_at(d, now);
    Rat cyc = session_cycle_at(s, fr > 0 ? (uint64_t)fr : 0);
    Rat bar = rat_make(rat_floor(rat_add(cyc, rat_make(1, 2))).num, 1);
    uint64_t t_bar = device_time_of(d, session_frame_of(s, bar));
    LinkState at;
    link_state(f->link, t_bar, &at);
    double q = link_quantum(f->link), off_beats = at.beat - 4 * floor(at.beat / 4); /* 0..4 */
    if (off_beats > 2) off_beats -= 4;
    double off_ms = off_beats * 60000 / at.bpm;
    snprintf(out, n,
             "Link: %d peer%s, %.2f BPM, beat %.2f, phase %.2f of %g, %s; tala's bar lines "
             "%.2f ms %s the session's%s",
             st.peers, st.peers == 1 ? "" : "s", st.bpm, st.beat, st.phase, q,
             st.playing ? "playing" : "stopped", fabs(off_ms), off_ms >= 0 ? "after" : "before",
             f->playing && !session_paused(s) ? "" : " (the tracks wait)");
}
