/*
 * test_arrange.c - song form: arrange() of scenes plays each track's part in
 * its sections (exact onset frames, silence elsewhere); the form's sections
 * and names; `jump` moves the whole song to a section from the next bar,
 * by name or number, and says which sections there are when it cannot.
 */
#include "render_support.h"

#define SONG                                                                                       \
    "intro = { x: silence }\n"                                                                     \
    "verse = { x: note(\"~ a4\").s(\"blip\") }\n"                                                  \
    "chorus = { x: note(\"a4 ~ ~ ~\").s(\"blip\") }\n"                                             \
    "song = arrange([2, intro], [2, verse], [2, chorus])\n"                                        \
    "play song\n"

static const char *HEAD = "tala-session 1\nopts rate 48000 voices 256 tempo 120\n";

/* The song rendered for `bars` with a script after its evaluation (NULL:
 * none) holds blips exactly at the cycles on[] (in halves of a cycle) and
 * silence everywhere else. */
static void check(const char *script_cmds, double bars, const int *halves, int n) {
    char prog[1024], script[2048];
    snprintf(prog, sizeof prog, "%s%s", BLIP, SONG);
    if (script_cmds) snprintf(script, sizeof script, "%s%s", HEAD, script_cmds);
    Audio all = render_script(prog, NULL, 120, bars, script_cmds ? script : NULL);
    char one[256];
    snprintf(one, sizeof one, "%sx = note(\"a4 ~ ~ ~\").s(\"blip\")\nplay x\n", BLIP);
    Audio lone = render(one, NULL, 120, 1);
    long len = (long)(0.0045 * 48000) + 2, cycle = 2 * 48000; /* 120 bpm: 2 s a cycle */
    char *hit = calloc((size_t)all.n, 1);
    for (int k = 0; k < n; k++) {
        long f = halves[k] * cycle / 2;
        assert_true(f + len < all.n);
        for (long i = 0; i < len; i++) {
            if (all.l[f + i] != lone.l[i] || all.r[f + i] != lone.r[i])
                fail_msg("the blip at cycle %g (frame %ld) differs at sample %ld", halves[k] / 2.0,
                         f, i);
            hit[f + i] = 1;
        }
    }
    for (long i = 0; i < all.n; i++)
        if (!hit[i] && (all.l[i] != 0 || all.r[i] != 0))
            fail_msg("sound at frame %ld (cycle %g), where none was due", i, (double)i / cycle);
    free(hit);
    audio_done(&all);
    audio_done(&lone);
}

static void test_scenes_play_in_their_sections(void **st) {
    (void)st;
    const int on[] = {5, 7, 8, 10}; /* verse at 2 and 3 (+1/2), chorus at 4 and 5 */
    check(NULL, 6, on, 4);
    const int again[] = {5, 7, 8, 10, 17, 19}; /* and round again: verse at 8 and 9 */
    check(NULL, 10, again, 6);
}

static void test_jump_by_name(void **st) {
    (void)st;
    /* asked at 1/2: from cycle 1 the chorus (1, 2), then the song goes on: intro (3, 4),
     * verse (5.5) */
    const int on[] = {2, 4, 11};
    check("cmd 1/2 jump chorus\n", 6, on, 3);
}

static void test_jump_by_number(void **st) {
    (void)st;
    const int on[] = {3, 5, 6, 8}; /* section 2, the verse, from cycle 1; the chorus at 3 */
    check("cmd 1/2 jump 2\n", 6, on, 4);
    /* asked on a bar line: from that bar */
    check("cmd 1 jump 2\n", 6, on, 4);
}

static void test_sections_and_their_names(void **st) {
    (void)st;
    Err err = {0};
    SessionOpts so = {.rate = 48000, .voices = 64, .tempo = 120, .quiet = true};
    Session *S = session_new(&so, &err);
    char prog[1024];
    snprintf(prog, sizeof prog, "%s%s", BLIP, SONG);
    assert_true(session_eval(S, "<test>", prog, strlen(prog), NULL, &err));
    Section sec[8];
    Rat total;
    assert_int_equal(session_sections(S, sec, 8, &total), 3);
    assert_true(rat_eq(total, rat_int(6)));
    const char *names[] = {"intro", "verse", "chorus"};
    for (int i = 0; i < 3; i++) {
        assert_string_equal(sec[i].name, names[i]);
        assert_true(rat_eq(sec[i].at, rat_int(2 * i)) && rat_eq(sec[i].len, rat_int(2)));
    }
    TrackInfo tracks[4];
    assert_int_equal(session_tracks(S, tracks, 4), 1); /* the scene's one track, x */
    assert_string_equal(tracks[0].name, "x");
    assert_false(session_command(S, "jump", "bridge", &err));
    assert_string_equal(err.msg, "jump: no section 'bridge'");
    assert_string_equal(err.hint, "the sections: 1 intro (from cycle 0), 2 verse (from cycle 2), "
                                  "3 chorus (from cycle 4)");
    session_free(S);
    /* a program without an arrangement: none, and jump says how to make one */
    err = (Err){0};
    S = session_new(&so, &err);
    assert_non_null(S);
    const char *plain = "x = s(\"bd\")\nplay x\n";
    assert_true(session_eval(S, "<test>", plain, strlen(plain), NULL, &err));
    assert_int_equal(session_sections(S, sec, 8, &total), 0);
    assert_false(session_command(S, "jump", "verse", &err));
    assert_string_equal(err.msg, "jump: the program has no arrangement");
    session_free(S);
}

/* Strudel's own arrange of patterns: the same form, and jump finds its
 * sections by the globals that hold them. */
static void test_pattern_arrange(void **st) {
    (void)st;
    char prog[1024];
    snprintf(prog, sizeof prog,
             "%sa = note(\"~\").s(\"blip\")\nb = note(\"a4 ~ ~ ~\").s(\"blip\")\n"
             "arrange([3, a], [1, b])\n",
             BLIP);
    char script[512];
    snprintf(script, sizeof script, "%scmd 0 jump b\n", HEAD);
    Audio j = render_script(prog, NULL, 120, 3, script);
    Audio lone = render(prog, NULL, 120, 4); /* b's one blip at cycle 3 */
    for (long i = 0; i < 48000; i++)         /* jumped: at cycle 0, b's blip; b again at 4 */
        assert_true(j.l[i] == lone.l[3 * 96000 + i]);
    assert_true(rms(j.l, 0, 960) > 0.01);
    audio_done(&j);
    audio_done(&lone);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_scenes_play_in_their_sections),
        cmocka_unit_test(test_jump_by_name),
        cmocka_unit_test(test_jump_by_number),
        cmocka_unit_test(test_sections_and_their_names),
        cmocka_unit_test(test_pattern_arrange),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
