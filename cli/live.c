/*
 * live.c - `tala [FILE] [options]`: plays (a file, the REPL, or both) and
 * `tala devices` and `tala midi`.
 *
 *   tala                      the REPL, with sound
 *   tala FILE [--watch]       plays FILE (re-evaluated on every save with
 *                             --watch); with a terminal, the REPL too
 *   --device NAME|N  --rate R  --buffer FRAMES  --lookahead MS  --volume V
 *   --seconds S (stop after)  --record OUT.wav  --samples DIR  --tempo BPM
 *   --voices N  --no-audio (keep time without a device)  --no-log
 *   --rt-priority N (the audio callback's thread to SCHED_FIFO N where granted
 *   and the host left it without: 70; 0 leaves it as the host made it)
 *   --midi-latency NAME=MS (a MIDI port's messages go out later)
 *   --midi-clock NAME (MIDI clock to a port, following the tempo map)
 *   --midi-in NAME (a controller's knobs for cc(), its keys for midiin(); repeatable)
 *   --clock midi:NAME (follow a MIDI input's clock: tempo, start, stop)
 *   --listen [ADDR:]PORT (OSC from editors and controllers: listen.h)
 *   --superdirt [HOST:]PORT, --superdirt-latency MS (sound events to SuperDirt too)
 *   --link [--quantum Q] (an Ableton Link session: tempo, bars, start/stop)
 *
 * This file owns the session's set-up; the loop is repl_run's with a
 * terminal, else the plain one here. Both evaluate the file through
 * evalfile.c; repl.c never calls back into this file.
 */
#define _GNU_SOURCE
#include "cli.h"
#include "evalfile.h"
#include "listen.h"
#include "repl.h"

#include "../engine/engine.h"
#include "../engine/live.h"
#include "../io/midi.h"
#include "../io/osc.h"
#include "../io/watch.h"

#include <errno.h>
#include <math.h>
#include <poll.h>
#include <sched.h>
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

