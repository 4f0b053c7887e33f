/*
 * tplimit.c - the lookahead true-peak limiter (see tplimit.h).
 *
 * Per frame c, once the input is TAPS/2 frames past it, the detector finds
 * the true peak between c and c+1 (the frame itself and three points in
 * between, both sides) and the gain r[c] = min(1, ceiling / peak) that frame
 * needs. A sliding minimum over LOOK + 2 * NEAR frames of r, averaged over
 * LOOK frames, is the gain: every frame's gain is then at most what it and
 * its NEAR neighbours need (each term of the average includes them), and it
 * moves in straight ramps of LOOK frames. The release only ever raises the
 * gain towards that average, never above it.
 */
#include "tplimit.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define TAPS   48  /* per phase: the interpolator's reach, TAPS/2 frames each way */
#define BETA   6.0 /* its Kaiser window's: flat to 0.45 of the rate */
#define PHASES 4
#define NEAR   2   /* neighbours whose peaks a frame's gain also answers for */
#define MARGIN 0.1 /* dB under the ceiling the detector aims for */

struct TpLimiter {
    float coef[PHASES][TAPS]; /* phase p at c + p/4: taps for x[c - TAPS/2 + 1 .. c + TAPS/2] */
    float *x[2]; /* input ring per side, each frame twice (at i and i + ring): windows are whole */
    int ring, mask;
    float bound; /* the most an interpolated point can exceed its window's largest sample by */
    int64_t in;  /* frames taken in */
    int look, window;
    double ceiling, release;
    /* the sliding minimum: a ring of (frame, gain), gains rising from head to tail */
    int64_t *dq_at;
    double *dq_g;
    int dq_head, dq_len, dq_mask;
    double *h; /* the held gains of the last LOOK frames, and their sum */
    int h_pos;
    double h_sum;
    double g, least;
};

static double bessel_i0(double x) {
    double sum = 1, term = 1;
    for (int k = 1; k < 40; k++) {
        term *= (x / (2 * k)) * (x / (2 * k));
        sum += term;
    }
    return sum;
}

static double kaiser(double t, double span) { /* t in [-span, span] */
    double u = t / span, r = 1 - u * u;
    return bessel_i0(BETA * sqrt(r > 0 ? r : 0)) / bessel_i0(BETA);
}

static void make_coefs(float coef[PHASES][TAPS]) {
    for (int p = 0; p < PHASES; p++) {
        double frac = (double)p / PHASES, sum = 0, c[TAPS];
        for (int k = 0; k < TAPS; k++) {
            double t = frac - (double)(k - TAPS / 2 + 1); /* distance to x[c - TAPS/2 + 1 + k] */
            double s = fabs(t) < 1e-12 ? 1 : sin(M_PI * t) / (M_PI * t);
            c[k] = s * kaiser(t, TAPS / 2.0);
            sum += c[k];
        }
        for (int k = 0; k < TAPS; k++) coef[p][k] = (float)(c[k] / sum); /* unity at DC */
    }
}

static int pow2_above(int n) {
    int p = 1;
    while (p < n) p <<= 1;
    return p;
}

TpLimiter *tplimit_new(double rate, double ceiling_db) {
    TpLimiter *l = calloc(1, sizeof *l);
    if (!l) return NULL;
    make_coefs(l->coef);
    l->look = (int)lround(TPLIMIT_LOOKAHEAD * rate);
    if (l->look < 1) l->look = 1;
    l->window = l->look + 2 * NEAR;
    l->ring = pow2_above(TAPS + l->window + l->look + 8);
    l->mask = l->ring - 1;
    int dq = pow2_above(l->window + 2);
    l->dq_mask = dq - 1;
    l->x[0] = calloc((size_t)l->ring * 2, sizeof(float));
    l->x[1] = calloc((size_t)l->ring * 2, sizeof(float));
    for (int p = 0; p < PHASES; p++) {
        float b = 0;
        for (int k = 0; k < TAPS; k++) b += fabsf(l->coef[p][k]);
        l->bound = b > l->bound ? b : l->bound;
    }
    l->dq_at = calloc((size_t)dq, sizeof *l->dq_at);
    l->dq_g = calloc((size_t)dq, sizeof *l->dq_g);
    l->h = calloc((size_t)l->look, sizeof *l->h);
    if (!l->x[0] || !l->x[1] || !l->dq_at || !l->dq_g || !l->h) {
        tplimit_free(l);
        return NULL;
    }
    for (int i = 0; i < l->look; i++) l->h[i] = 1;
    l->h_sum = l->look;
    l->ceiling = pow(10, (ceiling_db - MARGIN) / 20);
    l->release = 1 - exp(-1 / (TPLIMIT_RELEASE * rate));
    l->g = l->least = 1;
    return l;
}

