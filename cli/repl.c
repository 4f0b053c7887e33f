/*
 * repl.c - the interactive prompt (see repl.h).
 *
 * Readline runs in callback mode inside a select() loop that wakes on a
 * key, on a save of the watched file, and ten times a second: that is
 * where queued messages are printed above the line being typed, the status
 * in the prompt is refreshed and a saved file is re-evaluated, all on this
 * one thread, so nothing garbles the input.
 * Ctrl-C clears the line (the music plays on); Ctrl-D or :quit leaves.
 */
#define _GNU_SOURCE
#include "repl.h"

#include "../engine/engine.h"
#include "../engine/soundlib.h"
#include "../stdlib/stdlib.h"
#include "cli.h"
#include "evalfile.h"
#include "show.h"
#include "tour.h"

#include <errno.h>
#include <math.h>
#include <pthread.h>
#include <readline/history.h>
#include <readline/readline.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/select.h>
#include <sys/stat.h>
#include <unistd.h>

struct Repl {
    pthread_mutex_t lock;
    char **msgs; /* queued messages */
    int nmsgs;
    Live *live;
    char *block; /* lines of a block still open */
    size_t blen;
    bool done;
    char prompt[512];
    char history[1024];
    const char *file;
    const char *log; /* the session log, for :render */
    double seconds;
    bool ctrl_c;   /* the last key was a Ctrl-C on an empty line */
    bool meter_on; /* :meter on: the loudness in the status line */
    int tour;      /* the :tour's step shown (0: no tour) */
};

static Repl *current; /* readline's callbacks take no user data */
static volatile sig_atomic_t interrupted;

static void on_sigint(int sig) {
    interrupted = sig == SIGTERM ? 2 : 1; /* SIGTERM: leave */
}

Repl *repl_new(void) {
    Repl *r = calloc(1, sizeof *r);
    if (!r) abort();
    pthread_mutex_init(&r->lock, NULL);
    return r;
}

void repl_free(Repl *r) {
    if (!r) return;
    for (int i = 0; i < r->nmsgs; i++) free(r->msgs[i]);
    free(r->msgs);
    free(r->block);
    pthread_mutex_destroy(&r->lock);
    free(r);
}

void repl_set_log(Repl *r, const char *path) {
    r->log = path;
}

void repl_say(void *ud, const char *text) {
    Repl *r = ud;
    pthread_mutex_lock(&r->lock);
    r->msgs = realloc(r->msgs, (size_t)(r->nmsgs + 1) * sizeof(char *));
    if (!r->msgs || !(r->msgs[r->nmsgs] = strdup(text))) abort();
    r->nmsgs++;
    pthread_mutex_unlock(&r->lock);
}

static bool in_handler; /* an accepted line is being run: the cursor is on a fresh line */

/* Prints text above the line being typed, then redraws the line. While an
 * accepted line runs there is no line being typed: readline draws the next
 * prompt when it is done, so the text is just printed. */
static void print_above(const char *text) {
    if (!isatty(1) || in_handler) {
        printf("%s\n", text);
        fflush(stdout);
        return;
    }
    char *line = rl_copy_text(0, rl_end);
    int point = rl_point;
    rl_save_prompt();
    rl_replace_line("", 0);
    rl_redisplay();
    printf("\r\033[K%s\n", text);
    rl_restore_prompt();
    rl_replace_line(line, 0);
    rl_point = point;
    rl_forced_update_display();
    free(line);
}

static void flush_msgs(Repl *r) {
    pthread_mutex_lock(&r->lock);
    char **m = r->msgs;
    int n = r->nmsgs;
    r->msgs = NULL, r->nmsgs = 0;
    pthread_mutex_unlock(&r->lock);
    for (int i = 0; i < n; i++) {
        print_above(m[i]);
        free(m[i]);
    }
    free(m);
}

static void print_err(const Err *e) {
    char *text = err_text(e);
    print_above(text);
    free(text);
}

/* Open brackets left in text, outside strings and comments. */
static int depth(const char *s) {
    int d = 0;
    char q = 0;
    for (; *s; s++) {
        if (q) { /* tala strings have no escapes */
            if (*s == q) q = 0;
        } else if (*s == '"' || *s == '\'' || *s == '`') {
            q = *s;
        } else if ((s[0] == '-' && s[1] == '-') || (s[0] == '/' && s[1] == '/')) {
            while (s[1] && s[1] != '\n') s++;
        } else if (*s == '(' || *s == '[' || *s == '{') {
            d++;
        } else if (*s == ')' || *s == ']' || *s == '}') {
            d--;
        }
    }
    return d;
}

