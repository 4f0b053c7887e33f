/*
 * sampler.c - the sampler: a sound file's frames at a speed, linearly
 * interpolated, from begin to end (or back from end to begin at a negative
 * speed), or, looping, from begin round the loop loopBegin..loopEnd as
 * superdough's. Audio thread.
 */
#include "sampler.h"

#include <math.h>

#define X(k, i) (in[k][(i)&m[k]])

void sampler_block(const Sample *smp, int channel, double *phase, const float *const in[],
                   const int m[], float *out, int n, uint64_t pos, double inv_rate) {
    for (int j = 0; j < n; j++) {
        out[j] = 0;
        if (!smp || smp->frames < 2) continue;
        double sp = X(0, j), b = X(1, j), e = X(2, j);
        b = b < 0 ? 0 : b > 1 ? 1 : b, e = e < 0 ? 0 : e > 1 ? 1 : e;
        double first = b * (smp->frames - 1), last = e * (smp->frames - 1);
        if (pos + (uint64_t)j == 0) *phase = sp < 0 ? last : first;
        double p = *phase;
        double lo = first < last ? first : last, hi = first > last ? first : last;
        if (X(3, j) > 0) {
            /* looping as superdough's buffer source does: between loopBegin and loopEnd
             * less begin (its quirk), in the file's frames; a loop that is not inside
             * the file is the whole file */
            double fr = smp->frames, le = (X(5, j) - b) * fr, ls = (X(4, j) - b) * fr;
            if (!(le > 0 && le <= fr)) le = fr;
            if (!(ls >= 0 && ls < le)) ls = 0;
            double span = le - ls;
            if (span >= 1) {
                if (p >= le)
                    p = ls + fmod(p - ls, span);
                else if (p < ls && sp < 0)
                    p = le - fmod(ls - p, span);
            }
        } else if (p < lo || p > hi) {
            continue;
        }
        /* (a loop's last frame holds until the phase wraps) */
        double rp = p < 0 ? 0 : p > smp->frames - 1 ? smp->frames - 1 : p;
        uint32_t k = (uint32_t)rp;
        float f = (float)(rp - k);
        const float *d = channel && smp->right ? smp->right : smp->data;
        out[j] = d[k] + f * (d[k + 1 < smp->frames ? k + 1 : k] - d[k]);
        *phase = p + sp * smp->rate * inv_rate;
    }
}
