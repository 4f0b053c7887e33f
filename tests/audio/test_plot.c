/*
 * test_plot.c - tala render --plot's picture, read back: a PNG of the size
 * asked for (its IHDR), a waveform where the sound is and none where it is
 * silent, the spectrogram's brightest row at the tone's frequency, and the
 * loudness curve drawn with the integrated level libebur128 measures.
 */
#include "render_support.h"

#include "engine/plot.h"

#include <cairo.h>
#include <sndfile.h>
#include <stdint.h>

#define RATE 48000

/* Two seconds: a 1 kHz sine at -12 dBFS on both sides, then two of silence. */
static void write_tone(const char *path) {
    SF_INFO info = {.samplerate = RATE, .channels = 2, .format = SF_FORMAT_WAV | SF_FORMAT_FLOAT};
    SNDFILE *sf = sf_open(path, SFM_WRITE, &info);
    assert_non_null(sf);
    static float x[4 * RATE * 2];
    for (int i = 0; i < 2 * RATE; i++)
        x[2 * i] = x[2 * i + 1] = (float)(0.25119 * sin(2 * M_PI * 1000.0 * i / RATE));
    assert_int_equal(sf_writef_float(sf, x, 4 * RATE), 4 * RATE);
    sf_close(sf);
}

static uint32_t pixel(cairo_surface_t *s, int x, int y) {
    unsigned char *d = cairo_image_surface_get_data(s);
    return ((uint32_t *)(d + y * cairo_image_surface_get_stride(s)))[x] & 0xffffff;
}

static int brightness(uint32_t p) {
    return (int)((p >> 16) & 255) + (int)((p >> 8) & 255) + (int)(p & 255);
}

static void test_plot_of_a_tone(void **state) {
    (void)state;
    char dir[] = "/tmp/tala_plot_XXXXXX", wav[300], png[300], why[1200];
    assert_non_null(mkdtemp(dir));
    snprintf(wav, sizeof wav, "%s/tone.wav", dir);
    snprintf(png, sizeof png, "%s/tone.png", dir);
    write_tone(wav);
    PlotReport rep;
    assert_true(engine_plot(wav, png, 800, 500, &rep, why, sizeof why));

    /* the header: the PNG signature, then IHDR's width and height, big-endian */
    FILE *f = fopen(png, "rb");
    assert_non_null(f);
    unsigned char h[24];
    assert_int_equal(fread(h, 1, 24, f), 24);
    fclose(f);
    assert_memory_equal(h, "\x89PNG\r\n\x1a\n", 8);
    assert_memory_equal(h + 12, "IHDR", 4);
    assert_int_equal(h[16] << 24 | h[17] << 16 | h[18] << 8 | h[19], 800);
    assert_int_equal(h[20] << 24 | h[21] << 16 | h[22] << 8 | h[23], 500);

    cairo_surface_t *img = cairo_image_surface_create_from_png(png);
    assert_int_equal(cairo_surface_status(img), CAIRO_STATUS_SUCCESS);
    assert_int_equal(cairo_image_surface_get_width(img), 800);
    cairo_surface_flush(img);
    /* two columns off the time grid's lines (every second) */
    int tone_x = rep.x0 + rep.plot_w / 4 + 3, quiet_x = rep.x0 + rep.plot_w * 3 / 4 + 3;

    /* the waveform: drawn over a quarter of the lane's height where the tone is
     * (-12 dBFS: a quarter of full scale up and down, the
     * lane's half 95 % of full scale), nothing where it is silent but the zero line */
    int lane = rep.wave_h / 2, drawn = 0, drawn_quiet = 0;
    uint32_t ground = pixel(img, quiet_x, rep.wave_y + 2);
    for (int y = rep.wave_y; y < rep.wave_y + lane; y++) {
        drawn += pixel(img, tone_x, y) != ground;
        drawn_quiet += pixel(img, quiet_x, y) != ground && abs(y - (rep.wave_y + lane / 2)) > 1;
    }
    assert_in_range(drawn, lane * 0.2, lane * 0.3);
    assert_int_equal(drawn_quiet, 0);

    /* the spectrogram: its brightest row where 1 kHz is on the log axis */
    int best = 0, best_y = -1;
    for (int y = rep.spec_y; y < rep.spec_y + rep.spec_h; y++) {
        int b = brightness(pixel(img, tone_x, y));
        if (b > best) best = b, best_y = y;
    }
    double want = rep.spec_y + rep.spec_h * (log(20000) - log(1000)) / (log(20000) - log(30));
    assert_true(fabs(best_y - want) <= 2);
    assert_true(best > 600);                                           /* bright */
    assert_true(brightness(pixel(img, tone_x, rep.spec_y + 5)) < 150); /* 19 kHz: dark */
    assert_true(brightness(pixel(img, quiet_x, (int)want)) < 40);      /* silence: black */

    /* the loudness: a point every 100 ms (the 3 s window holds some of the tone to
     * the end), and the integrated level as libebur128 measures the file: a 1 kHz
     * sine on both sides measures about its dBFS (the last blocks, half silent,
     * pass the relative gate and take a little off) */
    Loudness l;
    assert_true(engine_loudness(wav, &l, why, sizeof why));
    assert_true(fabs(rep.lufs - l.lufs) < 0.01);
    assert_true(fabs(rep.lufs - -12.0) < 0.5);
    assert_int_equal(rep.loudness_points, 40);
    cairo_surface_destroy(img);

    /* asked for the wrong size or a file it cannot read: said, nothing written */
    assert_false(engine_plot(wav, png, 100, 100, &rep, why, sizeof why));
    assert_non_null(strstr(why, "320x240"));
    assert_false(engine_plot("/nonexistent.wav", png, 800, 500, &rep, why, sizeof why));
    assert_non_null(strstr(why, "cannot read"));
    remove(wav), remove(png), rmdir(dir);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_plot_of_a_tone),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