/* ---------------------------------------------------------------- status */

static const char METER[] = " .:-=+*#%@";

static void update_prompt(Repl *r) {
    char p[512];
    if (r->block) {
        snprintf(p, sizeof p, "  ...> ");
    } else {
        LiveStatus st;
        live_status(r->live, &st);
        if (getenv("TALA_STATUS_FROZEN")) { /* tests compare whole screens: the clock stands */
            st.cycle = 0;
            for (int t = 0; t < st.ntracks; t++) st.peak[t] = 0;
        }
        double beat = st.cycle * 4;
        long long bar = (long long)floor(st.cycle) + 1, b = (long long)floor(fmod(beat, 4)) + 1;
        /* no device: no callback to measure, no xruns to count */
        int used = st.null ? snprintf(p, sizeof p, "%lld:%lld (no sound) ", bar, b)
                           : snprintf(p, sizeof p, "%lld:%lld cpu %.0f%% x%lu ", bar, b,
                                      st.device.cpu * 100, st.device.xruns);
        for (int t = 0; t < st.ntracks && used < 400; t++) {
            if (!st.tracks[t].playing && !st.tracks[t].pending) continue;
            float pk = st.peak[t];
            double db = pk > 0 ? 20 * log10(pk) : -100;
            int k = db <= -48 ? 0 : db >= 0 ? 9 : (int)((db + 48) / 48 * 9) + 1;
            if (k > 9) k = 9;
            used += snprintf(p + used, sizeof p - (size_t)used, "%.24s%s%c ", st.tracks[t].name,
                             st.tracks[t].mute ? "(m)" : "", METER[k]);
            if (used > 400) used = 400; /* long names: the prompt is cut, never overrun */
        }
        MeterReading m;
        if (r->tour && used < 400)
            used +=
                snprintf(p + used, sizeof p - (size_t)used, "| tour %d/%d ", r->tour, tour_count());
        if (r->meter_on && used < 400 && live_meter(r->live, &m, false))
            used += snprintf(p + used, sizeof p - (size_t)used, "| M %.0f S %.0f LUFS TP %.1f ",
                             m.momentary, m.shortterm, m.true_peak);
        if (used > 400) used = 400;
        snprintf(p + used, sizeof p - (size_t)used, "> ");
    }
    if (strcmp(p, r->prompt) != 0) {
        snprintf(r->prompt, sizeof r->prompt, "%s", p);
        rl_set_prompt(r->prompt);
        /* the whole line again: an incremental redraw of a prompt of another length
         * leaves stale characters on some terminals */
        if (isatty(1) && !in_handler) {
            fputs("\r\033[K", stdout); /* back to the line's start, cleared */
            rl_on_new_line();          /* so readline draws prompt and text anew */
            rl_redisplay();
        }
    }
}

/* ---------------------------------------------------------------- commands */

static const char *COMMANDS[] = {":help",   ":tour",      ":example", ":search", ":show",
                                 ":tracks", ":stop",      ":hush",    ":tempo",  ":mute",
                                 ":unmute", ":solo",      ":unsolo",  ":undo",   ":volume",
                                 ":render", ":reconnect", ":sounds",  ":quit",   ":jump",
                                 ":meter",  ":record",    ":capture", ":link",   NULL};

