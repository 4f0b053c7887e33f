/*
 * mastering.c - normalising a render to a loudness target through the
 * true-peak limiter (see mastering.h).
 *
 * Loudness after a limiter is not linear in the gain before it, so the gain
 * is found by measuring: each pass reads the kept mix, applies the gain and
 * the limiter and measures the integrated loudness (EBU R128, libebur128);
 * the next gain is corrected by what was missed. Two or three passes land
 * within 0.05 LU; the last pass writes and measures what it wrote.
 */
#include "mastering.h"

#include "../audio/tplimit.h"

#include <ebur128.h>
#include <math.h>
#include <stdlib.h>

#define CHUNK      4096
#define MAX_PASSES 8
#define CLOSE_LU   0.05
#define STUCK_LU   0.02
#define MAX_GAIN   60.0 /* dB: a near-silent mix is not turned into noise */

/* One pass at gain_db: measured into st, written through write when given. */
static bool pass(FILE *raw, uint64_t frames, double rate, double gain_db, double ceiling_db,
                 ebur128_state *st, MasterWrite write, void *ud, double *reduction, Err *err) {
    TpLimiter *lim = tplimit_new(rate, ceiling_db);
    float *buf = malloc(2 * CHUNK * sizeof(float));
    if (!lim || !buf) abort();
    const float gain = (float)pow(10, gain_db / 20);
    const uint64_t lat = (uint64_t)tplimit_latency(lim), end = frames + lat;
    uint64_t in = 0, made = 0; /* frames read, frames out of the limiter */
    bool ok = true;
    rewind(raw);
    while (ok && made < end) {
        uint64_t k = end - made < CHUNK ? end - made : CHUNK, got = 0;
        if (in < frames) {
            uint64_t want = frames - in < k ? frames - in : k;
            got = fread(buf, 2 * sizeof(float), want, raw);
            if (got != want) {
                err_set(err, (SrcRef){0}, "cannot read back the mix being mastered");
                ok = false;
                break;
            }
            in += got;
        }
        for (uint64_t i = 0; i < 2 * got; i++) buf[i] *= gain;
        for (uint64_t i = 2 * got; i < 2 * k; i++) buf[i] = 0; /* the lookahead's tail */
        tplimit_process(lim, buf, buf, (int)k);
        /* frame `lat` out of the limiter is frame 0 in */
        uint64_t from = made < lat ? (lat - made < k ? lat - made : k) : 0;
        made += k;
        uint64_t n = k - from;
        if (!n) continue;
        if (write && !write(ud, buf + 2 * from, n, err)) ok = false;
        if (ok && ebur128_add_frames_float(st, buf + 2 * from, (size_t)n) != EBUR128_SUCCESS)
            abort();
    }
    if (reduction) *reduction = tplimit_reduction_db(lim);
    tplimit_free(lim);
    free(buf);
    return ok;
}

static double integrated(ebur128_state *st) {
    double v;
    return ebur128_loudness_global(st, &v) == EBUR128_SUCCESS ? v : NAN;
}

bool master_finish(FILE *raw, uint64_t frames, double rate, double target, double ceiling_db,
                   double raw_lufs, MasterWrite write, void *ud, MasterResult *res, Err *err) {
    double gain = 0;
    res->passes = 0;
    if (!isnan(target) && isfinite(raw_lufs)) {
        gain = fmin(target - raw_lufs, MAX_GAIN);
        double before = NAN; /* the last pass's loudness */
        for (int p = 0; p < MAX_PASSES; p++) {
            ebur128_state *st = ebur128_init(2, (unsigned long)rate, EBUR128_MODE_I);
            if (!st) abort();
            bool ok = pass(raw, frames, rate, gain, ceiling_db, st, NULL, NULL, NULL, err);
            double got = integrated(st);
            ebur128_destroy(&st);
            res->passes++;
            if (!ok) return false;
            if (!isfinite(got) || fabs(target - got) <= CLOSE_LU) break;
            /* more gain no longer makes it louder: the limiter takes it all (an
             * unreachable target), so the passes stop here */
            if (fabs(got - before) < STUCK_LU) break;
            before = got;
            gain = fmin(gain + (target - got), MAX_GAIN);
        }
    }
    ebur128_state *st = ebur128_init(2, (unsigned long)rate,
                                     EBUR128_MODE_I | EBUR128_MODE_LRA | EBUR128_MODE_TRUE_PEAK);
    if (!st) abort();
    bool ok = pass(raw, frames, rate, gain, ceiling_db, st, write, ud, &res->reduction_db, err);
    res->gain_db = gain;
    res->lufs = integrated(st);
    if (ebur128_loudness_range(st, &res->lra) != EBUR128_SUCCESS) res->lra = NAN;
    double tp[2];
    res->true_peak = ebur128_true_peak(st, 0, &tp[0]) == EBUR128_SUCCESS &&
                             ebur128_true_peak(st, 1, &tp[1]) == EBUR128_SUCCESS
                         ? 20 * log10(fmax(tp[0], tp[1]))
                         : NAN;
    ebur128_destroy(&st);
    return ok;
}
