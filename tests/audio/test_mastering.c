/*
 * test_mastering.c - the mastering stage, measured: the true-peak limiter
 * keeps hot signals under its ceiling as libebur128 measures true peak (4x
 * oversampling at 48 kHz), ramps its gain without a step, and leaves a
 * signal under the ceiling bit for bit (only delayed); a render normalised
 * with --lufs measures its target; 16- and 24-bit files are dithered (TPDF);
 * stems, with the master bypassed, sum to the pre-master mix.
 */
#include "render_support.h"

#include "audio/tplimit.h"

#include <dirent.h>
#include <sys/stat.h>
#include <ebur128.h>
#include <stdint.h>

#define RATE 48000

/* The true peak of interleaved stereo frames as libebur128 measures it (dBTP). */
static double ebu_true_peak(const float *x, long n) {
    ebur128_state *st = ebur128_init(2, RATE, EBUR128_MODE_TRUE_PEAK);
    assert_non_null(st);
    assert_int_equal(ebur128_add_frames_float(st, x, (size_t)n), EBUR128_SUCCESS);
    double a, b;
    assert_int_equal(ebur128_true_peak(st, 0, &a), EBUR128_SUCCESS);
    assert_int_equal(ebur128_true_peak(st, 1, &b), EBUR128_SUCCESS);
    ebur128_destroy(&st);
    return 20 * log10(fmax(a, b));
}

/* Limits x (n frames) at ceiling; returns the output aligned with the input
 * (the lookahead taken out), n frames. */
static float *limit(const float *x, long n, double ceiling) {
    TpLimiter *l = tplimit_new(RATE, ceiling);
    assert_non_null(l);
    long lat = tplimit_latency(l);
    float *in = calloc((size_t)(n + lat) * 2, sizeof(float));
    float *out = calloc((size_t)(n + lat) * 2, sizeof(float));
    memcpy(in, x, (size_t)n * 2 * sizeof(float));
    for (long i = 0; i < n + lat; i += 1000) /* in blocks, as a render feeds it */
        tplimit_process(l, in + 2 * i, out + 2 * i, (int)(n + lat - i < 1000 ? n + lat - i : 1000));
    tplimit_free(l);
    memmove(out, out + 2 * lat, (size_t)n * 2 * sizeof(float));
    free(in);
    return out;
}

static uint64_t rng = 88172645463325252ULL;
static double uni(void) { /* -1 .. 1 */
    rng ^= rng << 13, rng ^= rng >> 7, rng ^= rng << 17;
    return (double)(rng >> 11) / 4503599627370496.0 - 1;
}

/* Hot signals: what a limiter meets at its worst. */
static float *hot(int kind, long n) {
    float *x = calloc((size_t)n * 2, sizeof(float));
    for (long i = 0; i < n; i++) {
        double t = (double)i / RATE, v;
        switch (kind) {
        case 0: /* a quarter of the rate, 45 degrees off: samples at 0.707 of its peak */
            v = 4 * sin(M_PI / 2 * (double)i + M_PI / 4);
            break;
        case 1: /* noise, 12 dB hot */ v = 4 * uni(); break;
        case 2: /* a square wave at 997 Hz */
            v = 2 * (sin(2 * M_PI * 997 * t) >= 0 ? 1 : -1);
            break;
        case 3: /* clicks on silence: single samples */ v = i % 4800 == 100 ? 3.0 : 0; break;
        default: /* a quiet bed with a hot burst, near the top of the band */
            v = 0.2 * sin(2 * M_PI * 440 * t) +
                (t > 0.5 && t < 0.6 ? 3 * sin(2 * M_PI * 15000 * t) : 0);
        }
        x[2 * i] = (float)v;
        x[2 * i + 1] = (float)(kind == 1 ? 4 * uni() : -v);
    }
    return x;
}

static void test_limiter_holds_the_true_peak(void **st) {
    (void)st;
    const double ceilings[] = {-1, -0.1, -6};
    for (int c = 0; c < 3; c++)
        for (int kind = 0; kind < 5; kind++) {
            long n = RATE;
            float *x = hot(kind, n);
            assert_true(ebu_true_peak(x, n) > ceilings[c] + 3); /* it is hot */
            float *y = limit(x, n, ceilings[c]);
            double tp = ebu_true_peak(y, n);
            if (tp > ceilings[c])
                fail_msg("signal %d at %.1f dBTP: %.3f dBTP out", kind, ceilings[c], tp);
            assert_true(tplimit_true_peak(y, n) <= pow(10, ceilings[c] / 20));
            /* ... and is not turned down further than it needs (within 1 dB) */
            assert_true(tp > ceilings[c] - 1);
            free(x);
            free(y);
        }
}

