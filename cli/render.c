/*
 * render.c - `tala render FILE -o OUT.wav [--bars N | --seconds S]
 *            [--rate R] [--format wav|flac|ogg|mp3] [--tempo BPM] [--voices N]
 *            [--stems DIR]` and `tala render --pattern 'EXPR' ...`:
 * offline, faster than real time, deterministic (same input, same bytes).
 */
#include "cli.h"

#include "../engine/engine.h"
#include "../engine/plot.h"
#include "../engine/session.h"
#include "../engine/soundlib.h"
#include "../lang/mini.h"
#include "../stdlib/lib.h"
#include "../lang/eval.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <math.h>
#include <sys/stat.h>

static int usage(void) {
    fprintf(
        stderr,
        "usage: tala render FILE -o OUT.wav [--bars N | --seconds S] [--rate 48000]\n"
        "                   [--format wav|flac|ogg|mp3] [--tempo BPM] [--voices N] [--stems DIR]\n"
        "                   [--midi OUT.mid] [--lufs TARGET] [--true-peak DBTP] [--bits "
        "16|24|32f]\n"
        "                   [--bypass-master] [--no-loudness] [--plot OUT.png [--plot-size "
        "1200x720]]\n"
        "       tala render --pattern 'EXPR' -o OUT.wav [options]\n");
    return EXIT_USAGE;
}

#define num_arg cli_num_arg

static void report(const char *out, const RenderOpts *o, const RenderReport *rep) {
    double rate = o->rate;
    fprintf(stderr,
            "tala: wrote %s: %.3f s, %d track%s, %llu voices (%llu stolen), peak %.1f dBFS, "
            "RMS %.1f dBFS\n",
            out, (double)rep->frames / rate, rep->tracks, rep->tracks == 1 ? "" : "s",
            (unsigned long long)rep->audio.voices_started,
            (unsigned long long)rep->audio.voices_stolen,
            rep->peak > 0 ? 20 * log10(rep->peak) : -INFINITY,
            rep->rms > 0 ? 20 * log10(rep->rms) : -INFINITY);
    /* EBU R128, as libebur128 measures the file's samples (not asked for: no line) */
    if (!o->no_loudness)
        fprintf(stderr, "tala: loudness %.1f LUFS integrated, range %.1f LU, true peak %.1f dBTP\n",
                isnan(rep->lufs) || rep->lufs < -200 ? -INFINITY : rep->lufs, rep->lra,
                isnan(rep->true_peak) ? -INFINITY : rep->true_peak);
    if (rep->passes || rep->reduction_db > 0 || rep->gain_db != 0)
        fprintf(stderr,
                "tala: mastered: gain %+.2f dB into the true-peak limiter, which took up to "
                "%.1f dB\n",
                rep->gain_db, rep->reduction_db);
    if (!isnan(o->lufs) && !(fabs(rep->lufs - o->lufs) <= 0.5))
        fprintf(stderr,
                "tala: warning: %.1f LUFS was not reached: with its true peak at %.1f dBTP the "
                "mix measures %.1f LUFS%s\n",
                o->lufs, o->ceiling, rep->lufs,
                rep->lufs < o->lufs ? " (less limiting: a lower target or a higher --true-peak)"
                                    : "");
    if (rep->audio.voices_killed)
        fprintf(stderr, "tala: warning: %llu voices produced NaN or infinity and were silenced\n",
                (unsigned long long)rep->audio.voices_killed);
}

static bool make_stems_dir(const char *dir) {
    struct stat st;
    if (dir && stat(dir, &st) != 0 && mkdir(dir, 0777) != 0) {
        fprintf(stderr, "tala: cannot create %s\n", dir);
        return false;
    }
    return true;
}

/* The options render and replay share: --bits, --lufs, --true-peak,
 * --bypass-master and --no-loudness. 1: taken (with its value, *i moved past it), 0: not one
 * of them, -1: a usage error (said). */
