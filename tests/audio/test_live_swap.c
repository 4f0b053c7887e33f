/*
 * test_live_swap.c - live sessions, scripted: swaps land on their bar line
 * (or the track's quantum), failed evaluations change nothing, a later
 * error falls back, chains crossfade, removed tracks fade out, tempo
 * changes do not drift; callbacks of any size give the same samples and a
 * log replays to the performance, bit for bit.
 */
#include "render_support.h"

/* ---- live sessions, scripted: swaps, errors, replay ---- */

static const char *HEAD = "tala-session 1\nopts rate 48000 voices 256 tempo 120\n";
#define DRUMS_A "drums = s(\"bd*4, hh*8\")\n"
#define DRUMS_B "drums = s(\"bd*2 sn, hh*16\")\n"

static void assert_same(const Audio *a, const Audio *b, const char *what) {
    assert_int_equal(a->n, b->n);
    for (long i = 0; i < a->n; i++)
        if (a->l[i] != b->l[i] || a->r[i] != b->r[i])
            fail_msg("%s: frame %ld differs (%g vs %g)", what, i, a->l[i], b->l[i]);
}

static double max_step(const Audio *a, long from, long to) {
    double m = 0;
    for (long i = from > 1 ? from : 1; i < to && i < a->n; i++) {
        double d = fabs(a->l[i] - a->l[i - 1]);
        if (d > m) m = d;
    }
    return m;
}

/* A swap typed at cycle 7/4 takes effect on the next bar line (cycle 2,
 * frame 192000 at 120 BPM), exactly: the render equals, bit for bit, one
 * where the change was written into the pattern itself. */
static void test_swap_lands_on_the_bar(void **st) {
    char script[512];
    snprintf(script, sizeof script, "%seval 7/4 1 - <repl>\n" DRUMS_B, HEAD);
    Audio swapped = render_script(DRUMS_A "play drums\n", NULL, 120, 4, script);
    Audio planned = render("drums = s(\"<[bd*4, hh*8] [bd*4, hh*8] [bd*2 sn, hh*16]>\")\n"
                           "play drums\n",
                           NULL, 120, 4);
    Audio before = render(DRUMS_A "play drums\n", NULL, 120, 4);
    /* cycles 0-1 are A, 2 is B: compare the first three bars */
    planned.n = swapped.n = before.n = 3 * 96000;
    assert_same(&swapped, &planned, "swap vs written-out change");
    for (long i = 0; i < 192000; i++) assert_true(swapped.l[i] == before.l[i]);
    bool differs = false;
    for (long i = 192000; i < swapped.n && !differs; i++) differs = swapped.l[i] != before.l[i];
    assert_true(differs);
    print_message("swap: max step around the bar line %.4f (no swap: %.4f)\n",
                  max_step(&swapped, 192000 - 2400, 192000 + 2400),
                  max_step(&before, 192000 - 2400, 192000 + 2400));
    audio_done(&swapped);
    audio_done(&planned);
    audio_done(&before);
}

/* A track's quantum: mix NAME { quant: 2 } swaps on a 2-bar boundary,
 * quant: "now" right at the horizon. */
static void test_quantum_per_track(void **st) {
    char script[512];
    snprintf(script, sizeof script, "%seval 5/4 2 - <repl>\nmix drums { quant: 2 }\n" DRUMS_B,
             HEAD);
    Audio two = render_script(DRUMS_A "play drums\n", NULL, 120, 3, script);
    Audio planned = render("drums = s(\"<[bd*4, hh*8] [bd*4, hh*8] [bd*2 sn, hh*16]>\")\n"
                           "play drums\n",
                           NULL, 120, 3);
    assert_same(&two, &planned, "quant 2: from bar 3");
    audio_done(&two);
    audio_done(&planned);
    snprintf(script, sizeof script, "%seval 1/2 2 - <repl>\nmix drums { quant: \"now\" }\n" DRUMS_B,
             HEAD);
    Audio now = render_script(DRUMS_A "play drums\n", NULL, 120, 1, script);
    Audio a = render(DRUMS_A "play drums\n", NULL, 120, 1);
    Audio b = render(DRUMS_B "play drums\n", NULL, 120, 1);
    for (long i = 0; i < 48000; i++) assert_true(now.l[i] == a.l[i]);
    /* from the half bar on, B's notes: B's snare (at 2/3) is there */
    assert_true(rms(now.l, 64000, 70000) > 0.5 * rms(b.l, 64000, 70000));
    assert_true(rms(a.l, 64000, 70000) < 0.5 * rms(b.l, 64000, 70000));
    audio_done(&now);
    audio_done(&a);
    audio_done(&b);
}

