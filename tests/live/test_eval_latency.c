/*
 * test_eval_latency.c - the control thread owns the VM, and an evaluation
 * never starves playback: while a live session plays hi-hats on the
 * device-less clock (real time, no sound card), a block whose top-level
 * work runs for about two seconds is evaluated, and not one event reaches
 * the audio side after its frame. The hats keep starting all through it.
 */
#include "support_lang.h"

#include "engine/live.h"

#include <time.h>

/* about two seconds of work in a release build; the sanitizer build is
 * several times slower, so it computes less (the property is the same) */
#if defined(__SANITIZE_ADDRESS__) || defined(__OPTIMIZE__) == 0
#define FIB "30"
#else
#define FIB "34"
#endif

static double now_s(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

static void sleep_s(double s) {
    struct timespec ts = {(time_t)s, (long)((s - (time_t)s) * 1e9)};
    nanosleep(&ts, NULL);
}

/* The session's messages, shown only with SAY=1 (when a test fails, they say why). */
static void quiet(void *ud, const char *text) {
    (void)ud;
    if (getenv("SAY")) fprintf(stderr, "say: %s\n", text);
}

static bool eval(Live *l, const char *text) {
    Err err = {0};
    bool ok = live_eval(l, "<test>", text, strlen(text), ".", &err);
    if (!ok) err_print(stderr, &err);
    return ok;
}

/* A live session on the device-less clock (real time, no sound card). */
static Live *open_clock(void) {
    LiveOpts o = {.session = {.rate = 48000, .say = quiet},
                  .device = {.null = true, .rate = 48000}};
    char why[256] = "";
    Live *l = live_open(&o, why, sizeof why);
    assert_non_null(l);
    return l;
}

static bool start(Live *l) {
    char why[256] = "";
    return live_start(l, why, sizeof why);
}

static void test_a_long_evaluation_leaves_no_late_event(void **st) {
    (void)st;
    Live *l = open_clock();
    /* hats every 1/32 of a bar: a note every 62.5 ms at 120 BPM */
    assert_true(eval(l, "hats = s(\"hh*32\")\nplay hats\n"));
    assert_true(start(l));
    sleep_s(0.3);

    LiveStatus before;
    live_status(l, &before);
    double t0 = now_s();
    /* top-level work: no pattern, no budget, seconds of instructions */
    /* the block also changes the tempo and the hats: they land after where the
     * scheduler got while it ran, never in the past */
    assert_true(eval(l, "fn fib(n) = if n < 2 then n else fib(n - 1) + fib(n - 2)\n"
                        "y = fib(" FIB ")\n"
                        "tempo 150\n"
                        "hats = s(\"hh*16\")\n"));
    double took = now_s() - t0;
    LiveStatus after;
    live_status(l, &after);
    sleep_s(0.2);
    LiveStatus end;
    live_status(l, &end);
    live_close(l);

    print_message("the evaluation took %.2f s; %llu hats started meanwhile; %llu events late\n",
                  took,
                  (unsigned long long)(after.audio.voices_started - before.audio.voices_started),
                  (unsigned long long)end.audio.events_late);
    /* the work must be long against the 50 ms lookahead for this to mean anything */
    assert_true(took > 0.5);
    assert_int_equal(end.audio.events_late, 0);
    /* and the music went on during it: about 16 hats a second */
    assert_true((double)(after.audio.voices_started - before.audio.voices_started) >=
                took * 16 * 0.8);
}

/* While a block runs, the music plays the code from before it: a block that
 * redefines what a playing pattern calls, then fails, leaves it playing. */
static void test_a_failing_evaluation_is_never_heard(void **st) {
    (void)st;
    Live *l = open_clock();
    /* fast bars (0.5 s): the block runs across several, so p is queried meanwhile */
    assert_true(
        eval(l, "tempo 480\nfn f(x) = x + 60\np = note(\"0 1 2 3\".fmap(x => f(x)))\nplay p\n"));
    assert_true(start(l));
    sleep_s(0.2);
    Err err = {0};
    const char *bad = "fn fib(n) = if n < 2 then n else fib(n - 1) + fib(n - 2)\n"
                      "f = 3\ny = fib(" FIB ")\nz = f(2)\n"; /* fails as it runs */
    assert_false(live_eval(l, "<test>", bad, strlen(bad), ".", &err));
    sleep_s(0.2);
    LiveStatus end;
    live_status(l, &end);
    live_close(l);
    assert_int_equal(end.ntracks, 1);
    assert_true(end.tracks[0].playing);
    assert_int_equal(end.audio.events_late, 0);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_a_long_evaluation_leaves_no_late_event),
        cmocka_unit_test(test_a_failing_evaluation_is_never_heard),
    };
    return cmocka_run_group_tests_name("eval-latency", tests, NULL, NULL);
}
