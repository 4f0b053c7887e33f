/*
 * query_bench.c - how many events per second the pattern engine queries.
 *
 * Not a test: a figure for the notes. Queries a dense pattern cycle by cycle
 * (as the scheduler does) over many cycles and reports events/second.
 *
 *   build/bench_query ['PATTERN'] [CYCLES]
 */
#include "lang/mini.h"
#include "vm/pattern.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static double now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec + t.tv_nsec * 1e-9;
}

int main(int argc, char **argv) {
    const char *text = argc > 1 ? argv[1] : "[bd*16, hh*32, <sn cp>*8]";
    long cycles = argc > 2 ? atol(argv[2]) : 10000;
    Source *src = source_new("<bench>", text, strlen(text));
    Heap *h = heap_new();
    pat_heap_kinds(h);
    Err err = {0};
    ObjPattern *p = mini_parse(h, src, 0, src->len, &err);
    if (!p) {
        err_print(stderr, &err);
        return 1;
    }
    heap_push(h, OBJ_VAL(p));
    EvBuf ev;
    evbuf_init(&ev, h);
    size_t total = 0;
    double t0 = now();
    for (long c = 0; c < cycles; c++) {
        Query q = {.heap = h, .err = &err, .budget = 1000000};
        ev.len = 0;
        if (!pat_events(&q, p, rat_int(c), rat_int(c + 1), true, &ev)) {
            err_print(stderr, &err);
            return 1;
        }
        total += ev.len;
    }
    double dt = now() - t0;
    printf("pattern: %s\ncycles: %ld\nevents: %zu\nseconds: %.3f\nevents/second: %.0f\n", text,
           cycles, total, dt, total / dt);
    evbuf_free(&ev);
    heap_free(h);
    source_free(src);
    return 0;
}
