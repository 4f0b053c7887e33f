/*
 * test_sounds.c - the sound library, measured: the Dirt names play Sonic
 * Pi's samples with their variations (bd:3 is not bd:0), Hydrogen's kits are
 * banks whose layers follow velocity, General MIDI notes (FluidSynth) start
 * on their exact frames and render identically twice, and tala's own kit is
 * bank("tala") and the fallback where the library is not installed.
 */
#include "render_support.h"

#include "engine/soundlib.h"
#include "spec/sounds.h"

#include <stdlib.h>
#include <time.h>

static bool same(const Audio *a, const Audio *b) {
    if (a->n != b->n) return false;
    for (long i = 0; i < a->n; i++)
        if (a->l[i] != b->l[i] || a->r[i] != b->r[i]) return false;
    return true;
}

static Audio pat(const char *p, double bars) {
    return render(NULL, p, 120, bars);
}

/* The first frame at or after from whose sample is not 0. */
static long first_sound(const Audio *a, long from) {
    for (long i = from; i < a->n; i++)
        if (a->l[i] != 0 || a->r[i] != 0) return i;
    return -1;
}

static void test_variations_differ(void **st) {
    Audio b0 = pat("s(\"bd:0\")", 1), b3 = pat("s(\"bd:3\")", 1), b = pat("s(\"bd\")", 1);
    Audio kit = pat("s(\"bd\").bank(\"tala\")", 1), haus = pat("s(\"bd_haus\")", 1);
    assert_false(same(&b0, &b3));
    assert_true(same(&b0, &b)); /* bd is bd:0 */
    /* ... which is Sonic Pi's bd_haus, brought to a peak of -6 dBFS: times
     * 0.8, the default gain, each channel of the stereo file to its side */
    double pb = 0, ph = 0;
    for (long i = 0; i < b0.n; i++) pb = fmax(pb, fabs(b0.l[i])), ph = fmax(ph, fabs(haus.l[i]));
    print_message("bd: peak %.4f (0.4 at most); bd_haus %.4f\n", pb, ph);
    assert_true(pb > 0.3 && pb <= 0.4 + 1e-6); /* (its 1 ms attack takes a little) */
    for (long i = 0; i < b0.n; i++)
        if (fabs(b0.l[i] - haus.l[i] * pb / ph) > 1e-6)
            fail_msg("bd is not bd_haus at frame %ld", i);
    assert_false(same(&b0, &kit)); /* tala's own kit is a bank of its own */
    assert_true(rms(b3.l, 0, 24000) > 0.01 && rms(kit.l, 0, 24000) > 0.01);
    /* n wraps around: bd has 18 variations */
    Audio b18 = pat("s(\"bd:18\")", 1);
    assert_true(same(&b0, &b18));
    /* s("bd").n(3) is bd:3 */
    Audio n3 = pat("s(\"bd\").n(3)", 1);
    assert_true(same(&b3, &n3));
    /* every Dirt name plays, each variation something */
    for (int i = 0; i < NDIRT_SOUNDS; i++) {
        char p[64];
        snprintf(p, sizeof p, "s(\"%s\")", DIRT_SOUNDS[i].name);
        Audio a = pat(p, 0.5);
        if (!(rms(a.l, 0, a.n) > 1e-4)) fail_msg("%s is silent", DIRT_SOUNDS[i].name);
        audio_done(&a);
    }
    Audio *all[] = {&b0, &b3, &b, &kit, &haus, &b18, &n3};
    for (size_t i = 0; i < sizeof all / sizeof *all; i++) audio_done(all[i]);
}

/* A sample starts on its event's exact frame: bd_haus at cycle 1/3 of a bar
 * at 120 BPM is frame 32000, silent before it and from there the same,
 * sample for sample, as the hit at frame 0 (its file begins with 6 frames of
 * silence at 44.1 kHz). */
static void test_sample_onsets(void **st) {
    Audio a = pat("s(\"~ bd_haus ~\")", 1), c = pat("s(\"bd_haus ~ ~\")", 1);
    assert_int_equal(first_sound(&a, 0), 32000 + first_sound(&c, 0));
    assert_true(first_sound(&c, 0) == 6 || first_sound(&c, 0) == 7);
    for (long i = 0; i < 16000; i++)
        if (a.l[32000 + i] != c.l[i] || a.r[32000 + i] != c.r[i])
            fail_msg("frame %ld of the hit at 32000 differs from the hit at 0", i);
    audio_done(&a);
    audio_done(&c);
}

