/*
 * test_render.c - sound, measured: onsets on their exact frames (each hit
 * equal, sample for sample, to a lone hit shifted there), levels, pan law,
 * filter cutoffs, an event's own effects, orbits, determinism, and no
 * allocation on the audio side. Live sessions are in test_live_swap.c.
 */
#include "render_support.h"

#include <complex.h>
#include <sys/stat.h>

/* ---- allocation counter: every malloc is wrapped in this test binary ---- */
void *__real_malloc(size_t n);
void *__real_calloc(size_t n, size_t m);
void *__real_realloc(void *p, size_t n);
static volatile int counting;
static volatile long allocations;
void *__wrap_malloc(size_t n) {
    if (counting) allocations++;
    return __real_malloc(n);
}
void *__wrap_calloc(size_t n, size_t m) {
    if (counting) allocations++;
    return __real_calloc(n, m);
}
void *__wrap_realloc(void *p, size_t n) {
    if (counting) allocations++;
    return __real_realloc(p, n);
}

/* frame = round(cycle * 240 / bpm * 48000 + nudge * 48000), halves up */
static long expected_frame(long num, long den, double bpm, double nudge) {
    double x = (double)num / den * 240.0 / bpm * 48000.0 + nudge * 48000.0;
    return (long)floor(x + 0.5);
}

static void check_onsets(double bpm, const char *mini, const long (*onsets)[2], int n,
                         double nudge) {
    char prog[512];
    snprintf(prog, sizeof prog, "%sx = note(\"%s\").s(\"blip\").nudge(%g)\nplay x\n", BLIP, mini,
             nudge);
    Audio all = render(prog, NULL, bpm, 2);
    char one[256];
    snprintf(one, sizeof one, "%sx = note(\"a4 ~ ~ ~\").s(\"blip\")\nplay x\n", BLIP);
    Audio lone = render(one, NULL, bpm, 1);
    long len = (long)(0.0045 * 48000) + 2; /* the blip's life */
    for (int k = 0; k < n; k++) {
        long f = expected_frame(onsets[k][0], onsets[k][1], bpm, nudge);
        assert_true(f >= 0 && f + len < all.n);
        /* silence right before, the lone hit from its frame on */
        if (f > 0) assert_true(all.l[f - 1] == 0.0f);
        for (long i = 0; i < len; i++)
            if (all.l[f + i] != lone.l[i] || all.r[f + i] != lone.r[i])
                fail_msg(
                    "bpm %g, onset %ld/%ld: sample %ld of the hit at frame %ld differs (%g vs %g)",
                    bpm, onsets[k][0], onsets[k][1], i, f, all.l[f + i], lone.l[i]);
    }
    audio_done(&all);
    audio_done(&lone);
}

static void test_onsets_are_exact(void **s) {
    /* triplets: onsets at 0, 1/3, 2/3 of each cycle */
    const long trip[6][2] = {{0, 1}, {1, 3}, {2, 3}, {3, 3}, {4, 3}, {5, 3}};
    check_onsets(120, "a4 a4 a4", trip, 6, 0);
    check_onsets(133, "a4 a4 a4", trip, 6, 0);
    check_onsets(97.5, "a4 a4 a4", trip, 6, 0);
    /* quintuplets and a nudge of 10 ms */
    const long quint[4][2] = {{1, 5}, {2, 5}, {6, 5}, {9, 5}};
    check_onsets(133, "a4*5", quint, 4, 0.01);
}

static void test_levels_and_pan_law(void **s) {
    const char *prog = "synth tone(freq, gate) = sine(freq)\n"
                       "x = note(\"a4\").s(\"tone\").gain(0.5).pan(\"<0.5 0 1 0.25>\")\nplay x\n";
    Audio a = render(prog, NULL, 120, 4); /* a cycle is 2 s */
    long c = 96000;
    /* centre: each side 0.5 * cos(pi/4), a sine's RMS is amplitude / sqrt(2) */
    double want = 20 * log10(0.5 * cos(M_PI / 4) / sqrt(2));
    double got = 20 * log10(rms(a.l, c / 4, 3 * c / 4));
    assert_true(fabs(got - want) < 0.1);
    assert_true(fabs(20 * log10(rms(a.r, c / 4, 3 * c / 4)) - want) < 0.1);
    /* hard left, hard right */
    assert_true(fabs(20 * log10(rms(a.l, c + c / 4, c + 3 * c / 4)) - 20 * log10(0.5 / sqrt(2))) <
                0.1);
    assert_true(rms(a.r, c + c / 4, c + 3 * c / 4) < 1e-6);
    assert_true(rms(a.l, 2 * c + c / 4, 2 * c + 3 * c / 4) < 1e-6);
    /* equal power: at 0.25 the two sides' powers still add to the total */
    double pl = rms(a.l, 3 * c + c / 4, 3 * c + 3 * c / 4),
           pr = rms(a.r, 3 * c + c / 4, 3 * c + 3 * c / 4);
    assert_true(fabs(10 * log10(pl * pl + pr * pr) - 20 * log10(0.5 / sqrt(2))) < 0.1);
    audio_done(&a);
}

/* A steady sine is the polynomial for its first eight samples of a block
 * and turns of those for the rest (synth.c): every sample, from the lowest
 * pitch to near Nyquist, within 5e-7 of sin() at its fixed-point phase. A
 * swept sine (its pitch a signal: a line up a fifth over half a second, then
 * holding) takes the polynomial for every sample while it moves, and turns
 * again once a block holds still, and must agree as closely: its phase is
 * followed here as synth.c advances it, the line's value sample by sample. */
static void test_sine_is_exact(void **s) {
    const double freqs[] = {0.5, 55, 440, 3796.3, 15000, 23000};
    const double inv = 1.0 / 48000;
    for (int k = 0; k < 6; k++) {
        for (int swept = 0; swept < 2; swept++) {
            char prog[300];
            snprintf(prog, sizeof prog,
                     swept ? "synth probe(freq, gate) = sine(line(freq, freq * 1.5, 0.5))\n"
                             "x = s(\"probe\").freq(%.9g).gain(0.5).pan(0)\nplay x\n"
                           : "synth probe(freq, gate) = sine(freq)\n"
                             "x = s(\"probe\").freq(%.9g).gain(0.5).pan(0)\nplay x\n",
                     freqs[k]);
            Audio a = render(prog, NULL, 120, 0.5);
            const float from = (float)freqs[k], to = (float)(from * 1.5);
            uint32_t ph = 0;
            double err = 0;
            for (long i = 0; i < 48000; i++) {
                double want = sin(2 * M_PI * (double)ph / 4294967296.0);
                err = fmax(err, fabs(a.l[i] / 0.5 - want));
                double t = (double)(i - i % 64) * inv + (double)(i % 64) * inv, f = from;
                if (swept) { /* the line's sample (synth.c's UGEN_LINE) */
                    double kk = t * (1 / 0.5f);
                    f = (float)(from + ((double)to - from) * (kk < 1 ? kk : 1));
                }
                /* moving: each sample's own increment; from 0.5 s on (block 375) the
                 * line holds, and the block's sine is a steady one */
                bool moving = swept && i < 24000;
                ph +=
                    (uint32_t)(int64_t)(moving ? f * (4294967296.0 * inv) : f * 4294967296.0 * inv);
            }
            if (err > 5e-7) fail_msg("sine %g Hz (swept %d): off by %g", freqs[k], swept, err);
            audio_done(&a);
        }
    }
}