static void test_limiter_is_transparent_below_the_ceiling(void **st) {
    (void)st;
    long n = RATE / 2;
    float *x = calloc((size_t)n * 2, sizeof(float));
    for (long i = 0; i < n; i++)
        x[2 * i] = (float)(0.4 * uni()), x[2 * i + 1] = (float)(0.3 * uni());
    float *y = limit(x, n, -1); /* 0.4 with its true peak stays below -1 dBTP (0.89) */
    assert_true(ebu_true_peak(x, n) < -1.5);
    assert_memory_equal(x, y, (size_t)n * 2 * sizeof(float));
    free(x);
    free(y);
}

/* A step from 0.5 to 2.0 (DC): the gain comes down in straight ramps over
 * the lookahead, before the step, and holds the ceiling from there (lower
 * at first: the step's true peak rings above it, as any reconstruction
 * does), coming back up to it over the release. */
static void test_limiter_ramps_before_a_peak(void **st) {
    (void)st;
    long n = RATE, step = n / 2;
    float *x = calloc((size_t)n * 2, sizeof(float));
    for (long i = 0; i < n; i++) x[2 * i] = x[2 * i + 1] = i < step ? 0.5f : 2.0f;
    float *y = limit(x, n, -1);
    long look = lround(TPLIMIT_LOOKAHEAD * RATE);
    double ceiling = pow(10, -1.0 / 20), prev = 1;
    for (long i = 0; i < n; i++) {
        double g = y[2 * i] / x[2 * i];
        if (i < step - look - 3) assert_true(g == 1); /* untouched until the ramp */
        if (i < step) {
            assert_true(g <= prev + 1e-6);              /* down only, up to the step */
            assert_true(prev - g <= 1.0 / look + 1e-4); /* at most one ramp step a frame */
            prev = g;
        } else {
            assert_true(y[2 * i] <= ceiling);
        }
    }
    assert_true(y[2 * (n - 1000)] > ceiling * 0.97); /* (the end, a step down, rings too) */
    free(x);
    free(y);
}

static Session *session_of(const char *program) {
    Err err = {0};
    SessionOpts so = {.rate = RATE, .voices = 256, .tempo = 120, .quiet = true};
    Session *S = session_new(&so, &err);
    assert_non_null(S);
    if (!session_eval(S, "<test>", program, strlen(program), NULL, &err)) fail_msg("%s", err.msg);
    return S;
}

static const char *MIX = "drums = s(\"bd*4, ~ sn, hh*8\").room(0.3).delay(0.25)\n"
                         "bass = note(\"c2 c2 eb2 g1\").s(\"saw\").lpf(900)\n"
                         "keys = note(\"<c4 e4 g4>*2\").s(\"triangle\").orbit(2).room(0.5)\n"
                         "mix keys { send: { verb: 0.5 }, gain: -3 }\n"
                         "bus verb = reverb(size: 0.8, mix: 1)\n"
                         "master = comp(-20dB, 4).highshelf(8000, 3dB)\n"
                         "play drums, bass, keys\n";

static void test_lufs_target_is_met(void **st) {
    (void)st;
    const double targets[] = {-14, -23, -9};
    for (int k = 0; k < 3; k++) {
        Session *S = session_of(MIX);
        char path[] = "/tmp/tala-master-XXXXXX.wav";
        close(mkstemps(path, 4));
        RenderOpts o = {.rate = RATE,
                        .bars = 8,
                        .format = "wav",
                        .limit = true,
                        .ceiling = -1,
                        .lufs = targets[k],
                        .bits = k == 2 ? 16 : 0};
        RenderReport rep;
        Err err = {0};
        if (!engine_render(S, path, &o, NULL, &rep, &err)) fail_msg("%s", err.msg);
        session_free(S);
        assert_true(fabs(rep.lufs - targets[k]) <= 0.1);
        assert_true(rep.true_peak <= -1);
        /* the file read back measures the same */
        Audio a = read_wav(path);
        float *inter = malloc((size_t)a.n * 2 * sizeof(float));
        for (long i = 0; i < a.n; i++) inter[2 * i] = a.l[i], inter[2 * i + 1] = a.r[i];
        ebur128_state *e = ebur128_init(2, RATE, EBUR128_MODE_I);
        ebur128_add_frames_float(e, inter, (size_t)a.n);
        double lufs;
        ebur128_loudness_global(e, &lufs);
        ebur128_destroy(&e);
        assert_true(fabs(lufs - targets[k]) <= 0.1);
        assert_true(ebu_true_peak(inter, a.n) <= -1);
        assert_int_equal(a.n, 8 * 2 * RATE); /* 8 bars at 120 bpm, from frame 0 */
        free(inter);
        audio_done(&a);
        unlink(path);
    }
}

