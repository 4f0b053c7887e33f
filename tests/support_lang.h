/*
 * support_lang.h - test helpers above the VM: mini-notation and tala
 * expressions to event text (support.h has the VM-only part). For the
 * suites of lang/, stdlib/, audio/ and the fuzz replay.
 */
#ifndef TALA_TEST_SUPPORT_LANG_H
#define TALA_TEST_SUPPORT_LANG_H

#include "support.h"

#include "lang/eval.h"
#include "lang/mini.h"
#include "stdlib/lib.h"
#include "stdlib/stdlib.h"

/* Parses mini-notation and returns its events over [a, b) as text, or
 * "PARSE line:col: message" for a syntax error. */
static inline char *mini_text(Heap *h, const char *text, Rat a, Rat b) {
    Source *src = source_new("<test>", text, strlen(text));
    Err err = {0};
    ObjPattern *p = mini_parse(h, src, 0, src->len, &err);
    char *out;
    if (!p) {
        int line = 0, col = 0;
        if (err.at.src) src_linecol(err.at.src, err.at.off, &line, &col);
        out = malloc(strlen(err.msg) + 64);
        sprintf(out, "PARSE %d:%d: %s", line, col, err.msg);
    } else {
        out = events_text(h, p, a, b);
    }
    source_free(src);
    return out;
}

/* Evaluates a tala expression in vm and returns its events over [a, b) as
 * text, or "ERROR line:col: message" (line:col 0:0 when unknown). */
/* Evaluates a tala expression as a pattern, left on the heap's root stack
 * (the caller pops it); NULL with err set when it fails. */
static inline ObjPattern *expr_pattern(Vm *vm, const char *text, Err *err) {
    Value v;
    if (!eval_expr(vm, "<test>", text, strlen(text), &v, err)) return NULL;
    Heap *h = vm_heap(vm);
    heap_push(h, v);
    ObjPattern *p = reify(vm, v);
    heap_pop(h, 1); /* p holds v now; nothing allocates before it is rooted */
    heap_push(h, OBJ_VAL(p));
    return p;
}

static inline char *expr_text(Vm *vm, const char *text, Rat a, Rat b) {
    Err err = {0};
    ObjPattern *p = expr_pattern(vm, text, &err);
    if (!p) {
        int line = 0, col = 0;
        if (err.at.src) src_linecol(err.at.src, err.at.off, &line, &col);
        char *out = malloc(strlen(err.msg) + 64);
        sprintf(out, "ERROR %d:%d: %s", line, col, err.msg);
        return out;
    }
    Query *q = vm_query(vm);
    Err qerr = {0};
    q->err = &qerr;
    char *out = format_events(q, p, a, b);
    q->err = vm_err(vm);
    heap_pop(vm_heap(vm), 1);
    return out;
}

#endif
