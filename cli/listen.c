/*
 * listen.c - the OSC door to a running performance (see listen.h) and
 * `tala send`, the one command an editor needs.
 *
 * The listener's thread hands each message to the control thread through
 * live_eval and live_command (which wait for its answer), so the VM keeps
 * its one owner; every change is in the session log like a typed one.
 */
#define _GNU_SOURCE
#include "listen.h"

#include "cli.h"

#include "../io/osc.h"

#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

struct Listen {
    Live *live;
    OscListener *osc;
    void (*say)(void *, const char *);
    void *ud;
};

static void reply(OscPeer *to, bool ok, const char *text) {
    OscArg a[2] = {{.type = 's', .str = ok ? "ok" : "error"}, {.type = 's', .str = text}};
    osc_reply(to, "/tala/reply", "ss", a);
}

/* The error as text; a block's "<repl>:" is named as the editor named it. */
static void reply_err_as(Listen *ls, OscPeer *to, const Err *err, const char *name) {
    char *text = err_text(err);
    size_t k = strlen("<repl>:");
    if (name && !strncmp(text, "<repl>:", k)) {
        char *named = malloc(strlen(name) + strlen(text) + 1);
        if (!named) abort();
        sprintf(named, "%s:%s", name, text + k);
        free(text);
        text = named;
    }
    reply(to, false, text);
    ls->say(ls->ud, text); /* the performer sees it too */
    free(text);
}

static void reply_err(Listen *ls, OscPeer *to, const Err *err) {
    reply_err_as(ls, to, err, NULL);
}

/* "3:2 120 BPM cpu 4% xruns 0 [link 1 peer] | drums bass(m) keys(s)" */
static void status_line(Live *l, char *out, size_t n) {
    LiveStatus st;
    live_status(l, &st);
    double beat = st.cycle * 4;
    int peers = live_link_peers(l);
    char link[32] = "";
    if (peers >= 0) snprintf(link, sizeof link, " link %d peer%s", peers, peers == 1 ? "" : "s");
    int used = snprintf(out, n, "%lld:%lld %g BPM cpu %.0f%% xruns %lu%s |",
                        (long long)floor(st.cycle) + 1, (long long)floor(fmod(beat, 4)) + 1, st.bpm,
                        st.device.cpu * 100, st.device.xruns, link);
    for (int t = 0; t < st.ntracks && used > 0 && (size_t)used < n; t++) {
        const TrackInfo *ti = &st.tracks[t];
        if (!ti->playing && !ti->pending) continue;
        used += snprintf(out + used, n - (size_t)used, " %s%s%s", ti->name, ti->mute ? "(m)" : "",
                         ti->solo ? "(s)" : "");
    }
}

static bool types_are(const OscMsg *m, const char *want) {
    return strcmp(m->types, want) == 0;
}

/* /tala/eval s [s FILE [i LINE]]: a block, evaluated as one typed at the
 * REPL is (and logged so: a replay does the same); with the file and the
 * block's first line, errors are positioned in the file as the editor shows
 * it. */
static void eval(Listen *ls, const OscMsg *m, OscPeer *from) {
    const char *code = m->argv[0].str, *name = m->argc > 1 ? m->argv[1].str : NULL;
    double line = m->argc > 2 ? m->argv[2].num : 1;
    if (!(line >= 1 && line <= 1e6)) line = 1;
    size_t pad = (size_t)line - 1, len = strlen(code);
    char *text = malloc(pad + len + 1);
    if (!text) abort();
    memset(text, '\n', pad); /* the lines before the block: positions as in the file */
    memcpy(text + pad, code, len + 1);
    char base[1024];
    cli_folder_of(name ? name : "./x", base, sizeof base);
    Err err = {0};
    if (live_eval(ls->live, "<repl>", text, pad + len, base, &err))
        reply(from, true, "");
    else
        reply_err_as(ls, from, &err, name);
    free(text);
}

/* Argument i is a number (OSC's int, float, double or 64-bit int). */
static bool number(const OscMsg *m, int i) {
    return i < m->argc && strchr("ifdh", m->types[i]);
}