/* The gain of a filter at a frequency: a sine through it, measured. */
/* The level of program `wet` against program `dry`, in dB, over the middle
 * of the first second (both play a steady sine). */
static double level_db(const char *wet_prog, const char *dry_prog) {
    Audio wet = render(wet_prog, NULL, 120, 1), dry = render(dry_prog, NULL, 120, 1);
    double g = 20 * log10(rms(wet.l, 24000, 72000) / rms(dry.l, 24000, 72000));
    audio_done(&wet);
    audio_done(&dry);
    return g;
}

/* The protection after the master: a sine four times too loud comes out at
 * -0.9 dBFS, still a sine (the loud render is the quiet one scaled, within
 * -60 dB, once the gain has settled), never above 0.9; and the gain comes
 * back: a quiet note after it plays at its own level. */
static void test_protection_limiter(void **st) {
    const char *tone = "synth tone(freq, gate) = sine(freq)\n";
    char loud[200], quiet[200];
    snprintf(loud, sizeof loud, "%sx = note(\"a4 ~ ~ ~\").s(\"tone\").gain(\"<4 0.1>\")\nplay x\n",
             tone);
    snprintf(quiet, sizeof quiet, "%sx = note(\"a4 ~ ~ ~\").s(\"tone\").gain(0.1)\nplay x\n", tone);
    Audio a = render(loud, NULL, 120, 2), q = render(quiet, NULL, 120, 2);
    float top = 0;
    for (long i = 0; i < a.n; i++) top = fmaxf(top, fmaxf(fabsf(a.l[i]), fabsf(a.r[i])));
    assert_true(top <= 0.9f + 1e-6f);
    double k = rms(a.l, 4800, 24000) / rms(q.l, 4800, 24000), resid = 0, sig = 0;
    for (long i = 4800; i < 24000; i++) {
        resid += pow(a.l[i] - k * q.l[i], 2);
        sig += pow(a.l[i], 2);
    }
    print_message("protection: peak %.4f, a sine at 0.9 with the rest %.1f dB below it\n", top,
                  10 * log10(resid / sig));
    assert_true(10 * log10(resid / sig) < -60);
    /* bar 2: the quiet note, at its own level again (the gain came back in 0.1 s) */
    for (long i = 96000; i < 96000 + 24000; i++)
        if (fabsf(a.l[i] - q.l[i - 96000]) > 1e-6f)
            fail_msg("bar 2, frame %ld: not the quiet note", i);
    audio_done(&a);
    audio_done(&q);
}

static double filter_db(const char *filter, double f) {
    char dry[300], wet[300];
    snprintf(dry, sizeof dry,
             "synth probe(freq, gate) = sine(freq)\nx = s(\"probe\").freq(%g)\nplay x\n", f);
    snprintf(wet, sizeof wet,
             "synth probe(freq, gate) = sine(freq).%s\nx = s(\"probe\").freq(%g)\nplay x\n", filter,
             f);
    return level_db(wet, dry);
}

static void test_filters_at_cutoff(void **s) {
    /* a resonance of 0.707 (Butterworth) is -3 dB at the cutoff */
    assert_true(fabs(filter_db("lpf(1000, 0.7071)", 1000) + 3.01) < 0.3);
    assert_true(fabs(filter_db("hpf(1000, 0.7071)", 1000) + 3.01) < 0.3);
    assert_true(filter_db("lpf(1000, 0.7071)", 8000) < -30);
    assert_true(filter_db("hpf(1000, 0.7071)", 125) < -30);
    assert_true(fabs(filter_db("lpf(1000, 0.7071)", 100)) < 0.1);
}

/* A note's vowel: five band-passes (RBJ, 0 dB at the peak) at the vowel's
 * formants, each times its level, summed, times 8 (Strudel's table and
 * makeup gain). A sine's level through it, measured, against that sum's
 * response computed here. */
static double vowel_response_db(const double fq[5][3], double f) {
    double complex h = 0, z = cexp(-I * 2 * M_PI * f / 48000);
    for (int k = 0; k < 5; k++) {
        double w = 2 * M_PI * fq[k][0] / 48000, alpha = sin(w) / (2 * fq[k][2]);
        double complex num = alpha * (1 - z * z),
                       den = (1 + alpha) - 2 * cos(w) * z + (1 - alpha) * z * z;
        h += fq[k][1] * num / den;
    }
    return 20 * log10(cabs(8 * h));
}

static void test_vowel_and_coarse(void **st) {
    static const double a[5][3] = {{660, 1, 80},
                                   {1120, 0.5012, 90},
                                   {2750, 0.0708, 120},
                                   {3000, 0.0631, 130},
                                   {3350, 0.0126, 140}};
    static const double i_[5][3] = {{270, 1, 40},
                                    {1850, 0.0631, 90},
                                    {2900, 0.0631, 100},
                                    {3350, 0.0158, 120},
                                    {3590, 0.0158, 120}};
    const struct {
        const char *vowel;
        const double (*fq)[3];
        double f;
    } cases[] = {{"a", a, 660}, {"a", a, 1120}, {"a", a, 400}, {"i", i_, 270}, {"i", i_, 1850}};
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
        char dry[300], wet[300];
        snprintf(dry, sizeof dry,
                 "synth probe(freq, gate) = sine(freq)\nx = s(\"probe\").freq(%g).gain(0.05)\n"
                 "play x\n",
                 cases[k].f);
        snprintf(wet, sizeof wet,
                 "synth probe(freq, gate) = sine(freq)\nx = s(\"probe\").freq(%g).gain(0.05)"
                 ".vowel(\"%s\")\nplay x\n",
                 cases[k].f, cases[k].vowel);
        double got = level_db(wet, dry), want = vowel_response_db(cases[k].fq, cases[k].f);
        if (fabs(got - want) > 0.1)
            fail_msg("vowel %s at %g Hz: %.2f dB, want %.2f", cases[k].vowel, cases[k].f, got,
                     want);
    }
    /* coarse 4: each voice sample i plays sample i - i % 4 of the plain sound */
    const char *plain = "synth probe(freq, gate) = sine(freq)\n"
                        "x = s(\"probe\").freq(1234).gain(0.5).pan(0)\nplay x\n";
    const char *held = "synth probe(freq, gate) = sine(freq)\n"
                       "x = s(\"probe\").freq(1234).gain(0.5).pan(0).coarse(4)\nplay x\n";
    Audio p = render(plain, NULL, 120, 0.5), h = render(held, NULL, 120, 0.5);
    for (long i = 0; i < 24000; i++)
        if (h.l[i] != p.l[i - i % 4])
            fail_msg("coarse: sample %ld is not sample %ld", i, i - i % 4);
    assert_true(rms(h.l, 0, 24000) > 0.3);
    audio_done(&p);
    audio_done(&h);
}

/* A filter with steady settings runs eight samples at a time
 * (audio/svfblock.h); one whose cutoff is a signal checks its settings every
 * sample. Both are the same filter: noise through each mode, the same
 * samples to within float rounding. */
