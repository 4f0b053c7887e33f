/*
 * link.h - an Ableton Link session (tempo, beat and bar phase shared with
 * every peer on the network; start/stop sync). A C face on Link's C++
 * (link.cpp). Times are CLOCK_MONOTONIC nanoseconds, as device_time_of's;
 * Link's own clock (CLOCK_MONOTONIC_RAW) is converted here. Any thread.
 */
#ifndef TALA_LINK_H
#define TALA_LINK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct TalaLink TalaLink;

typedef struct {
    double bpm;
    double beat;  /* the session's beat at the time asked about */
    double phase; /* beat modulo the quantum, 0 <= phase < quantum */
    bool playing; /* start/stop sync: the session's transport */
    int peers;    /* other Link apps in the session */
} LinkState;

/* Joins (or starts) a Link session at bpm with this quantum (beats a bar
 * for phase, 4 by default). NULL with why when Link cannot start. */
TalaLink *link_join(double bpm, double quantum, char *why, size_t n);
void link_leave(TalaLink *k);
/* The session as at time t. */
void link_state(TalaLink *k, uint64_t t, LinkState *out);
/* A new tempo for every peer, from time t on (the beat at t stays). */
void link_set_tempo(TalaLink *k, double bpm, uint64_t t);
/* Starts or stops the session's transport at time t. */
void link_set_playing(TalaLink *k, bool playing, uint64_t t);
double link_quantum(const TalaLink *k);

#endif
