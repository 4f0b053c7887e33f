/*
 * schedule.c - the scheduler and its outbox (see session.h).
 *
 * The scheduler queries each track's pattern over [horizon, target) for
 * onsets, turns each into an AudioEvent on its exact frame, and puts it in
 * the outbox, a list kept in frame order together with the control events
 * (a strip's settings, a new effect chain) stamped for a future bar line.
 * Everything in the outbox up to the target's frame goes to the ring, so
 * the ring carries frames in order and nothing waits behind a future one.
 * Control side only (the live control thread or the render loop): an event
 * is the session's until audio_send puts it in the ring.
 */
#include "session_impl.h"

#include <stdlib.h>
#include <string.h>

static int late_cmp(const void *pa, const void *pb) {
    const LateNote *x = pa, *y = pb;
    return x->frame < y->frame ? -1 : x->frame > y->frame;
}

void session_replay_lates(Session *s, const LateNote *lates, int n) {
    free(s->lates);
    s->lates = NULL, s->nlates = 0;
    if (n <= 0) return;
    s->lates = malloc((size_t)n * sizeof *s->lates);
    if (!s->lates) abort();
    memcpy(s->lates, lates, (size_t)n * sizeof *lates);
    qsort(s->lates, (size_t)n, sizeof *lates, late_cmp);
    s->nlates = n;
}

/* A replay: where the live run's audio side took this event, if late. */
uint64_t ses_replayed_frame(const Session *s, const AudioEvent *e) {
    size_t lo = 0, hi = (size_t)s->nlates; /* the first late record on e's frame */
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (s->lates[mid].frame < e->frame)
            lo = mid + 1;
        else
            hi = mid;
    }
    for (size_t k = lo; k < (size_t)s->nlates && s->lates[k].frame == e->frame; k++)
        if (s->lates[k].kind == e->kind && s->lates[k].track == e->track &&
            ((e->kind != AEV_NOTE && e->kind != AEV_KEYUP) || s->lates[k].seed == e->seed))
            return s->lates[k].played;
    return e->frame;
}

/* Pushes an event stamped for cycle `at` (den 0: a frame only). A tempo
 * change restamps what is stamped by cycle (ses_restamp). */
void ses_out_push(Session *s, const AudioEvent *ev) {
    ses_out_push_at(s, ev, (Rat){0, 0});
}

void ses_out_push_at(Session *s, const AudioEvent *ev, Rat at) {
    AudioEvent moved;
    const AudioEvent *e = ev;
    if (s->nlates) {
        moved = *ev;
        moved.frame = ses_replayed_frame(s, ev);
        e = &moved;
    }
    if (s->nout == s->capout) {
        s->capout = s->capout ? s->capout * 2 : 1024;
        s->out = realloc(s->out, s->capout * sizeof *s->out);
        s->out_at = realloc(s->out_at, s->capout * sizeof *s->out_at);
        if (!s->out || !s->out_at) abort();
    }
    /* insertion keeps frame order (stable: equal frames in the order sent);
     * almost every event goes at the end */
    size_t i = s->nout;
    while (i > 0 && s->out[i - 1].frame > e->frame) i--;
    memmove(&s->out[i + 1], &s->out[i], (s->nout - i) * sizeof *s->out);
    memmove(&s->out_at[i + 1], &s->out_at[i], (s->nout - i) * sizeof *s->out_at);
    s->out[i] = *e;
    s->out_at[i] = at;
    s->nout++;
}

/* The tempo map changed from cycle `from` on: events waiting for a cycle
 * there get that cycle's new frame, and the outbox its order back. */
void ses_restamp(Session *s, Rat from) {
    bool moved = false;
    for (size_t i = 0; i < s->nout; i++)
        if (s->out_at[i].den && !rat_lt(s->out_at[i], from)) {
            s->out[i].frame = session_frame_of(s, s->out_at[i]);
            moved = true;
        }
    for (size_t i = 1; moved && i < s->nout; i++) /* insertion sort: stable */
        for (size_t k = i; k > 0 && s->out[k - 1].frame > s->out[k].frame; k--) {
            AudioEvent e = s->out[k];
            s->out[k] = s->out[k - 1], s->out[k - 1] = e;
            Rat r = s->out_at[k];
            s->out_at[k] = s->out_at[k - 1], s->out_at[k - 1] = r;
        }
}

/* Sends the outbox's events up to frame `upto` (inclusive) to the ring. */
void ses_flush(Session *s, uint64_t upto) {
    size_t i = 0;
    while (i < s->nout && s->out[i].frame <= upto &&
           (s->out[i].kind == AEV_MIDI ? (ses_midi_send(s, &s->out[i]), true)
                                       : audio_send(s->audio, &s->out[i])))
        i++;
    if (i == 0) return;
    memmove(s->out, s->out + i, (s->nout - i) * sizeof *s->out);
    memmove(s->out_at, s->out_at + i, (s->nout - i) * sizeof *s->out_at);
    s->nout -= i;
}

uint64_t session_pending_frame(Session *s) {
    ses_flush(s, session_frame_of(s, s->horizon));
    return s->nout ? s->out[0].frame : UINT64_MAX;
}

static int note_cmp(const void *pa, const void *pb) {
    const AudioEvent *x = pa, *y = pb;
    if (x->frame != y->frame) return x->frame < y->frame ? -1 : 1;
    if (x->track != y->track) return x->track - y->track;
    return x->seed < y->seed ? -1 : x->seed > y->seed; /* here: the order made */
}

