/*
 * guard.h - the protection limiter after the master (internal to audio/):
 * a sum above 0.9 (-0.9 dBFS) is turned down at once, just enough; the gain
 * holds for AUDIO_GUARD_HOLD (longer than a period of any tone, so a steady
 * one stays a clean tone) and then comes back over AUDIO_GUARD_RELEASE
 * seconds. No lookahead, so every onset keeps its frame. Runs on the audio
 * thread: no allocation, no I/O.
 */
#ifndef TALA_AUDIO_GUARD_H
#define TALA_AUDIO_GUARD_H

#include <stdbool.h>

typedef struct {
    double g;     /* the gain now (double: a float's steps near 1 are coarser) */
    double ha;    /* 1 - the gain the release started from */
    double pb;    /* q^k at the release's last multiple of eight samples */
    double qp[9]; /* q^0 .. q^8: q, the release's factor a sample, multiplied up */
    int rk;       /* samples into the release */
    int hold;     /* frames it holds the gain after it took some */
    int wait;     /* ... of those left */
} Guard;

/* A guard at unity for audio at `rate` frames a second. */
void guard_init(Guard *gd, double rate);

/* Turns n samples of L and R down in place where they need it. The samples
 * are the same however the audio is cut into calls. */
void guard_run(Guard *gd, float *L, float *R, int n);

/* It is at unity: a block that stays at or below 0.9 passes unchanged. */
static inline bool guard_idle(const Guard *gd) {
    return gd->g >= 1;
}

#endif