static void test_hydrogen_banks(void **st) {
    Audio hard = pat("s(\"bd\").bank(\"ColomboAcousticDrumkit\")", 1),
          soft = pat("s(\"bd\").bank(\"ColomboAcousticDrumkit\").velocity(0.3)", 1),
          lib = pat("s(\"bd\")", 1);
    assert_false(same(&hard, &lib));
    /* another layer, not the same sound quieter: the ratio of the two is not
     * one number */
    double peak_h = 0, peak_s = 0;
    for (long i = 0; i < 24000; i++) {
        peak_h = fmax(peak_h, fabs(hard.l[i]));
        peak_s = fmax(peak_s, fabs(soft.l[i]));
    }
    double k = peak_s / peak_h, resid = 0, total = 0;
    for (long i = 0; i < 24000; i++) {
        resid += pow(soft.l[i] - k * hard.l[i], 2);
        total += pow(soft.l[i], 2);
    }
    print_message("bank layers: soft/hard peak %.3f, the rest after scaling %.3f of the soft one\n",
                  k, sqrt(resid / total));
    assert_true(total > 0 && sqrt(resid / total) > 0.1);
    /* each Dirt name of a kit, its variations in the kit's order */
    Audio sd = pat("s(\"sd\").bank(\"ElectricEmpireKit\")", 1),
          sd1 = pat("s(\"sd:1\").bank(\"ElectricEmpireKit\")", 1);
    assert_false(same(&sd, &sd1));
    assert_true(rms(sd1.l, 0, 24000) > 1e-3);
    Audio *all[] = {&hard, &soft, &lib, &sd, &sd1};
    for (size_t i = 0; i < sizeof all / sizeof *all; i++) audio_done(all[i]);
}

/* General MIDI through FluidSynth: the note starts on its frame (c4 at
 * cycle 1/4 of a 120 BPM bar: frame 24000), is silent before, is the same
 * note wherever it starts, and two renders are identical. */
static void test_general_midi(void **st) {
    Audio a = pat("note(\"~ c4 ~ ~\").s(\"gm_piano\")", 1),
          b = pat("note(\"~ c4 ~ ~\").s(\"gm_piano\")", 1),
          c = pat("note(\"c4 ~ ~ ~\").s(\"gm_piano\")", 1),
          piano = pat("note(\"~ c4 ~ ~\").s(\"piano\")", 1),
          organ = pat("note(\"~ c4 ~ ~\").s(\"gm_church_organ\")", 1),
          up = pat("note(\"~ c5 ~ ~\").s(\"gm_piano\")", 1);
    assert_true(same(&a, &b));
    assert_true(same(&a, &piano));
    assert_false(same(&a, &organ));
    assert_false(same(&a, &up));
    long on = first_sound(&a, 0);
    print_message("gm_piano c4 at frame 24000: first sound at %ld\n", on);
    assert_true(on >= 24000 && on <= 24002);
    for (long i = 0; i < 24000; i++) /* the same note, 24000 frames later */
        if (a.l[24000 + i] != c.l[i] || a.r[24000 + i] != c.r[i])
            fail_msg("frame %ld of the note differs from the one at frame 0", i);
    assert_true(rms(a.l, 24000, 48000) > 0.01);
    /* the note's pitch: c4's period, 48000 / 261.63 = 183.5 frames, the lag
     * (between 150 and 230) where the organ's steady part best matches itself */
    long best = 0;
    double bestc = -INFINITY;
    for (long lag = 150; lag <= 230; lag++) {
        double c2 = 0;
        for (long i = 24000 + 9600; i < 24000 + 19200; i++) c2 += organ.l[i] * organ.l[i + lag];
        if (c2 > bestc) bestc = c2, best = lag;
    }
    print_message("gm_church_organ c4: a period of %ld frames\n", best);
    assert_true(best >= 183 && best <= 184);
    Audio *all[] = {&a, &b, &c, &piano, &organ, &up};
    for (size_t i = 0; i < sizeof all / sizeof *all; i++) audio_done(all[i]);
}

/* Without Sonic Pi's samples the Dirt drum names play tala's kit. */
static void test_fallback_to_the_kit(void **st) {
    Audio kit = pat("s(\"bd sd\").bank(\"tala\")", 1);
    setenv("TALA_SONIC_PI_SAMPLES", "", 1);
    setenv("TALA_HYDROGEN_KITS", "", 1);
    Audio none = pat("s(\"bd sd\")", 1), tabla = pat("s(\"tabla\")", 1);
    unsetenv("TALA_SONIC_PI_SAMPLES");
    unsetenv("TALA_HYDROGEN_KITS");
    assert_true(same(&kit, &none));
    assert_true(rms(tabla.l, 0, tabla.n) == 0); /* no kit drum of that name: silent */
    audio_done(&kit);
    audio_done(&none);
    audio_done(&tabla);
}

