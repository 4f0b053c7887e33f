/*
 * render_support.h - helpers shared by the audio test programs (test_render.c,
 * test_live_swap.c): render a program, a pattern or a session log offline to
 * samples, read a WAV file back, measure a level.
 */
#ifndef TALA_TEST_RENDER_SUPPORT_H
#define TALA_TEST_RENDER_SUPPORT_H

#include "support_lang.h"

#include "engine/engine.h"
#include "engine/session.h"

#include <math.h>
#include <sndfile.h>
#include <unistd.h>

typedef struct {
    float *l, *r;
    long n;
} Audio;

static inline void audio_done(Audio *a) {
    free(a->l);
    free(a->r);
}

static inline Audio read_wav(const char *path);

/* Renders `program` (which plays its tracks) or `pattern`, then the items of
 * `script` (a session log, or NULL) on their cycles; returns the samples. */
static int render_ring; /* the event ring's size (0: the session's default) */

static inline Audio render_script(const char *program, const char *pattern, double tempo,
                                  double bars, const char *script) {
    Err err = {0};
    SessionOpts so = {
        .rate = 48000, .voices = 256, .tempo = tempo, .quiet = true, .max_events = render_ring};
    Session *S = session_new(&so, &err);
    assert_non_null(S);
    Vm *vm = session_vm(S);
    if (program && !session_eval(S, "<test>", program, strlen(program), NULL, &err))
        fail_msg("%s", err.msg);
    if (pattern) {
        Value pat;
        if (!eval_expr(vm, "<test>", pattern, strlen(pattern), &pat, &err)) fail_msg("%s", err.msg);
        assert_true(session_play_pattern(S, pat, &err));
    }
    Script sc = {0};
    if (script) {
        char lp[] = "/tmp/tala-test-XXXXXX.log";
        int lfd = mkstemps(lp, 4);
        assert_true(write(lfd, script, strlen(script)) == (ssize_t)strlen(script));
        close(lfd);
        if (!script_load(lp, &sc, &err)) fail_msg("%s", err.msg);
        unlink(lp);
    }
    char path[] = "/tmp/tala-test-XXXXXX.wav";
    int fd = mkstemps(path, 4);
    close(fd);
    RenderOpts o = {.rate = 48000, .bars = bars, .format = "wav"};
    RenderReport rep;
    if (!engine_render(S, path, &o, script ? &sc : NULL, &rep, &err))
        fail_msg("render: %s", err.msg);
    session_free(S);
    script_free(&sc);
    Audio a = read_wav(path);
    unlink(path);
    return a;
}

static inline Audio render(const char *program, const char *pattern, double tempo, double bars) {
    return render_script(program, pattern, tempo, bars, NULL);
}

static inline Audio read_wav(const char *path) {
    SF_INFO info = {0};
    SNDFILE *sf = sf_open(path, SFM_READ, &info);
    assert_non_null(sf);
    Audio a = {malloc(sizeof(float) * (size_t)info.frames),
               malloc(sizeof(float) * (size_t)info.frames), (long)info.frames};
    float *inter = malloc(sizeof(float) * 2 * (size_t)info.frames);
    assert_int_equal(sf_readf_float(sf, inter, info.frames), info.frames);
    for (long i = 0; i < a.n; i++) a.l[i] = inter[2 * i], a.r[i] = inter[2 * i + 1];
    free(inter);
    sf_close(sf);
    return a;
}

static const char *const BLIP __attribute__((unused)) =
    "synth blip(freq, gate) = sine(freq) * env(0.0005, 0.004)\n";

static inline double rms(const float *x, long from, long to) {
    double s = 0;
    for (long i = from; i < to; i++) s += (double)x[i] * x[i];
    return sqrt(s / (double)(to - from));
}

#endif
