/*
 * plot.c - a picture of a sound file (tala render ... --plot OUT.png): its
 * waveform (each side's peaks and RMS per pixel column), a spectrogram (FFTW,
 * 4096-point Hann windows, a logarithmic frequency axis from 30 Hz to 20 kHz)
 * and the loudness over time (libebur128's short-term and momentary LUFS,
 * the integrated level as a line). Drawn with cairo, written as PNG by cairo.
 */
#include "plot.h"

#include <cairo.h>
#include <ebur128.h>
#include <fftw3.h>
#include <math.h>
#include <sndfile.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../spec/lazylib.h"

/* cairo and FFTW are opened when the first plot is drawn (spec/lazylib.h) */
/* clang-format off */
#define CAIRO_FNS(X) \
    X(cairo_create) X(cairo_destroy) X(cairo_fill) X(cairo_image_surface_create) \
    X(cairo_image_surface_get_data) X(cairo_image_surface_get_stride) X(cairo_line_to) \
    X(cairo_move_to) X(cairo_paint) X(cairo_rectangle) X(cairo_select_font_face) \
    X(cairo_set_dash) X(cairo_set_font_size) X(cairo_set_line_width) X(cairo_set_source_rgb) \
    X(cairo_set_source_rgba) X(cairo_set_source_surface) X(cairo_show_text) \
    X(cairo_status_to_string) X(cairo_stroke) X(cairo_surface_destroy) X(cairo_surface_flush) \
    X(cairo_surface_mark_dirty) X(cairo_surface_write_to_png) X(cairo_text_extents)
/* clang-format on */
LAZY_LIB(cairo_api, TALA_SO_CAIRO, CAIRO_FNS)
/* clang-format off */
#define FFTW_FNS(X) \
    X(fftwf_destroy_plan) X(fftwf_execute) X(fftwf_free) X(fftwf_malloc) \
    X(fftwf_plan_dft_r2c_1d)
/* clang-format on */
LAZY_LIB(fftw_api, TALA_SO_FFTW, FFTW_FNS)

#define FFT_N    4096
#define MARGIN_L 64
#define MARGIN_R 16
#define DB_FLOOR (-96.0) /* the spectrogram's colours: black here ... */
#define DB_TOP   (-12.0) /* ... to the brightest here */
#define LUFS_LO  (-48.0)

typedef struct {
    float *x; /* interleaved frames */
    long frames;
    int channels, rate;
} Sound;

static bool read_sound(const char *path, Sound *s, char *why, size_t n) {
    SF_INFO info = {0};
    SNDFILE *sf = sf_open(path, SFM_READ, &info);
    if (!sf) {
        snprintf(why, n, "cannot read %s: %s", path, sf_strerror(NULL));
        return false;
    }
    s->frames = (long)info.frames, s->channels = info.channels, s->rate = info.samplerate;
    s->x = malloc((size_t)(s->frames > 0 ? s->frames : 1) * (size_t)s->channels * sizeof(float));
    if (!s->x) abort();
    s->frames = (long)sf_readf_float(sf, s->x, s->frames);
    sf_close(sf);
    if (s->frames <= 0) {
        snprintf(why, n, "%s holds no sound to draw", path);
        free(s->x);
        return false;
    }
    return true;
}

/* A colour ramp for the spectrogram, dark (quiet) to bright (loud). */
static void heat(double v, unsigned char rgb[3]) {
    static const double STOPS[][3] = {{0, 0, 4},     {40, 11, 84},   {137, 34, 106},
                                      {227, 89, 51}, {249, 201, 50}, {252, 255, 164}};
    v = v < 0 ? 0 : v > 1 ? 1 : v;
    double p = v * 5;
    int i = (int)p < 5 ? (int)p : 4;
    double f = p - i;
    for (int c = 0; c < 3; c++)
        rgb[c] = (unsigned char)(STOPS[i][c] + (STOPS[i + 1][c] - STOPS[i][c]) * f + 0.5);
}

static void text(cairo_t *cr, double x, double y, const char *s, double size) {
    cairo_api.cairo_set_font_size(cr, size);
    cairo_api.cairo_move_to(cr, x, y);
    cairo_api.cairo_show_text(cr, s);
}

/* A panel's dark ground. */
static void panel(cairo_t *cr, int y, int h, int w) {
    cairo_api.cairo_set_source_rgb(cr, 0.08, 0.08, 0.1);
    cairo_api.cairo_rectangle(cr, MARGIN_L, y, w - MARGIN_L - MARGIN_R, h);
    cairo_api.cairo_fill(cr);
}

