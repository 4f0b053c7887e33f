/*
 * heap.h - the VM heap: object allocation and a mark-and-sweep collector.
 *
 * The control thread owns one Heap; nothing else touches its objects. Every
 * object is on one list; a collection marks from the roots and frees what was
 * not reached. Roots are:
 *   - the temporary root stack (heap_push / heap_pop), for C code holding
 *     objects between allocations (a constructor building a pattern tree);
 *   - registered markers (heap_add_marker), for structures outside the heap
 *     that hold Values: event buffers during a query, later the VM's stacks.
 * A collection can happen at any allocation; C code must root what it holds.
 * Stress mode collects at every allocation so that a missing root shows up
 * at once (the test suite runs with it, under AddressSanitizer).
 *
 * Strings are interned in a weak table: a string no one references is
 * dropped from the table when it is freed.
 *
 * The heap knows strings, lists and records. Every other kind is described
 * by whoever defines it, in a per-kind table (heap_set_kind): patterns by
 * pattern.c (pat_heap_kinds), functions, closures and graphs by the VM. A
 * kind reached without a trace function is a bug and aborts loudly.
 */
#ifndef TALA_HEAP_H
#define TALA_HEAP_H

#include "value.h"

typedef struct Heap Heap;
typedef void (*HeapMarker)(Heap *h, void *ud);

Heap *heap_new(void);
void heap_free(Heap *h); /* frees every object */

/* Marks what an object of a kind references (heap_mark / heap_mark_obj). */
typedef void (*HeapTraceFn)(Heap *h, Obj *o);
/* Frees what an object of a kind owns outside the heap (NULL: nothing). */
typedef void (*HeapFinalizeFn)(Obj *o);
void heap_set_kind(Heap *h, ObjKind kind, HeapTraceFn trace, HeapFinalizeFn finalize);
void heap_set_stress(Heap *h, bool on);

/* A bound on what a program may hold: when a collection leaves more than
 * limit bytes alive, heap_over_limit is true (until one leaves less) and
 * the VM stops the evaluation or query in progress with an error. The
 * allocation itself succeeds. 0: no limit. */
void heap_set_limit(Heap *h, size_t limit);
bool heap_over_limit(const Heap *h);
size_t heap_limit(const Heap *h);

/* Allocates an object of `size` bytes (header included), possibly collecting
 * first. Aborts the process only if the system is out of memory. */
Obj *heap_alloc(Heap *h, size_t size, ObjKind kind);

ObjString *str_intern(Heap *h, const char *s, size_t len);
static inline ObjString *str_c(Heap *h, const char *s);
ObjList *list_new(Heap *h, const Value *items, uint32_t n);
/* Builds a record from unsorted fields; a later duplicate key wins. */
ObjRecord *rec_new(Heap *h, const RecField *fields, uint32_t n);

void heap_push(Heap *h, Value v);
void heap_pop(Heap *h, unsigned n);

/* Markers are kept in a stack: remove in reverse order of adding. */
void heap_add_marker(Heap *h, HeapMarker fn, void *ud);
void heap_remove_marker(Heap *h, HeapMarker fn, void *ud);

/* For markers: mark a value / object as reachable. */
void heap_mark(Heap *h, Value v);
void heap_mark_obj(Heap *h, Obj *o);

void heap_collect(Heap *h);

typedef struct {
    size_t objects;     /* live objects after the last collection */
    size_t bytes;       /* bytes currently allocated */
    size_t collections; /* collections so far */
} HeapStats;
HeapStats heap_stats(const Heap *h);

#include <string.h>
static inline ObjString *str_c(Heap *h, const char *s) {
    return str_intern(h, s, strlen(s));
}

#endif
