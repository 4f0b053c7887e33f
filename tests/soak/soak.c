/*
 * soak.c - `./build.sh soak [MINUTES]`: a scripted live set on the offline
 * clock, through the real session, scheduler and audio graph. 24 tracks; a
 * new evaluation every bar from a generator that writes what a performer
 * types (valid edits, broken code, runtime errors, tempo changes, synth
 * redefinitions, chain reshapes, runaway patterns) and now and then a
 * command (:hush, :stop, :undo). It checks as it goes: no sample is NaN or
 * above 0 dBFS; and at the end: the VM's live heap after a collection is
 * within 10 % of what it was at the first quarter of the run (no leak that
 * grows with time), and the session log it wrote replays to the same
 * samples, bit for bit. Prints its figures and "N passed, N failed".
 *
 *   soak MINUTES [SEED]
 */
#include "engine/engine.h"
#include "engine/session.h"
#include "vm/heap.h"

#include <math.h>
#include <sndfile.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>

#define NTRACKS 24
#define RATE    48000
#define CHUNK   4096

static uint64_t rng_state;
static unsigned rnd(unsigned n) { /* xorshift64*: the same set for the same seed */
    rng_state ^= rng_state >> 12, rng_state ^= rng_state << 25, rng_state ^= rng_state >> 27;
    return (unsigned)((rng_state * 2685821657736338717ULL) >> 33) % n;
}

static const char *DRUMS[] = {"bd", "sn", "hh", "oh", "cp", "rim", "lt", "mt", "ht", "cb", "cy"};
static const char *SYNTHS[] = {"saw",   "square", "tri",      "pulse", "fm", "pad",
                               "pluck", "bass",   "supersaw", "s0",    "s1"};
static const char *NOTES[] = {"c3", "eb3", "g3", "bb3", "d4", "f2", "ab2", "c4"};
#define PICK(a) (a[rnd(sizeof a / sizeof a[0])])

/* One track's definition, as a performer would write it. */
static int track(char *b, size_t n, int t) {
    if (t % 2 == 0)
        return snprintf(b, n, "t%d = s(\"%s*%u [~ %s] %s(%u,8)\").gain(%.2f)%s\n", t, PICK(DRUMS),
                        1 + rnd(4), PICK(DRUMS), PICK(DRUMS), 1 + rnd(7), 0.2 + rnd(60) / 100.0,
                        rnd(3) ? "" : ".every(3, fast(2))");
    return snprintf(b, n, "t%d = note(\"<%s %s> %s\").s(\"%s\").lpf(%u).room(%.2f)%s\n", t,
                    PICK(NOTES), PICK(NOTES), PICK(NOTES), PICK(SYNTHS), 300 + rnd(4000),
                    rnd(40) / 100.0, rnd(4) ? "" : ".pan(sine.slow(4))");
}

static void play_all(char *b, size_t n) {
    size_t k = (size_t)snprintf(b, n, "play ");
    for (int t = 0; t < NTRACKS && k < n; t++)
        k += (size_t)snprintf(b + k, n - k, "%st%d", t ? ", " : "", t);
    if (k < n) snprintf(b + k, n - k, "\n");
}