static void test_block_filters_match_per_sample(void **s) {
    const char *modes[] = {"lpf", "hpf", "bpf", "notch"};
    for (int k = 0; k < 4; k++) {
        char prog[400];
        snprintf(prog, sizeof prog,
                 "synth a(freq, gate) = noise().%s(900, 3) * 0.3\n"
                 "synth b(freq, gate) = noise().%s(line(900, 900, 1), 3) * 0.3\n"
                 "x = s(\"a\")\ny = s(\"b\")\nplay x\n",
                 modes[k], modes[k]);
        Audio steady = render(prog, NULL, 120, 1);
        memcpy(strstr(prog, "play x"), "play y", 6);
        Audio moving = render(prog, NULL, 120, 1);
        assert_int_equal(steady.n, moving.n);
        double err = 0, sum = 0, peak = 0;
        for (long i = 0; i < steady.n; i++) {
            err = fmax(err, fabs(steady.l[i] - moving.l[i]));
            peak = fmax(peak, fabs(steady.l[i]));
            sum += steady.l[i] * steady.l[i];
        }
        assert_true(sum > 1); /* not silence */
        if (err > 1e-6 * peak)
            fail_msg("%s: block and per-sample filters differ by %g (peak %g)", modes[k], err,
                     peak);
        audio_done(&steady);
        audio_done(&moving);
    }
}

/* A sine through a master chain, its level against the dry sine's, in dB. */
static double chain_db(const char *chain, double f) {
    char dry[300], wet[400];
    snprintf(
        dry, sizeof dry,
        "synth tone(freq, gate) = sine(freq)\nx = note(\"a4\").s(\"tone\").freq(%g).gain(0.25)\n"
        "play x\n",
        f);
    snprintf(wet, sizeof wet, "%smaster = %s\n", dry, chain);
    return level_db(wet, dry);
}

static void test_chain_eq_and_chorus(void **s) {
    /* EQ in a chain: a peak's gain at its centre, a shelf's far below its corner */
    assert_true(fabs(chain_db("peak(1000, 6dB, 1)", 1000) - 6) < 0.1);
    assert_true(fabs(chain_db("peak(1000, 6dB, 1)", 8000)) < 0.5);
    assert_true(fabs(chain_db("lowshelf(400, -6dB)", 40) + 6) < 0.3);
    assert_true(fabs(chain_db("highshelf(4000, 4dB)", 16000) - 4) < 0.5);
    /* a fully wet chorus: silent for its shortest delay (10 ms), then the sine
     * again at about its level */
    Audio a =
        render("synth tone(freq, gate) = sine(freq)\nx = note(\"a4\").s(\"tone\").gain(0.25)\n"
               "play x\nmaster = chorus(0.5, 0.5, 1)\n",
               NULL, 120, 1);
    for (long i = 0; i < 480; i++) assert_true(a.l[i] == 0 && a.r[i] == 0);
    assert_true(fabs(20 * log10(rms(a.l, 24000, 72000) / (0.25 * cos(M_PI / 4) / sqrt(2)))) < 1);
    assert_true(rms(a.r, 24000, 72000) > 0);
    audio_done(&a);
}

/* The reverb runs its combs eight samples at a time (a running sum for the
 * damping filter) and its allpasses eight at a time: the same FreeVerb as the
 * textbook recursion, written here sample by sample in double and run on the
 * dry render, within 1e-7. Two bars, so every delay line wraps. */
static void test_reverb_matches_freeverb(void **s) {
    const char *dry_prog = "synth hit() = noise() * env(0, 0.05) * 0.3\n"
                           "x = s(\"hit ~ hit hit\")\nplay x\n";
    char wet_prog[300];
    snprintf(wet_prog, sizeof wet_prog, "%smaster = reverb(size: 0.6, damp: 0.5, mix: 0.25)\n",
             dry_prog);
    Audio dry = render(dry_prog, NULL, 120, 2), wet = render(wet_prog, NULL, 120, 2);
    assert_int_equal(dry.n, wet.n);
    static const int comb[8] = {1116, 1188, 1277, 1356, 1422, 1491, 1557, 1617};
    static const int ap[4] = {556, 441, 341, 225};
    const double k = 48000 / 44100.0, fb = 0.7 + 0.28 * 0.6, d1 = 0.4 * 0.5, d2 = 1 - d1;
    double err = 0, tail = 0;
    for (int c = 0; c < 2; c++) {
        double *cb[8], cst[8] = {0}, *ab[4];
        int cl[8], cp[8] = {0}, al[4], apos[4] = {0};
        for (int j = 0; j < 8; j++)
            cl[j] = (int)((comb[j] + c * 23) * k), cb[j] = calloc((size_t)cl[j], sizeof(double));
        for (int j = 0; j < 4; j++)
            al[j] = (int)((ap[j] + c * 23) * k), ab[j] = calloc((size_t)al[j], sizeof(double));
        for (long i = 0; i < dry.n; i++) {
            double mono = ((double)dry.l[i] + dry.r[i]) * 0.015, acc = 0;
            for (int j = 0; j < 8; j++) {
                double y = cb[j][cp[j]];
                cst[j] = y * d2 + cst[j] * d1;
                cb[j][cp[j]] = mono + cst[j] * fb;
                cp[j] = (cp[j] + 1) % cl[j];
                acc += y;
            }
            for (int j = 0; j < 4; j++) {
                double y = ab[j][apos[j]];
                ab[j][apos[j]] = acc + y * 0.5;
                apos[j] = (apos[j] + 1) % al[j];
                acc = y - acc;
            }
            double x = c ? dry.r[i] : dry.l[i], want = x * 0.75 + 3 * acc * 0.25;
            double got = c ? wet.r[i] : wet.l[i];
            err = fmax(err, fabs(got - want));
            if (i > 60000) tail = fmax(tail, fabs(want)); /* the tail after the last hit */
        }
        for (int j = 0; j < 8; j++) free(cb[j]);
        for (int j = 0; j < 4; j++) free(ab[j]);
    }
    assert_true(tail > 1e-3); /* there is a tail to compare */
    if (err > 1e-7) fail_msg("reverb differs from FreeVerb by %g", err);
    audio_done(&dry);
    audio_done(&wet);
}

/* cut groups: a new voice in the group stops the sounding ones with a 5 ms
 * fade that starts on the new voice's exact frame. */
static void test_cut_groups(void **s) {
    const char *synth = "synth long(freq, gate) = sine(freq) * env(0.001, 2) * 0.5\n";
    char prog[300];
    snprintf(prog, sizeof prog, "%sx = s(\"long long\").cut(1)\nplay x\n", synth);
    Audio cut = render(prog, NULL, 130, 1); /* the second note on frame 44308, mid-block */
    snprintf(prog, sizeof prog, "%sx = s(\"long long\")\nplay x\n", synth);
    Audio both = render(prog, NULL, 130, 1);
    snprintf(prog, sizeof prog, "%sx = s(\"~ long\").cut(1)\nplay x\n", synth);
    Audio second = render(prog, NULL, 130, 1);
    /* up to the frame, the first note as it was */
    for (long i = 0; i < 44308; i++) assert_true(cut.l[i] == both.l[i]);
    /* after the 240-sample fade, only the second note */
    for (long i = 44308 + 241; i < cut.n; i++)
        if (cut.l[i] != second.l[i]) fail_msg("frame %ld: %g vs %g", i, cut.l[i], second.l[i]);
    /* without the group the first note goes on under the second */
    assert_true(fabs(both.l[60000] - second.l[60000]) > 1e-3 ||
                fabs(both.l[60001] - second.l[60001]) > 1e-3);
    audio_done(&cut);
    audio_done(&both);
    audio_done(&second);
}