/* TPDF dither at 16 bits: every sample on the grid, the error's mean 0 and
 * its power a quarter of a step squared (rounding's 1/12 and the dither's
 * 1/6); a level of 0.3 steps survives as an average (rounding alone: 0). */
static void test_dither(void **st) {
    (void)st;
    char path[] = "/tmp/tala-dither-XXXXXX.wav";
    close(mkstemps(path, 4));
    char why[200];
    SNDFILE *sf = engine_sound_open(path, RATE, "wav", 16, why, sizeof why);
    assert_non_null(sf);
    long n = 100000;
    float *x = malloc((size_t)n * 2 * sizeof(float)), *q = malloc((size_t)n * 2 * sizeof(float));
    for (long i = 0; i < 2 * n; i++) x[i] = (float)(i % 2 ? 0.3 / 32768 : 0.25 * uni());
    memcpy(q, x, (size_t)n * 2 * sizeof(float));
    uint64_t seed = 1;
    assert_true(engine_sound_write(sf, 16, &seed, q, (uint64_t)n));
    assert_true(engine_sound_close(sf, path));
    double mean = 0, power = 0, dc = 0;
    for (long i = 0; i < n; i++) {
        double e = ((double)q[2 * i] - x[2 * i]) * 32768;
        assert_true(q[2 * i] * 32768 == floorf(q[2 * i] * 32768)); /* on the grid */
        mean += e / n, power += e * e / n, dc += q[2 * i + 1] * 32768.0 / n;
    }
    assert_true(fabs(mean) < 0.01);
    assert_true(fabs(power - 0.25) < 0.01);
    assert_true(fabs(dc - 0.3) < 0.01);
    /* the file holds exactly those samples */
    SF_INFO info = {0};
    SNDFILE *in = sf_open(path, SFM_READ, &info);
    assert_int_equal(info.format, SF_FORMAT_WAV | SF_FORMAT_PCM_16);
    float *back = malloc((size_t)n * 2 * sizeof(float));
    assert_int_equal(sf_readf_float(in, back, n), n);
    sf_close(in);
    assert_memory_equal(back, q, (size_t)n * 2 * sizeof(float));
    free(x), free(q), free(back);
    unlink(path);
}

/* The stems of a render with the master bypassed (tracks, the bus's return,
 * the orbits' reverbs and delays) sum to its mix within -90 dB. */
static void test_stems_sum_to_the_mix(void **st) {
    (void)st;
    char dir[] = "/tmp/tala-stems-XXXXXX";
    assert_non_null(mkdtemp(dir));
    char mix[300];
    snprintf(mix, sizeof mix, "%s/mix.wav", dir);
    char stems[300];
    snprintf(stems, sizeof stems, "%s/stems", dir);
    mkdir(stems, 0777);
    Session *S = session_of(MIX);
    RenderOpts o = {
        .rate = RATE, .bars = 4, .format = "wav", .stems = stems, .bypass_master = true};
    RenderReport rep;
    Err err = {0};
    if (!engine_render(S, mix, &o, NULL, &rep, &err)) fail_msg("%s", err.msg);
    session_free(S);
    Audio m = read_wav(mix);
    double *sl = calloc((size_t)m.n, sizeof(double)), *sr = calloc((size_t)m.n, sizeof(double));
    const char *want[] = {"drums.wav",        "bass.wav",          "keys.wav",
                          "bus-verb.wav",     "orbit1-reverb.wav", "orbit1-delay.wav",
                          "orbit2-reverb.wav"};
    int found = 0, files = 0;
    DIR *d = opendir(stems);
    for (struct dirent *e; (e = readdir(d));) {
        if (e->d_name[0] == '.') continue;
        files++;
        for (int k = 0; k < 7; k++) found += !strcmp(e->d_name, want[k]);
        char p[600];
        snprintf(p, sizeof p, "%s/%s", stems, e->d_name);
        Audio a = read_wav(p);
        assert_int_equal(a.n, m.n); /* aligned to sample 0, as long as the mix */
        for (long i = 0; i < a.n; i++) sl[i] += a.l[i], sr[i] += a.r[i];
        audio_done(&a);
        unlink(p);
    }
    closedir(d);
    assert_int_equal(found, 7);
    assert_int_equal(files, 7);
    double worst = 0, top = 0;
    for (long i = 0; i < m.n; i++) {
        worst = fmax(worst, fmax(fabs(sl[i] - m.l[i]), fabs(sr[i] - m.r[i])));
        top = fmax(top, fabs(m.l[i]));
    }
    assert_true(top > 0.1);
    assert_true(20 * log10(worst + 1e-30) < -90);
    audio_done(&m);
    free(sl), free(sr);
    unlink(mix);
    rmdir(stems);
    rmdir(dir);
}