static void on_message(void *ud, const OscMsg *m, OscPeer *from) {
    Listen *ls = ud;
    Err err = {0};
    char text[600];
    /* answers (another tala's, a loop back) and what is not for tala: not answered */
    if (strncmp(m->path, "/tala/", 6) != 0 || !strcmp(m->path, "/tala/reply")) return;
    if (!strcmp(m->path, "/tala/eval") &&
        (types_are(m, "s") || types_are(m, "ss") || types_are(m, "ssi") || types_are(m, "ssf"))) {
        eval(ls, m, from);
    } else if (!strcmp(m->path, "/tala/hush") && m->argc == 0) {
        if (live_command(ls->live, "hush", NULL, &err))
            reply(from, true, "");
        else
            reply_err(ls, from, &err);
    } else if (!strcmp(m->path, "/tala/tempo") && m->argc == 1 && number(m, 0) &&
               m->argv[0].num >= 1 && m->argv[0].num <= 1000) {
        /* as typed: `tempo N` takes effect from the next bar and is logged (a float's
         * digits, not its binary tail) */
        snprintf(text, sizeof text, m->types[0] == 'f' ? "tempo %.7g" : "tempo %.17g",
                 m->argv[0].num);
        if (live_eval(ls->live, "<repl>", text, strlen(text), ".", &err))
            reply(from, true, "");
        else
            reply_err(ls, from, &err);
    } else if (!strcmp(m->path, "/tala/set") && m->argc == 3 && m->argv[0].str && m->argv[1].str &&
               number(m, 2) && !strpbrk(m->argv[0].str, " \t\n") &&
               !strpbrk(m->argv[1].str, " \t\n")) {
        snprintf(text, sizeof text,
                 m->types[2] == 'f' ? "%.200s %.200s %.7g" : "%.200s %.200s %.17g", m->argv[0].str,
                 m->argv[1].str, m->argv[2].num);
        if (live_command(ls->live, "set", text, &err))
            reply(from, true, "");
        else
            reply_err(ls, from, &err);
    } else if (!strcmp(m->path, "/tala/query") && m->argc == 0) {
        status_line(ls->live, text, sizeof text);
        reply(from, true, text);
    } else {
        snprintf(text, sizeof text,
                 "%.200s with arguments '%.40s': tala answers /tala/eval s, /tala/hush, "
                 "/tala/tempo f, /tala/set s s f, /tala/query",
                 m->path, m->types);
        reply(from, false, text);
    }
}

static void warn(void *ud, const char *text) {
    Listen *ls = ud;
    ls->say(ls->ud, text);
}

Listen *listen_open(Live *l, const char *spec, void (*say)(void *, const char *), void *ud,
                    char *why, size_t n) {
    Listen *ls = calloc(1, sizeof *ls);
    if (!ls) abort();
    ls->live = l, ls->say = say, ls->ud = ud;
    ls->osc = osc_listen(spec, on_message, warn, ls, why, n);
    if (!ls->osc) {
        free(ls);
        return NULL;
    }
    return ls;
}

void listen_close(Listen *ls) {
    if (!ls) return;
    osc_listener_close(ls->osc);
    free(ls);
}

const char *listen_where(const Listen *ls) {
    return osc_listener_where(ls->osc);
}

/* ------------------------------------------------------------ tala send */

typedef struct {
    bool ok;
    char *text;
} Answer;

static void answered(void *ud, const OscMsg *m, OscPeer *from) {
    (void)from;
    Answer *a = ud;
    if (!strcmp(m->path, "/tala/reply") && m->argc >= 2 && m->argv[0].str && m->argv[1].str) {
        a->ok = !strcmp(m->argv[0].str, "ok");
        a->text = strdup(m->argv[1].str);
    } else {
        a->ok = false;
        a->text = strdup("an answer that is not /tala/reply");
    }
}

/* The block around line `at` (1-based) of text: the lines from the blank line
 * (or start) before it to the blank line (or end) after it, as the REPL's
 * paragraphs; *first is its first line. */
static void block_around(char *text, long at, char **start, size_t *len, long *first) {
    long line = 1, from = 1;
    char *p = text, *bstart = text;
    char *lstart = text;
    bool found = false;
    while (*lstart) {
        char *eol = strchr(lstart, '\n');
        char *next = eol ? eol + 1 : lstart + strlen(lstart);
        bool blank = true;
        for (char *c = lstart; c < (eol ? eol : next); c++)
            if (*c != ' ' && *c != '\t' && *c != '\r') blank = false;
        if (blank) {
            if (found) break;
            bstart = next, from = line + 1;
        }
        if (line == at) found = !blank;
        p = next;
        lstart = next;
        line++;
    }
    if (!found) { /* a blank line, or past the end: nothing */
        *start = text, *len = 0, *first = at;
        return;
    }
    *start = bstart, *len = (size_t)(p - bstart), *first = from;
}

static const char SEND_USAGE[] =
    "usage: tala send [--port [ADDR:]PORT] [--timeout S] [--line N] [FILE|-]\n"
    "       tala send [--port [ADDR:]PORT] --as FILE:LINE -   (stdin is FILE's from LINE on)\n"
    "       tala send [--port [ADDR:]PORT] --hush | --tempo BPM | --set TRACK PARAM VALUE |\n"
    "                 --query\n";

/* Asks and prints the answer: 0 ok, 1 an error answered, 3 no answer. */
static int ask(const char *where, const char *path, const char *types, const OscArg *args,
               double timeout) {
    Answer a = {0};
    char why[400];
    if (!osc_ask(where, path, types, args, timeout, answered, &a, why, sizeof why)) {
        fprintf(stderr, "tala send: %s\n", why);
        return EXIT_ENV;
    }
    if (a.text[0]) fprintf(a.ok ? stdout : stderr, "%s\n", a.text);
    if (a.ok && !a.text[0]) printf("ok\n");
    free(a.text);
    return a.ok ? EXIT_OK : EXIT_USER;
}