static void help(void) {
    char topics[512];
    cli_help_topics(topics, sizeof topics);
    print_above(
        "type tala code and press Enter: definitions (drums = s(\"bd*4\")), play, tempo, synth,\n"
        "bus, mix; a block goes on while brackets are open. Changes land on the next bar.\n"
        "Strudel's code works too: $: and name: blocks, setcps, const (docs/strudel.md).\n"
        "  :tour             ten short steps that play as you go: start here\n"
        "  :help TOPIC       a topic, :help NAME a function, control, statement, unit generator\n"
        "  :example NAME     play NAME's example    :search WORD  functions about WORD\n"
        "  :show NAME [N]    a playing track drawn as a grid of steps (N bars)\n"
        "  :tracks           what plays, what is waiting for its bar\n"
        "  :stop NAME  :hush stop a track / everything (now)\n"
        "  :mute :unmute :solo :unsolo NAME\n"
        "  :undo NAME        back to the track's previous code (next bar)\n"
        "  :tempo [BPM]      show or set the tempo (from the next bar)\n"
        "  :jump SECTION     the arrangement moves to a section (name or number), next bar\n"
        "  :volume V         monitor volume, 0..2 (not in recordings)\n"
        "  :meter [on|off]   loudness (LUFS) and true peak, once or in the status line\n"
        "  :record NAME BARS a take of the audio input (tala --input) from the next bar\n"
        "  :render FILE      render the session so far (+4 bars) to FILE\n"
        "  :reconnect        open the audio device again, its ports connected anew\n"
        "  :capture [BARS] [GRID]  the notes played on --midi-in as code (2 bars, 16ths)\n"
        "  :link                   the Ableton Link session (--link): peers, tempo, phase\n"
        "  :sounds [NAME]    the sound library (Dirt names, banks, General MIDI), or NAME\n"
        "  :quit             leave (or Ctrl-D); Ctrl-C only clears the line");
    print_above(topics);
}

static void help_name(Repl *r, const char *name) {
    char buf[2048];
    const char *topic = cli_help_topic(name);
    if (topic) {
        print_above(topic);
        return;
    }
    if (!cli_help_text(name, buf, sizeof buf)) {
        char sugg[64] = "";
        Session *s = live_lock(r->live);
        bool near = vm_suggest(session_vm(s), name, strlen(name), NULL, 0, sugg, sizeof sugg);
        live_unlock(r->live);
        snprintf(buf, sizeof buf,
                 "no topic, function, statement, unit generator or instrument named '%s'%s%s%s "
                 "(:search WORD looks through the docs)",
                 name, near ? "; did you mean '" : "", near ? sugg : "", near ? "'?" : "");
    }
    print_above(buf);
}

/* :example NAME: the example of a builtin, shown and played (a bare pattern
 * plays on the anonymous track $). */
static void example(Repl *r, const char *name) {
    char code[1024], msg[1200];
    if (!name[0] || !cli_example_of(name, code, sizeof code)) {
        snprintf(msg, sizeof msg, "no example for '%s' (:search WORD finds functions)", name);
        print_above(msg);
        return;
    }
    print_above(code);
    add_history(code); /* up-arrow brings it back, to change */
    /* a statement or a definition would change the session (its tempo, its tracks,
     * the master): shown, to type; an expression plays on $ */
    const char *p = code;
    while (*p == ' ') p++;
    const char *w = p;
    while (*w == '_' || (*w >= 'a' && *w <= 'z') || (*w >= 'A' && *w <= 'Z') ||
           (*w >= '0' && *w <= '9'))
        w++;
    const char *eq = w;
    while (*eq == ' ') eq++;
    static const char *STATEMENTS[] = {"tempo",  "play", "synth",  "bus",   "mix",
                                       "master", "fn",   "setcps", "setcpm"};
    bool statement = strchr(code, '\n') || (*eq == '=' && eq[1] != '=' && eq[1] != '>');
    for (size_t i = 0; i < sizeof STATEMENTS / sizeof *STATEMENTS; i++)
        statement |= (size_t)(w - p) == strlen(STATEMENTS[i]) && !strncmp(p, STATEMENTS[i], w - p);
    if (statement) {
        print_above("(it changes the session, so it is not run: up-arrow brings it to the "
                    "prompt, Enter runs it)");
        return;
    }
    char line[1100];
    int n = snprintf(line, sizeof line, "%s\n", code);
    Err err = {0};
    if (!live_eval(r->live, "<example>", line, (size_t)n, ".", &err)) print_err(&err);
}

/* :search WORD */
static void search(const char *word) {
    char out[8192];
    if (!word[0]) {
        print_above(":search WORD: the functions whose name or doc has WORD, e.g. :search reverb");
        return;
    }
    int n = cli_search(word, out, sizeof out);
    if (!n) snprintf(out, sizeof out, "nothing about '%s' (try another word, or :help)", word);
    print_above(out);
}