/* A synth without a gate parameter still lasts as long as its note. */
static void test_notes_last_their_length(void **s) {
    Audio a =
        render("synth tone(freq) = sine(freq) * 0.5\nx = note(\"a4 ~\").s(\"tone\")\nplay x\n",
               NULL, 120, 1); /* a cycle is 2 s: the note lasts 1 s */
    assert_true(rms(a.l, 40000, 47000) > 0.2);
    assert_true(rms(a.l, 49000, 96000) == 0);
    audio_done(&a);
}

/* In-place radix-2 FFT (n a power of two), magnitudes left in re. */
static void fft_mag(double *re, double *im, int n) {
    for (int i = 1, j = 0; i < n; i++) {
        int bit = n >> 1;
        for (; j & bit; bit >>= 1) j ^= bit;
        j ^= bit;
        if (i < j) {
            double t = re[i];
            re[i] = re[j], re[j] = t;
            t = im[i], im[i] = im[j], im[j] = t;
        }
    }
    for (int len = 2; len <= n; len <<= 1) {
        double a = -2 * M_PI / len;
        for (int i = 0; i < n; i += len)
            for (int k = 0; k < len / 2; k++) {
                double wr = cos(a * k), wi = sin(a * k);
                double xr = re[i + k + len / 2] * wr - im[i + k + len / 2] * wi;
                double xi = re[i + k + len / 2] * wi + im[i + k + len / 2] * wr;
                re[i + k + len / 2] = re[i + k] - xr, im[i + k + len / 2] = im[i + k] - xi;
                re[i + k] += xr, im[i + k] += xi;
            }
    }
    for (int i = 0; i < n; i++) re[i] = sqrt(re[i] * re[i] + im[i] * im[i]);
}

static void test_saw_does_not_alias(void **s) {
    const char *prog = "synth raw(freq, gate) = saw(freq)\nx = s(\"raw\").freq(5000)\nplay x\n";
    Audio a = render(prog, NULL, 120, 1);
    enum { N = 32768 };
    double *re = calloc(N, sizeof(double)), *im = calloc(N, sizeof(double));
    for (int i = 0; i < N; i++) { /* Blackman-Harris window (sidelobes -92 dB), from 0.1 s on */
        double x = 2 * M_PI * i / (N - 1);
        re[i] = a.l[4800 + i] *
                (0.35875 - 0.48829 * cos(x) + 0.14128 * cos(2 * x) - 0.01168 * cos(3 * x));
    }
    fft_mag(re, im, N);
    double bin = 48000.0 / N, fund = 0, spur = 0;
    for (int i = 1; i < N / 2; i++) {
        double f = i * bin;
        double h = f / 5000, near = fabs(h - round(h)) * 5000;
        if (fabs(f - 5000) < 8 * bin)
            fund = fmax(fund, re[i]);
        else if (near > 8 * bin && f > 20)
            spur = fmax(spur, re[i]);
    }
    double db = 20 * log10(spur / fund);
    print_message("saw at 5 kHz: strongest alias %.1f dB below the fundamental\n", -db);
    assert_true(db < -40);
    free(re);
    free(im);
    audio_done(&a);
}

static void test_renders_repeat_bit_for_bit(void **s) {
    const char *prog =
        "tempo 133\nd = s(\"bd*2 [~ sn] hh*4, cp(3,8)\").sometimes(x => x.gain(0.5))\n"
        "b = note(\"<c2 eb2 g1>(3,8)\").s(\"bass\")\nplay d, b\n";
    Audio a = render(prog, NULL, 0, 2), b = render(prog, NULL, 0, 2);
    assert_int_equal(a.n, b.n);
    assert_memory_equal(a.l, b.l, sizeof(float) * (size_t)a.n);
    assert_memory_equal(a.r, b.r, sizeof(float) * (size_t)a.n);
    /* exactly the asked length: 2 cycles at 133 bpm */
    assert_int_equal(a.n, (long)floor(2 * 240.0 / 133 * 48000 + 0.5));
    /* not silent, never above 0 dBFS, no NaN */
    double peak = 0;
    for (long i = 0; i < a.n; i++) {
        assert_true(isfinite(a.l[i]) && isfinite(a.r[i]));
        peak = fmax(peak, fmax(fabs(a.l[i]), fabs(a.r[i])));
    }
    assert_true(peak > 0.05 && peak <= 1.0);
    audio_done(&a);
    audio_done(&b);
}

/* A ring smaller than one frame's events (40 notes at once): the render starts what it
 * holds, sends the rest, and every note still starts on its frame (the same samples as a
 * big ring). */
static void test_a_full_ring_holds_notes_back_not_late(void **s) {
    const char *prog = "synth t(freq) = sine(freq) * 0.002\n"
                       "x = "
                       "note(\"[30,31,32,33,34,35,36,37,38,39,40,41,42,43,44,45,46,47,48,49,50,51,"
                       "52,53,54,55,56,57,58,59,60,61,62,63,64,65,66,67,68,69]*4, [c2,g2]*8\")\n"
                       "  .s(\"t\").legato(3)\n"
                       "play x\n";
    render_ring = 16; /* (made a power of two, at least 16) */
    Audio small = render(prog, NULL, 120, 2);
    render_ring = 0;
    Audio big = render(prog, NULL, 120, 2);
    assert_int_equal(small.n, big.n);
    assert_memory_equal(small.l, big.l, sizeof(float) * (size_t)big.n);
    assert_memory_equal(small.r, big.r, sizeof(float) * (size_t)big.n);
    audio_done(&small);
    audio_done(&big);
}

static void test_audio_side_allocates_nothing(void **s) {
    Vm *vm = vm_new(stdlib_library());
    Err err = {0};
    assert_true(engine_load_prelude(vm, &err));
    AudioEngine *a = audio_new(48000, 64, 4096);
    const char *names[] = {"bd", "sn", "hh", "pluck", "pad", "bass"};
    SynthDef defs[6];
    int idx[6];
    for (int i = 0; i < 6; i++) {
        Value v;
        assert_true(vm_instrument(vm, names[i], &v));
        assert_true(engine_compile_synth(vm, AS_SYNTH(v), &defs[i], &err));
        idx[i] = audio_add_synth(a, &defs[i]);
    }
    for (int k = 0; k < 400; k++) { /* more events than voices: stealing too */
        AudioEvent e = {.frame = (uint64_t)k * 300,
                        .synth = (int16_t)idx[k % 6],
                        .track = k % 3,
                        .amp = 0.5f,
                        .pan = 0.5f,
                        .gate = 0.5f,
                        .seed = (uint32_t)k};
        const SynthDef *d = &defs[k % 6];
        for (int p = 0; p < d->nparams; p++) /* the synth's own envelope settings */
            if (d->has_default >> p & 1) e.params[p] = d->pdefault[p];
        int fi = synth_param(&defs[k % 6], "freq"), gi = synth_param(&defs[k % 6], "gate");
        if (fi >= 0) e.params[fi] = 110;
        if (gi >= 0) e.params[gi] = 0.5f;
        assert_true(audio_send(a, &e));
    }
    float l[1000], r[1000];
    allocations = 0;
    counting = 1;
    for (int b = 0; b < 200; b++) audio_render(a, l, r, 1000, NULL);
    counting = 0;
    assert_int_equal(allocations, 0);
    AudioStats st = audio_stats(a);
    assert_true(st.voices_started == 400);
    assert_true(st.voices_stolen > 0);
    audio_free(a);
    vm_free(vm);
}

