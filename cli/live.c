/*
 * live.c - `tala [FILE] [options]`: plays (a file, the REPL, or both) and
 * `tala devices`.
 *
 *   tala                      the REPL, with sound
 *   tala FILE [--watch]       plays FILE (re-evaluated on every save with
 *                             --watch); with a terminal, the REPL too
 *   --device NAME|N  --rate R  --buffer FRAMES  --lookahead MS  --volume V
 *   --seconds S (stop after)  --record OUT.wav  --samples DIR  --tempo BPM
 *   --voices N  --no-audio (keep time without a device)  --no-log
 */
#define _GNU_SOURCE
#include "cli.h"
#include "repl.h"

#include "../engine/live.h"

#include <errno.h>
#include <math.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

static volatile sig_atomic_t stop_requested;
static void on_stop(int sig) {
    (void)sig;
    stop_requested = 1;
}

int cli_devices(int argc, char **argv) {
    (void)argv;
    if (argc) {
        fprintf(stderr, "usage: tala devices\n");
        return EXIT_USAGE;
    }
    char why[256];
    int n = device_list(stdout, why, sizeof why);
    if (n < 0) {
        fprintf(stderr, "tala: %s\n", why);
        return EXIT_ENV;
    }
    if (n == 0) printf("no audio output devices (tala render FILE -o OUT.wav still works)\n");
    return EXIT_OK;
}

/* ~/.local/share/tala/sessions/DATE.tala-session, made as needed. */
static FILE *open_log(char *path, size_t n) {
    const char *home = getenv("HOME");
    const char *xdg = getenv("XDG_DATA_HOME");
    char dir[1024];
    if (xdg && *xdg)
        snprintf(dir, sizeof dir, "%s/tala/sessions", xdg);
    else
        snprintf(dir, sizeof dir, "%s/.local/share/tala/sessions", home ? home : ".");
    for (char *p = dir + 1; *p; p++)
        if (*p == '/') {
            *p = 0;
            mkdir(dir, 0755);
            *p = '/';
        }
    mkdir(dir, 0755);
    char stamp[32];
    time_t now = time(NULL);
    strftime(stamp, sizeof stamp, "%Y-%m-%dT%H-%M-%S", localtime(&now));
    snprintf(path, n, "%s/%s.tala-session", dir, stamp);
    for (int k = 2; access(path, F_OK) == 0 && k < 100; k++)
        snprintf(path, n, "%s/%s-%d.tala-session", dir, stamp, k);
    return fopen(path, "w");
}

#define num cli_num_arg

static void say_stderr(void *ud, const char *text) {
    (void)ud;
    fprintf(stderr, "%s\n", text);
}

bool cli_eval_file(Live *l, const char *file, Err *err) {
    size_t len;
    char *text = cli_read_file(file, &len);
    if (!text) return false; /* cli_read_file said why */
    char base[1024];
    cli_folder_of(file, base, sizeof base);
    bool ok = live_eval(l, file, text, len, base, err);
    free(text);
    return ok;
}

bool cli_file_changed(const char *file, struct timespec *last) {
    struct stat st;
    if (stat(file, &st) != 0) return false;
    bool changed = st.st_mtim.tv_sec != last->tv_sec || st.st_mtim.tv_nsec != last->tv_nsec;
    *last = st.st_mtim;
    return changed;
}

static bool eval_file(Live *l, const char *file) {
    Err err = {0};
    bool ok = cli_eval_file(l, file, &err);
    if (!ok && err.set) err_print(stderr, &err);
    return ok;
}

