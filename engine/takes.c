/*
 * takes.c - recording takes of the audio input (see takes.h).
 *
 * A request lands on the bar after the horizon, like a swap. The take's
 * frame i is the input that came back when output frame start + i was
 * heard: numbered (device.c) by the output frame rendered with it, so the
 * input frame from + i with from = start + latency, the round trip from the
 * output's DAC to the input's ADC (the stream's reported input and output
 * latency, or what --input-latency says).
 */
#include "takes.h"

#include "samples.h"
#include "session_impl.h"

#include <ctype.h>
#include <dirent.h>
#include <limits.h>
#include <errno.h>
#include <sndfile.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* The record requests of the evaluation just done (the global
 * "record:requests", [name, bars] pairs), or of the record command. */
static void request(Session *s, const char *name, double bars) {
    if (s->o.replaying) return; /* the take, if one was made, is in the log */
    if (!s->o.input) {
        ses_say(s,
                "tala: warning: record(\"%s\"): there is no audio input (start tala with "
                "--input); nothing is recorded",
                name);
        return;
    }
    if (s->ntake_req == (int)(sizeof s->take_req / sizeof s->take_req[0])) {
        ses_say(s, "tala: warning: record(\"%s\"): too many takes waiting; not recorded", name);
        return;
    }
    Rat b = ses_quantize(s->horizon, rat_int(1));
    Rat e = rat_add(b, rat_from_double(bars));
    TakeRequest *q = &s->take_req[s->ntake_req++];
    snprintf(q->name, sizeof q->name, "%s", name);
    q->start = session_frame_of(s, b);
    q->frames = session_frame_of(s, e) - q->start;
    q->bars = bars;
    char at[64];
    ses_bar_text(b, at, sizeof at);
    if (!s->o.quiet)
        ses_say(s, "record %s: %g bar%s of the input from %s", name, bars, bars == 1 ? "" : "s",
                at);
}

/* A file's record() call that an earlier evaluation of the file made: saving
 * the file again (another change) does not record again. Typed in the REPL,
 * each one does. */
static bool seen_before(Session *s, const char *source, const char *name, double bars, int k) {
    if (!strcmp(source, "<repl>")) return false;
    char key[1200];
    snprintf(key, sizeof key, "%s|%s|%g|%d", source, name, bars, k);
    for (int i = 0; i < s->nrecords_seen; i++)
        if (!strcmp(s->records_seen[i], key)) return true;
    s->records_seen = realloc(s->records_seen, (size_t)(s->nrecords_seen + 1) * sizeof(char *));
    if (!s->records_seen || !(s->records_seen[s->nrecords_seen++] = strdup(key))) abort();
    return false;
}

void ses_take_requests(Session *s, const char *source) {
    Value reqs;
    if (!vm_get_global(s->vm, "record:requests", &reqs) || !IS_LIST(reqs)) return;
    for (uint32_t i = 0; i < AS_LIST(reqs)->len; i++) {
        ObjList *p = AS_LIST(AS_LIST(reqs)->items[i]);
        const char *name = AS_STRING(p->items[0])->chars;
        int k = 0; /* the same call made twice in one program: both are takes */
        for (uint32_t j = 0; j < i; j++)
            k += !strcmp(AS_STRING(AS_LIST(AS_LIST(reqs)->items[j])->items[0])->chars, name);
        if (!seen_before(s, source, name, p->items[1].as.num, k))
            request(s, name, p->items[1].as.num);
    }
    vm_set_global(s->vm, "record:requests", NIL_VAL);
}

void ses_takes_free(Session *s) {
    for (int i = 0; i < s->nrecords_seen; i++) free(s->records_seen[i]);
    free(s->records_seen);
    free(s->takes_dir);
}

bool ses_record_command(Session *s, const char *arg, Err *err) {
    char name[64] = {0};
    double bars = 1;
    int got = arg ? sscanf(arg, "%63s %lf", name, &bars) : 0;
    bool ok = got >= 1 && bars > 0 && bars <= 64;
    for (const char *c = name; ok && *c; c++)
        ok = isalnum((unsigned char)*c) || *c == '_' || *c == '-';
    if (!ok) {
        err_set(err, (SrcRef){0}, "record needs NAME [BARS], got '%s'", arg ? arg : "");
        err_hint(err, ":record vox 4 records four bars of the input as s(\"vox\")");
        return false;
    }
    request(s, name, bars);
    return true;
}

