/*
 * util.c - small helpers the subcommands share: reading a file, a number
 * option, a file's folder.
 */
#include "cli.h"

#include "../engine/session.h"
#include "../vm/vm.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

bool cli_num_arg(const char *opt, const char *v, double lo, double hi, double *out) {
    char *end;
    double x = v ? strtod(v, &end) : 0;
    if (!v || *end || !(x >= lo && x <= hi)) {
        fprintf(stderr, "tala: %s needs a number between %g and %g\n", opt, lo, hi);
        return false;
    }
    *out = x;
    return true;
}

void cli_folder_of(const char *file, char *out, size_t n) {
    snprintf(out, n, "%s", file);
    char *slash = strrchr(out, '/');
    if (slash)
        *slash = 0;
    else
        snprintf(out, n, ".");
}

char *cli_read_file(const char *path, size_t *len) {
    FILE *f = fopen(path, "rb");
    struct stat st;
    if (!f || fstat(fileno(f), &st) != 0) {
        fprintf(stderr, "tala: cannot read %s: %s\n", path, strerror(errno));
        if (f) fclose(f);
        return NULL;
    }
    if (!S_ISREG(st.st_mode)) {
        fprintf(stderr, "tala: cannot read %s: %s\n", path,
                S_ISDIR(st.st_mode) ? "it is a folder, not a file" : "not a regular file");
        fclose(f);
        return NULL;
    }
    if (st.st_size > CLI_MAX_SOURCE) {
        fprintf(stderr, "tala: %s is too large for a source (%lld bytes; at most %d)\n", path,
                (long long)st.st_size, CLI_MAX_SOURCE);
        fclose(f);
        return NULL;
    }
    size_t cap = (size_t)st.st_size + 1, n = 0; /* + 1: the NUL, and a read that sees the end */
    char *buf = malloc(cap);
    for (size_t got; buf && n < cap - 1 && (got = fread(buf + n, 1, cap - 1 - n, f)) > 0;) n += got;
    bool err = ferror(f);
    fclose(f);
    if (!buf || err) {
        fprintf(stderr, "tala: cannot read %s: %s\n", path,
                buf ? strerror(errno) : "out of memory");
        free(buf);
        return NULL;
    }
    buf[n] = 0; /* a NUL after the text, so scanning it can never run off its end */
    if (memchr(buf, 0, n)) {
        fprintf(stderr, "%s: not a text file (it contains NUL bytes)\n", path);
        free(buf);
        return NULL;
    }
    *len = n;
    return buf;
}

/* DESIGN.md: the argument is a tala expression if it contains '"' or starts
 * with a defined name directly followed by '(' or '.'; otherwise it is
 * mini-notation ("bd sn", "bd(3,8)", "3/2", "[0, 4]", "saw"). */
bool cli_is_expression(Vm *vm, const char *text) {
    if (strchr(text, '"')) return true;
    const char *p = text;
    while (*p == ' ' || *p == '\t' || *p == '\n') p++;
    const char *b = p;
    while ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
           *p == '_')
        p++;
    if (p == b || (*b >= '0' && *b <= '9')) return false;
    return (*p == '(' || *p == '.') && vm_is_defined(vm, b, (size_t)(p - b));
}

ObjPattern *cli_program_pattern(Session *s, int *ntracks) {
    ObjPattern *pats[AUDIO_MAX_TRACKS];
    int n = session_patterns(s, pats, AUDIO_MAX_TRACKS);
    Heap *h = vm_heap(session_vm(s));
    *ntracks = n;
    return n ? pat_stack(h, pats, (unsigned)n) : pat_silence(h);
}

Session *cli_offline_session(const char *path, int *status) {
    size_t len;
    char *text = cli_read_file(path, &len);
    *status = EXIT_USER;
    if (!text) return NULL;
    char base[1024];
    cli_folder_of(path, base, sizeof base);
    SessionOpts so = {
        .rate = 48000, .voices = 64, .quiet = true, .samples_listed = true, .safe = cli_safe};
    Err err = {0};
    Session *s = session_new(&so, &err);
    if (!s) {
        *status = EXIT_ENV;
    } else if (!session_eval(s, path, text, len, base, &err)) {
        err_print(stderr, &err); /* before the session (and its sources) go */
        session_free(s);
        s = NULL;
    } else {
        *status = EXIT_OK;
    }
    if (!s && *status == EXIT_ENV) err_print(stderr, &err);
    free(text); /* (the session keeps its own copy of the source) */
    return s;
}
