/*
 * keys.c - a keyboard played live (session_key): each key sounds through
 * the tracks whose pattern is midiin(), as that pattern's sound is at the
 * key's moment, held until the key is let go.
 *
 * A key goes to the audio side at once through its own ring (it must not
 * wait behind the events already scheduled up to the horizon) and into the
 * log with the horizon it was played at, so a replay applies it where the
 * live run did and sounds the same. Control side only.
 */
#include "session_impl.h"

#include <math.h>
#include <string.h>

#define KEY_MIDIIN "midiin" /* the control midiin() sets: its channel, 0 for any */

/* The pattern track t plays at cycle c (the one a pending swap brings, from
 * its quantum on). */
static ObjPattern *playing_at(const Track *t, Rat c) {
    if (t->pending && !rat_lt(c, t->at)) return t->next;
    return t->pat;
}

static uint32_t key_seed(uint64_t frame, int track, int id, int rank) {
    uint64_t x = frame * 1315423911u + (uint64_t)track * 2654435761u + (uint64_t)id * 40503u +
                 (uint64_t)rank;
    x ^= x >> 33;
    x *= 0xff51afd7ed558ccdULL;
    x ^= x >> 33;
    return (uint32_t)x | 1;
}

static void send_key(Session *s, AudioEvent *e) {
    if (s->nlates) e->frame = ses_replayed_frame(s, e);
    if (!audio_send_key(s->audio, e) && !s->keys_full) {
        s->keys_full = true;
        ses_say(s, "tala: warning: too many keys at once: some are not played");
    }
}

/* The voices of a key on track t: each midiin() event of the track's pattern
 * at the key's moment that listens to the key's channel. */
static int key_on_track(Session *s, int t, ObjPattern *p, const KeyPlay *kp, int channel, Rat c,
                        Rat c1) {
    Query *q = vm_query(s->vm);
    Err err = {0}, *saved = q->err;
    q->err = &err;
    EvBuf ev;
    evbuf_init(&ev, vm_heap(s->vm));
    bool ok = pat_events(q, p, c, c1, false, &ev);
    q->err = saved;
    if (!ok) ses_say_err(s, &err);
    int rank = 0;
    for (size_t i = 0; ok && i < ev.len; i++) {
        double ch;
        if (!IS_RECORD(ev.ev[i].value) ||
            !ses_record_num(AS_RECORD(ev.ev[i].value), KEY_MIDIIN, &ch) ||
            (ch != 0 && ch != channel))
            continue;
        AudioEvent two[2];
        int n = ses_event_voices(s, t, &ev.ev[i], kp, two);
        for (int k = 0; k < n; k++) {
            two[k].seed = key_seed(kp->frame, t, kp->id, rank++);
            /* its orbit's reverb and delay, through the keys' ring ahead of it */
            if (two[k].room > 0) ses_orbit_settings(s, 0, &two[k], true);
            if (two[k].echo > 0) ses_orbit_settings(s, 1, &two[k], true);
            send_key(s, &two[k]);
        }
    }
    evbuf_free(&ev);
    return rank;
}

void session_key(Session *s, uint64_t frame, int input, int channel, int key, int velocity) {
    if (input < 0 || input > 3 || channel < 1 || channel > 16 || key < 0 || key > 127 ||
        velocity < 0 || velocity > 127)
        return;
    if (velocity > 0 && s->paused) return; /* the external clock stopped the tracks */
    char at[64];
    ses_rat_text(s->horizon, at, sizeof at);
    if (input)
        session_log(s, "key %s %llu %d %d %d %d", at, (unsigned long long)frame, channel, key,
                    velocity, input);
    else
        session_log(s, "key %s %llu %d %d %d", at, (unsigned long long)frame, channel, key,
                    velocity);
    /* which key of which keyboard: two keyboards on one channel hold their own */
    uint16_t id = (uint16_t)(1 + input * 2048 + (channel - 1) * 128 + key);
    if (velocity == 0) { /* let go (a note-off, or a note-on of velocity 0) */
        AudioEvent e = {.frame = frame, .kind = AEV_KEYUP, .track = -1};
        e.key = id, e.seed = id;
        send_key(s, &e);
        return;
    }
    KeyPlay kp = {frame, key, velocity / 127.0, id};
    Rat c = session_cycle_at(s, frame), c1 = session_cycle_at(s, frame + 1);
    for (int t = 0; t < s->ntracks; t++) {
        ObjPattern *p = playing_at(&s->tracks[t], c);
        if (p) key_on_track(s, t, p, &kp, channel, c, c1);
    }
}