int session_take_requests(Session *s, TakeRequest *out, int max) {
    int n = s->ntake_req < max ? s->ntake_req : max;
    memcpy(out, s->take_req, (size_t)n * sizeof *out);
    memmove(s->take_req, s->take_req + n, (size_t)(s->ntake_req - n) * sizeof *out);
    s->ntake_req -= n;
    return n;
}

void take_begin(Recording *rec, const TakeRequest *q, uint64_t latency) {
    rec->req = *q;
    rec->from = q->start + latency;
    rec->l = calloc(q->frames ? q->frames : 1, sizeof(float));
    rec->r = calloc(q->frames ? q->frames : 1, sizeof(float));
    if (!rec->l || !rec->r) abort();
    rec->active = true;
}

bool take_feed(Recording *rec, uint64_t first, const float *in, size_t n) {
    uint64_t end = rec->from + rec->req.frames;
    uint64_t a = first > rec->from ? first : rec->from, b = first + n < end ? first + n : end;
    for (uint64_t f = a; f < b; f++) {
        rec->l[f - rec->from] = in[2 * (f - first)];
        rec->r[f - rec->from] = in[2 * (f - first) + 1];
    }
    if (b > a && b - rec->from > rec->reached) rec->reached = b - rec->from;
    return first + n >= end;
}

void take_end(Recording *rec) {
    free(rec->l);
    free(rec->r);
    memset(rec, 0, sizeof *rec);
}

/* Is name-N.wav a take's file? Then N. */
static int take_number(const char *file, const char *name) {
    size_t k = strlen(name);
    if (strncmp(file, name, k) || file[k] != '-' || !isdigit((unsigned char)file[k + 1])) return -1;
    char *end;
    long n = strtol(file + k + 1, &end, 10);
    return strcmp(end, ".wav") == 0 && n >= 0 && n < 100000 ? (int)n : -1;
}

/* "take AT NAME N PATH": a replay adds the take on the cycle it came. */
static void log_take(Session *s, const char *name, int n, const char *path) {
    char at[64], real[PATH_MAX];
    ses_rat_text(s->horizon, at, sizeof at);
    session_log(s, "take %s %s %d %s", at, name, n, realpath(path, real) ? real : path);
}

bool ses_take_command(Session *s, const char *arg, Err *err) {
    char name[64];
    int n, used = 0;
    if (!arg || sscanf(arg, "%63s %d %n", name, &n, &used) < 2 || !used || !arg[used]) {
        err_set(err, (SrcRef){0}, "take needs NAME N PATH, got '%s'", arg ? arg : "");
        return false;
    }
    const char *path = arg + used;
    if (s->o.safe && !ses_under_cwd(path)) {
        err_set(err, (SrcRef){0}, "take %s: %s is outside the working directory (safe mode)", name,
                path);
        return false;
    }
    Sample snd;
    char why[300];
    if (!samples_read(path, &snd, why, sizeof why)) {
        err_set(err, (SrcRef){0}, "take %s:%d: %s", name, n, why);
        err_hint(err, "the take's file is gone: s(\"%s:%d\") stays silent", name, n);
        return false;
    }
    samples_add(&s->bank, name, snd);
    for (int i = 0; i < s->ntracks; i++) s->tracks[i].cpat = NULL;
    return true;
}

