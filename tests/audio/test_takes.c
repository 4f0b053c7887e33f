/*
 * test_takes.c - takes without a sound card: record() asks for a take on the
 * next bar at the tempo that will be playing, once per call in a file and
 * every time in the REPL; a recording takes its frames from the input moved
 * back by the latency; a finished take is saved as takes/NAME-N.wav, plays
 * as NAME:N, and a folder's takes load in the order of N.
 */
#include "render_support.h"

#include "engine/takes.h"

#include <dirent.h>
#include <sys/stat.h>

static Session *with_input(const char *dir) {
    Err err = {0};
    SessionOpts so = {.rate = 48000, .voices = 64, .tempo = 120, .quiet = true, .input = true};
    Session *S = session_new(&so, &err);
    assert_non_null(S);
    const char *prog = "x = s(\"bd\")\nplay x\n";
    assert_true(session_eval(S, "song.tala", prog, strlen(prog), dir, &err));
    return S;
}

static void test_requests(void **st) {
    (void)st;
    char dir[] = "/tmp/tala-takes-XXXXXX";
    assert_non_null(mkdtemp(dir));
    Session *S = with_input(dir);
    Err err = {0};
    TakeRequest q[4];
    /* tempo 60 and record() in one evaluation: 2 bars at 60 BPM (8 s), from bar 1's end */
    const char *file = "tempo 60\nrecord(\"vox\", 2)\nx = s(\"bd\")\nplay x\n";
    assert_true(session_eval(S, "song.tala", file, strlen(file), dir, &err));
    assert_int_equal(session_take_requests(S, q, 4), 1);
    assert_string_equal(q[0].name, "vox");
    assert_int_equal(q[0].frames, 8 * 48000);
    assert_int_equal(q[0].start, 0); /* the horizon is at 0: bar 1 */
    /* the file saved again (another change): no new take; a changed call: one */
    const char *again = "tempo 60\nrecord(\"vox\", 2)\nx = s(\"bd sn\")\nplay x\n";
    assert_true(session_eval(S, "song.tala", again, strlen(again), dir, &err));
    assert_int_equal(session_take_requests(S, q, 4), 0);
    const char *other = "tempo 60\nrecord(\"vox\", 1)\nx = s(\"bd sn\")\nplay x\n";
    assert_true(session_eval(S, "song.tala", other, strlen(other), dir, &err));
    assert_int_equal(session_take_requests(S, q, 4), 1);
    assert_int_equal(q[0].frames, 4 * 48000);
    /* typed in the REPL: every time; the command too */
    for (int k = 0; k < 2; k++) {
        const char *typed = "record(\"gtr\")";
        assert_true(session_eval(S, "<repl>", typed, strlen(typed), NULL, &err));
        assert_int_equal(session_take_requests(S, q, 4), 1);
    }
    assert_true(session_command(S, "record", "keys 3", &err));
    assert_int_equal(session_take_requests(S, q, 4), 1);
    assert_string_equal(q[0].name, "keys");
    assert_false(session_command(S, "record", "bad/name", &err));
    session_free(S);
    rmdir(dir);
}

/* A recording's frame i is the input numbered from + i: start + latency. */
static void test_recording_alignment(void **st) {
    (void)st;
    TakeRequest q = {.name = "vox", .start = 96000, .frames = 1000, .bars = 1};
    Recording rec = {0};
    take_begin(&rec, &q, 512);
    float in[2 * 600];
    bool done = false;
    /* the input in pieces of 600 frames, each frame's value its own number */
    for (uint64_t first = 95000; first < 100000 && !done; first += 600) {
        for (int i = 0; i < 600; i++) in[2 * i] = (float)(first + i), in[2 * i + 1] = -1;
        done = take_feed(&rec, first, in, 600);
    }
    assert_true(done);
    for (int i = 0; i < 1000; i++) assert_true(rec.l[i] == (float)(96000 + 512 + i));
    assert_int_equal(rec.reached, 1000);
    take_end(&rec);
}

static void test_saved_and_played(void **st) {
    (void)st;
    char dir[] = "/tmp/tala-takes-XXXXXX";
    assert_non_null(mkdtemp(dir));
    Session *S = with_input(dir);
    float l[4800], r[4800];
    for (int i = 0; i < 4800; i++) l[i] = r[i] = 0.5f * (float)sin(i * 0.05);
    char path[1200], why[300];
    assert_int_equal(session_add_take(S, "vox", l, r, 4800, path, sizeof path, why, sizeof why), 0);
    char want[600];
    snprintf(want, sizeof want, "%s/takes/vox-0.wav", dir);
    assert_string_equal(path, want);
    assert_int_equal(session_add_take(S, "vox", l, r, 4800, path, sizeof path, why, sizeof why), 1);
    Audio a = read_wav(want);
    assert_int_equal(a.n, 4800);
    for (int i = 0; i < 4800; i++) assert_true(a.l[i] == l[i] && a.r[i] == r[i]);
    audio_done(&a);
    session_free(S);
    /* a new session in that folder has them as vox:0 and vox:1, in the order of N (a
     * third, vox-7.wav, comes after them as vox:2) */
    char p7[600];
    snprintf(p7, sizeof p7, "%s/takes/vox-7.wav", dir);
    char cmd[1400];
    snprintf(cmd, sizeof cmd, "cp %s/takes/vox-1.wav %s", dir, p7);
    assert_int_equal(system(cmd), 0);
    char prog[200];
    snprintf(prog, sizeof prog, "x = s(\"vox:2\")\nplay x\n");
    Err err = {0};
    SessionOpts so = {.rate = 48000, .voices = 64, .tempo = 120, .quiet = true};
    S = session_new(&so, &err);
    assert_true(session_eval(S, "song.tala", prog, strlen(prog), dir, &err));
    char wav[] = "/tmp/tala-takes-XXXXXX.wav";
    close(mkstemps(wav, 4));
    RenderOpts o = {.rate = 48000, .bars = 1, .format = "wav"};
    RenderReport rep;
    assert_true(engine_render(S, wav, &o, NULL, &rep, &err));
    assert_true(rep.peak > 0.1); /* vox:2 plays */
    session_free(S);
    unlink(wav);
    snprintf(cmd, sizeof cmd, "rm -r %s", dir);
    assert_int_equal(system(cmd), 0);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_requests),
        cmocka_unit_test(test_recording_alignment),
        cmocka_unit_test(test_saved_and_played),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