static void write_wav_ch(const char *path, const float *x, int n, int rate, int channels) {
    SF_INFO info = {
        .samplerate = rate, .channels = channels, .format = SF_FORMAT_WAV | SF_FORMAT_FLOAT};
    SNDFILE *sf = sf_open(path, SFM_WRITE, &info);
    assert_non_null(sf);
    sf_writef_float(sf, x, n);
    sf_close(sf);
}

static void write_wav(const char *path, const float *x, int n, int rate) {
    write_wav_ch(path, x, n, rate, 1);
}

static void test_samples_play_from_folders(void **s) {
    char dir[] = "/tmp/tala-samples-XXXXXX";
    assert_non_null(mkdtemp(dir));
    char sub[128], f0[160], f1[160];
    snprintf(sub, sizeof sub, "%s/tick", dir);
    mkdir(sub, 0777);
    snprintf(f0, sizeof f0, "%s/a.wav", sub);
    snprintf(f1, sizeof f1, "%s/b.wav", sub);
    float a[100], b[100];
    for (int i = 0; i < 100; i++) a[i] = 0.5f, b[i] = (float)i / 100;
    write_wav(f0, a, 100, 48000);
    write_wav(f1, b, 100, 48000);
    char prog[300];
    /* sorted by name: tick:1 is b.wav; n wraps: tick:3 is b.wav too */
    snprintf(prog, sizeof prog, "samples('%s')\nx = s(\"tick:1 tick:3 tick ~\")\nplay x\n", dir);
    Audio out = render(prog, NULL, 120, 1);
    float g = 0.8f * (float)cos(M_PI / 4); /* default gain, centre pan */
    for (int i = 0; i < 99; i++) {
        /* Strudel's envelope on every sample: 1 ms (48 frames) in, linearly */
        float env = i < 48 ? (float)i / 48 : 1;
        assert_float_equal(out.l[i], b[i] * g * env, 1e-6);
        assert_float_equal(out.l[24000 + i], b[i] * g * env, 1e-6);
        assert_float_equal(out.l[48000 + i], a[i] * g * env, 1e-6);
    }
    audio_done(&out);
    /* loop: the 100-frame ramp repeats for the whole note (0.5 s here), then
     * fades in 5 ms and stops */
    snprintf(prog, sizeof prog, "samples('%s')\nx = s(\"tick:1 ~ ~ ~\").loop(1)\nplay x\n", dir);
    out = render(prog, NULL, 120, 1);
    for (int i = 100 + 48; i < 23900; i++) /* (after the 1 ms attack) */
        if (fabsf(out.l[i] - out.l[i - 100]) > 1e-6)
            fail_msg("loop: frame %d is not frame %d again", i, i - 100);
    assert_true(fabsf(out.l[24000 + 120]) < fabsf(out.l[24000 - 80]) || out.l[24000 - 80] == 0);
    for (int i = 24000 + 241; i < 96000; i++) assert_true(out.l[i] == 0);
    assert_true(rms(out.l, 20000, 23900) > 0.1);
    audio_done(&out);
    /* unit "c": speed 4 plays the 100-frame sample 4 times a second, a rate of 4 * 100 / 48000
     * of its own: it lasts 12000 frames, stretched; without the unit, speed 4 lasts 25 frames */
    snprintf(prog, sizeof prog,
             "samples('%s')\nx = s(\"tick:1 ~ ~ ~\").speed(4).unit(\"c\")\nplay x\n", dir);
    out = render(prog, NULL, 120, 1);
    long last = 0;
    for (long i = 0; i < 24000; i++)
        if (out.l[i] != 0) last = i;
    if (last < 11800 || last > 12000)
        fail_msg("unit c: the sample ends at frame %ld, not ~12000", last);
    audio_done(&out);
    /* a stereo file plays in stereo: each channel to its side at full level,
     * pan balancing them; in a cut group its two sides do not cut each other */
    char f2[160];
    snprintf(f2, sizeof f2, "%s/c.wav", sub);
    float st[200];
    for (int i = 0; i < 100; i++) st[2 * i] = 0.5f, st[2 * i + 1] = -(float)i / 100;
    write_wav_ch(f2, st, 100, 48000, 2);
    snprintf(prog, sizeof prog,
             "samples('%s')\nx = s(\"tick:2 ~ tick:2 ~\").pan(\"0.5 0.75\").cut(1)\nplay x\n", dir);
    out = render(prog, NULL, 120, 1);
    for (int i = 0; i < 99; i++) {
        float g8 = 0.8f * (i < 48 ? (float)i / 48 : 1); /* the gain, the 1 ms attack */
        assert_float_equal(out.l[i], g8 * st[2 * i], 1e-6);
        assert_float_equal(out.r[i], g8 * st[2 * i + 1], 1e-6);
        assert_float_equal(out.l[48000 + i], 0.5f * g8 * st[2 * i], 1e-6); /* pan 0.75 */
        assert_float_equal(out.r[48000 + i], g8 * st[2 * i + 1], 1e-6);
    }
    audio_done(&out);
    /* a folder with a sound of the same name, loaded while the old one plays:
     * the new one from then on, the old one still valid for its notes */
    char dir2[] = "/tmp/tala-samples-XXXXXX", sub2[128], f3[160];
    assert_non_null(mkdtemp(dir2));
    snprintf(sub2, sizeof sub2, "%s/tick", dir2);
    mkdir(sub2, 0777);
    snprintf(f3, sizeof f3, "%s/z.wav", sub2);
    float z[48000];
    for (int i = 0; i < 48000; i++) z[i] = 0.25f;
    write_wav(f3, z, 48000, 48000);
    snprintf(prog, sizeof prog, "samples('%s')\nx = s(\"tick:0\").loop(1)\nplay x\n", dir);
    char script[600];
    snprintf(script, sizeof script, "tala-session 1\neval 1/2 1 - <repl>\nsamples('%s')\n", dir2);
    out = render_script(prog, NULL, 120, 2, script);
    assert_true(out.l[1000] != 0);           /* the old tick, still playing */
    assert_true(out.l[96000 + 1000] > 0.1f); /* bar 2: the new tick, 0.25 */
    audio_done(&out);
    unlink(f3);
    rmdir(sub2);
    rmdir(dir2);
    unlink(f2);
    unlink(f0);
    unlink(f1);
    rmdir(sub);
    rmdir(dir);
}

