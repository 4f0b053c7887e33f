/*
 * query_bench.c - how many events per second the pattern engine queries.
 *
 * Not a test: a figure for the notes. Queries a pattern cycle by cycle (as
 * the scheduler does: [c, c + 1), onsets only, sorted) over many cycles and
 * reports events/second. Only the queries are timed: not the compile, not
 * the printing.
 *
 *   build/bench_query [KIND] TEXT [CYCLES] [--seconds S] [--runs R] [--check K] [--tsv]
 *
 * KIND: --mini (mini-notation), --expr (a tala/Strudel expression) or --file
 * (a whole program or Strudel tune: every track merged, as `tala query
 * --file` does). Without one, TEXT is an expression or mini-notation by
 * `tala query`'s rule. CYCLES (default 10000) are queried from cycle 0;
 * --seconds S instead picks enough cycles that one timing takes at least S
 * seconds (and runs again with more when the median falls short). --runs R
 * times R passes over those cycles and reports the median.
 * --check K also counts the events of cycles [0, K) (untimed), to compare
 * with another engine's count for the same cycles. --tsv prints one line:
 * cycles, events, seconds, events/second, events of the check.
 */
#include "cli/cli.h"
#include "engine/session.h"
#include "lang/eval.h"
#include "lang/mini.h"
#include "stdlib/lib.h"
#include "stdlib/stdlib.h"
#include "vm/pattern.h"
#include "vm/vm.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

bool cli_safe; /* cli/util.c's (tala's main.c defines it): off, as `tala query` runs */

static double now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec + t.tv_nsec * 1e-9;
}

/* Queries cycles [from, from + n) one at a time; the events in *total.
 * False (said) when a query fails. */
static bool pass(Vm *vm, ObjPattern *p, long from, long n, size_t *total) {
    Heap *h = vm_heap(vm);
    Err err = {0};
    Query *q = vm_query(vm);
    Err *saved = q->err;
    q->err = &err;
    EvBuf ev;
    evbuf_init(&ev, h);
    bool ok = true;
    *total = 0;
    for (long c = from; c < from + n; c++) {
        ev.len = 0;
        if (!pat_events(q, p, rat_int(c), rat_int(c + 1), true, &ev)) {
            err_print(stderr, &err);
            ok = false;
            break;
        }
        *total += ev.len;
    }
    evbuf_free(&ev);
    q->err = saved;
    return ok;
}

static int cmp_double(const void *a, const void *b) {
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* The pattern TEXT stands for, rooted; NULL (said) when it has none. */
static ObjPattern *compile(Vm *vm, const char *kind, const char *text, Source **src) {
    Heap *h = vm_heap(vm);
    Err err = {0};
    ObjPattern *pat = NULL;
    if (strcmp(kind, "expr") == 0) {
        Value v;
        if (eval_expr(vm, "<bench>", text, strlen(text), &v, &err)) {
            vm_push_root(vm, v);
            pat = reify(vm, v);
            vm_pop_root(vm);
        }
    } else {
        *src = source_new("<bench>", text, strlen(text));
        pat = mini_parse(h, *src, 0, (*src)->len, &err);
    }
    if (!pat) {
        err_print(stderr, &err);
        return NULL;
    }
    heap_push(h, OBJ_VAL(pat));
    return pat;
}

static void usage(void) {
    fprintf(stderr, "usage: bench_query [--mini|--expr|--file] TEXT [CYCLES] [--seconds S] "
                    "[--runs R] [--check K] [--tsv]\n");
    exit(2);
}

int main(int argc, char **argv) {
    const char *kind = NULL, *text = NULL;
    long cycles = 10000, check = 0;
    double seconds = 0;
    int runs = 1;
    bool tsv = false, have_cycles = false;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (strcmp(a, "--mini") == 0 || strcmp(a, "--expr") == 0 || strcmp(a, "--file") == 0)
            kind = a + 2;
        else if (strcmp(a, "--seconds") == 0 && i + 1 < argc)
            seconds = atof(argv[++i]);
        else if (strcmp(a, "--runs") == 0 && i + 1 < argc)
            runs = atoi(argv[++i]);
        else if (strcmp(a, "--check") == 0 && i + 1 < argc)
            check = atol(argv[++i]);
        else if (strcmp(a, "--tsv") == 0)
            tsv = true;
        else if (a[0] == '-' && a[1] == '-')
            usage();
        else if (!text)
            text = a;
        else if (!have_cycles)
            cycles = atol(a), have_cycles = true;
        else
            usage();
    }
    if (!text) text = "[bd*16, hh*32, <sn cp>*8]";
    if (runs < 1 || runs > 99 || cycles < 1 || check < 0) usage();

    Session *s = NULL;
    Vm *vm;
    Source *src = NULL;
    ObjPattern *p;
    if (kind && strcmp(kind, "file") == 0) {
        int status, n;
        s = cli_offline_session(text, &status);
        if (!s) return status;
        vm = session_vm(s);
        p = cli_program_pattern(s, &n);
        heap_push(vm_heap(vm), OBJ_VAL(p));
    } else {
        vm = vm_new(stdlib_library());
        if (!vm) return 3;
        if (!kind) kind = cli_is_expression(vm, text) ? "expr" : "mini";
        p = compile(vm, kind, text, &src);
        if (!p) return 1;
    }

    size_t events = 0, checked = 0;
    int status = 0;
    if (check && !pass(vm, p, 0, check, &checked)) status = 1;
    if (!status && seconds > 0) { /* warm up, and find how many cycles take `seconds` */
        long n = 4;
        for (;;) {
            double t0 = now();
            if (!pass(vm, p, 0, n, &events)) {
                status = 1;
                break;
            }
            double dt = now() - t0;
            if (dt >= seconds / 4 || n >= (1L << 40)) {
                double want = n * seconds / (dt > 1e-9 ? dt : 1e-9) * 1.25;
                cycles = want > n ? (long)want : n;
                break;
            }
            n *= dt < seconds / 256 ? 16 : 4;
        }
    }
    double times[100], dt = 0;
    for (int tries = 0; !status && tries < 2; tries++) {
        for (int r = 0; !status && r < runs; r++) {
            double t0 = now();
            if (!pass(vm, p, 0, cycles, &events)) status = 1;
            times[r] = now() - t0;
        }
        qsort(times, (size_t)runs, sizeof *times, cmp_double);
        dt = times[runs / 2];
        if (dt >= seconds) break;
        /* the calibration fell short (a busy machine): once more, with enough cycles */
        cycles = (long)(cycles * seconds / (dt > 1e-9 ? dt : 1e-9) * 1.1) + 1;
    }
    if (!status) {
        if (tsv)
            printf("%ld\t%zu\t%.4f\t%.0f\t%zu\n", cycles, events, dt, events / dt, checked);
        else {
            printf("pattern: %s\ncycles: %ld\nevents: %zu\nseconds: %.3f\nevents/second: %.0f\n",
                   text, cycles, events, dt, events / dt);
            if (check) printf("events in cycles 0-%ld: %zu\n", check, checked);
        }
    }
    if (s)
        session_free(s);
    else
        vm_free(vm);
    source_free(src);
    return status;
}
