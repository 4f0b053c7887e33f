/*
 * render.c - `tala render FILE -o OUT.wav [--bars N | --seconds S]
 *            [--rate R] [--format wav|flac] [--tempo BPM] [--voices N]
 *            [--stems DIR]` and `tala render --pattern 'EXPR' ...`:
 * offline, faster than real time, deterministic (same input, same bytes).
 */
#include "cli.h"

#include "../engine/engine.h"
#include "../lang/mini.h"
#include "../stdlib/lib.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <math.h>
#include <sys/stat.h>

static int usage(void) {
    fprintf(stderr,
            "usage: tala render FILE -o OUT.wav [--bars N | --seconds S] [--rate 48000]\n"
            "                   [--format wav|flac] [--tempo BPM] [--voices N] [--stems DIR]\n"
            "       tala render --pattern 'EXPR' -o OUT.wav [options]\n");
    return EXIT_USAGE;
}

static bool num_arg(const char *opt, const char *v, double lo, double hi, double *out) {
    char *end;
    double x = v ? strtod(v, &end) : 0;
    if (!v || *end || !(x >= lo && x <= hi)) {
        fprintf(stderr, "tala render: %s needs a number between %g and %g\n", opt, lo, hi);
        return false;
    }
    *out = x;
    return true;
}

int cli_render(int argc, char **argv) {
    RenderOpts o = {.rate = 48000,
                    .bars = 0,
                    .seconds = 0,
                    .tempo = 0,
                    .voices = 2048,
                    .format = "wav",
                    .stems = NULL};
    const char *file = NULL, *out = NULL, *pattern = NULL;
    bool have_len = false;
    for (int i = 0; i < argc; i++) {
        const char *a = argv[i], *v = i + 1 < argc ? argv[i + 1] : NULL;
        double x;
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
            if (!num_arg(a, v, 1, 10000, &o.tempo)) return EXIT_USAGE;
            i++;
        } else if (!strcmp(a, "--voices")) {
            if (!num_arg(a, v, 1, 100000, &x)) return EXIT_USAGE;
            o.voices = (int)x, i++;
        } else if (!strcmp(a, "--format")) {
            if (!v || (strcmp(v, "wav") && strcmp(v, "flac"))) {
                fprintf(stderr, "tala render: --format is wav or flac\n");
                return EXIT_USAGE;
            }
            o.format = argv[++i];
        } else if (!strcmp(a, "--samples")) {
            if (!v) return usage();
            o.samples = argv[++i];
        } else if (!strcmp(a, "--stems")) {
            if (!v) return usage();
            o.stems = argv[++i];
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
    if (!have_len) o.bars = 4;
    if (o.stems) {
        struct stat st;
        if (stat(o.stems, &st) != 0 && mkdir(o.stems, 0777) != 0) {
            fprintf(stderr, "tala render: cannot create %s\n", o.stems);
            return EXIT_ENV;
        }
    }

    Vm *vm = vm_new();
    if (!vm) return EXIT_ENV;
    Err err = {0};
    int status = EXIT_OK;
    if (!engine_load_prelude(vm, &err)) {
        err_print(stderr, &err);
        vm_free(vm);
        return EXIT_ENV;
    }
    Value pat = NIL_VAL;
    if (pattern) {
        if (!vm_eval_expr(vm, "<pattern>", pattern, strlen(pattern), &pat, &err)) {
            err_print(stderr, &err);
            vm_free(vm);
            return EXIT_USER;
        }
    } else {
        size_t len;
        char *text = cli_read_file(file, &len);
        if (!text) {
            vm_free(vm);
            return EXIT_USER;
        }
        static char base[1024];
        snprintf(base, sizeof base, "%s", file);
        char *slash = strrchr(base, '/');
        if (slash)
            *slash = 0;
        else
            snprintf(base, sizeof base, ".");
        o.base = base;
        bool ok = vm_run_source(vm, file, text, len, &err);
        free(text);
        if (!ok) {
            err_print(stderr, &err);
            vm_free(vm);
            return EXIT_USER;
        }
    }
    vm_push_root(vm, pat);
    RenderReport rep = {0};
    if (!engine_render(vm, pat, out, &o, &rep, &err)) {
        err_print(stderr, &err);
        status = err.at.src ? EXIT_USER : EXIT_USER;
    } else {
        fprintf(stderr,
                "tala: wrote %s: %.3f s, %d track%s, %llu voices (%llu stolen), peak %.1f dBFS, "
                "RMS %.1f dBFS\n",
                out, (double)rep.frames / o.rate, rep.tracks, rep.tracks == 1 ? "" : "s",
                (unsigned long long)rep.audio.voices_started,
                (unsigned long long)rep.audio.voices_stolen,
                rep.peak > 0 ? 20 * log10(rep.peak) : -INFINITY,
                rep.rms > 0 ? 20 * log10(rep.rms) : -INFINITY);
        if (rep.audio.voices_killed)
            fprintf(stderr,
                    "tala: warning: %llu voices produced NaN or infinity and were silenced\n",
                    (unsigned long long)rep.audio.voices_killed);
    }
    vm_free(vm);
    return status;
}