/* A syntax error, an error while running the block (after it assigned
 * drums), and an error in the dry run all leave the output untouched. */
static void test_failed_evaluations_change_nothing(void **st) {
    char script[1024];
    snprintf(script, sizeof script,
             "%s"
             "eval 5/4 1 - <repl>\ndrums = s(\"bd*2 sn\").oops(\n"
             "eval 9/4 2 - <repl>\ndrums = s(\"sn*8\")\ntempo \"fast\"\n"
             "eval 11/4 1 - <repl>\ndrums = s(\"bd*2\").every(\"<1 0>\", rev)\n",
             HEAD);
    Audio with = render_script(DRUMS_A "play drums\n", NULL, 120, 5, script);
    Audio without = render(DRUMS_A "play drums\n", NULL, 120, 5);
    assert_same(&with, &without, "failed evaluations");
    audio_done(&with);
    audio_done(&without);
}

/* Code that passes its dry run (cycles 2-3) but fails on cycle 4 falls
 * back to the track's previous code from that cycle on. */
static void test_later_error_falls_back(void **st) {
    char script[1024];
    snprintf(script, sizeof script,
             "%seval 7/4 1 - <repl>\ndrums = s(\"bd*2 sn\").every(\"<1 1 1 1 0>\", rev)\n", HEAD);
    Audio failing = render_script(DRUMS_A "play drums\n", NULL, 120, 6, script);
    snprintf(
        script, sizeof script,
        "%seval 7/4 1 - <repl>\ndrums = s(\"bd*2 sn\").every(1, rev)\neval 4 1 - <repl>\n" DRUMS_A,
        HEAD);
    Audio planned = render_script(DRUMS_A "play drums\n", NULL, 120, 6, script);
    assert_same(&failing, &planned, "fallback");
    audio_done(&failing);
    audio_done(&planned);
}

/* An effect chain of another shape crossfades (no jump); tempo changes at
 * the next bar line. */
static void test_chain_swap_crossfades(void **st) {
    const char *prog = "synth tone(freq, gate) = sine(freq) * 0.5\n"
                       "x = note(\"c6\").s(\"tone\")\nplay x\nmaster = lpf(8000)\n";
    char script[512];
    snprintf(script, sizeof script, "%seval 3/2 1 - <repl>\nmaster = hpf(300).crush(4)\n", HEAD);
    Audio swapped = render_script(prog, NULL, 120, 3, script);
    Audio plain = render(prog, NULL, 120, 3);
    /* the largest step either chain makes on its own */
    double natural = fmax(max_step(&plain, 96000, 192000), max_step(&swapped, 200000, 280000));
    double at = max_step(&swapped, 192000 - 64, 192000 + 2000);
    print_message("chain swap: max step %.4f, the chains' own %.4f\n", at, natural);
    assert_true(at <= natural);
    for (long i = 0; i < 192000 - 64; i++) assert_true(swapped.l[i] == plain.l[i]);
    /* after the 20 ms crossfade the new chain alone: crushed to 4 bits */
    assert_true(fabs(swapped.l[200000] - plain.l[200000]) > 1e-4 ||
                fabs(swapped.l[200001] - plain.l[200001]) > 1e-4);
    audio_done(&swapped);
    audio_done(&plain);
}

/* Re-evaluating the same file changes nothing audible; :undo goes back to
 * the previous code on the next bar. */
