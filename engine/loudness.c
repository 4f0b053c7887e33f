/*
 * loudness.c - a sound file's loudness (tala loudness FILE): EBU R128 by
 * libebur128 on the samples libsndfile reads, any channel count it opens.
 */
#include "engine.h"

#include <ebur128.h>
#include <math.h>
#include <sndfile.h>
#include <stdio.h>
#include <stdlib.h>

bool engine_loudness(const char *path, Loudness *out, char *why, size_t n) {
    SF_INFO info = {0};
    SNDFILE *sf = sf_open(path, SFM_READ, &info);
    if (!sf) {
        snprintf(why, n, "cannot read %s: %s", path, sf_strerror(NULL));
        return false;
    }
    ebur128_state *st = ebur128_init((unsigned)info.channels, (unsigned long)info.samplerate,
                                     EBUR128_MODE_I | EBUR128_MODE_LRA | EBUR128_MODE_TRUE_PEAK |
                                         EBUR128_MODE_SAMPLE_PEAK);
    if (!st) {
        sf_close(sf);
        snprintf(why, n, "%s: libebur128 cannot measure %d channels at %d Hz", path, info.channels,
                 info.samplerate);
        return false;
    }
    enum { CHUNK = 4096 };
    float *buf = malloc((size_t)CHUNK * (size_t)info.channels * sizeof(float));
    if (!buf) abort();
    sf_count_t got;
    while ((got = sf_readf_float(sf, buf, CHUNK)) > 0)
        ebur128_add_frames_float(st, buf, (size_t)got);
    free(buf);
    sf_close(sf);
    *out = (Loudness){.seconds = (double)info.frames / info.samplerate,
                      .rate = info.samplerate,
                      .channels = info.channels,
                      .true_peak = -INFINITY,
                      .peak = -INFINITY};
    if (ebur128_loudness_global(st, &out->lufs) != EBUR128_SUCCESS || out->lufs < -200)
        out->lufs = -INFINITY;
    if (ebur128_loudness_range(st, &out->lra) != EBUR128_SUCCESS) out->lra = 0;
    for (int c = 0; c < info.channels; c++) {
        double tp, sp;
        if (ebur128_true_peak(st, (unsigned)c, &tp) == EBUR128_SUCCESS && tp > 0)
            out->true_peak = fmax(out->true_peak, 20 * log10(tp));
        if (ebur128_sample_peak(st, (unsigned)c, &sp) == EBUR128_SUCCESS && sp > 0)
            out->peak = fmax(out->peak, 20 * log10(sp));
    }
    ebur128_destroy(&st);
    return true;
}