/* :tour [N|end]: shows step N (the next one on an empty line), plays its code. */
static void tour_show(Repl *r, int i) {
    const TourStep *t = tour_step(i);
    if (!t) {
        r->tour = 0;
        print_above("That was the tour. Keep changing the code; :help lists topics, "
                    "examples/course/ has ten lessons (docs/tutorial.md), :quit leaves.");
        return;
    }
    r->tour = i;
    char buf[2048];
    snprintf(buf, sizeof buf, "-- tour %d/%d: %s\n%s\n\n%s\n", i, tour_count(), t->title, t->text,
             t->code);
    print_above(buf);
    char code[1024];
    snprintf(code, sizeof code, "%s\n", t->code);
    Err err = {0};
    if (!live_eval(r->live, "<tour>", code, strlen(code), ".", &err)) print_err(&err);
    add_history(t->code);
    snprintf(buf, sizeof buf,
             "listen for: %s.\n(Enter: the next step; change the code (up-arrow brings it back) "
             "and press Enter to try; :tour end leaves)",
             t->listen);
    print_above(buf);
}

static void tour(Repl *r, const char *arg) {
    int i = 1;
    Err err = {0};
    if (!strcmp(arg, "end")) {
        r->tour = 0;
        print_above("tour left (:tour starts it again; what plays goes on)");
        return;
    }
    if (arg[0] && (sscanf(arg, "%d", &i) != 1 || !tour_step(i))) {
        char buf[100];
        snprintf(buf, sizeof buf, ":tour [STEP]: a step from 1 to %d, or :tour end", tour_count());
        print_above(buf);
        return;
    }
    /* a later step builds on the earlier ones: their code runs first, quietly */
    for (int k = 1; k < i; k++) {
        char code[1024];
        snprintf(code, sizeof code, "%s\n", tour_step(k)->code);
        if (!live_eval(r->live, "<tour>", code, strlen(code), ".", &err)) print_err(&err);
    }
    tour_show(r, i);
}

/* :sounds [NAME]: the library's listing, or what NAME plays (tala sounds). */
static void sounds(const char *name) {
    char *text = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&text, &len);
    if (!f) return;
    SoundLib *lib = soundlib_new(48000);
    if (!name[0])
        soundlib_list(lib, f);
    else if (!soundlib_describe(lib, name, f))
        fprintf(f, "'%s' is not a sound of the library (:sounds lists them)", name);
    soundlib_free(lib);
    fclose(f);
    while (len && text[len - 1] == '\n') text[--len] = 0;
    print_above(text);
    free(text);
}

static void tracks(Repl *r) {
    LiveStatus st;
    live_status(r->live, &st);
    if (!st.ntracks) print_above("no tracks yet: play NAME, ...");
    for (int t = 0; t < st.ntracks; t++) {
        char buf[256], at[64] = "";
        if (st.tracks[t].pending)
            snprintf(at, sizeof at, ", changes at bar %lld",
                     (long long)floor(rat_to_double(st.tracks[t].at)) + 1);
        snprintf(buf, sizeof buf, "%-12s %s%s%s%s", st.tracks[t].name,
                 st.tracks[t].playing ? "playing" : "stopped", st.tracks[t].mute ? ", muted" : "",
                 st.tracks[t].solo ? ", solo" : "", at);
        print_above(buf);
    }
}

/* :show NAME [CYCLES]: a track's pattern as a grid, from the bar playing now. */
static void show(Repl *r, const char *arg) {
    char name[256] = "";
    int cycles = 2;
    if (sscanf(arg, "%255s %d", name, &cycles) < 1 || cycles < 1 || cycles > 16) {
        print_above(":show NAME [CYCLES]: a playing track drawn as a grid (2 cycles; up to 16)");
        return;
    }
    char *text = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&text, &len);
    if (!f) return;
    LiveStatus st;
    live_status(r->live, &st);
    Session *s = live_lock(r->live);
    ObjPattern *p = session_track_pattern(s, name);
    Err err = {0};
    if (!p)
        fprintf(f, "no track '%s' plays (:tracks lists them)", name);
    else if (!show_pattern(session_vm(s), p, (int)floor(st.cycle), cycles, f, &err))
        fprintf(f, "%s", err.msg);
    live_unlock(r->live);
    fclose(f);
    while (len && text[len - 1] == '\n') text[--len] = 0;
    print_above(text);
    free(text);
}