static void waveform(cairo_t *cr, const Sound *s, int y0, int h, int w) {
    int pw = w - MARGIN_L - MARGIN_R;
    int lanes = s->channels > 1 ? 2 : 1;
    double lh = (double)h / lanes;
    for (int lane = 0; lane < lanes; lane++) {
        double mid = y0 + lh * (lane + 0.5);
        for (int px = 0; px < pw; px++) {
            long a = (long)((double)px / pw * s->frames),
                 b = (long)((double)(px + 1) / pw * s->frames);
            if (b <= a) b = a + 1;
            float lo = 0, hi = 0;
            double sq = 0;
            for (long f = a; f < b && f < s->frames; f++) {
                float v = s->x[f * s->channels + lane];
                lo = v < lo ? v : lo, hi = v > hi ? v : hi;
                sq += (double)v * v;
            }
            double rms = sqrt(sq / (double)(b - a));
            double x = MARGIN_L + px + 0.5, scale = lh / 2 * 0.95;
            cairo_api.cairo_set_source_rgb(cr, 0.25, 0.55, 0.9); /* peaks */
            cairo_api.cairo_move_to(cr, x, mid - hi * scale);
            cairo_api.cairo_line_to(cr, x, mid - lo * scale + 0.5);
            cairo_api.cairo_stroke(cr);
            cairo_api.cairo_set_source_rgb(cr, 0.6, 0.85, 1); /* RMS */
            cairo_api.cairo_move_to(cr, x, mid - rms * scale);
            cairo_api.cairo_line_to(cr, x, mid + rms * scale);
            cairo_api.cairo_stroke(cr);
            if (fabsf(hi) >= 1 || fabsf(lo) >= 1) { /* a full-scale sample: red */
                cairo_api.cairo_set_source_rgb(cr, 1, 0.2, 0.2);
                cairo_api.cairo_rectangle(cr, x - 0.5, y0 + lh * lane, 1, 3);
                cairo_api.cairo_fill(cr);
            }
        }
        cairo_api.cairo_set_source_rgb(cr, 0.6, 0.6, 0.6);
        text(cr, 6, mid + 4, lanes == 1 ? "mono" : lane ? "right" : "left", 10);
    }
}

static void spectrogram(cairo_t *cr, const Sound *s, int y0, int h, int w) {
    int pw = w - MARGIN_L - MARGIN_R;
    cairo_surface_t *img = cairo_api.cairo_image_surface_create(CAIRO_FORMAT_RGB24, pw, h);
    unsigned char *px = cairo_api.cairo_image_surface_get_data(img);
    int stride = cairo_api.cairo_image_surface_get_stride(img);
    float *in = fftw_api.fftwf_malloc(sizeof(float) * FFT_N);
    fftwf_complex *out = fftw_api.fftwf_malloc(sizeof(fftwf_complex) * (FFT_N / 2 + 1));
    fftwf_plan plan = fftw_api.fftwf_plan_dft_r2c_1d(FFT_N, in, out, FFTW_ESTIMATE);
    double *db = malloc(sizeof(double) * (FFT_N / 2 + 1)), win[FFT_N], wsum = 0;
    for (int i = 0; i < FFT_N; i++) wsum += win[i] = 0.5 - 0.5 * cos(2 * M_PI * i / FFT_N);
    double lo = log(30), hi = log(fmin(20000, s->rate / 2.0));
    cairo_api.cairo_surface_flush(img);
    for (int col = 0; col < pw; col++) {
        long centre = (long)((col + 0.5) / pw * s->frames);
        for (int i = 0; i < FFT_N; i++) {
            long f = centre - FFT_N / 2 + i;
            float v = 0;
            if (f >= 0 && f < s->frames)
                for (int c = 0; c < s->channels; c++) v += s->x[f * s->channels + c];
            in[i] = (float)(v / s->channels * win[i]);
        }
        fftw_api.fftwf_execute(plan);
        for (int k = 0; k <= FFT_N / 2; k++) {
            double m = hypot(out[k][0], out[k][1]) * 2 / wsum; /* a full-scale sine: 1 */
            db[k] = m > 0 ? 20 * log10(m) : DB_FLOOR;
        }
        for (int row = 0; row < h; row++) { /* row 0 on top: the highest frequency */
            double f0 = exp(hi - (hi - lo) * (row + 1) / h), f1 = exp(hi - (hi - lo) * row / h);
            int k0 = (int)floor(f0 * FFT_N / s->rate), k1 = (int)ceil(f1 * FFT_N / s->rate);
            if (k1 > FFT_N / 2) k1 = FFT_N / 2;
            if (k0 < 1) k0 = 1;
            double best = DB_FLOOR;
            for (int k = k0; k <= k1; k++) best = db[k] > best ? db[k] : best;
            unsigned char rgb[3];
            heat((best - DB_FLOOR) / (DB_TOP - DB_FLOOR), rgb);
            uint32_t *p = (uint32_t *)(px + row * stride) + col;
            *p = (uint32_t)rgb[0] << 16 | (uint32_t)rgb[1] << 8 | rgb[2];
        }
    }
    cairo_api.cairo_surface_mark_dirty(img);
    cairo_api.cairo_set_source_surface(cr, img, MARGIN_L, y0);
    cairo_api.cairo_paint(cr);
    cairo_api.cairo_surface_destroy(img);
    fftw_api.fftwf_destroy_plan(plan);
    fftw_api.fftwf_free(in);
    fftw_api.fftwf_free(out);
    free(db);
    cairo_api.cairo_set_source_rgb(cr, 0.75, 0.75, 0.75);
    static const double MARKS[] = {100, 1000, 10000};
    static const char *LABELS[] = {"100 Hz", "1 kHz", "10 kHz"};
    for (int i = 0; i < 3 && log(MARKS[i]) <= hi; i++) { /* (10 kHz: not at 16 kHz) */
        double y = y0 + h * (hi - log(MARKS[i])) / (hi - lo);
        text(cr, 6, y + 4, LABELS[i], 10);
    }
}

