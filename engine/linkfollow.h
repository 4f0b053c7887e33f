/*
 * linkfollow.h - tala in an Ableton Link session (--link): the session's
 * line (which frame each of its beats falls on) is exact, so the MIDI
 * clock's follower is given it instead of a fitted one (clockin_line):
 * tala's bars land on the session's bars (beats multiple of 4) and a tempo
 * changed by any peer is on tala's tempo map from the next tick boundary
 * after the horizon, closing what it fell behind within a beat. Each
 * change is a logged "tempo CYCLE BPM" command, exact between them. A
 * `tempo` statement goes to the session (every peer); start/stop sync
 * pauses and resumes the tracks. Control thread only.
 */
#ifndef TALA_LINKFOLLOW_H
#define TALA_LINKFOLLOW_H

#include "../audio/device.h"
#include "../io/link.h"
#include "clockin.h"
#include "session.h"

typedef struct {
    TalaLink *link;
    double bpm, ref_beat; /* the session's timeline last followed: its tempo, and its beat
                             at ref_t (a peer's change moves one or the other) */
    uint64_t ref_t;
    double program_bpm; /* the program's tempo last given to the session */
    bool begun, playing;
} LinkFollow;

/* Once a scheduler step, before the session advances; `evaluating`: a block
 * is running (its `tempo` is not the program's until it has succeeded). */
void linkfollow_step(LinkFollow *f, Session *s, Device *d, ClockIn *c, bool evaluating,
                     void (*say)(void *, const char *), void *ud);
/* ":link": peers, tempo, beat and phase, how far tala's bar is from its. */
void linkfollow_text(LinkFollow *f, Session *s, Device *d, char *out, size_t n);

#endif