int session_add_take(Session *s, const char *name, float *l, float *r, uint64_t frames, char *path,
                     size_t pn, char *why, size_t wn) {
    float *planes = malloc(2 * (frames ? frames : 1) * sizeof(float));
    if (!planes) abort();
    memcpy(planes, l, frames * sizeof(float));
    memcpy(planes + frames, r, frames * sizeof(float));
    Sample snd = {
        .data = planes, .right = planes + frames, .frames = (uint32_t)frames, .rate = s->o.rate};
    int n = samples_add(&s->bank, name, snd);
    for (int i = 0; i < s->ntracks; i++) s->tracks[i].cpat = NULL; /* it plays from here on */
    char dir[1100];
    snprintf(dir, sizeof dir, "%s/takes", s->takes_dir ? s->takes_dir : ".");
    snprintf(path, pn, "%s/%s-%d.wav", dir, name, n);
    if (s->o.safe && !ses_under_cwd(s->takes_dir ? s->takes_dir : ".")) {
        snprintf(why, wn, "safe mode keeps takes only under the working directory (not saved)");
        return -1;
    }
    if (mkdir(dir, 0777) != 0 && errno != EEXIST) {
        snprintf(why, wn, "cannot make %s: %s", dir, strerror(errno));
        return -1;
    }
    if (s->o.safe && !ses_under_cwd(dir)) { /* (a link out of here) */
        snprintf(why, wn, "safe mode keeps takes only under the working directory (not saved)");
        return -1;
    }
    struct stat st;
    for (int k = n; lstat(path, &st) == 0; k++) /* never over an earlier take (or a link) */
        snprintf(path, pn, "%s/%s-%d.wav", dir, name, k + 1);
    char swhy[300];
    SNDFILE *sf = engine_sound_open(path, s->o.rate, "wav", 0, swhy, sizeof swhy);
    if (!sf) {
        snprintf(why, wn, "%s", swhy);
        return -1;
    }
    float buf[2 * 1024];
    bool ok = true;
    for (uint64_t i = 0; i < frames && ok; i += 1024) {
        uint64_t k = frames - i < 1024 ? frames - i : 1024;
        for (uint64_t j = 0; j < k; j++) buf[2 * j] = l[i + j], buf[2 * j + 1] = r[i + j];
        ok = sf_writef_float(sf, buf, (sf_count_t)k) == (sf_count_t)k;
    }
    if (!engine_sound_close(sf, path) || !ok) {
        snprintf(why, wn, "cannot write %s (is the disk full?)", path);
        return -1;
    }
    log_take(s, name, n, path);
    return n;
}

typedef struct {
    char name[64];
    int n;
    char *file;
} FoundTake;

static int found_cmp(const void *a, const void *b) {
    const FoundTake *x = a, *y = b;
    int c = strcmp(x->name, y->name);
    return c ? c : (x->n > y->n) - (x->n < y->n);
}

void ses_load_takes(Session *s, const char *base) {
    if (!s->takes_dir) s->takes_dir = strdup(base ? base : ".");
    char dir[1100];
    snprintf(dir, sizeof dir, "%s/takes", base ? base : ".");
    if (s->takes_loaded || s->o.replaying) return; /* (a replay's come from its log) */
    if (s->o.safe && !ses_under_cwd(dir)) return;  /* safe mode: files from here down only */
    s->takes_loaded = true;
    DIR *d = opendir(dir);
    if (!d) return;
    /* NAME-N.wav, each name's takes in the order of N (a missing number closes up) */
    FoundTake *files = NULL;
    int nf = 0;
    for (struct dirent *e; (e = readdir(d));) {
        size_t len = strlen(e->d_name);
        const char *dash = strrchr(e->d_name, '-');
        if (e->d_name[0] == '.' || len < 7 || !dash || dash == e->d_name || dash - e->d_name > 63 ||
            strcmp(e->d_name + len - 4, ".wav"))
            continue;
        FoundTake f = {.file = NULL};
        snprintf(f.name, sizeof f.name, "%.*s", (int)(dash - e->d_name), e->d_name);
        if ((f.n = take_number(e->d_name, f.name)) < 0) continue;
        files = realloc(files, (size_t)(nf + 1) * sizeof *files);
        if (!files || !(f.file = strdup(e->d_name))) abort();
        files[nf++] = f;
    }
    closedir(d);
    if (nf) qsort(files, (size_t)nf, sizeof *files, found_cmp); /* (none: files is NULL) */
    for (int i = 0; i < nf; i++) {
        char path[1400], why[200];
        snprintf(path, sizeof path, "%s/%s", dir, files[i].file);
        Sample snd;
        if (samples_read(path, &snd, why, sizeof why))
            log_take(s, files[i].name, samples_add(&s->bank, files[i].name, snd), path);
        else
            ses_say(s, "tala: warning: cannot read the take %s: %s", path, why);
    }
    for (int i = 0; i < nf; i++) free(files[i].file);
    free(files);
}