/* Short-term (3 s) and momentary (400 ms) loudness every 100 ms. */
static void loudness(cairo_t *cr, const Sound *s, int y0, int h, int w, PlotReport *rep) {
    int pw = w - MARGIN_L - MARGIN_R;
    ebur128_state *st = ebur128_init((unsigned)s->channels, (unsigned long)s->rate,
                                     EBUR128_MODE_S | EBUR128_MODE_I | EBUR128_MODE_TRUE_PEAK);
    if (!st) return;
    long hop = s->rate / 10;
    double yscale = h / -LUFS_LO;
    for (int pass = 0; pass < 2; pass++) { /* momentary, faint; then short-term over it */
        ebur128_state *m =
            pass ? st : ebur128_init((unsigned)s->channels, (unsigned long)s->rate, EBUR128_MODE_M);
        if (!m) continue;
        bool pen = false;
        for (long f = 0; f < s->frames; f += hop) {
            long n = f + hop <= s->frames ? hop : s->frames - f;
            ebur128_add_frames_float(m, s->x + f * s->channels, (size_t)n);
            double v;
            if ((pass ? ebur128_loudness_shortterm(m, &v) : ebur128_loudness_momentary(m, &v)) !=
                    EBUR128_SUCCESS ||
                !(v > LUFS_LO)) {
                pen = false;
                continue;
            }
            if (pass) rep->loudness_points++;
            double x = MARGIN_L + (double)(f + n) / s->frames * pw,
                   y = y0 + (v < 0 ? -v : 0) * yscale;
            if (pen)
                cairo_api.cairo_line_to(cr, x, y);
            else
                cairo_api.cairo_move_to(cr, x, y);
            pen = true;
        }
        if (pass)
            cairo_api.cairo_set_source_rgb(cr, 0.3, 0.9, 0.5);
        else
            cairo_api.cairo_set_source_rgba(cr, 0.9, 0.9, 0.3, 0.5);
        cairo_api.cairo_set_line_width(cr, pass ? 2 : 1);
        cairo_api.cairo_stroke(cr);
        if (!pass) ebur128_destroy(&m);
    }
    double integrated, tp = 0;
    if (ebur128_loudness_global(st, &integrated) == EBUR128_SUCCESS && integrated > LUFS_LO) {
        rep->lufs = integrated;
        double y = y0 - integrated * yscale;
        cairo_api.cairo_set_source_rgba(cr, 1, 1, 1, 0.6);
        cairo_api.cairo_set_line_width(cr, 1);
        double dash = 4;
        cairo_api.cairo_set_dash(cr, &dash, 1, 0);
        cairo_api.cairo_move_to(cr, MARGIN_L, y);
        cairo_api.cairo_line_to(cr, w - MARGIN_R, y);
        cairo_api.cairo_stroke(cr);
        cairo_api.cairo_set_dash(cr, NULL, 0, 0);
    }
    for (unsigned c = 0; c < (unsigned)s->channels; c++) {
        double p;
        if (ebur128_true_peak(st, c, &p) == EBUR128_SUCCESS && p > tp) tp = p;
    }
    rep->true_peak = tp > 0 ? 20 * log10(tp) : -INFINITY;
    ebur128_destroy(&st);
    cairo_api.cairo_set_source_rgb(cr, 0.75, 0.75, 0.75);
    text(cr, 6, y0 + h / 2.0 + 4, "LUFS", 10);
    for (int l = 0; l >= -40; l -= 10) {
        char b[16];
        snprintf(b, sizeof b, "%d", l);
        text(cr, MARGIN_L - 22, y0 - l * yscale + 4, b, 10);
    }
}

