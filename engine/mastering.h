/*
 * mastering.h - the last stage of a render that asks for a loudness or a
 * true-peak ceiling (render.c's --lufs and --true-peak): the mix is kept,
 * measured, turned up or down and limited until it measures the target.
 * Internal to engine/.
 */
#ifndef TALA_MASTERING_H
#define TALA_MASTERING_H

#include "../vm/error.h"

#include <stdbool.h>
#include <stdint.h>

#include <stdio.h>

/* Where the finished frames go (interleaved stereo; the callee may change
 * them, e.g. to what a 16-bit file holds, before they are measured). */
typedef bool (*MasterWrite)(void *ud, float *frames, uint64_t n, Err *err);

typedef struct {
    double gain_db;              /* the gain before the limiter */
    double reduction_db;         /* the most the limiter took */
    double lufs, lra, true_peak; /* of what was written (as RenderReport) */
    int passes;                  /* measuring passes before the one that wrote */
} MasterResult;

/* raw holds `frames` interleaved stereo float frames, the unprotected mix.
 * With a target (not NAN) the gain is found, pass by pass, that brings the
 * limited result within 0.05 LU of it (or as near as the limiter lets);
 * without one it is 0 dB. The result, limited at ceiling_db dBTP and aligned
 * to frame 0 (the limiter's lookahead taken out), goes to write. raw_lufs is
 * raw's own integrated loudness (-inf or NAN: silence, left as it is). */
bool master_finish(FILE *raw, uint64_t frames, double rate, double target, double ceiling_db,
                   double raw_lufs, MasterWrite write, void *ud, MasterResult *res, Err *err);

#endif