static void test_same_code_again_and_undo(void **st) {
    const char *prog =
        DRUMS_A "bass = note(\"c2 ~ eb2 g2\").s(\"bass\")\nbus verb = "
                "reverb(size: 0.6)\nmix bass { send: { verb: 0.3 } }\nplay drums, bass\n";
    char script[2048];
    snprintf(script, sizeof script, "%seval 7/4 5 - again.tala\n%s", HEAD, prog);
    Audio again = render_script(prog, NULL, 120, 4, script);
    Audio once = render(prog, NULL, 120, 4);
    assert_same(&again, &once, "the same file evaluated twice");
    audio_done(&again);
    /* B from bar 2, then :undo typed at 9/4: A again from bar 3 */
    snprintf(script, sizeof script, "%seval 7/4 1 - <repl>\n" DRUMS_B "cmd 9/4 undo drums\n", HEAD);
    Audio undone = render_script(prog, NULL, 120, 4, script);
    snprintf(script, sizeof script, "%seval 7/4 1 - <repl>\n" DRUMS_B "eval 3 1 - <repl>\n" DRUMS_A,
             HEAD);
    Audio planned = render_script(prog, NULL, 120, 4, script);
    assert_same(&undone, &planned, "undo");
    audio_done(&undone);
    audio_done(&planned);
    audio_done(&once);
}

/* A track taken out of `play` stops at the bar and what still sounds of it
 * fades out over a beat (24000 frames at 120 BPM), then silence. */
static void test_removed_track_fades_out(void **st) {
    const char *prog = "synth tone(freq, gate) = sine(freq) * 0.5\n"
                       "pad = note(\"c4\").s(\"tone\").slow(4)\nplay pad\n";
    char script[512];
    snprintf(script, sizeof script, "%seval 7/4 2 - <repl>\nx = s(\"~\")\nplay x\n", HEAD);
    Audio cut = render_script(prog, NULL, 120, 3, script);
    Audio full = render(prog, NULL, 120, 3);
    for (long i = 0; i < 192000; i++) assert_true(cut.l[i] == full.l[i]);
    double before = rms(full.l, 192000 + 6000, 192000 + 9000);
    double fading = rms(cut.l, 192000 + 6000, 192000 + 9000);
    double later = rms(cut.l, 192000 + 18000, 192000 + 21000);
    print_message("fade: %.3f of the level a quarter into the beat, %.3f at three quarters\n",
                  fading / before, later / before);
    assert_true(fading / before > 0.6 && fading / before < 0.8);
    assert_true(later / before > 0.1 && later / before < 0.3);
    for (long i = 192000 + 24000; i < cut.n; i++) assert_true(cut.l[i] == 0);
    audio_done(&cut);
    audio_done(&full);
}

/* Found in review: a track played twice is one track; :undo brings a
 * track taken out of play back at full level; a strip change waiting for
 * a later bar moves with a tempo change that lands before it. */
static void test_review_fixes(void **st) {
    Audio once = render(DRUMS_A "play drums\n", NULL, 120, 1);
    Audio twice = render(DRUMS_A "play drums, drums\n", NULL, 120, 1);
    assert_same(&once, &twice, "play a, a");
    audio_done(&twice);
    /* out of play at bar 2 (fading), :undo at 9/4: back from bar 3, as if never gone */
    char script[1024];
    snprintf(script, sizeof script,
             "%seval 7/4 2 - <repl>\nx = s(\"~\")\nplay x\ncmd 9/4 undo drums\n", HEAD);
    Audio back = render_script(DRUMS_A "play drums\n", NULL, 120, 4, script);
    Audio full = render(DRUMS_A "play drums\n", NULL, 120, 4);
    double a = rms(back.l, 3 * 96000, 4 * 96000), b = rms(full.l, 3 * 96000, 4 * 96000);
    print_message("after :undo: %.2f dB of the level it had\n", 20 * log10(a / b));
    assert_true(fabs(20 * log10(a / b)) < 0.5);
    audio_done(&back);
    audio_done(&full);
    /* mute waiting for bar 5 (quant 4), then tempo 60 from bar 2: the mute
     * lands on bar 5's new frame (96000 + 3 * 192000), not its old one */
    snprintf(
        script, sizeof script,
        "%seval 1/4 1 - <repl>\nmix drums { quant: 4, mute: 1 }\neval 1/2 1 - <repl>\ntempo 60\n",
        HEAD);
    Audio slow = render_script(DRUMS_A "play drums\n", NULL, 120, 8, script); /* 8 bars of 120 */
    long bar5 = 96000 + 3 * 192000;
    assert_true(rms(slow.l, bar5 - 60000, bar5 - 64) > 0.01); /* its last beat: a kick, hats */
    assert_true(rms(slow.l, bar5 + 64 + 48000, bar5 + 96000) == 0);
    audio_done(&slow);
    audio_done(&once);
}

