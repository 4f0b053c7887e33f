/*
 * script.c - reads a session log back (tala replay, scripted renders).
 *
 * A log is lines of records; an evaluation's source follows its header
 * line, so a block's text is kept byte for byte whatever it contains:
 *
 *   tala-session 1
 *   opts rate 48000 voices 2048 tempo 120
 *   samples DIR                       (the --samples folder, if any)
 *   safe                              (it ran in safe mode: so does a replay)
 *   base DIR                          (samples("dir") in what follows is relative to DIR)
 *   library PACKAGE VERSION           (a package of the sound library played: sonic-pi-samples,
 *                                      hydrogen-drumkits, fluid-soundfont-gm)
 *   eval AT LINES WALLTIME NAME       then LINES lines of source
 *   cmd AT hush | stop T | mute T | unmute T | solo T | unsolo T | undo T | cc CH NUM VAL
 *   key AT FRAME CH KEY VEL           (a key played on a --midi-in keyboard, sounding on
 *                                      FRAME; velocity 0: let go)
 *   late FRAME PLAYED TRACK SEED KIND (an event the audio side got after its frame,
 *                                      taken on PLAYED instead; a replay does the same)
 *   at FRAME                          (progress, every second of a live run: a
 *                                      log cut by a crash still says how far it got)
 *   end FRAME                         (the frame the performance stopped on;
 *                                      at most a day of audio)
 *
 * A log cut inside a block (kill -9, a full disk) is read up to the block:
 * everything complete before the cut replays, and cut_line says where.
 *
 * AT is the exact cycle of the scheduling horizon when it happened ("17",
 * "133/4"). Lines starting with '#' are comments. Unknown records are
 * skipped, so later versions can add inputs (MIDI in, tempo sync).
 */
#include "engine.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static bool parse_at(const char *s, Rat *at, const char **rest) {
    size_t n = rat_parse(s, strlen(s), at);
    if (!n || !rat_ok(*at) || rat_lt(*at, rat_int(0))) return false;
    *rest = s + n;
    return **rest == ' ' || **rest == 0;
}

static char *dup_line(const char *s) {
    char *d = strdup(s);
    if (!d) abort();
    size_t n = strlen(d);
    while (n && (d[n - 1] == '\n' || d[n - 1] == '\r')) d[--n] = 0;
    return d;
}

/* A new item at cycle `at`, zeroed; NULL (err set) when it goes back in
 * time. */
static ScriptItem *append(Script *out, Rat at, const char *path, int lineno, Err *err) {
    if (out->n && rat_lt(at, out->items[out->n - 1].at)) {
        err_set(err, (SrcRef){0}, "%s:%d: records go back in time", path, lineno);
        return NULL;
    }
    out->items = realloc(out->items, (size_t)(out->n + 1) * sizeof *out->items);
    if (!out->items) abort();
    ScriptItem *it = &out->items[out->n++];
    memset(it, 0, sizeof *it);
    it->at = at;
    return it;
}

