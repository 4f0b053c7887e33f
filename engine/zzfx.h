/*
 * zzfx.h - Strudel's ZzFX sounds (see zzfx.c): a note's parameters, its
 * buffer, and the pool that keeps buffers until they are played. Control
 * thread only.
 */
#ifndef TALA_ENGINE_ZZFX_H
#define TALA_ENGINE_ZZFX_H

#include "../audio/synth.h"

#include <stdbool.h>
#include <stdint.h>

#define ZZFX_PARAMS 20 /* ZzFX's: volume, randomness, frequency ... tremolo */

/* The controls a ZzFX note reads, in this order (superdough's defaults: 0, 0,
 * 0.8, 0.1, then curve 1, the rest 0). */
enum {
    ZZ_ATTACK,
    ZZ_DECAY,
    ZZ_SUSTAIN,
    ZZ_RELEASE,
    ZZ_RAND,
    ZZ_CURVE,
    ZZ_SLIDE,
    ZZ_DELTASLIDE,
    ZZ_PITCHJUMP,
    ZZ_PITCHJUMPTIME,
    ZZ_NOISE,
    ZZ_MOD,
    ZZ_CRUSH,
    ZZ_DELAY,
    ZZ_TREMOLO,
    ZZ_NCTL
};

typedef struct {
    Sample s;
    uint64_t until; /* the frame after which no voice reads it */
} ZzBuf;

typedef struct {
    ZzBuf *buf;
    int n, cap;
} ZzPool;

/* Whether name is one of the ZzFX sounds. */
bool zzfx_sound(const char *name);
/* ZzFX's parameters for a note of that sound at freq hertz lasting dur
 * seconds with those controls (as superdough's getZZFX makes them). */
void zzfx_params(const char *name, double freq, double dur, const double ctl[ZZ_NCTL],
                 double p[ZZFX_PARAMS]);
/* The note's buffer at rate (randomness drawn from seed), played from frame
 * start, kept in pool until the audio side is past it; buffers already played
 * by `now` are freed. NULL when the parameters make no sound (or more than a
 * minute). */
const Sample *zzfx_render(ZzPool *pool, const double p[ZZFX_PARAMS], double rate, uint32_t seed,
                          uint64_t start, uint64_t now);
void zzfx_free(ZzPool *pool);

#endif