/* Tempo changes typed mid-bar start on the next bar line, on the frame that
 * bar line had; any number of them leave every onset where the map says. */
static void test_tempo_changes_do_not_drift(void **st) {
    const double bpm[] = {133, 97.5, 140, 121, 89, 133};
    char script[2048];
    int used = snprintf(script, sizeof script, "%s", HEAD);
    for (int k = 0; k < 6; k++)
        used += snprintf(script + used, sizeof script - (size_t)used,
                         "eval %d/2 1 - <repl>\ntempo %g\n", 2 * k + 1, bpm[k]);
    char prog[256];
    snprintf(prog, sizeof prog, "%sx = note(\"a4\").s(\"blip\")\nplay x\n", BLIP);
    Audio all = render_script(prog, NULL, 120, 7, script);
    Audio lone = render(prog, NULL, 120, 1);
    long len = (long)(0.0045 * 48000) + 2;
    /* the map: bar k+1 starts on round(start of bar k + 240 / bpm_k * rate) */
    double start = 0, tempo = 120;
    for (int bar = 0; bar < 7; bar++) {
        long f = (long)start;
        if (f > 0) assert_true(all.l[f - 1] == 0.0f);
        for (long i = 0; i < len; i++)
            if (all.l[f + i] != lone.l[i])
                fail_msg("bar %d: the hit is not on frame %ld", bar + 1, f);
        start = floor(start + 240.0 / tempo * 48000 + 0.5);
        if (bar < 6) tempo = bpm[bar];
    }
    audio_done(&all);
    audio_done(&lone);
}

/* A performance driven like the live path: a callback of 256 frames, the
 * horizon `ahead` frames past the audio (0: notes arrive late), blocks
 * typed while it plays. Returns what the callback computed; the log is
 * left in logp. */
static Audio perform(long ahead, char *logp) {
    FILE *log = fopen(logp, "w");
    Err err = {0};
    SessionOpts so = {.rate = 48000, .voices = 256, .tempo = 120, .quiet = true, .log = log};
    Session *S = session_new(&so, &err);
    assert_non_null(S);
    const char *prog = DRUMS_A "bass = note(\"c2 ~ eb2 g2\").s(\"bass\")\nplay drums, bass\n";
    assert_true(session_eval(S, "set.tala", prog, strlen(prog), NULL, &err));
    const char *blocks[] = {DRUMS_B, "tempo 133\n", "bass = note(\"c2 c3\").s(\"bass\")\n",
                            "bus verb = reverb(size: 0.7)\nmix bass { send: { verb: 0.4 } }\n",
                            "play drums\n"};
    const long when[] = {60000, 101234, 150001, 190000, 260000}; /* frames it was typed on */
    const long buf = 256, total = 1172 * buf;
    Audio live = {malloc(sizeof(float) * total), malloc(sizeof(float) * total), total};
    AudioEngine *a = session_audio(S);
    int k = 0;
    for (long f = 0; f < total; f += buf) {
        if (k < 5 && f >= when[k]) {
            assert_true(session_eval(S, "<repl>", blocks[k], strlen(blocks[k]), NULL, &err));
            k++;
        }
        if (f == 230144) assert_true(session_command(S, "mute", "drums", &err));
        session_advance(S, (uint64_t)(f + ahead));
        audio_render(a, live.l + f, live.r + f, (int)buf, NULL);
    }
    session_collect(S);
    session_log(S, "end %ld", total);
    if (ahead == 0) assert_true(audio_stats(a).events_late > 0);
    session_free(S);
    fclose(log);
    return live;
}

