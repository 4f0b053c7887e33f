/*
 * support.h - helpers shared by the cmocka suites: run a pattern and get its
 * events as the text `tala query` prints, so expectations read literally.
 * This part needs the VM alone (tests/vm/ link nothing else); the helpers
 * that parse mini-notation or evaluate tala are in support_lang.h.
 */
#ifndef TALA_TEST_SUPPORT_H
#define TALA_TEST_SUPPORT_H

#include <ctype.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "vm/heap.h"
#include "vm/pattern.h"
#include "vm/vm.h"

/* A heap in stress mode (collect at every allocation) when TALA_GC_STRESS is set. */
static inline Heap *test_heap(void) {
    Heap *h = heap_new();
    pat_heap_kinds(h);
    if (getenv("TALA_GC_STRESS")) heap_set_stress(h, true);
    return h;
}

typedef struct {
    Rat b, e;
    char *s;
} TLine;

static int tline_cmp(const void *a, const void *b) {
    const TLine *x = a, *y = b;
    int c = rat_cmp(x->b, y->b);
    if (!c) c = rat_cmp(x->e, y->e);
    return c ? c : strcmp(x->s, y->s);
}

/* Onset events of p over [a, b) as "BEGIN END VALUE\n" lines, sorted as the
 * conformance format; on a query error returns "ERROR: message". Caller frees. */
static inline char *format_events(Query *qp, ObjPattern *p, Rat a, Rat b) {
    Heap *h = qp->heap;
    Err *err = qp->err;
    EvBuf ev;
    heap_push(h, OBJ_VAL(p));
    evbuf_init(&ev, h);
    char *out;
    if (!pat_events(qp, p, a, b, true, &ev)) {
        int line = 0, col = 0;
        if (err->at.src) src_linecol(err->at.src, err->at.off, &line, &col);
        out = malloc(strlen(err->msg) + 64);
        if (err->at.src)
            sprintf(out, "ERROR %d:%d: %s", line, col, err->msg);
        else
            sprintf(out, "ERROR: %s", err->msg);
    } else {
        TLine *l = calloc(ev.len + 1, sizeof *l);
        size_t total = 1;
        for (size_t i = 0; i < ev.len; i++) {
            char bs[48], es[48], vs[256];
            rat_format(ev.ev[i].whole.begin, bs, sizeof bs);
            rat_format(ev.ev[i].whole.end, es, sizeof es);
            val_format(ev.ev[i].value, vs, sizeof vs);
            l[i].b = ev.ev[i].whole.begin;
            l[i].e = ev.ev[i].whole.end;
            l[i].s = malloc(strlen(vs) + 1);
            strcpy(l[i].s, vs);
            total += strlen(bs) + strlen(es) + strlen(vs) + 3;
        }
        qsort(l, ev.len, sizeof *l, tline_cmp);
        out = malloc(total);
        out[0] = 0;
        char *w = out;
        for (size_t i = 0; i < ev.len; i++) {
            char bs[48], es[48];
            rat_format(l[i].b, bs, sizeof bs);
            rat_format(l[i].e, es, sizeof es);
            w += sprintf(w, "%s %s %s\n", bs, es, l[i].s);
            free(l[i].s);
        }
        free(l);
    }
    evbuf_free(&ev);
    heap_pop(h, 1);
    return out;
}

static inline char *events_text(Heap *h, ObjPattern *p, Rat a, Rat b) {
    Err err = {0};
    Query q = {.heap = h, .err = &err, .budget = 10 * 1000 * 1000};
    return format_events(&q, p, a, b);
}

#define R(n, d) rat_make((n), (d))
#define I(n)    rat_int(n)

/* Asserts that text equals want, then frees text. */
#define assert_text(text, want)                                                                    \
    do {                                                                                           \
        char *t_ = (text);                                                                         \
        assert_string_equal(t_, (want));                                                           \
        free(t_);                                                                                  \
    } while (0)

#endif
