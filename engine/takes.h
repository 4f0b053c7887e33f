/*
 * takes.h - recording takes of the audio input (record("vox", 4), :record):
 * the session turns a request into frames on the next bar; whoever has the
 * input (live.c) fills a Recording from the device's input ring, each frame
 * latency-compensated; a finished take is saved as takes/NAME-N.wav and
 * becomes sound NAME's variation N. Internal to engine/; control thread.
 */
#ifndef TALA_TAKES_H
#define TALA_TAKES_H

#include "session.h"

#include <stdbool.h>
#include <stdint.h>

/* A take asked for: `frames` frames from output frame `start` (a bar line). */
typedef struct {
    char name[64];
    uint64_t start, frames;
    double bars;
} TakeRequest;

/* The requests since the last call (record() in an evaluation, the record
 * command), up to max. */
int session_take_requests(Session *s, TakeRequest *out, int max);

/* A take being recorded: its input frames are those numbered from + i
 * (from = start + the round trip's latency: what came back when frame
 * start + i was heard). */
typedef struct {
    TakeRequest req;
    uint64_t from;
    uint64_t reached; /* frames filled so far (from the start) */
    float *l, *r;
    bool active;
} Recording;

void take_begin(Recording *rec, const TakeRequest *q, uint64_t latency);
/* n input frames (interleaved stereo) numbered first...: true once the
 * take is complete. */
bool take_feed(Recording *rec, uint64_t first, const float *in, size_t n);
void take_end(Recording *rec);

/* A finished take becomes NAME's next variation: saved to takes/NAME-N.wav
 * (in the folder of the program, else here), playing as s("NAME:N") from
 * the next query on. Returns N, or -1 with why (it could not be saved; it
 * plays all the same). path gets the file's name. */
int session_add_take(Session *s, const char *name, float *l, float *r, uint64_t frames, char *path,
                     size_t pn, char *why, size_t wn);

#endif
