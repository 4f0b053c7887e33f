/*
 * clockin.h - following an external MIDI clock (--clock midi:NAME).
 *
 * The clock's ticks (24 a quarter note) arrive with jitter; the follower
 * fits a line through the frames of the last 96 (frames a tick, and where
 * tick 0 was; ticks held up far from the line are left out) and, once a
 * beat, sets the session's tempo from the next tick boundary on so that
 * tala's bar lines land on the clock's one beat later: the tempo is the
 * clock's, plus what closes the phase error (at most 10 % while playing,
 * up to twice or half while waiting to start). Each change is a logged
 * "tempo CYCLE BPM" command, exact between them, so a replay has the same
 * tempo map. Start (and Continue) pause the tracks until tala's bars are
 * locked to the clock's (within 1 ms), then resume them on a bar line;
 * Stop pauses them. Control side only.
 */
#ifndef TALA_CLOCKIN_H
#define TALA_CLOCKIN_H

#include "session.h"

#include <stdbool.h>
#include <stdint.h>

#define CLOCKIN_WINDOW 96 /* ticks fitted: a bar of 4/4 */

typedef struct {
    double rate;
    double f[CLOCKIN_WINDOW];  /* the last ticks' frames ... */
    int64_t k[CLOCKIN_WINDOW]; /* ... and numbers (from the song position) */
    int n;                     /* how many of them there are */
    int64_t next_tick;         /* the number of the next tick */
    int64_t spp;               /* the song position last sent (ticks), for Continue */
    bool stopped;              /* Stop seen (and no Start or Continue since) */
    bool started;              /* Start or Continue seen: bar lines are the clock's */
    bool waiting;              /* started, paused until locked */
    bool have_offset;
    int64_t offset;  /* tala's cycle = the clock's bar + offset */
    Rat next_beat;   /* when the tempo is set next (tala's cycle) */
    double error_ms; /* the phase error at the last setting (tala behind: > 0) */
    double bpm;      /* the clock's tempo, as fitted */
} ClockIn;

void clockin_init(ClockIn *c, double rate);
/* A message from the clock's port, on the frame it arrived (device_frame_at):
 * 0xF8 tick, 0xFA start, 0xFB continue, 0xFC stop, 0xF2 song position
 * (`spp`, sixteenths). Stop pauses the session's tracks. */
void clockin_message(ClockIn *c, Session *s, uint8_t status, int spp, double frame);
/* Every scheduler step, before the session advances: once a beat, the tempo
 * from the next tick boundary at or after the horizon on; when locked after
 * a start, the tracks resume on the next bar line. */
void clockin_step(ClockIn *c, Session *s);
/* The same from a clock whose line is known exactly (Ableton Link): tick k
 * (24 a beat) falls on frame a + b k; once a beat, or at once when `now`
 * (the line has just changed). Start it with clockin_message(0xFB). */
void clockin_line(ClockIn *c, Session *s, double a, double b, bool now);

#endif