static void test_names(void **st) {
    assert_int_equal(gm_program("gm_piano", 0), 0);
    assert_int_equal(gm_program("gm_piano", 2), 2);
    assert_int_equal(gm_program("piano", 0), 0);
    assert_int_equal(gm_program("gm_acoustic_grand_piano", 0), 0);
    assert_int_equal(gm_program("gm_bandoneon", 0), 23);
    assert_int_equal(gm_program("gm_gunshot", 0), 127);
    assert_int_equal(gm_program("bd", 0), -1);
    /* every program has a name */
    for (int p = 0; p < 128; p++) {
        bool named = false;
        for (int i = 0; i < NGM_SOUNDS && !named; i++)
            for (int k = 0; k < GM_SOUNDS[i].nprograms; k++) named |= GM_SOUNDS[i].programs[k] == p;
        if (!named) fail_msg("program %d has no name", p);
    }
    assert_string_equal(hydrogen_role("Closed HH"), "hh");
    assert_string_equal(hydrogen_role("Hi Hat Opened"), "oh");
    assert_string_equal(hydrogen_role("Kick Lite 1"), "bd");
    assert_string_equal(hydrogen_role("Snare Rimshot (Pearl)"), "sd");
    assert_string_equal(hydrogen_role("Rim Click"), "rim");
    assert_string_equal(hydrogen_role("Pearl Tom Floor"), "lt");
    assert_string_equal(hydrogen_role("Tom Hi"), "ht");
    assert_string_equal(hydrogen_role("Hand Clap"), "cp");
    assert_null(hydrogen_role("Whistle"));
    /* every sound of the Dirt map is here (Sonic Pi's and Hydrogen's) */
    SoundLib *lib = soundlib_new(48000);
    for (int i = 0; i < NDIRT_SOUNDS; i++) {
        int refs = 0;
        while (DIRT_SOUNDS[i].sounds[refs]) refs++;
        if (soundlib_variations(lib, DIRT_SOUNDS[i].name) != refs)
            fail_msg("%s: %d of its %d sounds are here", DIRT_SOUNDS[i].name,
                     soundlib_variations(lib, DIRT_SOUNDS[i].name), refs);
    }
    soundlib_free(lib);
}

/* A live session reads ahead what its text names: every variation of a
 * Dirt name, the layers of a bank's named sounds; then playing reads
 * nothing more. */
static void test_preload(void **st) {
    SoundLib *lib = soundlib_new(48000);
    const char *text = "x = s(\"bd*4, [~ tabla:3]\").gain(0.5) -- sd\n"
                       "k = s(`hh oh`).bank(\"Audiophob\")\n";
    struct timespec a, b;
    clock_gettime(CLOCK_MONOTONIC, &a);
    int read = soundlib_preload(lib, text, strlen(text));
    clock_gettime(CLOCK_MONOTONIC, &b);
    print_message("preload: %d files in %.1f ms\n", read,
                  (b.tv_sec - a.tv_sec) * 1e3 + (b.tv_nsec - a.tv_nsec) / 1e6);
    /* the variations of bd (18), tabla (26), hh (5) and oh (4); sd is in a
     * comment; Audiophob's hh and oh sounds (one layer each) less the two
     * the Dirt names share with it: 2 more */
    assert_int_equal(read, 18 + 26 + 5 + 4 + 2);
    char why[200];
    LibSound ls;
    bool missing;
    assert_true(soundlib_sample(lib, "tabla", 7, 1, &ls, &missing, why, sizeof why));
    assert_true(soundlib_bank_sample(lib, "Audiophob", "oh", 0, 1, &ls, why, sizeof why));
    assert_int_equal(soundlib_loaded(lib), read);
    soundlib_free(lib);
}

/* Live, General MIDI notes are rendered a cycle ahead on the library's own
 * thread: scheduling cycle k asks for cycle k + 1's notes, so by the time it
 * is scheduled they are there, and the scheduler renders none itself. */
static void test_general_midi_ahead(void **st) {
    Err err = {0};
    SessionOpts so = {.rate = 48000, .voices = 64, .tempo = 120, .quiet = true};
    Session *s = session_new(&so, &err);
    assert_non_null(s);
    session_sounds_ahead(s);
    const char *prog = "x = note(\"<c4 d4 e4 f4>\").s(\"gm_piano\")\nplay x\n";
    assert_true(session_eval(s, "<test>", prog, strlen(prog), NULL, &err));
    SoundLib *lib = session_soundlib(s);
    session_advance_to(s, rat_make(1, 2)); /* cycle 0: c4 played, d4 asked for */
    soundlib_wait_loader(lib);
    assert_int_equal(soundlib_gm_notes(lib), 2);
    session_advance_to(s, rat_make(3, 2)); /* cycle 1: d4 was there; e4 asked for */
    soundlib_wait_loader(lib);
    assert_int_equal(soundlib_gm_notes(lib), 3);
    session_free(s);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_names),         cmocka_unit_test(test_variations_differ),
        cmocka_unit_test(test_sample_onsets), cmocka_unit_test(test_hydrogen_banks),
        cmocka_unit_test(test_general_midi),  cmocka_unit_test(test_fallback_to_the_kit),
        cmocka_unit_test(test_preload),       cmocka_unit_test(test_general_midi_ahead),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