/* The block for one bar: what a performer might type next. */
static void block(char *b, size_t n, int bar) {
    size_t k = 0;
    if (bar == 0) { /* the set: synths, buses, master, 24 tracks */
        k += (size_t)snprintf(b + k, n - k,
                              "tempo 124\n"
                              "synth s0(freq, gate) = saw(freq).lpf(1800, 0.8) * adsr(0.01, 0.2, "
                              "0.5, 0.3) * 0.3\n"
                              "synth s1(freq, gate) = fm(freq, 2, 1) * env(0.002, 0.4) * 0.3\n"
                              "bus verb = reverb(size: 0.7, mix: 1)\n"
                              "bus echo = delay(0.3, 0.4, 1).hpf(500)\n"
                              "master = comp(-14dB, 3).limit(-1dB)\n");
        for (int t = 0; t < NTRACKS; t++) k += (size_t)track(b + k, n - k, t);
        play_all(b + k, n - k);
        return;
    }
    switch (rnd(12)) {
    case 0: snprintf(b, n, "tempo %u\n", 90 + rnd(80)); break;
    case 1:
        snprintf(b, n, "synth s%u(freq, gate) = %s(freq).lpf(%u, 0.7) * env(0.005, %.2f) * 0.3\n",
                 rnd(2), rnd(2) ? "saw" : "square", 500 + rnd(3000), 0.1 + rnd(50) / 100.0);
        break;
    case 2:
        snprintf(b, n, "bus verb = %s\nmix t%u { gain: -%u, send: { verb: 0.%u }%s }\n",
                 rnd(2) ? "reverb(size: 0.8, mix: 1)" : "delay(0.25, 0.5, 1).lpf(3000)",
                 rnd(NTRACKS), rnd(12), rnd(9), rnd(2) ? ", fx: lpf(2500)" : "");
        break;
    case 3: snprintf(b, n, "t%u = s(\"bd*4\"\n", rnd(NTRACKS)); break; /* syntax error */
    case 4:
        snprintf(b, n, "t%u = s(\"bd\").fast(\"x y\")\n", rnd(NTRACKS)); /* query error */
        break;
    case 5: snprintf(b, n, "z = 1\nq = z(2)\n"); break; /* runtime error: nothing kept */
    case 6: /* runaway patterns: errors on their track, the rest plays */
        snprintf(b, n, "t%u = s(\"%s\")\n", rnd(NTRACKS),
                 rnd(2) ? "bd*1000000000" : "bd(60001,60000)");
        break;
    case 7:
        snprintf(b, n, "fn fib(n) = if n < 2 then n else fib(n - 1) + fib(n - 2)\ny = fib(%u)\n",
                 14 + rnd(6));
        break;
    case 8: snprintf(b, n, "s(\"%s*8\").gain(0.3)\n", PICK(DRUMS)); break; /* the anonymous $ */
    default: {
        size_t k2 = 0;
        for (unsigned e = 1 + rnd(3); e > 0; e--)
            k2 += (size_t)track(b + k2, n - k2, (int)rnd(NTRACKS));
        if (rnd(4) == 0) play_all(b + k2, n - k2);
        break;
    }
    }
}

static uint64_t fnv(uint64_t h, const float *x, size_t n) {
    const unsigned char *p = (const unsigned char *)x;
    for (size_t i = 0; i < n * sizeof(float); i++) h = (h ^ p[i]) * 1099511628211ULL;
    return h;
}

/* The live heap after the same program is evaluated (every track defined
 * the same way), so two measures compare like with like: what differs is
 * what the session kept from the time between. */
static size_t live_bytes(Session *S) {
    static char fixed[8192];
    size_t k = 0;
    for (int t = 0; t < NTRACKS; t++)
        k += (size_t)snprintf(fixed + k, sizeof fixed - k, "t%d = s(\"bd*2 [~ sn]\").gain(0.5)\n",
                              t);
    play_all(fixed + k, sizeof fixed - k);
    Err e = {0};
    session_eval(S, "<soak-measure>", fixed, strlen(fixed), ".", &e);
    Heap *h = vm_heap(session_vm(S));
    heap_collect(h);
    return heap_stats(h).bytes;
}

static void quiet(void *ud, const char *text) {
    (void)ud, (void)text;
}