static int master_arg(const char *a, const char *v, int *i, RenderOpts *o) {
    if (!strcmp(a, "--bits")) {
        if (!v || (strcmp(v, "16") && strcmp(v, "24") && strcmp(v, "32f") && strcmp(v, "32"))) {
            fprintf(stderr, "tala: --bits takes 16, 24 or 32f\n");
            return -1;
        }
        o->bits = atoi(v), (*i)++;
    } else if (!strcmp(a, "--lufs")) {
        if (!num_arg(a, v, -70, 0, &o->lufs)) return -1;
        o->limit = true, (*i)++;
    } else if (!strcmp(a, "--true-peak")) {
        if (!num_arg(a, v, -20, 0, &o->ceiling)) return -1;
        o->limit = true, (*i)++;
    } else if (!strcmp(a, "--bypass-master")) {
        o->bypass_master = true;
    } else if (!strcmp(a, "--no-loudness")) {
        o->no_loudness = true;
    } else {
        return 0;
    }
    return 1;
}

/* --plot OUT.png [--plot-size WxH]: a picture of the file written. */
typedef struct {
    const char *path;
    int width, height;
} Plot;

/* 1: a plot option taken, 0: not one, -1: a usage error (said). */
static int plot_arg(const char *a, const char *v, int *i, Plot *p) {
    if (!strcmp(a, "--plot")) {
        if (!v) {
            fprintf(stderr, "tala: --plot needs a file name: --plot OUT.png\n");
            return -1;
        }
        p->path = v, (*i)++;
    } else if (!strcmp(a, "--plot-size")) {
        char x;
        if (!v || sscanf(v, "%d%c%d", &p->width, &x, &p->height) != 3 || x != 'x' ||
            p->width < 320 || p->height < 240 || p->width > 8192 || p->height > 8192) {
            fprintf(stderr, "tala: --plot-size takes WIDTHxHEIGHT, 320x240 to 8192x8192 "
                            "(default 1200x720)\n");
            return -1;
        }
        (*i)++;
    } else {
        return 0;
    }
    return 1;
}

/* Draws the file written (after the report); false when it cannot. */
static bool plot(const char *out, const Plot *p) {
    if (!p->path) return true;
    PlotReport rep;
    char why[1200];
    if (!engine_plot(out, p->path, p->width, p->height, &rep, why, sizeof why)) {
        fprintf(stderr, "tala: %s\n", why);
        return false;
    }
    fprintf(stderr, "tala: plotted %s: %dx%d, waveform, spectrogram and loudness of %.1f s\n",
            p->path, rep.width, rep.height, rep.seconds);
    return true;
}

/* What the mastering options say together, checked with the output's format. */
static bool master_check(const RenderOpts *o) {
    char why[256];
    if (o->limit && o->bypass_master) {
        fprintf(stderr, "tala: --bypass-master renders the pre-master mix: it is not mastered "
                        "(leave out --lufs and --true-peak)\n");
        return false;
    }
    if (o->limit && o->no_loudness) {
        fprintf(stderr, "tala: --lufs and --true-peak measure the loudness: leave out "
                        "--no-loudness\n");
        return false;
    }
    if (!engine_sound_bits(o->format, o->bits, why, sizeof why)) {
        fprintf(stderr, "tala: %s\n", why);
        return false;
    }
    return true;
}

/* The output's format from its extension and --format (a usage error when
 * they disagree or tala cannot write it); stems take the same. */
static bool out_format(const char *out, const char **format) {
    char why[256];
    if (engine_sound_format(out, *format, format, why, sizeof why)) return true;
    fprintf(stderr, "tala: %s\n", why);
    return false;
}