/* A tone of freq hertz (0.5 x sine, a bar long) through `master`, panned. */
static Audio through(const char *master, double freq, double pan) {
    char prog[512];
    snprintf(prog, sizeof prog,
             "synth tone(freq, gate) = sine(freq) * 0.5\nx = note(\"%g\").s(\"tone\")\n"
             "mix x { pan: %g }\n%s%s%s\nplay x\n",
             69 + 12 * log2(freq / 440), pan, master ? "master = " : "", master ? master : "", "");
    return render(prog, NULL, 120, 1);
}

static double db(double x) {
    return 20 * log10(x);
}

/* width: mid and side, the side scaled: 0 is mono, 2 the side twice. */
static void test_width(void **st) {
    (void)st;
    Audio dry = through(NULL, 330, 0.2), w0 = through("width(0)", 330, 0.2),
          w1 = through("width(1)", 330, 0.2), w2 = through("width(2)", 330, 0.2);
    assert_true(rms(dry.r, 0, dry.n) > 0.05); /* both sides sound, unequally */
    for (long i = 0; i < dry.n; i++) {
        float l = dry.l[i], r = dry.r[i];
        assert_true(w0.l[i] == w0.r[i] && fabsf(w0.l[i] - 0.5f * (l + r)) < 1e-6f);
        assert_true(fabsf(w1.l[i] - l) < 1e-6f && fabsf(w1.r[i] - r) < 1e-6f);
        assert_true(fabsf(w2.l[i] - (1.5f * l - 0.5f * r)) < 1e-6f);
        assert_true(fabsf(w2.r[i] - (1.5f * r - 0.5f * l)) < 1e-6f);
    }
    audio_done(&dry), audio_done(&w0), audio_done(&w1), audio_done(&w2);
}

/* glue: a steady tone 4 dB over the threshold at ratio 2 (past the 6 dB
 * knee's half) comes out 2 dB down; under the knee it is untouched, bit for bit. */
static void test_glue(void **st) {
    (void)st;
    Audio dry = through(NULL, 220, 0.5), hot = through("glue(-18dB, 2)", 220, 0.5),
          under = through("glue(-6dB, 2)", 220, 0.5),
          made = through("glue(-18dB, 2, makeup: 3dB)", 220, 0.5);
    long h = dry.n / 2;
    double in = db(rms(dry.l, h, dry.n)); /* -13.98: 0.5 x sin at the note's gain 0.8, centred */
    assert_true(fabs(in + 13.98) < 0.05);
    double over = in + 18, want = in - over / 2;
    assert_true(fabs(db(rms(hot.l, h, hot.n)) - want) < 0.15);
    assert_true(fabs(db(rms(made.l, h, made.n)) - (want + 3)) < 0.15);
    assert_memory_equal(under.l, dry.l, (size_t)dry.n * sizeof(float));
    audio_done(&dry), audio_done(&hot), audio_done(&under), audio_done(&made);
}

/* mastereq: its shelves move their own ends of the spectrum (6 dB at 50 Hz
 * and 15 kHz) and leave the middle (within 0.5 dB). */
static void test_mastereq(void **st) {
    (void)st;
    const struct {
        const char *eq;
        double freq, lo, hi;
    } cases[] = {{"mastereq(low: 6dB)", 50, 5.5, 6.2},      {"mastereq(low: 6dB)", 3000, -0.5, 0.5},
                 {"mastereq(high: 6dB)", 15000, 5.5, 6.2},  {"mastereq(high: 6dB)", 300, -0.5, 0.5},
                 {"mastereq(mid: -4dB)", 1000, -4.2, -3.6}, {"mastereq(cut: 100)", 30, -30, -12}};
    for (int k = 0; k < 6; k++) {
        Audio flat = through("mastereq()", cases[k].freq, 0.5),
              eq = through(cases[k].eq, cases[k].freq, 0.5);
        long h = flat.n / 2;
        double d = db(rms(eq.l, h, eq.n)) - db(rms(flat.l, h, flat.n));
        if (d < cases[k].lo || d > cases[k].hi)
            fail_msg("%s at %g Hz: %+.2f dB", cases[k].eq, cases[k].freq, d);
        audio_done(&flat), audio_done(&eq);
    }
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_limiter_holds_the_true_peak),
        cmocka_unit_test(test_limiter_is_transparent_below_the_ceiling),
        cmocka_unit_test(test_limiter_ramps_before_a_peak),
        cmocka_unit_test(test_lufs_target_is_met),
        cmocka_unit_test(test_dither),
        cmocka_unit_test(test_stems_sum_to_the_mix),
        cmocka_unit_test(test_width),
        cmocka_unit_test(test_glue),
        cmocka_unit_test(test_mastereq),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