/* The RMS of the second difference over [from, to): the level of the highs
 * (a 12 dB an octave tilt) */
static double highs(const float *x, long from, long to) {
    double e = 0;
    for (long i = from; i < to; i++) {
        double d = (double)x[i] - 2.0 * x[i - 1] + x[i - 2];
        e += d * d;
    }
    return sqrt(e / (double)(to - from));
}

/* Strudel's filter envelope: a low sawtooth under a 200 Hz low-pass, its
 * cutoff swept 5 octaves up by lpenv and back in lpdecay 0.3 s. The highs
 * of the first 100 ms are far above those of the plain filter, the end of
 * the note (the sweep over, the envelope at its sustain of 0.001 of the way
 * up) as the plain filter's; lpenv(-5) sweeps down from 200 Hz * 32 instead,
 * so the note ends bright; fanchor 1 puts the cutoff at the sweep's top, so
 * the start is no brighter than the plain filter's. */
static void test_filter_envelope(void **st) {
    const char *base = "x = note(\"c2\").s(\"sawtooth\").lpf(200)%s\nplay x\n";
    const char *envs[] = {"", ".lpenv(5).lpdecay(0.3)", ".lpenv(-5).lpdecay(0.3)",
                          ".lpenv(5).lpdecay(0.3).fanchor(1)"};
    double early[4], late[4];
    for (int k = 0; k < 4; k++) {
        char prog[200];
        snprintf(prog, sizeof prog, base, envs[k]);
        Audio a = render(prog, NULL, 120, 0.5);
        early[k] = highs(a.l, 2, 4800);
        late[k] = highs(a.l, 38400, 43200);
        audio_done(&a);
    }
    double up = 20 * log10(early[1] / early[0]), up_end = 20 * log10(late[1] / late[0]);
    double down = 20 * log10(late[2] / late[0]), top = 20 * log10(early[3] / early[0]);
    if (!(up > 15)) fail_msg("lpenv(5): the attack is only %.1f dB brighter", up);
    if (!(fabs(up_end) < 1)) fail_msg("lpenv(5): the note's end differs by %.1f dB", up_end);
    if (!(down > 15)) fail_msg("lpenv(-5): the end is only %.1f dB brighter", down);
    print_message(
        "filter envelope: attack %+.1f dB, end %+.1f dB, down %+.1f dB, anchored %+.1f dB\n", up,
        up_end, down, top);
    if (!(top < 1)) fail_msg("fanchor(1): the attack is %.1f dB brighter", top);
}

/* The mean frequency of x over [from, to), from its upward zero crossings
 * (placed between samples by linear interpolation). */
static double mean_freq(const float *x, long from, long to, double rate) {
    double first = -1, last = -1;
    int n = 0;
    for (long i = from + 1; i < to; i++)
        if (x[i - 1] < 0 && x[i] >= 0) {
            double t = (i - 1 + x[i - 1] / (x[i - 1] - x[i])) / rate;
            if (first < 0) first = t;
            last = t;
            n++;
        }
    return n > 1 ? (n - 1) / (last - first) : 0;
}

/* Vibrato: a 440 Hz sine with vib 5, vibmod 1 swings a semitone up in the
 * first 100 ms (mean 2^(2/pi/12) times 440: 455.8 Hz) and down in the next
 * 100 ms (424.8 Hz); without vib it stays at 440. */
/* Strudel's note envelope on its waveforms: attack 0.1, decay 0.1, sustain 0.25 on a 440 Hz
 * sine: half way up at 50 ms (0.5), 0.625 half way down at 150 ms, 0.25 from 200 ms on;
 * without settings, superdough's 0.001, 0.05, 0.6, 0.01 (as given in float: to 1e-4). */
static void test_note_envelope(void **st) {
    Audio e = render("x = note(\"a4\").s(\"sine\").attack(0.1).decay(0.1).sustain(0.25)\nplay x\n",
                     NULL, 120, 0.25),
          d = render("x = note(\"a4\").s(\"sine\")\nplay x\n", NULL, 120, 0.25),
          x = render("x = note(\"a4\").s(\"sine\").attack(0.001).decay(0.05).sustain(0.6)"
                     ".release(0.01)\nplay x\n",
                     NULL, 120, 0.25);
    /* windows of 1200 samples: 11 periods of 440 Hz, centred on each time */
    double sus = rms(e.l, 14400, 19200), at50 = rms(e.l, 2400 - 600, 2400 + 600);
    double at150 = rms(e.l, 7200 - 600, 7200 + 600);
    print_message("envelope: at 50 ms %.3f of the sustain's level (2), at 150 ms %.3f (2.5)\n",
                  at50 / sus, at150 / sus);
    if (fabs(at50 / sus - 2) > 0.03) fail_msg("attack: %.3f at 50 ms", at50 / sus);
    if (fabs(at150 / sus - 2.5) > 0.03) fail_msg("decay: %.3f at 150 ms", at150 / sus);
    for (long i = 0; i < 24000; i++)
        if (fabsf(d.l[i] - x.l[i]) > 1e-4f)
            fail_msg("the defaults differ from 0.001, 0.05, 0.6, 0.01 at %ld", i);
    audio_done(&e);
    audio_done(&d);
    audio_done(&x);
}

/* postgain multiplies the note's level after its effects: 0.5 is -6.02 dB */
static void test_postgain(void **st) {
    double g = level_db("x = note(\"a4\").s(\"sine\").shape(0.5).postgain(0.5)\nplay x\n",
                        "x = note(\"a4\").s(\"sine\").shape(0.5)\nplay x\n");
    if (fabs(g - 20 * log10(0.5)) > 0.01) fail_msg("postgain 0.5: %.3f dB", g);
}

static void test_vibrato(void **st) {
    const char *plain = "x = note(\"a4\").s(\"sine\")\nplay x\n";
    const char *vib = "x = note(\"a4\").s(\"sine\").vib(5).vibmod(1)\nplay x\n";
    Audio p = render(plain, NULL, 120, 0.25), v = render(vib, NULL, 120, 0.25);
    double p1 = mean_freq(p.l, 0, 4800, 48000), v1 = mean_freq(v.l, 0, 4800, 48000);
    double v2 = mean_freq(v.l, 4800, 9600, 48000);
    double up = 440 * exp2(2 / M_PI / 12), down = 440 * exp2(-2 / M_PI / 12);
    print_message("vibrato: plain %.1f Hz, first 100 ms %.1f Hz (%.1f), next %.1f Hz (%.1f)\n", p1,
                  v1, up, v2, down);
    if (fabs(p1 - 440) > 0.5) fail_msg("the plain sine is %.2f Hz", p1);
    if (fabs(v1 - up) > 2) fail_msg("vibrato up: %.2f Hz, want %.2f", v1, up);
    if (fabs(v2 - down) > 2) fail_msg("vibrato down: %.2f Hz, want %.2f", v2, down);
    audio_done(&p);
    audio_done(&v);
}