int cli_midi(int argc, char **argv) {
    (void)argv;
    if (argc) {
        fprintf(stderr, "usage: tala midi\n");
        return EXIT_USAGE;
    }
    char why[256];
    int n = midi_list(stdout, why, sizeof why);
    if (n < 0) {
        fprintf(stderr, "tala: %s\n", why);
        return EXIT_ENV;
    }
    if (n == 0) printf("no MIDI ports (.midi() still opens tala's own port 'tala')\n");
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

static bool eval_file(Live *l, const char *file) {
    Err err = {0};
    bool ok = cli_eval_file(l, file, &err);
    if (!ok && err.set) err_print(stderr, &err);
    return ok;
}

typedef struct {
    LiveOpts o;
    const char *file;   /* NULL: the REPL alone */
    bool watch;         /* re-evaluate file on each save */
    bool log;           /* write a session log */
    double seconds;     /* stop after this much audio (0: never) */
    double volume;      /* monitor volume, 0..2 */
    const char *listen; /* OSC: [ADDR:]PORT, or NULL */
} Args;

/* Fills a from the command line, or says what is wrong and returns false. */
static bool parse_args(int argc, char **argv, Args *a) {
    LiveOpts *o = &a->o;
    double x;
    for (int i = 0; i < argc; i++) {
        const char *k = argv[i], *v = i + 1 < argc ? argv[i + 1] : NULL;
        if (!strcmp(k, "--watch")) {
            a->watch = true;
        } else if (!strcmp(k, "--no-log")) {
            a->log = false;
        } else if (!strcmp(k, "--no-audio")) {
            o->device.null = true;
        } else if (!strcmp(k, "--input")) { /* the output's host's input, both sides */
            o->device.inputs = 2;
        } else if (!strncmp(k, "--input=", 8) && k[8]) { /* an input device by name or number */
            o->device.inputs = 2;
            o->device.input = k + 8;
        } else if (!strcmp(k, "--input-latency")) {
            if (!num(k, v, 0, 2000, &o->input_latency_ms)) return false;
            i++;
        } else if (!strcmp(k, "--device") && v) {
            o->device.name = argv[++i];
        } else if (!strcmp(k, "--rate")) {
            if (!num(k, v, 8000, 384000, &o->device.rate)) return false;
            i++;
        } else if (!strcmp(k, "--buffer")) {
            if (!num(k, v, 16, 16384, &x)) return false;
            o->device.buffer = (int)x, i++;
        } else if (!strcmp(k, "--rt-priority")) {
            if (!num(k, v, 0, 99, &x)) return false;
            if (x != (int)x) {
                fprintf(stderr, "tala: --rt-priority takes a whole number, 0 to 99\n");
                return false;
            }
            o->device.rt_priority = (int)x, i++;
        } else if (!strcmp(k, "--lookahead")) {
            if (!num(k, v, 1, 2000, &x)) return false;
            o->lookahead = x / 1000, i++;
        } else if (!strcmp(k, "--volume")) {
            if (!num(k, v, 0, 2, &a->volume)) return false;
            i++;
        } else if (!strcmp(k, "--seconds")) {
            if (!num(k, v, 0.001, 1e7, &a->seconds)) return false;
            i++;
        } else if (!strcmp(k, "--record") && v) {
            o->record = argv[++i];
            const char *f;
            char why[256];
            if (!engine_sound_format(o->record, NULL, &f, why, sizeof why)) {
                fprintf(stderr, "tala: --record %s\n", why);
                return false;
            }
        } else if (!strcmp(k, "--midi-latency") && v) {
            const char *eq = strrchr(v, '=');
            char *end;
            double ms = eq ? strtod(eq + 1, &end) : NAN;
            if (!eq || eq == v || *end || !(ms >= 0 && ms <= 2000) || o->nmidi_latency == 8) {
                fprintf(stderr, "tala: --midi-latency takes NAME=MS (0 to 2000 ms), got '%s'\n", v);
                return false;
            }
            static char names[8][128];
            snprintf(names[o->nmidi_latency], sizeof names[0], "%.*s", (int)(eq - v), v);
            o->midi_latency_port[o->nmidi_latency] = names[o->nmidi_latency];
            o->midi_latency[o->nmidi_latency++] = ms / 1000;
            i++;
        } else if (!strcmp(k, "--midi-in") && v) {
            if (o->nmidi_in == 4) {
                fprintf(stderr, "tala: at most 4 --midi-in ports\n");
                return false;
            }
            o->midi_in[o->nmidi_in++] = argv[++i];
        } else if (!strcmp(k, "--clock") && v) {
            if (strncmp(v, "midi:", 5) != 0 || !v[5]) {
                fprintf(stderr,
                        "tala: --clock takes midi:NAME (a MIDI input that sends clock), "
                        "got '%s'\n",
                        v);
                return false;
            }
            o->clock_in = argv[++i] + 5;
        } else if (!strcmp(k, "--listen") && v) {
            char addr[64], why[200];
            int port;
            if (!osc_parse_where(v, addr, sizeof addr, &port, why, sizeof why)) {
                fprintf(stderr, "tala: --listen: %s\n", why);
                return false;
            }
            a->listen = argv[++i];
        } else if (!strcmp(k, "--link")) {
            o->link = true;
        } else if (!strcmp(k, "--quantum")) { /* tala's bars are 4 beats: a number of them */
            if (!num(k, v, 4, 64, &o->quantum)) return false;
            if (fmod(o->quantum, 4) != 0) {
                fprintf(stderr,
                        "tala: --quantum takes 4, 8, 12 ... 64 beats (tala's bars are 4 "
                        "beats), got '%s'\n",
                        v ? v : "");
                return false;
            }
            i++;
        } else if (!strcmp(k, "--superdirt")) { /* [HOST:]PORT, or SuperDirt's own */
            char addr[64], why[200];
            int port;
            o->superdirt = "127.0.0.1:57120";
            if (v && osc_parse_where(v, addr, sizeof addr, &port, why, sizeof why))
                o->superdirt = argv[++i];
        } else if (!strcmp(k, "--superdirt-latency")) {
            if (!num(k, v, 0, 2000, &x)) return false;
            o->superdirt_latency = x / 1000, i++;
        } else if (!strcmp(k, "--midi-clock") && v) {
            o->session.midi_clock = argv[++i];
        } else if (!strcmp(k, "--samples") && v) {
            o->session.samples = argv[++i];
        } else if (!strcmp(k, "--tempo")) {
            if (!num(k, v, 1, 10000, &o->session.tempo)) return false;
            i++;
        } else if (!strcmp(k, "--voices")) {
            if (!num(k, v, 1, 100000, &x)) return false;
            o->session.voices = (int)x, i++;
        } else if (k[0] == '-' || a->file) {
            fprintf(stderr, "tala: unknown option '%s' (tala help)\n", k);
            return false;
        } else {
            a->file = k;
        }
    }
    if (a->listen && cli_safe) { /* code from the network: this machine's only */
        char addr[64], why[200];
        int port;
        osc_parse_where(a->listen, addr, sizeof addr, &port, why, sizeof why);
        if (strcmp(addr, "127.0.0.1") != 0 && strcmp(addr, "::1") != 0 &&
            strcmp(addr, "localhost") != 0) {
            fprintf(stderr,
                    "tala: safe mode: --listen takes code from this machine only "
                    "(127.0.0.1 or ::1), not %s\n",
                    addr);
            return false;
        }
    }
    if (a->o.quantum > 0 && !a->o.link) {
        fprintf(stderr, "tala: --quantum is for --link\n");
        return false;
    }
    if (a->o.link && a->o.clock_in) {
        fprintf(stderr, "tala: --link and --clock midi: follow one clock, not two\n");
        return false;
    }
    if (a->watch && !a->file) {
        fprintf(stderr, "tala: --watch needs a FILE\n");
        return false;
    }
    return true;
}

/* Opens the device (or keeps time without one when interactive). */
static Live *open_live(Args *a, bool interactive) {
    char why[1200];
    if (a->o.session.midi_clock && !midi_out_exists(a->o.session.midi_clock, why, sizeof why)) {
        fprintf(stderr, "tala: --midi-clock: %s\n", why);
        return NULL;
    }
    for (int i = 0; i < a->o.nmidi_in; i++) { /* a port not there: said before anything plays */
        MidiIn *in = midi_in_open(a->o.midi_in[i], why, sizeof why);
        if (!in) {
            fprintf(stderr, "tala: --midi-in: %s\n", why);
            return NULL;
        }
        midi_in_close(in);
    }
    if (a->o.clock_in) {
        MidiIn *in = midi_in_open(a->o.clock_in, why, sizeof why);
        if (!in) {
            fprintf(stderr, "tala: --clock: %s\n", why);
            return NULL;
        }
        midi_in_close(in);
    }
    Live *l = live_open(&a->o, why, sizeof why);
    if (!l && !a->o.device.null) {
        fprintf(stderr, "tala: %s\n", why);
        if (!interactive) {
            fprintf(stderr, "tala: to hear it later: tala render %s -o out.wav\n", a->file);
            return NULL;
        }
        fprintf(stderr, "tala: no sound: keeping time without a device (:render FILE writes "
                        "what would play)\n");
        a->o.device.null = true;
        l = live_open(&a->o, why, sizeof why);
    }
    if (!l) fprintf(stderr, "tala: %s\n", why);
    return l;
}

/* Without a terminal: plays until Ctrl-C, SIGTERM or the time is up, and
 * re-evaluates the file on each save when watched. */
static void plain_loop(Live *l, const Args *a, Watch *watch) {
    signal(SIGINT, on_stop);
    /* wakes on a save, else every 20 ms to see whether time is up */
    struct pollfd pf = {.fd = watch ? watch_fd(watch) : -1, .events = POLLIN};
    LiveStatus ls;
    while (!stop_requested) {
        int k = poll(&pf, 1, 20);
        live_status(l, &ls);
        if (a->seconds > 0 && (double)ls.frame >= a->seconds * ls.rate) break;
        if (k > 0 && watch_changed(watch)) eval_file(l, a->file);
    }
}

/* After the stop line: how long the audio callback took per period, against
 * the period (the headroom a performer has), and whether its thread ran with
 * real-time priority. Not without a device, or before it called back. */
static void print_callback_time(const LiveStatus *ls) {
    const CbTimeSummary *c = &ls->device.cb;
    if (ls->null || !c->count || !ls->device.period_ns) return;
    double us = 1e-3, period = (double)ls->device.period_ns * us;
    char sched[64] = "";
    if (ls->device.policy == SCHED_FIFO || ls->device.policy == SCHED_RR)
        snprintf(sched, sizeof sched, ", SCHED_%s %d",
                 ls->device.policy == SCHED_FIFO ? "FIFO" : "RR", ls->device.priority);
    else if (ls->device.policy >= 0)
        snprintf(sched, sizeof sched, ", no real-time priority%s",
                 ls->device.rt_refused ? " (refused)" : "");
    fprintf(stderr,
            "tala: callback time per %.0f µs period: median %.0f µs, p99 %.0f µs, p99.9 %.0f µs "
            "(%.0f %% of the period), max %.0f µs; %llu periods%s\n",
            period, (double)c->median_ns * us, (double)c->p99_ns * us, (double)c->p999_ns * us,
            100.0 * (double)c->p999_ns * us / period, (double)c->max_ns * us,
            (unsigned long long)c->count, sched);
}

/* The session from the first evaluation to the last report. */
static int play(Args *a, Repl *repl, Watch *watch, const char *logpath) {
    bool interactive = repl != NULL;
    Live *l = open_live(a, interactive);
    if (!l) return EXIT_ENV;
    live_set_volume(l, (float)a->volume);
    if (logpath[0] && a->o.session.log) fprintf(stderr, "tala: session log %s\n", logpath);
    if (repl && a->o.session.log) repl_set_log(repl, logpath);
    if (a->file && !eval_file(l, a->file) && !interactive) {
        live_close(l);
        return EXIT_USER;
    }
    char why[1200];
    Listen *listener = NULL; /* bound before anything plays: a port in use is said first */
    if (a->listen && !(listener = listen_open(l, a->listen, a->o.session.say, a->o.session.ud, why,
                                              sizeof why))) {
        fprintf(stderr, "tala: --listen: %s\n", why);
        live_close(l);
        return EXIT_ENV;
    }
    if (!live_start(l, why, sizeof why)) {
        fprintf(stderr, "tala: %s\n", why);
        listen_close(listener);
        live_close(l);
        return EXIT_ENV;
    }
    LiveStatus ls;
    live_status(l, &ls);
    int frames = a->o.device.buffer > 0 ? a->o.device.buffer : 256;
    if (interactive) /* the banner: what tala is, where it plays, how to begin */
        fprintf(stderr,
                "tala %s: playing on %s at %g Hz (%d frames a buffer), %g BPM\n"
                "type :help or :tour (ten steps that play as you go); :quit leaves\n",
                TALA_VERSION, ls.device_name, ls.rate, frames, ls.bpm);
    else
        fprintf(stderr, "tala: playing on %s at %g Hz (%d frames a buffer), %g BPM; Ctrl-C stops\n",
                ls.device_name, ls.rate, frames, ls.bpm);
    if (cli_safe)
        fprintf(stderr, "tala: safe mode: no native code (ffi), no files but those the command "
                        "line names, sample folders only from here down\n");
    if (listener)
        fprintf(stderr, "tala: listening for OSC on %s (UDP and TCP): tala send, /tala/eval\n",
                listen_where(listener));
    if (a->o.link)
        fprintf(stderr, "tala: joining an Ableton Link session (quantum %g): :link shows it\n",
                a->o.quantum > 0 ? a->o.quantum : 4);
    if (a->o.superdirt)
        fprintf(stderr, "tala: sound events to SuperDirt at %s too (/dirt/play, %g ms later)\n",
                a->o.superdirt, a->o.superdirt_latency * 1000);
    signal(SIGTERM, on_stop);
    int status = EXIT_OK;
    if (repl)
        status = repl_run(repl, l, a->file, watch, a->seconds);
    else
        plain_loop(l, a, watch);
    listen_close(listener); /* before the session goes: it calls into it */
    live_status(l, &ls);
    fprintf(stderr, "tala: stopped after %.1f s: %lu xruns, %llu late events, %llu voices\n",
            (double)ls.frame / ls.rate, ls.device.xruns, (unsigned long long)ls.audio.events_late,
            (unsigned long long)ls.audio.voices_started);
    print_callback_time(&ls);
    live_close(l);
    return status;
}

int cli_live(int argc, char **argv) {
    Args a = {.o = {.session = {.voices = 2048},
                    .device = {.rate = 48000, .rt_priority = 70},
                    .input_latency_ms = -1,
                    .superdirt_latency = 0.2},
              .log = true,
              .volume = 1};
    if (!parse_args(argc, argv, &a)) return EXIT_USAGE;
    /* watched from before the first read, so no save is missed */
    Watch *watch = NULL;
    if (a.watch && !(watch = watch_open(a.file))) {
        int e = errno;
        fprintf(stderr, "tala: cannot watch %s: %s\n", a.file, strerror(e));
        return e == ENOENT || e == ENOTDIR ? EXIT_USER : EXIT_ENV; /* no such folder */
    }
    bool interactive = isatty(0) || !a.file;
    Repl *repl = interactive ? repl_new() : NULL;
    a.o.session.say = repl ? repl_say : say_stderr;
    a.o.session.safe = cli_safe;
    a.o.session.ud = repl;
    char logpath[1100] = "";
    if (a.log) {
        a.o.session.log = open_log(logpath, sizeof logpath);
        if (!a.o.session.log) fprintf(stderr, "tala: cannot write a session log in %s\n", logpath);
    }
    int status = play(&a, repl, watch, logpath);
    if (a.o.session.log) fclose(a.o.session.log);
    repl_free(repl);
    watch_close(watch);
    return status;
}