/* The same program played through callbacks of any size computes the same
 * samples, bit for bit: a device's buffer (or a render cut short at a
 * pending note) must not change the sound, or a replay would not equal the
 * performance. Voices starting mid-block, a reverb bus and the notes' shared
 * reverb, filters, a note's vowel and coarse, and a voice that goes
 * non-finite (it stops on the same sample whatever the split). */
static Audio play_in_buffers(const char *prog, const long *bufs, int nbufs, long total) {
    Err err = {0};
    SessionOpts so = {.rate = 48000, .voices = 256, .tempo = 120, .quiet = true};
    Session *S = session_new(&so, &err);
    assert_non_null(S);
    if (!session_eval(S, "split.tala", prog, strlen(prog), NULL, &err)) fail_msg("%s", err.msg);
    Audio out = {malloc(sizeof(float) * total), malloc(sizeof(float) * total), total};
    AudioEngine *a = session_audio(S);
    for (long f = 0, k = 0; f < total; k++) {
        long n = bufs[k % nbufs] < total - f ? bufs[k % nbufs] : total - f;
        session_advance(S, (uint64_t)(f + n + 2400)); /* notes ahead of the whole buffer */
        audio_render(a, out.l + f, out.r + f, (int)n, NULL);
        f += n;
    }
    session_free(S);
    return out;
}

/* Buffer sizes to play in: each case cycles through its sizes. */
typedef struct {
    const long *b;
    int n;
} Buffers;

/* prog played in each case's buffers gives ref's samples, bit for bit. */
static void same_in_buffers(const char *prog, const Audio *ref, const Buffers *cases, size_t n,
                            const char *label) {
    for (size_t c = 0; c < n; c++) {
        Audio x = play_in_buffers(prog, cases[c].b, cases[c].n, ref->n);
        char what[96];
        snprintf(what, sizeof what, "%sbuffers of %ld%s", label, cases[c].b[0],
                 cases[c].n > 1 ? ", ..." : "");
        assert_same(ref, &x, what);
        audio_done(&x);
    }
}

static void test_any_buffer_size_same_samples(void **st) {
    const char *prog =
        "synth bad(freq, gate) = (sine(freq) * 0.2 + line(0, 1e20, 1) * line(0, 1e20, 1) * 0)"
        " * env(0.001, 1)\n"
        "synth pad(freq, gate) = (saw(freq) * 0.1).lpf(900, 3) * adsr(0.01, 0.1, 0.6, 0.2)\n"
        "drums = s(\"bd*3, hh*7, ~ sn\").nudge(0.0013).room(0.3).size(\"1 4\")\n"
        "echo = note(\"c4 e4\").s(\"pad\").orbit(2).delay(0.5).delaytime(\"0.1 0.2\")\n"
        "keys = note(\"c3 e3 g3 b3 d4\").s(\"pad\").vowel(\"<a o>\").coarse(\"1 3\")\n"
        "oops = note(\"a4\").s(\"bad\")\n"
        /* a dozen filters at once and more: the later ones run in lanes (synth.h) */
        "swell = note(run(16).add(40)).s(\"pad\").legato(14).gain(0.3)\n"
        "bus verb = reverb(size: 0.7)\n"
        "mix keys { send: { verb: 0.5 } }\n"
        /* an LV2 plugin (x42's EQ, installed by build.sh) runs on whole blocks too */
        "mix echo { fx: lv2(\"fil4#mono\", {freq3: 800, gain3: -9}) }\n"
        "play drums, keys, oops, echo, swell\n";
    const long total = 72000;
    const long b64[] = {64}, b1[] = {1}, b7[] = {7}, b37[] = {37}, b100[] = {100}, b441[] = {441},
               b4096[] = {4096}, mixed[] = {1, 63, 65, 3, 200};
    Audio ref = play_in_buffers(prog, b64, 1, total);
    assert_true(rms(ref.l, 0, total) > 0.01);
    const Buffers cases[] = {{b1, 1},   {b7, 1},    {b37, 1},  {b100, 1},
                             {b441, 1}, {b4096, 1}, {mixed, 5}};
    same_in_buffers(prog, &ref, cases, sizeof cases / sizeof cases[0], "");
    audio_done(&ref);
}