/* The amplitude of the frequency f in x[from..to) (Goertzel). */
static double amplitude_at(const float *x, long from, long to, double f, double rate) {
    double w = 2 * M_PI * f / rate, c = 2 * cos(w), s1 = 0, s2 = 0;
    for (long i = from; i < to; i++) {
        double s0 = x[i] + c * s1 - s2;
        s2 = s1;
        s1 = s0;
    }
    double re = s1 - s2 * cos(w), im = s2 * sin(w);
    return 2 * sqrt(re * re + im * im) / (double)(to - from);
}

/* FM as superdough's: an 880 Hz sine with fm 1 and fmh 0.25 is f + 220 sin(2 pi 220 t), a
 * modulation index of 1: Bessel sidebands 220 Hz apart, the carrier at J0(1) = 0.765 of the
 * plain sine's level, 1100 and 660 Hz at J1(1) = 0.440, 1320 Hz at J2(1) = 0.115 (the
 * sidebands that fold below 0 Hz are too weak to matter here). */
/* The pitch envelope, as superdough's: penv(12) with pattack 0.5 (sustain and
 * anchor 1) starts an octave down and rises linearly in cents to the note:
 * 50 ms in, 1080 cents below 440 Hz (236.5 Hz); after the attack, 440 Hz. */
static double crossings_hz(const float *x, long from, long to) {
    long c = 0, first = -1, last = -1;
    for (long i = from + 1; i < to; i++)
        if (x[i - 1] < 0 && x[i] >= 0) {
            if (first < 0) first = i;
            last = i, c++;
        }
    return c > 1 ? (c - 1) * 48000.0 / (double)(last - first) : 0;
}

static void test_pitch_envelope(void **st) {
    Audio a = render("synth tone(freq, gate) = sine(freq)\n"
                     "x = note(\"a4\").s(\"tone\").penv(12).pattack(0.5)\nplay x\n",
                     NULL, 120, 0.5);
    double early = crossings_hz(a.l, 2400 - 480, 2400 + 480),
           late = crossings_hz(a.l, 33600, 38400);
    print_message("pitch envelope: %.1f Hz 50 ms in (236.5), %.1f Hz at 0.75 s (440)\n", early,
                  late);
    assert_true(fabs(early - 236.5) < 3 && fabs(late - 440) < 0.5);
    audio_done(&a);
}

static void test_fm(void **st) {
    const char *plain = "x = note(\"a5\").s(\"sine\")\nplay x\n";
    const char *fm = "x = note(\"a5\").s(\"sine\").fm(1).fmh(0.25)\nplay x\n";
    Audio p = render(plain, NULL, 120, 0.25), a = render(fm, NULL, 120, 0.25);
    long from = 4800, to = 4800 + 9600; /* 200 ms of the sustain, whole periods */
    double carrier = amplitude_at(p.l, from, to, 880, 48000);
    double c = amplitude_at(a.l, from, to, 880, 48000) / carrier;
    double up = amplitude_at(a.l, from, to, 1100, 48000) / carrier;
    double down = amplitude_at(a.l, from, to, 660, 48000) / carrier;
    double two = amplitude_at(a.l, from, to, 1320, 48000) / carrier;
    double none = amplitude_at(p.l, from, to, 1100, 48000) / carrier;
    print_message("fm: carrier %.3f (0.765), 1100 Hz %.3f and 660 Hz %.3f (0.440), 1320 Hz "
                  "%.3f (0.115), plain at 1100 Hz %.4f\n",
                  c, up, down, two, none);
    if (fabs(c - 0.765) > 0.01) fail_msg("fm: the carrier is at %.3f of the sine", c);
    if (fabs(up - 0.440) > 0.01 || fabs(down - 0.440) > 0.01)
        fail_msg("fm: the first sidebands are at %.3f and %.3f", up, down);
    if (fabs(two - 0.115) > 0.01) fail_msg("fm: the second sideband is at %.3f", two);
    if (none > 0.01) fail_msg("the plain sine has %.3f at 1100 Hz", none);
    audio_done(&p);
    audio_done(&a);
}

static void test_ugen_table_order(void **s) {
    int n;
    const UgenDef *t = ugen_table(&n);
    assert_int_equal(n, UGEN_COUNT);
    assert_string_equal(t[UGEN_SINE].name, "sine");
    assert_string_equal(t[UGEN_LPF].name, "lpf");
    assert_string_equal(t[UGEN_GAIN].name, "gain");
    assert_string_equal(t[UGEN_DIV].name, "div");
}

/* ---- effects on the notes, orbits, sidechain ---- */

/* Orbits: each has its own reverb and delay. A hit into a long room on
 * orbit 2 and one into a short room on orbit 3 sound as the two rendered
 * apart, added; on one orbit the second hit's size takes over the first's
 * tail, so the sum no longer holds. */
static void test_orbits_are_apart(void **st) {
    const char *hit =
        "synth hit() = sine(1000) * env(0, 0.02) * 0.3\n"; /* no noise: seeds differ */
    char both[400], one[300], two[300], same[400];
    snprintf(both, sizeof both,
             "%sa = s(\"hit ~\").orbit(2).room(0.6).size(9)\n"
             "b = s(\"~ hit\").orbit(3).room(0.6).size(0)\nplay a, b\n",
             hit);
    snprintf(one, sizeof one, "%sa = s(\"hit ~\").orbit(2).room(0.6).size(9)\nplay a\n", hit);
    snprintf(two, sizeof two, "%sb = s(\"~ hit\").orbit(3).room(0.6).size(0)\nplay b\n", hit);
    snprintf(same, sizeof same,
             "%sa = s(\"hit ~\").orbit(2).room(0.6).size(9)\n"
             "b = s(\"~ hit\").orbit(2).room(0.6).size(0)\nplay a, b\n",
             hit);
    Audio ab = render(both, NULL, 120, 2), a = render(one, NULL, 120, 2),
          b = render(two, NULL, 120, 2), sm = render(same, NULL, 120, 2);
    double apart = 0, shared = 0;
    for (long i = 0; i < ab.n; i++) {
        apart = fmax(apart, fabs(ab.l[i] - (a.l[i] + b.l[i])));
        shared = fmax(shared, fabs(sm.l[i] - (a.l[i] + b.l[i])));
    }
    assert_true(rms(a.l, 96000, 192000) > 1e-3); /* orbit 2's long tail */
    if (apart > 1e-6) fail_msg("two orbits: off the sum of their parts by %g", apart);
    if (shared < 1e-3) fail_msg("one orbit: the second size did not change the tail (%g)", shared);
    audio_done(&ab);
    audio_done(&a);
    audio_done(&b);
    audio_done(&sm);
}

/* An event's own effects, as in Strudel: .lpf/.hpf filter the note's
 * sound (12 dB an octave), .room and .delay send it to its orbit's reverb
 * and delay, muted with its track. */
