/*
 * swap_bench.c - the time from pressing Enter to the new code being
 * scheduled: a performer's block evaluated in a running session playing
 * examples/demo.tala (compile, run, dry run of the next two cycles,
 * commit), then the control thread's next step that sends the new notes.
 * Not a test: a figure for the notes.
 *
 *   build/bench_swap [FILE]     default: examples/demo.tala
 */
#include "engine/session.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static double now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec + t.tv_nsec * 1e-9;
}

static int cmp(const void *a, const void *b) {
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

int main(int argc, char **argv) {
    const char *file = argc > 1 ? argv[1] : TALA_SOURCE_DIR "/examples/demo.tala";
    FILE *f = fopen(file, "r");
    if (!f) {
        perror(file);
        return 1;
    }
    static char text[1 << 16];
    size_t len = fread(text, 1, sizeof text - 1, f);
    fclose(f);
    Err err = {0};
    SessionOpts so = {.rate = 48000, .quiet = true};
    Session *s = session_new(&so, &err);
    if (!s || !session_eval(s, file, text, len, TALA_SOURCE_DIR "/examples", &err)) {
        fprintf(stderr, "%s\n", err.msg);
        return 1;
    }
    const char *blocks[2] = {
        "drums = s(\"bd [~ bd] ~ bd, ~ sn, [~ hh]*4\").sometimesBy(0.2, x => x.gain(0.7))\n",
        "drums = s(\"bd*2 [~ sn], hh*8, ~ ~ ~ cp\").every(4, fast(2))\n"};
    enum { N = 400 };
    double eval[N], step[N];
    uint64_t frame = 0;
    for (int i = 0; i < N; i++) {
        frame += 24000; /* half a second of playing between blocks */
        session_advance(s, frame + 2400);
        double t0 = now();
        if (!session_eval(s, "<repl>", blocks[i % 2], strlen(blocks[i % 2]), NULL, &err)) {
            fprintf(stderr, "%s\n", err.msg);
            return 1;
        }
        double t1 = now();
        session_advance(s, frame + 2400 + 96); /* the control thread's next step */
        eval[i] = (t1 - t0) * 1e3;
        step[i] = (now() - t1) * 1e3;
        /* let the audio side consume the ring as the device would */
        float l[2048], r[2048];
        for (uint64_t k = audio_frame(session_audio(s)); k < frame; k += 2048)
            audio_render(session_audio(s), l, r, (int)(frame - k < 2048 ? frame - k : 2048), NULL);
    }
    qsort(eval, N, sizeof *eval, cmp);
    qsort(step, N, sizeof *step, cmp);
    printf("Enter to scheduled (demo.tala playing, %d blocks): evaluation median %.3f ms, "
           "p99 %.3f ms; next control step median %.3f ms\n",
           N, eval[N / 2], eval[N * 99 / 100], step[N / 2]);
    session_free(s);
    return 0;
}