void tplimit_free(TpLimiter *l) {
    if (!l) return;
    free(l->x[0]);
    free(l->x[1]);
    free(l->dq_at);
    free(l->dq_g);
    free(l->h);
    free(l);
}

int tplimit_latency(const TpLimiter *l) {
    return TAPS / 2 + l->look - 1 + NEAR;
}

double tplimit_reduction_db(const TpLimiter *l) {
    return l->least < 1 ? -20 * log10(l->least) : 0;
}

/* The true peak between frame c and c+1 of the ring (both sides); any
 * value at or below `enough` when it cannot be above it. */
static float peak_at(const TpLimiter *l, int64_t c, float enough) {
    float best = 0;
    const int first = (int)((c - TAPS / 2 + 1) & l->mask);
    for (int ch = 0; ch < 2; ch++) {
        const float *w = l->x[ch] + first;
        float top = 0;
        for (int k = 0; k < TAPS; k++) top = fabsf(w[k]) > top ? fabsf(w[k]) : top;
        if (top * l->bound <= enough) continue; /* no point between can reach it */
        float v = fabsf(w[TAPS / 2 - 1]);
        best = v > best ? v : best;
        for (int p = 1; p < PHASES; p++) {
            float s = 0;
            for (int k = 0; k < TAPS; k++) s += l->coef[p][k] * w[k];
            s = fabsf(s);
            best = s > best ? s : best;
        }
    }
    return best;
}

void tplimit_process(TpLimiter *l, const float *in, float *out, int n) {
    const int lat = tplimit_latency(l);
    for (int i = 0; i < n; i++) {
        int64_t f = l->in++;
        int at = (int)(f & l->mask);
        l->x[0][at] = l->x[0][at + l->ring] = in[2 * i];
        l->x[1][at] = l->x[1][at + l->ring] = in[2 * i + 1];
        /* the frame whose peak is now known, and the gain it needs */
        int64_t c = f - TAPS / 2;
        float pk = c >= 0 ? peak_at(l, c, (float)l->ceiling) : 0;
        double r = pk > l->ceiling ? l->ceiling / pk : 1;
        /* the sliding minimum over the window ending at c */
        while (l->dq_len && l->dq_g[(l->dq_head + l->dq_len - 1) & l->dq_mask] >= r) l->dq_len--;
        l->dq_at[(l->dq_head + l->dq_len) & l->dq_mask] = c;
        l->dq_g[(l->dq_head + l->dq_len) & l->dq_mask] = r;
        l->dq_len++;
        while (l->dq_at[l->dq_head] <= c - l->window) {
            l->dq_head = (l->dq_head + 1) & l->dq_mask;
            l->dq_len--;
        }
        double hold = l->dq_g[l->dq_head];
        /* averaged over the lookahead */
        l->h_sum += hold - l->h[l->h_pos];
        l->h[l->h_pos] = hold;
        l->h_pos = l->h_pos + 1 == l->look ? 0 : l->h_pos + 1;
        double box = l->h_sum / l->look;
        if (box > 1) box = 1;
        l->g = box < l->g ? box : l->g + (box - l->g) * l->release;
        if (l->g < l->least) l->least = l->g;
        int64_t m = f - lat; /* the frame going out */
        float g = (float)l->g;
        if (m < 0) {
            out[2 * i] = out[2 * i + 1] = 0;
        } else {
            out[2 * i] = l->x[0][m & l->mask] * g;
            out[2 * i + 1] = l->x[1][m & l->mask] * g;
        }
    }
}

double tplimit_true_peak(const float *in, int64_t frames) {
    float coef[PHASES][TAPS];
    make_coefs(coef);
    double best = 0;
    for (int64_t c = 0; c < frames; c++)
        for (int ch = 0; ch < 2; ch++) {
            double v = fabs(in[2 * c + ch]);
            best = v > best ? v : best;
            for (int p = 1; p < PHASES; p++) {
                double s = 0;
                for (int k = 0; k < TAPS; k++) {
                    int64_t j = c - TAPS / 2 + 1 + k;
                    if (j >= 0 && j < frames) s += coef[p][k] * in[2 * j + ch];
                }
                best = fabs(s) > best ? fabs(s) : best;
            }
        }
    return best;
}