int cli_render(int argc, char **argv) {
    RenderOpts o = {.rate = 48000, .format = NULL, .stems = NULL, .ceiling = -1, .lufs = NAN};
    /* a render drains the event ring every block: a small one keeps its memory small (a
     * full ring holds events back, it does not drop them) */
    SessionOpts so = {.voices = 2048, .max_events = 4096, .quiet = true, .safe = cli_safe};
    const char *file = NULL, *out = NULL, *pattern = NULL;
    bool have_len = false;
    Plot pl = {.width = 1200, .height = 720};
    for (int i = 0; i < argc; i++) {
        const char *a = argv[i], *v = i + 1 < argc ? argv[i + 1] : NULL;
        double x;
        int m = master_arg(a, v, &i, &o);
        if (m == 0) m = plot_arg(a, v, &i, &pl);
        if (m < 0) return EXIT_USAGE;
        if (m > 0) continue;
        if (!strcmp(a, "-o") || !strcmp(a, "--output")) {
            if (!v) return usage();
            out = argv[++i];
        } else if (!strcmp(a, "--bars")) {
            if (!num_arg(a, v, 0.001, 1e6, &o.bars)) return EXIT_USAGE;
            have_len = true, i++;
        } else if (!strcmp(a, "--seconds")) {
            if (!num_arg(a, v, 0.001, 1e6, &o.seconds)) return EXIT_USAGE;
            have_len = true, i++;
        } else if (!strcmp(a, "--rate")) {
            if (!num_arg(a, v, 8000, 384000, &o.rate)) return EXIT_USAGE;
            i++;
        } else if (!strcmp(a, "--tempo")) {
            if (!num_arg(a, v, 1, 10000, &so.tempo)) return EXIT_USAGE;
            i++;
        } else if (!strcmp(a, "--voices")) {
            if (!num_arg(a, v, 1, 100000, &x)) return EXIT_USAGE;
            so.voices = (int)x, i++;
        } else if (!strcmp(a, "--format")) {
            if (!v) return usage();
            o.format = argv[++i];
        } else if (!strcmp(a, "--samples")) {
            if (!v) return usage();
            so.samples = argv[++i];
        } else if (!strcmp(a, "--stems")) {
            if (!v) return usage();
            o.stems = argv[++i];
        } else if (!strcmp(a, "--midi")) {
            if (!v) return usage();
            o.midi = argv[++i];
        } else if (!strcmp(a, "--pattern")) {
            if (!v) return usage();
            pattern = argv[++i];
        } else if (a[0] == '-' && a[1]) {
            fprintf(stderr, "tala render: unknown option '%s'\n", a);
            return usage();
        } else if (!file) {
            file = a;
        } else {
            return usage();
        }
    }
    if (!out || (!file && !pattern) || (file && pattern)) return usage();
    if (!out_format(out, &o.format) || !master_check(&o)) return EXIT_USAGE;
    if (!make_stems_dir(o.stems)) return EXIT_ENV;
    so.rate = o.rate;
    Err err = {0};
    Session *S = session_new(&so, &err);
    if (!S) {
        err_print(stderr, &err);
        return err.at.src ? EXIT_USER : EXIT_ENV;
    }
    Vm *vm = session_vm(S);
    bool ok;
    if (pattern) {
        Value pat;
        ok = eval_expr(vm, "<pattern>", pattern, strlen(pattern), &pat, &err) &&
             session_play_pattern(S, pat, &err);
    } else {
        size_t len;
        char *text = cli_read_file(file, &len);
        if (!text) {
            session_free(S);
            return EXIT_USER;
        }
        char base[1024];
        cli_folder_of(file, base, sizeof base);
        ok = session_eval(S, file, text, len, base, &err);
        free(text);
    }
    if (!have_len) { /* an arrangement's length: one pass of the song; else 4 bars */
        Section sec[64];
        Rat total;
        int n = session_sections(S, sec, 64, &total);
        o.bars = total.num > 0 ? rat_to_double(total) : 4;
        if (ok && total.num > 0) {
            fprintf(stderr, "tala: rendering the arrangement: %g cycles in %d section%s (", o.bars,
                    n, n == 1 ? "" : "s");
            for (int i = 0; i < n; i++)
                fprintf(stderr, "%s%s", i ? ", " : "", sec[i].name ? sec[i].name : "-");
            fprintf(stderr, ")\n");
        }
    }
    RenderReport rep = {0};
    ok = ok && engine_render(S, out, &o, NULL, &rep, &err);
    if (!ok)
        err_print(stderr, &err);
    else
        report(out, &o, &rep);
    session_free(S);
    if (ok && !plot(out, &pl)) return EXIT_ENV;
    return ok ? EXIT_OK : EXIT_USER;
}

/* tala replay LOG -o OUT.wav [--bars N | --seconds S] [--format wav|flac|ogg|mp3]
 * [--stems DIR]: renders a recorded session, evaluations on their cycles. */