/* The protection limiter too: a hit three times too loud over a quiet tone
 * takes the gain down, which holds, then comes back, and reaches unity on
 * the same sample whatever the buffers (it used to snap to unity at the end
 * of a block). */
static void test_any_buffer_size_same_limiter(void **st) {
    (void)st;
    const char *prog = "synth hit(freq, gate) = sine(freq) * env(0, 0.3) * 3\n"
                       "synth tone(freq, gate) = sine(freq) * 0.1\n"
                       "x = note(\"a2\").s(\"hit\")\n"
                       "y = note(\"a4\").s(\"tone\").legato(1)\nplay x, y\n";
    const long total = 240000;
    const long b64[] = {64}, b37[] = {37}, b441[] = {441}, mixed[] = {1, 63, 65, 3, 200};
    Audio ref = play_in_buffers(prog, b64, 1, total);
    float top = 0;
    for (long i = 0; i < total; i++) top = fmaxf(top, fabsf(ref.l[i]));
    assert_true(top > 0.85f && top <= 0.9f + 1e-6f); /* the limiter held it */
    const Buffers cases[] = {{b37, 1}, {b441, 1}, {mixed, 5}};
    same_in_buffers(prog, &ref, cases, sizeof cases / sizeof cases[0], "limiter, ");
    audio_done(&ref);
}

/* The log replays to the same samples, bit for bit; with notes that came
 * late too (they are logged, and the replay plays them where they were). */
static void test_replay_equals_the_performance(void **st) {
    for (long ahead = 2400; ahead >= 0; ahead -= 2400) {
        char logp[] = "/tmp/tala-test-XXXXXX.log", wav[] = "/tmp/tala-test-XXXXXX.wav";
        close(mkstemps(logp, 4));
        close(mkstemps(wav, 4));
        Audio live = perform(ahead, logp);
        Script sc;
        Err err = {0};
        RenderOpts o = {.format = "wav"};
        if (!script_load(logp, &sc, &err)) fail_msg("%s", err.msg);
        o.seconds = (double)sc.end / sc.rate;
        if (ahead == 0) assert_true(sc.nlates > 0);
        assert_true(engine_replay(&sc, wav, &o, NULL, &err));
        script_free(&sc);
        Audio replay = read_wav(wav);
        assert_same(&live, &replay, ahead ? "replay vs performance" : "replay with late notes");
        assert_true(rms(live.l, 0, live.n) > 0.01);
        unlink(logp);
        unlink(wav);
        audio_done(&live);
        audio_done(&replay);
    }
}

/* ---- keys played on a --midi-in keyboard (midiin) ---- */

#define KEYS_SOUND "s(\"sine\").attack(0.001).decay(0).sustain(1).release(0.1)"

/* A key held from frame 20000 to 44000 sounds exactly as a note of the
 * pattern with that onset and length (5/24 to 11/24 of a 96,000-frame bar),
 * though it was played at a horizon after its frame. */
static void test_key_sounds_as_a_note(void **st) {
    (void)st;
    char script[512];
    snprintf(script, sizeof script, "%skey 1/4 20000 1 69 127\nkey 1/2 44000 1 69 0\n", HEAD);
    Audio key = render_script("keys = midiin()." KEYS_SOUND "\nplay keys\n", NULL, 120, 1, script);
    Audio note = render("keys = note(\"~@5 a4@6 ~@13\")." KEYS_SOUND "\nplay keys\n", NULL, 120, 1);
    assert_same(&key, &note, "a held key against the same note in a pattern");
    assert_true(key.l[19999] == 0 && key.l[20001] != 0);
    audio_done(&key);
    audio_done(&note);
    /* with its orbit's reverb and delay, which only the key asks for */
    key = render_script("keys = midiin()." KEYS_SOUND ".room(0.4).delay(0.3)\nplay keys\n", NULL,
                        120, 1, script);
    note = render("keys = note(\"~@5 a4@6 ~@13\")." KEYS_SOUND ".room(0.4).delay(0.3)\nplay keys\n",
                  NULL, 120, 1);
    assert_same(&key, &note, "a held key with room and delay against the same note");
    assert_true(rms(key.l, 50000, 60000) > 0.01); /* the tail after the release */
    audio_done(&key);
    audio_done(&note);
}

