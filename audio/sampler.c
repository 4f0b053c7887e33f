/*
 * sampler.c - the sampler: a sound file's frames at a speed, linearly
 * interpolated, from begin to end (or back from end to begin at a negative
 * speed), looping between them when asked. Audio thread.
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
        double span = fabs(e - b) * smp->frames; /* a loop's period, in frames */
        if (X(3, j) > 0 && span >= 1) {
            if (p < lo || p >= lo + span) { /* looping: wrap around inside begin..end */
                p = lo + fmod(p - lo, span);
                if (p < lo) p += span;
            }
        } else if (p < lo || p > hi) {
            continue;
        }
        uint32_t k = (uint32_t)p;
        float f = (float)(p - k);
        const float *d = channel && smp->right ? smp->right : smp->data;
        out[j] = d[k] + f * (d[k + 1 < smp->frames ? k + 1 : k] - d[k]);
        *phase = p + sp * smp->rate * inv_rate;
    }
}