bool engine_plot(const char *audio, const char *png, int width, int height, PlotReport *rep,
                 char *why, size_t n) {
    *rep = (PlotReport){.lufs = -INFINITY, .true_peak = -INFINITY};
    if (width < 320 || height < 240 || width > 8192 || height > 8192) {
        snprintf(why, n, "a plot is 320x240 to 8192x8192 pixels, not %dx%d", width, height);
        return false;
    }
    if (!cairo_api_load(why, n) || !fftw_api_load(why, n)) return false;
    Sound s;
    if (!read_sound(audio, &s, why, n)) return false;
    cairo_surface_t *surf = cairo_api.cairo_image_surface_create(CAIRO_FORMAT_RGB24, width, height);
    cairo_t *cr = cairo_api.cairo_create(surf);
    cairo_api.cairo_set_source_rgb(cr, 0.16, 0.16, 0.19);
    cairo_api.cairo_paint(cr);
    cairo_api.cairo_select_font_face(cr, "sans-serif", CAIRO_FONT_SLANT_NORMAL,
                                     CAIRO_FONT_WEIGHT_NORMAL);
    cairo_api.cairo_set_line_width(cr, 1);
    int top = 30, bottom = 24, gap = 10;
    int avail = height - top - bottom - 2 * gap;
    int hw = avail * 3 / 10, hs = avail * 4 / 10, hl = avail - hw - hs;
    int yw = top, ys = yw + hw + gap, yl = ys + hs + gap;
    panel(cr, yw, hw, width);
    waveform(cr, &s, yw, hw, width);
    panel(cr, ys, hs, width);
    spectrogram(cr, &s, ys, hs, width);
    panel(cr, yl, hl, width);
    loudness(cr, &s, yl, hl, width, rep);
    rep->x0 = MARGIN_L, rep->plot_w = width - MARGIN_L - MARGIN_R;
    rep->wave_y = yw, rep->wave_h = hw, rep->spec_y = ys, rep->spec_h = hs;
    rep->loud_y = yl, rep->loud_h = hl;
    double secs = (double)s.frames / s.rate;
    char title[512];
    const char *base = strrchr(audio, '/');
    int k =
        snprintf(title, sizeof title, "%s   %.1f s   %.1f LUFS integrated   true peak %.1f dBTP",
                 base ? base + 1 : audio, secs, rep->lufs, rep->true_peak);
    const char *legend = "   (waveform, spectrogram, loudness: short-term green, momentary yellow)";
    cairo_text_extents_t ext;
    cairo_api.cairo_set_font_size(cr, 13);
    snprintf(title + k, sizeof title - (size_t)k, "%s", legend);
    cairo_api.cairo_text_extents(cr, title, &ext);
    if (ext.x_advance > width - MARGIN_L - MARGIN_R) title[k] = 0; /* the legend if it fits */
    cairo_api.cairo_set_source_rgb(cr, 0.95, 0.95, 0.95);
    text(cr, MARGIN_L, 20, title, 13);
    double step = secs <= 20 ? 1 : secs <= 60 ? 5 : secs <= 300 ? 15 : 60; /* the time axis */
    for (double t = 0; t <= secs + 1e-9; t += step) {
        char b[16];
        double x = MARGIN_L + t / secs * (width - MARGIN_L - MARGIN_R);
        snprintf(b, sizeof b, "%gs", t);
        cairo_api.cairo_set_source_rgb(cr, 0.75, 0.75, 0.75);
        text(cr, x - 6, height - 8, b, 10);
        cairo_api.cairo_set_source_rgba(cr, 1, 1, 1, 0.12);
        cairo_api.cairo_move_to(cr, x + 0.5, top);
        cairo_api.cairo_line_to(cr, x + 0.5, height - bottom);
        cairo_api.cairo_stroke(cr);
    }
    cairo_api.cairo_destroy(cr);
    cairo_status_t st = cairo_api.cairo_surface_write_to_png(surf, png);
    cairo_api.cairo_surface_destroy(surf);
    free(s.x);
    if (st != CAIRO_STATUS_SUCCESS) {
        snprintf(why, n, "cannot write %s: %s", png, cairo_api.cairo_status_to_string(st));
        return false;
    }
    rep->width = width, rep->height = height, rep->seconds = secs;
    return true;
}