int cli_send(int argc, char **argv) {
    const char *where = getenv("TALA_PORT") ? getenv("TALA_PORT") : "7770", *file = NULL;
    double line = 0, timeout = 5, bpm = 0;
    const char *path = "/tala/eval", *types = "ssi", *as = NULL;
    long as_line = 1;
    OscArg args[3] = {{0}};
    for (int i = 0; i < argc; i++) {
        const char *k = argv[i], *v = i + 1 < argc ? argv[i + 1] : NULL;
        if (!strcmp(k, "--port") && v) {
            where = argv[++i];
        } else if (!strcmp(k, "--line")) {
            if (!cli_num_arg(k, v, 1, 1e6, &line)) return EXIT_USAGE;
            i++;
        } else if (!strcmp(k, "--timeout")) {
            if (!cli_num_arg(k, v, 0.1, 600, &timeout)) return EXIT_USAGE;
            i++;
        } else if (!strcmp(k, "--as") && v) { /* an editor's unsaved block: where it is */
            const char *colon = strrchr(v, ':');
            char *end;
            as_line = colon ? strtol(colon + 1, &end, 10) : 0;
            if (!colon || colon == v || *end || as_line < 1 || as_line > 1000000) {
                fprintf(stderr,
                        "tala send: --as takes FILE:LINE (the block's first line), got '%s'\n", v);
                return EXIT_USAGE;
            }
            as = argv[++i];
        } else if (!strcmp(k, "--hush") || !strcmp(k, "--query")) {
            path = k[2] == 'h' ? "/tala/hush" : "/tala/query", types = "";
        } else if (!strcmp(k, "--tempo")) {
            if (!cli_num_arg(k, v, 1, 1000, &bpm)) return EXIT_USAGE;
            path = "/tala/tempo", types = "d", args[0] = (OscArg){.type = 'd', .num = bpm};
            i++;
        } else if (!strcmp(k, "--set") && i + 3 < argc) {
            char *end;
            double x = strtod(argv[i + 3], &end);
            if (*end || end == argv[i + 3]) {
                fprintf(stderr, "tala send: --set TRACK PARAM VALUE: '%s' is not a number\n",
                        argv[i + 3]);
                return EXIT_USAGE;
            }
            path = "/tala/set", types = "ssd";
            args[0] = (OscArg){.type = 's', .str = argv[i + 1]};
            args[1] = (OscArg){.type = 's', .str = argv[i + 2]};
            args[2] = (OscArg){.type = 'd', .num = x};
            i += 3;
        } else if ((k[0] == '-' && k[1]) || file) {
            fputs(SEND_USAGE, stderr);
            return EXIT_USAGE;
        } else {
            file = k;
        }
    }
    if (as && line > 0) {
        fprintf(stderr, "tala send: --as names where stdin's block is; --line picks one in a "
                        "FILE: one or the other\n");
        return EXIT_USAGE;
    }
    if (strcmp(path, "/tala/eval") != 0) {
        if (file || line > 0) {
            fputs(SEND_USAGE, stderr);
            return EXIT_USAGE;
        }
        return ask(where, path, types, args, timeout);
    }
    size_t len = 0;
    char *text;
    if (!file || !strcmp(file, "-")) {
        size_t cap = 4096;
        text = malloc(cap);
        if (!text) abort();
        size_t got;
        while ((got = fread(text + len, 1, cap - len - 1, stdin)) > 0 && len < CLI_MAX_SOURCE)
            if ((len += got) + 1 == cap && !(text = realloc(text, cap *= 2))) abort();
        text[len] = 0;
        if (len >= CLI_MAX_SOURCE || strlen(text) != len) {
            fprintf(stderr, "tala send: stdin is not tala code (%s)\n",
                    len >= CLI_MAX_SOURCE ? "over 4 MiB" : "a NUL byte in it");
            free(text);
            return EXIT_USER;
        }
    } else if (!(text = cli_read_file(file, &len))) {
        return EXIT_USER; /* cli_read_file said why */
    }
    char *block = text;
    long first = 1;
    if (line > 0) {
        block_around(text, (long)line, &block, &len, &first);
        if (!len) {
            fprintf(stderr, "tala send: line %.0f of %s is blank or past its end: no block there\n",
                    line, file ? file : "<stdin>");
            free(text);
            return EXIT_USER;
        }
    }
    char *code = strndup(block, len);
    if (!code) abort();
    char abs[PATH_MAX], asname[PATH_MAX];
    const char *name = file && strcmp(file, "-") ? (realpath(file, abs) ? abs : file) : "<stdin>";
    if (as) { /* FILE:LINE: the name as given (the editor's), the line the block starts on */
        snprintf(asname, sizeof asname, "%.*s", (int)(strrchr(as, ':') - as), as);
        name = asname, first = as_line;
    }
    args[0] = (OscArg){.type = 's', .str = code};
    args[1] = (OscArg){.type = 's', .str = name};
    args[2] = (OscArg){.type = 'i', .num = (double)first};
    int status = ask(where, path, types, args, timeout);
    free(code);
    free(text);
    return status;
}