bool script_load(const char *path, Script *out, Err *err) {
    memset(out, 0, sizeof *out);
    out->rate = 48000, out->tempo = 120, out->voices = 2048;
    FILE *f = fopen(path, "r");
    if (!f) {
        err_set(err, (SrcRef){0}, "cannot read %s", path);
        return false;
    }
    char *line = NULL, *base = NULL;
    size_t cap = 0;
    int lineno = 0;
    bool ok = true, header = false;
    for (ssize_t got; ok && (got = getline(&line, &cap, f)) > 0;) {
        lineno++;
        if (line[got - 1] != '\n' && header) { /* a record cut short as it was written */
            out->cut_line = lineno;
            break;
        }
        const char *rest;
        Rat at;
        if (line[0] == '#' || line[0] == '\n') continue;
        if (!header) {
            if (strncmp(line, "tala-session ", 13) != 0) {
                err_set(err, (SrcRef){0}, "%s:%d: not a tala session log", path, lineno);
                err_hint(err, "a log starts with the line: tala-session 1");
                ok = false;
            } else if (strcmp(line + 13, "1\n") != 0 && strcmp(line + 13, "1") != 0) {
                err_set(err, (SrcRef){0}, "%s:%d: a session log of another version (%.20s)", path,
                        lineno, strtok(line + 13, "\r\n"));
                err_hint(err, "this tala reads version 1 (the line: tala-session 1)");
                ok = false;
            }
            header = true;
            continue;
        }
        if (!strncmp(line, "opts ", 5)) {
            double r = 0, t = 0;
            int v = 0;
            if (sscanf(line, "opts rate %lf voices %d tempo %lf", &r, &v, &t) == 3 && r >= 8000 &&
                r <= 384000 && v > 0 && v <= 100000 && t > 0 && t <= 10000) {
                out->rate = r, out->voices = v, out->tempo = t;
            } else {
                err_set(err, (SrcRef){0}, "%s:%d: bad options: %s", path, lineno,
                        strtok(line, "\r\n"));
                err_hint(err, "expected: opts rate 8000..384000 voices 1..100000 tempo (0, 10000]");
                ok = false;
            }
        } else if (!strncmp(line, "samples ", 8)) {
            free(out->samples);
            out->samples = dup_line(line + 8);
        } else if (!strncmp(line, "library ", 8)) {
            if (out->nlibraries < 4) out->libraries[out->nlibraries++] = dup_line(line + 8);
        } else if (!strncmp(line, "base ", 5)) {
            free(base);
            base = dup_line(line + 5);
        } else if (!strncmp(line, "end ", 4) || !strncmp(line, "at ", 3)) {
            /* digits only (strtoull would read "-1" as 2^64 - 1), at most a day of audio */
            bool end = line[0] == 'e';
            const char *d = line + (end ? 4 : 3);
            size_t nd = strspn(d, "0123456789");
            unsigned long long e = nd && nd <= 15 ? strtoull(d, NULL, 10) : 0;
            if (!end && nd && nd <= 15 && e > (unsigned long long)(out->rate * 86400))
                continue; /* progress past a day: kept going, but replays stop at a day */
            if (!nd || nd > 15 || (d[nd] && d[nd] != '\n' && d[nd] != '\r') ||
                e > (unsigned long long)(out->rate * 86400)) {
                err_set(err, (SrcRef){0}, "%s:%d: bad %s record: %s", path, lineno,
                        end ? "end" : "progress", strtok(line, "\r\n"));
                err_hint(err, "expected: %s FRAME, a frame number of at most a day of audio",
                         end ? "end" : "at");
                ok = false;
                break;
            }
            if (!end) {
                if (e > out->reached) out->reached = e;
                continue;
            }
            out->end = e;
        } else if (!strncmp(line, "late ", 5)) {
            unsigned long long due, played;
            int t, kind = AEV_NOTE;
            unsigned sd;
            if (sscanf(line + 5, "%llu %llu %d %u %d", &due, &played, &t, &sd, &kind) >= 4) {
                out->lates = realloc(out->lates, (size_t)(out->nlates + 1) * sizeof *out->lates);
                if (!out->lates) abort();
                out->lates[out->nlates++] = (LateNote){due, played, (int16_t)t, sd, (uint8_t)kind};
            }
        } else if (!strcmp(line, "safe\n") || !strcmp(line, "safe")) {
            out->safe = true;
        } else if (!strncmp(line, "key ", 4)) {
            unsigned long long frame = 0;
            int ch = 0, num = -1, vel = -1, input = 0, used = 0, more = 0;
            bool good = parse_at(line + 4, &at, &rest) && rest[0] == ' ' && rest[1] >= '0' &&
                        rest[1] <= '9' &&
                        sscanf(rest, " %llu %d %d %d%n", &frame, &ch, &num, &vel, &used) == 4;
            if (good && sscanf(rest + used, " %d%n", &input, &more) == 1) used += more;
            good = good && (rest[used] == 0 || rest[used] == '\n' || rest[used] == '\r') &&
                   input >= 0 && input <= 3 && ch >= 1 && ch <= 16 && num >= 0 && num <= 127 &&
                   vel >= 0 && vel <= 127 && frame <= (unsigned long long)(out->rate * 86400);
            if (!good) {
                err_set(err, (SrcRef){0},
                        "%s:%d: expected: key AT FRAME CHANNEL KEY VELOCITY [INPUT]", path, lineno);
                ok = false;
                break;
            }
            ScriptItem *it = append(out, at, path, lineno, err);
            if (!it) {
                ok = false;
                break;
            }
            *it = (ScriptItem){.at = at, /* (append zeroed it) */
                               .key = true,
                               .key_frame = frame,
                               .key_input = input,
                               .key_channel = ch,
                               .key_number = num,
                               .key_velocity = vel};
        } else if (!strncmp(line, "eval ", 5) || !strncmp(line, "cmd ", 4) ||
                   !strncmp(line, "take ", 5)) {
            /* a take ("take AT NAME N PATH") is a command: "take NAME N PATH" */
            bool take = line[0] == 't', cmd = line[0] == 'c' || take;
            if (!parse_at(line + (cmd && !take ? 4 : 5), &at, &rest)) {
                err_set(err, (SrcRef){0}, "%s:%d: expected a cycle after '%s'", path, lineno,
                        cmd ? "cmd" : "eval");
                ok = false;
                break;
            }
            ScriptItem *it = append(out, at, path, lineno, err);
            if (!it) {
                ok = false;
                break;
            }
            it->cmd = cmd;
            it->base = base ? strdup(base) : NULL;
            if (cmd) {
                char *text = dup_line(rest + (*rest == ' '));
                if (take) { /* the command's name in front */
                    size_t k = strlen(text);
                    it->text = malloc(k + 6);
                    if (!it->text) abort();
                    memcpy(it->text, "take ", 5);
                    memcpy(it->text + 5, text, k + 1);
                    free(text);
                } else {
                    it->text = text;
                }
                it->len = strlen(it->text);
                continue;
            }
            int lines = 0, used = 0;
            char when[64] = "", name[512] = "";
            if (sscanf(rest, " %d %63s %n", &lines, when, &used) < 2 || lines < 0) {
                err_set(err, (SrcRef){0}, "%s:%d: expected: eval AT LINES WALLTIME NAME", path,
                        lineno);
                ok = false;
                break;
            }
            snprintf(name, sizeof name, "%s", rest + used);
            it->name = dup_line(name[0] ? name : "<session>");
            char *text = NULL;
            size_t len = 0;
            FILE *m = open_memstream(&text, &len);
            if (!m) abort();
            int header_line = lineno;
            bool cut = false;
            for (int k = 0; k < lines; k++) {
                ssize_t n = getline(&line, &cap, f);
                if (n <= 0 || (k == lines - 1 && line[n - 1] != '\n')) {
                    cut = true; /* the block, or its last line, was cut short */
                    break;
                }
                lineno++;
                fwrite(line, 1, (size_t)n, m);
            }
            fclose(m);
            it->text = text;
            it->len = len;
            if (cut) { /* the block was being written when the log stopped: not replayed */
                out->cut_line = header_line;
                free(it->name);
                free(it->text);
                free(it->base);
                out->n--;
                break;
            }
        }
    }
    if (ok && !header) {
        err_set(err, (SrcRef){0}, "%s: empty, not a tala session log", path);
        ok = false;
    }
    free(line);
    free(base);
    fclose(f);
    if (!ok) script_free(out);
    return ok;
}

void script_free(Script *sc) {
    for (int i = 0; i < sc->n; i++) {
        free(sc->items[i].name);
        free(sc->items[i].text);
        free(sc->items[i].base);
    }
    free(sc->items);
    free(sc->samples);
    free(sc->lates);
    for (int i = 0; i < sc->nlibraries; i++) free(sc->libraries[i]);
    memset(sc, 0, sizeof *sc);
}