/* Two keys 2400 frames apart, each logged at a horizon after its frame (as
 * live): both sound on their own frames, the render equals two pattern notes
 * (the replay cuts its frames at every key to come, not only the next). The
 * keys are held a whole number of 64-frame blocks: a key-up inside a block
 * the voice has already computed starts the release at that block's end
 * (at most 63 frames later), the same live and in a replay. */
static void test_close_keys_sound_on_their_frames(void **st) {
    (void)st;
    char script[512];
    snprintf(script, sizeof script,
             "%skey 27/200 9600 1 69 127\nkey 29/200 12000 1 76 127\n"
             "key 11/50 19200 1 69 0\nkey 13/50 24800 1 76 0\n",
             HEAD);
    Audio key = render_script("keys = midiin()." KEYS_SOUND "\nplay keys\n", NULL, 120, 1, script);
    Audio note =
        render("keys = note(\"~@12 a4@12 ~@96, ~@15 e5@16 ~@89\")." KEYS_SOUND "\nplay keys\n",
               NULL, 120, 1);
    assert_same(&key, &note, "two close keys against two pattern notes");
    audio_done(&key);
    audio_done(&note);
}

/* midiin(2) hears channel 2 only; velocity scales the level; the sound is
 * the pattern's at the key's moment (gain 1 in cycle 0, 0.5 in cycle 1);
 * :hush releases a key still held. */
static void test_key_channel_velocity_pattern_hush(void **st) {
    (void)st;
    char script[1024];
    snprintf(script, sizeof script,
             "%s"
             "key 1/8 4800 1 69 127\nkey 1/8 9600 1 69 0\n"     /* channel 1: not heard */
             "key 1/4 24000 2 69 127\nkey 3/8 33600 2 69 0\n"   /* full strength */
             "key 1/2 48000 2 69 64\nkey 5/8 57600 2 69 0\n"    /* velocity 64 */
             "key 9/8 100000 2 69 127\nkey 5/4 110000 2 69 0\n" /* cycle 1: gain 0.5 */
             "key 3/2 144000 2 72 127\ncmd 13/8 hush\n",        /* held, then hushed */
             HEAD);
    Audio a = render_script("keys = midiin(2)." KEYS_SOUND ".gain(\"<1 0.5>\")\nplay keys\n", NULL,
                            120, 2, script);
    assert_true(rms(a.l, 0, 24000) == 0);
    double full = rms(a.l, 25000, 33000), half_vel = rms(a.l, 49000, 57000);
    double half_gain = rms(a.l, 101000, 109000);
    assert_true(full > 0.05);
    assert_float_equal(half_vel / full, 64.0 / 127, 0.01);
    assert_float_equal(half_gain / full, 0.5, 0.01);
    /* the held key sounds until the hush (cycle 13/8, frame 156000), then fades */
    assert_true(rms(a.l, 150000, 155000) > 0.05);
    assert_true(rms(a.l, 160000, 192000) == 0);
    audio_done(&a);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_swap_lands_on_the_bar),
        cmocka_unit_test(test_key_sounds_as_a_note),
        cmocka_unit_test(test_close_keys_sound_on_their_frames),
        cmocka_unit_test(test_key_channel_velocity_pattern_hush),
        cmocka_unit_test(test_quantum_per_track),
        cmocka_unit_test(test_failed_evaluations_change_nothing),
        cmocka_unit_test(test_later_error_falls_back),
        cmocka_unit_test(test_chain_swap_crossfades),
        cmocka_unit_test(test_same_code_again_and_undo),
        cmocka_unit_test(test_removed_track_fades_out),
        cmocka_unit_test(test_review_fixes),
        cmocka_unit_test(test_tempo_changes_do_not_drift),
        cmocka_unit_test(test_replay_equals_the_performance),
        cmocka_unit_test(test_any_buffer_size_same_samples),
        cmocka_unit_test(test_any_buffer_size_same_limiter),
    };
    return cmocka_run_group_tests_name("live_swap", tests, NULL, NULL);
}