static void test_event_effects(void **st) {
    const char *tone = "synth tone(freq, gate) = sine(freq) * 0.5\n";
    char prog[512];
    snprintf(prog, sizeof prog, "%sx = note(\"b5\").s(\"tone\")\nplay x\n", tone);
    Audio plain = render(prog, NULL, 120, 1);
    double ref = rms(plain.l, 24000, 72000); /* b5: 987.8 Hz */
    snprintf(prog, sizeof prog, "%sx = note(\"b5\").s(\"tone\").lpf(247)\nplay x\n", tone);
    Audio low = render(prog, NULL, 120, 1);
    snprintf(prog, sizeof prog, "%sx = note(\"b5\").s(\"tone\").hpf(3951)\nplay x\n", tone);
    Audio high = render(prog, NULL, 120, 1);
    double lo = 20 * log10(rms(low.l, 24000, 72000) / ref);
    double hi = 20 * log10(rms(high.l, 24000, 72000) / ref);
    print_message("event filters two octaves away: lpf %.1f dB, hpf %.1f dB\n", lo, hi);
    assert_true(lo < -20 && lo > -28);
    assert_true(hi < -20 && hi > -28);
    audio_done(&low);
    audio_done(&high);
    audio_done(&plain);
    /* a blip with delay 0.5, delaytime 0.125 s: its echo 6000 frames later at half level */
    snprintf(prog, sizeof prog,
             "%sx = note(\"a4 ~ ~ ~\").s(\"blip\").delay(0.5).delaytime(0.125).delayfeedback(0)\n"
             "play x\n",
             BLIP);
    Audio echo = render(prog, NULL, 120, 1);
    for (long i = 0; i < 240; i++)
        if (fabs(echo.l[6000 + i] - 0.5 * echo.l[i]) > 1e-6)
            fail_msg("echo sample %ld: %g vs %g", i, echo.l[6000 + i], 0.5 * echo.l[i]);
    audio_done(&echo);
    /* room: a tail after the note; none when the track is muted */
    snprintf(prog, sizeof prog, "%sx = note(\"a4 ~ ~ ~\").s(\"blip\").room(0.5)\nplay x\n", BLIP);
    Audio wet = render(prog, NULL, 120, 1);
    assert_true(rms(wet.l, 4800, 48000) > 1e-4);
    snprintf(prog, sizeof prog,
             "%sx = note(\"a4 ~ ~ ~\").s(\"blip\").room(0.5)\nplay x\nmix x { mute: 1 }\n", BLIP);
    Audio muted = render(prog, NULL, 120, 1);
    assert_true(rms(muted.l, 0, muted.n) == 0);
    audio_done(&wet);
    audio_done(&muted);
}

/* Denormals: a reverb's tail decays to exactly zero, never through the
 * slow subnormal range (the CPU flushes them while the audio side runs);
 * and the caller's floating-point mode is left as it was. */
static void test_denormals_flush(void **st) {
    char prog[512];
    snprintf(prog, sizeof prog,
             "%sx = note(\"a4 ~ ~ ~\").s(\"blip\").slow(40)\nplay x\n"
             "master = reverb(size: 0.9, damp: 0.2, mix: 1)\n",
             BLIP);
    Audio a = render(prog, NULL, 120, 40); /* 80 s */
    long subnormal = 0, last_nonzero = 0;
    for (long i = 0; i < a.n; i++) {
        if (fpclassify(a.l[i]) == FP_SUBNORMAL || fpclassify(a.r[i]) == FP_SUBNORMAL) subnormal++;
        if (a.l[i] != 0 || a.r[i] != 0) last_nonzero = i;
    }
    print_message("reverb tail: silent from %.1f s on, %ld subnormal samples\n",
                  (double)last_nonzero / 48000, subnormal);
    assert_int_equal(subnormal, 0);
    assert_true(last_nonzero < a.n - 48000); /* the tail ended: zeros, at least the last second */
    volatile float tiny = 1e-38f;
    assert_true(tiny / 1000 != 0); /* this thread still has subnormals */
    audio_done(&a);
}

/* A compressor with side: "kick" ducks what it processes when the kick
 * plays, even with the kick muted; a delay with sync: 1 counts in cycles. */
static void test_sidechain_and_synced_delay(void **st) {
    const char *base = "synth tone(freq, gate) = sine(freq) * 0.5\n"
                       "synth thump(freq, gate) = sine(60) * env(0.001, 0.2)\n"
                       "pad = note(\"c4\").s(\"tone\")\nkick = s(\"thump ~ ~ ~\")\n"
                       "play pad, kick\nmix kick { mute: 1 }\n";
    char prog[1024];
    snprintf(prog, sizeof prog, "%smix pad { fx: comp(-30dB, 20, 0.001, 0.2, side: \"kick\") }\n",
             base);
    Audio ducked = render(prog, NULL, 120, 1);
    Audio plain = render(base, NULL, 120, 1);
    /* 20-50 ms after the kick, then in the bar's third quarter (the kick long gone) */
    double dip = 20 * log10(rms(ducked.l, 960, 2400) / rms(plain.l, 960, 2400));
    double rest = 20 * log10(rms(ducked.l, 60000, 70000) / rms(plain.l, 60000, 70000));
    print_message("sidechain: %.1f dB under the kick, %.1f dB after it\n", dip, rest);
    assert_true(dip < -6);
    assert_true(rest > -1);
    audio_done(&ducked);
    audio_done(&plain);
    /* an echo a quarter cycle later: 0.5 s at 120 BPM, 1 s at 60 */
    for (double bpm = 120; bpm >= 60; bpm -= 60) {
        snprintf(
            prog, sizeof prog,
            "%sx = note(\"a4 ~ ~ ~\").s(\"blip\")\nplay x\nmaster = delay(1/4, 0, 0.5, sync: 1)\n",
            BLIP);
        Audio a = render(prog, NULL, bpm, 1);
        long echo = (long)(240 / bpm / 4 * 48000), f = 1000;
        while (f < a.n && a.l[f] == 0) f++;
        assert_int_equal(f, echo + (a.l[echo] == 0)); /* the blip starts on a zero crossing */
        audio_done(&a);
    }
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_ugen_table_order),
        cmocka_unit_test(test_filter_envelope),
        cmocka_unit_test(test_vibrato),
        cmocka_unit_test(test_pitch_envelope),
        cmocka_unit_test(test_postgain),
        cmocka_unit_test(test_protection_limiter),
        cmocka_unit_test(test_note_envelope),
        cmocka_unit_test(test_fm),
        cmocka_unit_test(test_onsets_are_exact),
        cmocka_unit_test(test_levels_and_pan_law),
        cmocka_unit_test(test_sine_is_exact),
        cmocka_unit_test(test_filters_at_cutoff),
        cmocka_unit_test(test_vowel_and_coarse),
        cmocka_unit_test(test_block_filters_match_per_sample),
        cmocka_unit_test(test_notes_last_their_length),
        cmocka_unit_test(test_chain_eq_and_chorus),
        cmocka_unit_test(test_reverb_matches_freeverb),
        cmocka_unit_test(test_cut_groups),
        cmocka_unit_test(test_saw_does_not_alias),
        cmocka_unit_test(test_renders_repeat_bit_for_bit),
        cmocka_unit_test(test_a_full_ring_holds_notes_back_not_late),
        cmocka_unit_test(test_audio_side_allocates_nothing),
        cmocka_unit_test(test_samples_play_from_folders),
        cmocka_unit_test(test_event_effects),
        cmocka_unit_test(test_orbits_are_apart),
        cmocka_unit_test(test_denormals_flush),
        cmocka_unit_test(test_sidechain_and_synced_delay),
    };
    return cmocka_run_group_tests_name("render", tests, NULL, NULL);
}