/* :render FILE: the session log so far, replayed offline. */
static void render_now(Repl *r, const char *file) {
    const char *logpath = r->log;
    if (cli_safe) { /* files are written only where the command line says */
        print_above(":render is not allowed in safe mode (files are written only where the "
                    "command line says: tala --record FILE)");
        return;
    }
    if (!logpath) {
        print_above(":render needs the session log (started without --no-log)");
        return;
    }
    LiveStatus st;
    live_status(r->live, &st);
    Script sc;
    Err err = {0};
    if (!script_load(logpath, &sc, &err)) {
        print_err(&err);
        return;
    }
    SessionOpts so = {.rate = sc.rate,
                      .voices = sc.voices,
                      .tempo = sc.tempo,
                      .samples = sc.samples,
                      .quiet = true,
                      .safe = sc.safe};
    Session *s = session_new(&so, &err);
    RenderOpts o = {.rate = sc.rate, .bars = floor(st.cycle) + 4, .format = "wav"};
    RenderReport rep = {0};
    if (s && engine_render(s, file, &o, &sc, &rep, &err)) {
        char buf[1200];
        snprintf(buf, sizeof buf, "wrote %s: %.1f s", file, (double)rep.frames / sc.rate);
        print_above(buf);
    } else {
        print_err(&err);
    }
    session_free(s);
    script_free(&sc);
}

static void command(Repl *r, char *line) {
    char cmd[32] = "", arg[1024] = "";
    sscanf(line, "%31s %1023[^\n]", cmd, arg);
    for (char *e = arg + strlen(arg); e > arg && (e[-1] == ' ' || e[-1] == '\t');) *--e = 0;
    Err err = {0};
    if (!strcmp(cmd, ":quit") || !strcmp(cmd, ":q")) {
        r->done = true;
    } else if (!strcmp(cmd, ":help")) {
        if (arg[0])
            help_name(r, arg);
        else
            help();
    } else if (!strcmp(cmd, ":tour")) {
        tour(r, arg);
    } else if (!strcmp(cmd, ":example")) {
        example(r, arg);
    } else if (!strcmp(cmd, ":search")) {
        search(arg);
    } else if (!strcmp(cmd, ":tracks")) {
        tracks(r);
    } else if (!strcmp(cmd, ":show")) {
        show(r, arg);
    } else if (!strcmp(cmd, ":sounds")) {
        sounds(arg);
    } else if (!strcmp(cmd, ":hush")) {
        live_command(r->live, "hush", NULL, &err);
    } else if (!strcmp(cmd, ":link")) {
        char text[400];
        live_link_text(r->live, text, sizeof text);
        print_above(text);
    } else if (!strcmp(cmd, ":capture")) {
        int bars = 2, grid = 16;
        char code[4096];
        if (arg[0] && (sscanf(arg, "%d %d", &bars, &grid) < 1 || bars < 1 || bars > 64 ||
                       grid < 1 || grid > 96)) {
            print_above(":capture BARS GRID: 1 to 64 bars, 1 to 96 steps a bar (2 and 16)");
            return;
        }
        if (live_capture(r->live, bars, grid, code, sizeof code)) {
            print_above(code);
            add_history(code); /* up-arrow brings it to the prompt, to name and play */
        } else {
            print_above("nothing played on a --midi-in keyboard in those bars (or too much to "
                        "print: fewer bars, a coarser grid)");
        }
    } else if (!strcmp(cmd, ":reconnect")) {
        char why[300], msg[400];
        LiveStatus st;
        if (live_reconnect(r->live, why, sizeof why)) {
            live_status(r->live, &st);
            snprintf(msg, sizeof msg, "the audio device '%s' plays again", st.device_name);
        } else {
            snprintf(msg, sizeof msg, "cannot reconnect: %s", why);
        }
        print_above(msg);
    } else if (!strcmp(cmd, ":stop") || !strcmp(cmd, ":mute") || !strcmp(cmd, ":unmute") ||
               !strcmp(cmd, ":solo") || !strcmp(cmd, ":unsolo") || !strcmp(cmd, ":undo")) {
        if (!arg[0]) {
            print_above("which track? (:tracks lists them)");
            return;
        }
        if (!live_command(r->live, cmd + 1, arg, &err)) print_err(&err);
    } else if (!strcmp(cmd, ":meter")) {
        MeterReading m;
        if (!strcmp(arg, "on") || !strcmp(arg, "off")) {
            r->meter_on = arg[1] == 'n';
            update_prompt(r);
        } else if (arg[0] && strcmp(arg, "reset")) {
            print_above(":meter takes on, off or reset (nothing: one reading)");
        } else if (!live_meter(r->live, &m, !strcmp(arg, "reset"))) {
            print_above("no meter: libebur128 could not start one");
        } else {
            char buf[300];
            snprintf(buf, sizeof buf,
                     "momentary %.1f LUFS, short-term %.1f LUFS, integrated %.1f LUFS over %.0f s; "
                     "true peak %.1f dBTP (3 s), %.1f dBTP (most)",
                     m.momentary, m.shortterm, m.integrated, m.seconds, m.true_peak,
                     m.true_peak_max);
            print_above(buf);
        }
    } else if (!strcmp(cmd, ":record")) { /* a take of the input from the next bar */
        if (!live_command(r->live, "record", arg[0] ? arg : NULL, &err)) print_err(&err);
    } else if (!strcmp(cmd, ":jump")) { /* no section: the error lists them */
        if (!live_command(r->live, "jump", arg[0] ? arg : NULL, &err)) print_err(&err);
    } else if (!strcmp(cmd, ":tempo")) {
        if (arg[0]) {
            char code[1100];
            snprintf(code, sizeof code, "tempo %s\n", arg);
            if (!live_eval(r->live, "<repl>", code, strlen(code), ".", &err)) print_err(&err);
        } else {
            LiveStatus st;
            live_status(r->live, &st);
            char buf[64];
            snprintf(buf, sizeof buf, "%g BPM", st.bpm);
            print_above(buf);
        }
    } else if (!strcmp(cmd, ":volume")) {
        char *end;
        double v = strtod(arg, &end);
        if (!arg[0] || *end || !(v >= 0 && v <= 2))
            print_above(":volume takes a number from 0 to 2 (1: as mixed)");
        else
            live_set_volume(r->live, (float)v);
    } else if (!strcmp(cmd, ":render")) {
        if (!arg[0])
            print_above(":render FILE.wav");
        else
            render_now(r, arg);
    } else {
        char buf[128];
        snprintf(buf, sizeof buf, "unknown command %s (:help lists them)", cmd);
        print_above(buf);
    }
}

