/*
 * query.c - `tala query [--cycles A:B] PATTERN`: the conformance contract;
 * `tala query --file FILE`: the same for a whole program, its tracks merged.
 *
 * Prints one line per event whose whole begins in [A, B) and whose part
 * begins with it: "BEGIN END VALUE", times as reduced fractions, sorted by
 * begin, end, then value bytes (../shared/conformance/README.md).
 */
#include "cli.h"

#include "../lang/mini.h"
#include "../vm/heap.h"
#include "../vm/pattern.h"
#include "../vm/vm.h"
#include "../stdlib/lib.h"
#include "../lang/eval.h"
#include "../stdlib/stdlib.h"
#include "../engine/session.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    Rat begin, end;
    char *text; /* "BEGIN END VALUE" */
    size_t vat; /* where VALUE starts in text */
} Line;

static int line_cmp(const void *a, const void *b) {
    const Line *x = a, *y = b;
    int c = rat_cmp(x->begin, y->begin);
    if (!c) c = rat_cmp(x->end, y->end);
    if (!c) c = strcmp(x->text + x->vat, y->text + y->vat);
    return c;
}

/* "A:B" with A < B, each an integer or n/d with optional '-'. */
static bool parse_cycles(const char *s, Rat *a, Rat *b) {
    const char *colon = strchr(s, ':');
    if (!colon) return false;
    size_t la = (size_t)(colon - s), lb = strlen(colon + 1);
    if (la == 0 || lb == 0) return false;
    if (rat_parse(s, la, a) != la || rat_parse(colon + 1, lb, b) != lb) return false;
    return rat_ok(*a) && rat_ok(*b) && rat_lt(*a, *b);
}

/* Prints the onsets of pat in [a, b) in the canonical format; false (said)
 * when the query fails. */
static bool print_events(Vm *vm, ObjPattern *pat, Rat a, Rat b) {
    Heap *h = vm_heap(vm);
    Err err = {0};
    bool ok = true;
    heap_push(h, OBJ_VAL(pat));
    EvBuf ev;
    evbuf_init(&ev, h);
    Query *q = vm_query(vm);
    q->err = &err;
    if (!pat_events(q, pat, a, b, true, &ev)) {
        err_print(stderr, &err);
        ok = false;
    } else {
        Line *lines = calloc(ev.len ? ev.len : 1, sizeof *lines);
        char vbuf[512];
        for (size_t i = 0; i < ev.len; i++) {
            char bs[48], es[48];
            rat_format(ev.ev[i].whole.begin, bs, sizeof bs);
            rat_format(ev.ev[i].whole.end, es, sizeof es);
            size_t vl = val_format(ev.ev[i].value, vbuf, sizeof vbuf);
            char *big = NULL;
            const char *v = vbuf;
            if (vl >= sizeof vbuf) {
                big = malloc(vl + 1);
                val_format(ev.ev[i].value, big, vl + 1);
                v = big;
            }
            size_t n = strlen(bs) + strlen(es) + vl + 3;
            lines[i].text = malloc(n);
            snprintf(lines[i].text, n, "%s %s %s", bs, es, v);
            lines[i].vat = strlen(bs) + strlen(es) + 2;
            lines[i].begin = ev.ev[i].whole.begin;
            lines[i].end = ev.ev[i].whole.end;
            free(big);
        }
        qsort(lines, ev.len, sizeof *lines, line_cmp);
        for (size_t i = 0; i < ev.len; i++) {
            fputs(lines[i].text, stdout);
            fputc('\n', stdout);
            free(lines[i].text);
        }
        free(lines);
    }
    evbuf_free(&ev);
    heap_pop(h, 1);
    return ok;
}

/* tala query --file FILE: the program evaluated as a session does (its
 * tracks, samples listed, nothing played), and the events of every track
 * that plays, merged; its tempo as cycles a second on stderr ("# cps X", as
 * ../shared/oracle prints a tune's). */