static uint32_t mix32(uint64_t x) {
    x ^= x >> 33;
    x *= 0xff51afd7ed558ccdULL;
    x ^= x >> 33;
    x *= 0xc4ceb9fe1a85ec53ULL;
    x ^= x >> 33;
    return (uint32_t)x;
}

/* The batch in frame order into the outbox. A note's seed (its noise)
 * depends only on its frame, its track and its rank among the notes of
 * that track on that frame, so it is the same however the timeline was cut
 * into windows (live, offline, replay). */
static void commit_batch(Session *s) {
    AudioEvent *b = s->batch.ev;
    size_t n = s->batch.n;
    for (size_t i = 0; i < n; i++) b[i].seed = (uint32_t)i;
    if (n > 1) qsort(b, n, sizeof *b, note_cmp);
    uint32_t rank = 0;
    uint64_t last_frame = 0;
    int last_track = -1;
    for (size_t i = 0; i < n; i++) {
        AudioEvent *e = &b[i];
        if (e->kind == AEV_MIDI) { /* the message, and a note-on's note-off for later */
            ses_out_push_at(s, e, (Rat){e->midi.on_num, e->midi.on_den});
            if (e->midi.off_frame) {
                AudioEvent off = *e;
                off.frame = e->midi.off_frame;
                off.midi.off_frame = 0;
                off.midi.on_num = e->midi.off_num, off.midi.on_den = e->midi.off_den;
                off.midi.bytes[0] = (uint8_t)(0x80 | (e->midi.bytes[0] & 0x0F));
                off.midi.bytes[2] = 0;
                ses_out_push_at(s, &off, (Rat){off.midi.on_num, off.midi.on_den});
            }
            continue;
        }
        if (e->kind == AEV_DUCK || e->kind == AEV_DJF) { /* (no seed, no sends) */
            ses_out_push(s, e);
            continue;
        }
        uint64_t f = e->frame;
        rank = f == last_frame && e->track == last_track ? rank + 1 : 0;
        last_frame = f, last_track = e->track;
        e->seed = mix32(f * 1315423911u + (uint64_t)e->track * 2654435761u + rank) | 1;
        if (e->room > 0) ses_orbit_settings(s, 0, e, false);
        if (e->echo > 0) ses_orbit_settings(s, 1, e, false);
        ses_out_push(s, e);
    }
    s->batch.n = 0;
}

/* ------------------------------------------------------------ scheduling */

static void query_failed(Session *s, Track *t, const Err *e) {
    const char *name = t->name ? t->name->chars : "pattern";
    ses_say_err(s, e);
    if (t->prev && t->prev != t->pat) {
        t->pat = t->prev;
        t->prev = NULL;
        ses_say(s, "%s: back to its previous code", name);
    } else {
        t->pat = NULL;
        ses_say(s, "%s: stopped (no earlier code to go back to)", name);
    }
}

/* The notes of track i with onsets in [a, b) into the batch, from the
 * whole-cycle cache. A pattern that fails on a cycle falls back (to its
 * previous code, else silence) from the start of that cycle. */
static void schedule_track(Session *s, int i, Rat a, Rat b) {
    Track *t = &s->tracks[i];
    while (t->pat && rat_lt(a, b)) {
        int64_t k = rat_floor(a).num;
        Rat e = rat_min(b, rat_int(k + 1));
        if (t->cpat != t->pat || t->ccycle != k) {
            Err err = {0};
            t->cache.n = 0;
            t->cpat = NULL;
            if (!ses_query_notes(s, i, t->pat, rat_int(k), rat_int(k + 1), &t->cache, &err)) {
                query_failed(s, t, &err);
                continue;
            }
            t->cpat = t->pat, t->ccycle = k;
            if (s->lib_ahead && soundlib_gm_active(s->lib)) ses_sounds_ahead(s, i, t->pat, k + 1);
        }
        for (size_t j = 0; j < t->cache.n; j++)
            if (!rat_lt(t->cache.on[j], a) && rat_lt(t->cache.on[j], e))
                ses_notes_push(&s->batch, &t->cache.ev[j], t->cache.on[j]);
        ses_dirt_window(s, i, t->pat, a, e); /* --superdirt: the same window, as Tidal sends */
        a = e;
    }
}

void session_advance_to(Session *s, Rat c) {
    if (!rat_lt(s->horizon, c)) {
        ses_flush(s, session_frame_of(s, s->horizon));
        return;
    }
    Rat h = s->horizon;
    /* paused (an external clock stopped): nothing is scheduled until the
     * cycle it resumes on, if that is in this window */
    bool resumes = s->paused && s->resume_at.den && rat_lt(s->resume_at, c);
    Rat from = resumes ? rat_max(h, s->resume_at) : h;
    bool quiet = s->paused && !resumes;
    for (int i = 0; i < s->ntracks; i++) {
        Track *t = &s->tracks[i];
        Rat a = h;
        if (t->pending && rat_lt(t->at, c)) {
            if (!quiet) schedule_track(s, i, rat_max(a, from), t->at);
            if (t->pat != t->next) t->prev = t->pat;
            t->pat = t->next;
            t->next = NULL;
            t->pending = false;
            a = rat_max(a, t->at);
        }
        if (!quiet) schedule_track(s, i, rat_max(a, from), c);
    }
    if (resumes) s->paused = false, s->resume_at = (Rat){0, 0};
    commit_batch(s);
    ses_midi_clock(s, h, c);
    s->horizon = c;
    ses_flush(s, session_frame_of(s, c));
    session_collect(s);
}

void session_advance(Session *s, uint64_t frame) {
    session_advance_to(s, session_cycle_at(s, frame));
}