static void run_block(Repl *r, const char *text) {
    Err err = {0};
    if (!live_eval(r->live, "<repl>", text, strlen(text), ".", &err)) print_err(&err);
    flush_msgs(r);
}

static void add_line(Repl *r, const char *line) {
    size_t n = strlen(line);
    r->block = realloc(r->block, r->blen + n + 2);
    if (!r->block) abort();
    memcpy(r->block + r->blen, line, n);
    r->blen += n;
    r->block[r->blen++] = '\n';
    r->block[r->blen] = 0;
}

static void on_line_(Repl *r, char *line);

/* readline's line handler: the accepted line is done with when it returns,
 * so what is printed above the next one never redraws it again */
static void on_line(char *line) {
    in_handler = true;
    on_line_(current, line);
    in_handler = false;
}

static void on_line_(Repl *r, char *line) {
    if (!line) { /* Ctrl-D */
        r->done = true;
        printf("\n");
        return;
    }
    if (!r->block) {
        const char *p = line;
        while (*p == ' ' || *p == '\t') p++;
        if (*p == ':') {
            add_history(line);
            command(r, (char *)p);
            free(line);
            return;
        }
        if (!*p) {
            free(line);
            if (r->tour) tour_show(r, r->tour + 1); /* Enter: the tour's next step */
            return;
        }
    }
    add_line(r, line);
    free(line);
    if (depth(r->block) > 0) return; /* the block goes on */
    r->block[r->blen - 1] = 0;       /* history without the last newline */
    add_history(r->block);
    r->block[r->blen - 1] = '\n';
    run_block(r, r->block);
    free(r->block);
    r->block = NULL, r->blen = 0;
}

/* ---------------------------------------------------------------- completion */

static char **names;
static int nnames;

static void collect_names(Repl *r) {
    for (int i = 0; i < nnames; i++) free(names[i]);
    free(names);
    names = NULL, nnames = 0;
    int n;
    const NativeDef *defs = stdlib_natives(&n);
    Session *s = live_lock(r->live);
    int ng = vm_global_names(session_vm(s), NULL, 0), ncmd = 0;
    while (COMMANDS[ncmd]) ncmd++;
    names = malloc((size_t)(n + ng + ncmd) * sizeof(char *));
    if (!names) abort();
    for (int i = 0; i < n; i++) names[nnames++] = strdup(defs[i].name);
    const char **g = malloc((size_t)(ng + 1) * sizeof(char *));
    if (!g) abort();
    ng = vm_global_names(session_vm(s), g, ng);
    for (int i = 0; i < ng; i++) names[nnames++] = strdup(g[i]);
    free(g);
    live_unlock(r->live);
    for (int i = 0; COMMANDS[i]; i++) names[nnames++] = strdup(COMMANDS[i]);
}