int main(int argc, char **argv) {
    double minutes = argc > 1 ? atof(argv[1]) : 2;
    rng_state = argc > 2 ? strtoull(argv[2], NULL, 10) : 20261205;
    if (!rng_state) rng_state = 1;
    char logpath[] = "/tmp/tala-soak-XXXXXX";
    int fd = mkstemp(logpath);
    if (fd < 0) return 3;
    FILE *log = fdopen(fd, "w");
    SessionOpts so = {.rate = RATE, .voices = 2048, .quiet = true, .say = quiet, .log = log};
    Err err = {0};
    Session *S = session_new(&so, &err);
    if (!S) {
        err_print(stderr, &err);
        return 3;
    }
    AudioEngine *audio = session_audio(S);
    uint64_t total = (uint64_t)(minutes * 60 * RATE), written = 0, quarter = total / 4;
    static float L[CHUNK], R[CHUNK];
    static char text[1 << 16];
    uint64_t hash = 1469598103934665603ULL;
    long nan = 0, over = 0, evals = 0, rejected = 0, commands = 0;
    double peak = 0;
    size_t heap_q = 0;
    int bar = 0;
    while (written < total) {
        /* a block (or a command) on every bar line, as the live horizon meets it */
        uint64_t next_bar = session_frame_of(S, rat_int(bar));
        if (next_bar <= written + CHUNK) {
            session_advance_to(S, rat_int(bar));
            if (bar > 0 && rnd(16) == 0) {
                static const char *cmds[] = {"hush", "stop", "undo", "mute", "unmute"};
                const char *c = cmds[rnd(5)];
                char name[16];
                snprintf(name, sizeof name, "t%u", rnd(NTRACKS));
                Err e = {0};
                session_command(S, c, strcmp(c, "hush") ? name : NULL, &e);
                commands++;
            } else {
                block(text, sizeof text, bar);
                Err e = {0};
                if (!session_eval(S, "<soak>", text, strlen(text), ".", &e)) rejected++;
                evals++;
            }
            bar++;
        }
        uint64_t n = total - written < CHUNK ? total - written : CHUNK;
        uint64_t to_bar = session_frame_of(S, rat_int(bar));
        if (to_bar > written && to_bar - written < n) n = to_bar - written;
        session_advance(S, written + n);
        uint64_t pending = session_pending_frame(S);
        if (pending < written + n) n = pending > written ? pending - written : 1;
        audio_render(audio, L, R, (int)n, NULL);
        for (uint64_t i = 0; i < n; i++) {
            if (!isfinite(L[i]) || !isfinite(R[i])) nan++;
            double m = fmax(fabs(L[i]), fabs(R[i]));
            if (m > 1.0) over++;
            if (m > peak) peak = m;
        }
        float inter[2 * CHUNK];
        for (uint64_t i = 0; i < n; i++) inter[2 * i] = L[i], inter[2 * i + 1] = R[i];
        hash = fnv(hash, inter, 2 * n);
        written += n;
        session_collect(S);
        if (!heap_q && written >= quarter) heap_q = live_bytes(S);
    }
    size_t heap_end = live_bytes(S);
    session_log(S, "end %llu", (unsigned long long)written);
    session_free(S);
    fclose(log);

    /* the log it wrote replays to the same samples */
    Script sc;
    Err e2 = {0};
    char out[] = "/tmp/tala-soak-replay-XXXXXX.wav";
    int ofd = mkstemps(out, 4);
    close(ofd);
    bool replayed = script_load(logpath, &sc, &e2);
    uint64_t rhash = 1469598103934665603ULL;
    if (replayed) {
        RenderOpts o = {.rate = RATE, .seconds = (double)written / RATE, .format = "wav"};
        RenderReport rep = {0};
        int saved = dup(2); /* the replay repeats the set's errors on stderr: not ours to show */
        if (!freopen("/dev/null", "w", stderr)) {
        }
        replayed = engine_replay(&sc, out, &o, &rep, &e2);
        fflush(stderr);
        dup2(saved, 2);
        close(saved);
        script_free(&sc);
        SF_INFO info = {0};
        SNDFILE *sf = replayed ? sf_open(out, SFM_READ, &info) : NULL;
        static float buf[2 * CHUNK];
        for (sf_count_t got; sf && (got = sf_readf_float(sf, buf, CHUNK)) > 0;)
            rhash = fnv(rhash, buf, (size_t)got * 2);
        if (sf) sf_close(sf);
    }
    unlink(out);
    unlink(logpath);
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);

    printf("soak: %.1f min of audio, %d bars, %ld evaluations (%ld rejected), %ld commands\n",
           written / (double)RATE / 60, bar, evals, rejected, commands);
    printf("soak: peak %.4f (%.2f dBFS), %ld samples above 0 dBFS, %ld non-finite\n", peak,
           20 * log10(peak > 0 ? peak : 1e-9), over, nan);
    printf("soak: live heap %.2f MB at the first quarter, %.2f MB at the end; peak RSS %.1f MB\n",
           heap_q / 1e6, heap_end / 1e6, ru.ru_maxrss / 1024.0);
    printf("soak: replay of its log %s\n", !replayed       ? "FAILED"
                                           : rhash == hash ? "bit-exact"
                                                           : "DIFFERS");
    int pass = 0, fail = 0;
#define CHECK(c, what)                                                                             \
    do {                                                                                           \
        if (c)                                                                                     \
            pass++;                                                                                \
        else                                                                                       \
            fail++, printf("FAIL %s\n", what);                                                     \
    } while (0)
    CHECK(nan == 0, "non-finite samples");
    CHECK(over == 0, "samples above 0 dBFS");
    CHECK(rejected < evals, "every evaluation rejected");
    CHECK(heap_end <= heap_q + heap_q / 10 + 65536, "the live heap grew more than 10 %");
    CHECK(replayed && rhash == hash, "the log does not replay bit-exact");
    printf("%d passed, %d failed\n", pass, fail);
    return fail ? 1 : 0;
}