int cli_replay(int argc, char **argv) {
    RenderOpts o = {.format = NULL, .ceiling = -1, .lufs = NAN};
    const char *log = NULL, *out = NULL;
    Plot pl = {.width = 1200, .height = 720};
    for (int i = 0; i < argc; i++) {
        const char *a = argv[i], *v = i + 1 < argc ? argv[i + 1] : NULL;
        int m = master_arg(a, v, &i, &o);
        if (m == 0) m = plot_arg(a, v, &i, &pl);
        if (m < 0) return EXIT_USAGE;
        if (m > 0) continue;
        if ((!strcmp(a, "-o") || !strcmp(a, "--output")) && v) {
            out = argv[++i];
        } else if (!strcmp(a, "--bars")) {
            if (!num_arg(a, v, 0.001, 1e6, &o.bars)) return EXIT_USAGE;
            i++;
        } else if (!strcmp(a, "--seconds")) {
            if (!num_arg(a, v, 0.001, 1e6, &o.seconds)) return EXIT_USAGE;
            i++;
        } else if (!strcmp(a, "--format") && v) {
            o.format = argv[++i];
        } else if (!strcmp(a, "--stems") && v) {
            o.stems = argv[++i];
        } else if (!strcmp(a, "--midi") && v) {
            o.midi = argv[++i];
        } else if (a[0] != '-' && !log) {
            log = a;
        } else {
            fprintf(stderr,
                    "usage: tala replay SESSION.tala-session -o OUT.wav [--bars N | "
                    "--seconds S] [--format wav|flac|ogg|mp3] [--stems DIR] [--midi OUT.mid]\n"
                    "       [--lufs TARGET] [--true-peak DBTP] [--bits 16|24|32f] "
                    "[--bypass-master] [--no-loudness] [--plot OUT.png]\n");
            return EXIT_USAGE;
        }
    }
    if (!log || !out) {
        fprintf(stderr, "usage: tala replay SESSION.tala-session -o OUT.wav [--bars N | "
                        "--seconds S] [--format wav|flac|ogg|mp3] [--stems DIR] [--midi OUT.mid]\n"
                        "       [--lufs TARGET] [--true-peak DBTP] [--bits 16|24|32f] "
                        "[--bypass-master] [--no-loudness] [--plot OUT.png]\n");
        return EXIT_USAGE;
    }
    if (!out_format(out, &o.format) || !master_check(&o)) return EXIT_USAGE;
    if (!make_stems_dir(o.stems)) return EXIT_ENV;
    Script sc;
    Err err = {0};
    if (!script_load(log, &sc, &err)) {
        err_print(stderr, &err);
        return EXIT_USER;
    }
    if (sc.cut_line)
        fprintf(stderr,
                "tala: note: %s was cut at line %d (the session stopped while writing it); "
                "replaying what came before\n",
                log, sc.cut_line);
    if (o.bars <= 0 && o.seconds <= 0) {
        if (sc.end)
            o.seconds = (double)sc.end / sc.rate;
        else if (sc.reached) { /* no end: the session was killed; replay to where it got */
            o.seconds = (double)sc.reached / sc.rate;
            fprintf(stderr,
                    "tala: note: the session has no end record; replaying the %.1f s it "
                    "reached\n",
                    o.seconds);
        } else
            o.bars = sc.n ? rat_to_double(sc.items[sc.n - 1].at) + 4 : 4;
    }
    if (sc.nlates)
        fprintf(stderr,
                "tala: note: %d notes reached the audio side late in the live run; the replay "
                "plays them where they were heard\n",
                sc.nlates);
    for (int i = 0; i < sc.nlibraries; i++) { /* the same sounds here? */
        char pkg[128], now[200];
        snprintf(pkg, sizeof pkg, "%.*s", (int)strcspn(sc.libraries[i], " "), sc.libraries[i]);
        soundlib_version(pkg, now, sizeof now);
        if (strcmp(now, sc.libraries[i]))
            fprintf(stderr,
                    "tala: warning: the session played %s; here it is %s: the replay's sounds "
                    "from it may differ from what was heard\n",
                    sc.libraries[i], now);
    }
    RenderReport rep = {0};
    o.safe = cli_safe;
    bool ok = engine_replay(&sc, out, &o, &rep, &err);
    if (!ok)
        err_print(stderr, &err);
    else
        report(out, &o, &rep);
    script_free(&sc);
    if (ok && !plot(out, &pl)) return EXIT_ENV;
    return ok ? EXIT_OK : EXIT_USER;
}