static char *generate(const char *text, int state) {
    static int i;
    static size_t len;
    if (!state) i = 0, len = strlen(text);
    while (i < nnames) {
        const char *n = names[i++];
        if (strncmp(n, text, len) == 0) {
            /* a name may repeat (a builtin redefined): offer it once */
            bool seen = false;
            for (int k = 0; k < i - 1 && !seen; k++) seen = !strcmp(names[k], n);
            if (!seen) return strdup(n);
        }
    }
    return NULL;
}

static char **complete(const char *text, int start, int end) {
    (void)start, (void)end;
    rl_attempted_completion_over = 1; /* never file names */
    collect_names(current);
    return rl_completion_matches(text, generate);
}

/* ---------------------------------------------------------------- loop */

int repl_run(Repl *r, Live *l, const char *file, Watch *watch, double seconds) {
    current = r;
    r->live = l;
    r->file = file;
    r->seconds = seconds;
    const char *home = getenv("HOME");
    snprintf(r->history, sizeof r->history, "%s/.local/share/tala/history", home ? home : ".");
    for (char *p = r->history + 1; *p; p++) /* the folders, as mkdir -p */
        if (*p == '/') {
            *p = 0;
            mkdir(r->history, 0755);
            *p = '/';
        }
    using_history();
    read_history(r->history);
    rl_catch_signals = 0;
    rl_readline_name = "tala";
    rl_attempted_completion_function = complete;
    rl_basic_word_break_characters = " \t\n\"'`()[]{},.=+-*/<>";
    struct sigaction sa = {0};
    sa.sa_handler = on_sigint;
    sigaction(SIGINT, &sa, NULL);
    sigaction(SIGTERM, &sa, NULL);
    snprintf(r->prompt, sizeof r->prompt, "> ");
    rl_callback_handler_install(r->prompt, on_line);
    update_prompt(r);
    while (!r->done) {
        fd_set fds;
        FD_ZERO(&fds);
        FD_SET(0, &fds);
        int wfd = watch ? watch_fd(watch) : -1;
        if (wfd >= 0) FD_SET(wfd, &fds);
        struct timeval tv = {0, 100000};
        int k = select(wfd > 0 ? wfd + 1 : 1, &fds, NULL, NULL, &tv);
        if (interrupted == 2) break;
        if (interrupted) { /* Ctrl-C: the line goes, the music stays */
            interrupted = 0;
            /* on an empty line, twice in a row: leave (as node's REPL does) */
            bool empty = !r->block && rl_end == 0;
            if (empty && r->ctrl_c) {
                printf("^C\n");
                break;
            }
            r->ctrl_c = empty;
            free(r->block);
            r->block = NULL, r->blen = 0;
            rl_free_line_state();
            rl_callback_sigcleanup();
            rl_replace_line("", 0);
            printf(empty ? "^C (Ctrl-C again, Ctrl-D or :quit to leave)\n" : "^C\n");
            rl_on_new_line();
            r->prompt[0] = 0;
            update_prompt(r);
            rl_redisplay();
            continue;
        }
        if (k > 0 && FD_ISSET(0, &fds)) {
            rl_callback_read_char();
            r->ctrl_c = false; /* a key between two Ctrl-Cs: not a second one */
        }
        if (k < 0 && errno != EINTR) break;
        flush_msgs(r);
        if (k > 0 && wfd >= 0 && FD_ISSET(wfd, &fds) && watch_changed(watch) && file) {
            Err err = {0};
            if (!cli_eval_file(l, file, &err) && err.set) print_err(&err);
        }
        if (seconds > 0) {
            LiveStatus ls;
            live_status(l, &ls);
            if ((double)ls.frame >= seconds * ls.rate) break;
        }
        if (!r->done) update_prompt(r);
    }
    rl_callback_handler_remove();
    flush_msgs(r);
    write_history(r->history);
    return EXIT_OK;
}