static int query_file(const char *path, Rat a, Rat b) {
    int status;
    Session *s = cli_offline_session(path, &status);
    if (!s) return status;
    int n;
    ObjPattern *all = cli_program_pattern(s, &n);
    fprintf(stderr, "# cps %.17g\n", session_bpm(s) / 240);
    if (!print_events(session_vm(s), all, a, b)) status = EXIT_USER;
    session_free(s);
    return status;
}

int cli_query(int argc, char **argv) {
    Rat a = rat_int(0), b = rat_int(4);
    const char *pattern = NULL, *file = NULL;
    for (int i = 0; i < argc; i++) {
        const char *arg = argv[i];
        const char *val = NULL;
        if (strcmp(arg, "--cycles") == 0) {
            if (i + 1 >= argc) {
                fprintf(stderr, "tala query: --cycles needs a range like 0:4\n");
                return EXIT_USAGE;
            }
            val = argv[++i];
        } else if (strncmp(arg, "--cycles=", 9) == 0) {
            val = arg + 9;
        } else if (strcmp(arg, "--file") == 0 && i + 1 < argc && !file) {
            file = argv[++i];
            continue;
        } else if (strcmp(arg, "--") == 0 && i + 1 < argc && !pattern) {
            pattern = argv[++i]; /* everything after -- is the pattern */
            continue;
        } else if (arg[0] == '-' && arg[1] == '-' && isalpha((unsigned char)arg[2]) && !pattern) {
            fprintf(stderr, "tala query: unknown option '%s'\n", arg);
            return EXIT_USAGE;
        } else if (!pattern) {
            pattern = arg;
            continue;
        } else {
            fprintf(stderr, "tala query: one pattern only (quote it: tala query 'bd sn')\n");
            return EXIT_USAGE;
        }
        if (!parse_cycles(val, &a, &b)) {
            fprintf(stderr,
                    "tala query: bad --cycles '%s': want A:B with A < B, e.g. 0:4 or 1/2:5/2\n",
                    val);
            return EXIT_USAGE;
        }
    }
    if (file && pattern) {
        fprintf(stderr, "tala query: a PATTERN or --file FILE, not both\n");
        return EXIT_USAGE;
    }
    if (file) return query_file(file, a, b);
    if (!pattern) {
        fprintf(stderr, "usage: tala query [--cycles A:B] PATTERN | --file FILE\n");
        return EXIT_USAGE;
    }

    Vm *vm = vm_new(stdlib_library());
    if (!vm) {
        fprintf(stderr, "tala: out of memory\n");
        return EXIT_ENV;
    }
    vm_set_safe(vm, cli_safe);
    Heap *h = vm_heap(vm);
    Err err = {0};
    int status = EXIT_OK;
    ObjPattern *pat = NULL;
    Source *src = NULL;
    if (cli_is_expression(vm, pattern)) {
        Value v;
        bool evaluated = eval_expr(vm, "<query>", pattern, strlen(pattern), &v, &err);
        Err w[8]; /* warnings (an unknown scale), positioned like errors */
        for (int i = 0, nw = vm_take_warnings(vm, w, 8); i < nw; i++) {
            if (strncmp(w[i].msg, "note: ", 6) != 0) err_prefix(&w[i], "warning: ");
            err_print(stderr, &w[i]);
        }
        if (evaluated) {
            if (IS_PATTERN(v) || IS_NUM(v) || IS_LIST(v) || IS_STRING(v) || IS_RECORD(v) ||
                v.kind == VAL_BOOL) {
                vm_push_root(vm, v);
                pat = reify(vm, v);
                vm_pop_root(vm);
            } else {
                err_set(&err, (SrcRef){0}, "the expression gives %s, not a pattern",
                        val_type_name(v));
                err_hint(&err, "a function needs its last argument: add the pattern, e.g. "
                               "fast(2, \"bd sn\")");
            }
        }
    } else {
        src = source_new("<query>", pattern, strlen(pattern));
        pat = mini_parse(h, src, 0, src->len, &err);
    }
    if (!pat) {
        err_print(stderr, &err);
        status = EXIT_USER;
        goto out;
    }
    if (!print_events(vm, pat, a, b)) status = EXIT_USER;
out:
    vm_free(vm);
    source_free(src);
    return status;
}
