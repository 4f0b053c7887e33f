/*
 * midifile.c - a Standard MIDI File through libsmf (see midifile.h).
 */
#include "midifile.h"

#include <smf.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../spec/lazylib.h"

/* libsmf (and GLib under it) is opened when a MIDI file is first written
 * (spec/lazylib.h) */
/* clang-format off */
#define SMF_FNS(X) \
    X(smf_add_track) X(smf_delete) X(smf_event_new_from_bytes) X(smf_event_new_from_pointer) \
    X(smf_event_new_textual) X(smf_new) X(smf_save) X(smf_set_format) X(smf_set_ppqn) \
    X(smf_track_add_eot_pulses) X(smf_track_add_event_pulses) X(smf_track_get_last_event) \
    X(smf_track_new)
/* clang-format on */
LAZY_LIB(smf_api, TALA_SO_SMF, SMF_FNS)

typedef struct {
    int64_t tick;
    uint32_t seq;
    int16_t track; /* 0: a tempo (bytes hold the microseconds per beat) */
    uint8_t len, bytes[3];
} Ev;

#define MAX_TRACKS 256

struct MidiFile {
    Ev *ev;
    size_t n, cap;
    char *names[MAX_TRACKS];
    int ntracks; /* not counting the tempo map */
};

MidiFile *midifile_new(void) {
    MidiFile *f = calloc(1, sizeof *f);
    if (!f) abort();
    return f;
}

int midifile_track(MidiFile *f, const char *name) {
    if (f->ntracks == MAX_TRACKS - 1) return f->ntracks;
    f->names[++f->ntracks] = strdup(name);
    return f->ntracks;
}

static void push(MidiFile *f, Ev e) {
    if (f->n == f->cap) {
        f->cap = f->cap ? 2 * f->cap : 1024;
        f->ev = realloc(f->ev, f->cap * sizeof *f->ev);
        if (!f->ev) abort();
    }
    e.seq = (uint32_t)f->n;
    f->ev[f->n++] = e;
}

void midifile_tempo(MidiFile *f, int64_t tick, double bpm) {
    uint32_t us = (uint32_t)(60e6 / bpm + 0.5);
    if (us > 0xFFFFFF) us = 0xFFFFFF;
    push(f, (Ev){.tick = tick,
                 .track = 0,
                 .len = 3,
                 .bytes = {(uint8_t)(us >> 16), (uint8_t)(us >> 8), (uint8_t)us}});
}

void midifile_event(MidiFile *f, int track, int64_t tick, const uint8_t *bytes, int len) {
    /* channel messages only: system messages (start, stop, clock) have no place in a track */
    if (track < 1 || track > f->ntracks || len < 1 || len > 3 || tick < 0 || bytes[0] >= 0xF0 ||
        bytes[0] < 0x80)
        return;
    Ev e = {.tick = tick, .track = (int16_t)track, .len = (uint8_t)len};
    memcpy(e.bytes, bytes, (size_t)len);
    push(f, e);
}

static bool is_off(const Ev *e) {
    uint8_t s = e->bytes[0] & 0xF0;
    return s == 0x80 || (s == 0x90 && e->len == 3 && e->bytes[2] == 0);
}

/* Track, then time; on one tick note-offs first, then in the order given. */
static int order(const void *a, const void *b) {
    const Ev *x = a, *y = b;
    if (x->track != y->track) return x->track < y->track ? -1 : 1;
    if (x->tick != y->tick) return x->tick < y->tick ? -1 : 1;
    if (is_off(x) != is_off(y)) return is_off(x) ? -1 : 1;
    return x->seq < y->seq ? -1 : x->seq > y->seq;
}

bool midifile_save(MidiFile *f, const char *path, int64_t end_tick, char *why, size_t n) {
    if (!smf_api_load(why, n)) return false;
    qsort(f->ev, f->n, sizeof *f->ev, order);
    smf_t *smf = smf_api.smf_new();
    if (!smf || smf_api.smf_set_format(smf, 1) || smf_api.smf_set_ppqn(smf, MIDIFILE_PPQN)) {
        snprintf(why, n, "libsmf cannot make a file");
        if (smf) smf_api.smf_delete(smf);
        return false;
    }
    smf_track_t *tracks[MAX_TRACKS];
    for (int t = 0; t <= f->ntracks; t++) {
        tracks[t] = smf_api.smf_track_new();
        smf_api.smf_add_track(smf, tracks[t]);
        if (t > 0)
            smf_api.smf_track_add_event_pulses(tracks[t],
                                               smf_api.smf_event_new_textual(0x03, f->names[t]), 0);
    }
    for (size_t i = 0; i < f->n; i++) {
        const Ev *e = &f->ev[i];
        smf_event_t *ev;
        if (e->track == 0) {
            uint8_t meta[6] = {0xFF, 0x51, 0x03, e->bytes[0], e->bytes[1], e->bytes[2]};
            ev = smf_api.smf_event_new_from_pointer(meta, 6);
        } else {
            ev = smf_api.smf_event_new_from_bytes(e->bytes[0], e->len > 1 ? e->bytes[1] : -1,
                                                  e->len > 2 ? e->bytes[2] : -1);
        }
        if (!ev) {
            snprintf(why, n, "libsmf refused an event at tick %lld", (long long)e->tick);
            smf_api.smf_delete(smf);
            return false;
        }
        smf_api.smf_track_add_event_pulses(tracks[e->track], ev, (int)e->tick);
    }
    for (int t = 0; t <= f->ntracks; t++) {
        smf_event_t *last = smf_api.smf_track_get_last_event(tracks[t]);
        int64_t at = last && last->time_pulses > end_tick ? last->time_pulses : end_tick;
        if (smf_api.smf_track_add_eot_pulses(tracks[t], (int)at)) {
            snprintf(why, n, "libsmf cannot end track %d", t);
            smf_api.smf_delete(smf);
            return false;
        }
    }
    bool ok = smf_api.smf_save(smf, path) == 0;
    if (!ok) snprintf(why, n, "cannot write %s", path);
    smf_api.smf_delete(smf);
    return ok;
}

void midifile_free(MidiFile *f) {
    if (!f) return;
    for (int t = 1; t <= f->ntracks; t++) free(f->names[t]);
    free(f->ev);
    free(f);
}