int cli_live(int argc, char **argv) {
    LiveOpts o = {.session = {.voices = 2048}, .device = {.rate = 48000}};
    const char *file = NULL;
    bool watch = false, log = true;
    double seconds = 0, x, volume = 1;
    for (int i = 0; i < argc; i++) {
        const char *a = argv[i], *v = i + 1 < argc ? argv[i + 1] : NULL;
        if (!strcmp(a, "--watch")) {
            watch = true;
        } else if (!strcmp(a, "--no-log")) {
            log = false;
        } else if (!strcmp(a, "--no-audio")) {
            o.device.null = true;
        } else if (!strcmp(a, "--device") && v) {
            o.device.name = argv[++i];
        } else if (!strcmp(a, "--rate")) {
            if (!num(a, v, 8000, 384000, &o.device.rate)) return EXIT_USAGE;
            i++;
        } else if (!strcmp(a, "--buffer")) {
            if (!num(a, v, 16, 16384, &x)) return EXIT_USAGE;
            o.device.buffer = (int)x, i++;
        } else if (!strcmp(a, "--lookahead")) {
            if (!num(a, v, 1, 2000, &x)) return EXIT_USAGE;
            o.lookahead = x / 1000, i++;
        } else if (!strcmp(a, "--volume")) {
            if (!num(a, v, 0, 2, &volume)) return EXIT_USAGE;
            i++;
        } else if (!strcmp(a, "--seconds")) {
            if (!num(a, v, 0.001, 1e7, &seconds)) return EXIT_USAGE;
            i++;
        } else if (!strcmp(a, "--record") && v) {
            o.record = argv[++i];
        } else if (!strcmp(a, "--samples") && v) {
            o.session.samples = argv[++i];
        } else if (!strcmp(a, "--tempo")) {
            if (!num(a, v, 1, 10000, &o.session.tempo)) return EXIT_USAGE;
            i++;
        } else if (!strcmp(a, "--voices")) {
            if (!num(a, v, 1, 100000, &x)) return EXIT_USAGE;
            o.session.voices = (int)x, i++;
        } else if (a[0] == '-' || file) {
            fprintf(stderr, "tala: unknown option '%s' (tala help)\n", a);
            return EXIT_USAGE;
        } else {
            file = a;
        }
    }
    if (watch && !file) {
        fprintf(stderr, "tala: --watch needs a FILE\n");
        return EXIT_USAGE;
    }
    bool interactive = isatty(0) || !file;
    Repl *repl = interactive ? repl_new() : NULL;
    o.session.say = repl ? repl_say : say_stderr;
    o.session.ud = repl;
    char logpath[1100] = "";
    if (log) {
        o.session.log = open_log(logpath, sizeof logpath);
        if (!o.session.log) fprintf(stderr, "tala: cannot write a session log in %s\n", logpath);
    }
    char why[1200];
    Live *l = live_open(&o, why, sizeof why);
    if (!l && !o.device.null) {
        fprintf(stderr, "tala: %s\n", why);
        if (!interactive) {
            fprintf(stderr, "tala: to hear it later: tala render %s -o out.wav\n", file);
            if (o.session.log) fclose(o.session.log);
            return EXIT_ENV;
        }
        fprintf(stderr, "tala: no sound: keeping time without a device (:render FILE writes "
                        "what would play)\n");
        o.device.null = true;
        l = live_open(&o, why, sizeof why);
    }
    if (!l) {
        fprintf(stderr, "tala: %s\n", why);
        if (o.session.log) fclose(o.session.log);
        return EXIT_ENV;
    }
    live_set_volume(l, (float)volume);
    if (logpath[0] && o.session.log) fprintf(stderr, "tala: session log %s\n", logpath);
    if (repl && o.session.log) repl_set_log(repl, logpath);
    struct timespec last = {0}; /* the file's time when it was read */
    if (file) {
        cli_file_changed(file, &last);
        if (!eval_file(l, file) && !interactive) {
            live_close(l);
            if (o.session.log) fclose(o.session.log);
            return EXIT_USER;
        }
    }
    if (!live_start(l, why, sizeof why)) {
        fprintf(stderr, "tala: %s\n", why);
        live_close(l);
        if (o.session.log) fclose(o.session.log);
        return EXIT_ENV;
    }
    LiveStatus ls;
    live_status(l, &ls);
    fprintf(stderr, "tala: playing on %s at %g Hz (%d frames a buffer)%s\n", ls.device_name,
            ls.rate, o.device.buffer > 0 ? o.device.buffer : 256,
            interactive ? "; :help for help, :quit to leave" : "; Ctrl-C stops");
    signal(SIGTERM, on_stop);
    int status = EXIT_OK;
    if (repl) {
        status = repl_run(repl, l, file, watch ? &last : NULL, seconds);
    } else {
        signal(SIGINT, on_stop);
        while (!stop_requested) {
            struct timespec ts = {0, 20000000};
            nanosleep(&ts, NULL);
            live_status(l, &ls);
            if (seconds > 0 && (double)ls.frame >= seconds * ls.rate) break;
            if (watch && cli_file_changed(file, &last)) eval_file(l, file);
        }
    }
    live_status(l, &ls);
    fprintf(stderr, "tala: stopped after %.1f s: %lu xruns, %llu late events, %llu voices\n",
            (double)ls.frame / ls.rate, ls.device.xruns, (unsigned long long)ls.audio.events_late,
            (unsigned long long)ls.audio.voices_started);
    live_close(l);
    if (o.session.log) fclose(o.session.log);
    repl_free(repl);
    return status;
}
