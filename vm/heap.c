/*
 * heap.c - allocation, string interning and the mark-and-sweep collector.
 *
 * Marking is iterative (a gray stack), so a deeply nested pattern tree cannot
 * overflow the C stack during a collection. Each object kind says which
 * objects it references: lists and records here, every other kind through
 * the table its definer fills (heap_set_kind), so the heap calls nothing
 * above it.
 */
#include "heap.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    HeapMarker fn;
    void *ud;
} Marker;

#define SMALL_MAX     512
#define SMALL_CLASSES (SMALL_MAX / 16)

struct Heap {
    Obj *objects;
    size_t bytes, next_gc, collections, live;
    size_t limit; /* 0: none */
    size_t after; /* bytes alive after the last collection */
    bool over;    /* the last collection left more than limit alive */
    bool stress;
    bool collecting;

    Value *roots; /* temporary root stack */
    unsigned nroots, caproots;

    Marker *markers;
    unsigned nmarkers, capmarkers;

    Obj **gray;
    size_t ngray, capgray;

    struct {
        HeapTraceFn trace;
        HeapFinalizeFn finalize;
    } kinds[OBJ_KIND_COUNT]; /* kinds the heap does not know itself */

    ObjString **strs; /* open-addressing intern table; NULL = empty, TOMB = deleted */
    size_t nstrs, capstrs;

    /* Freed small blocks, by size class (16-byte steps up to SMALL_MAX):
     * reused by the next allocation of that class instead of malloc/free,
     * which dominate the cost of building patterns otherwise. */
    void *small[SMALL_CLASSES];
};

/* Object sizes are kept beside the object for the byte count. */
typedef struct {
    size_t size;
    max_align_t pad[];
} SizeHdr;

static ObjString tomb_storage;
#define TOMB (&tomb_storage)

static void *xrealloc(void *p, size_t n) {
    void *q = realloc(p, n);
    if (!q && n) {
        fprintf(stderr, "tala: out of memory\n");
        abort();
    }
    return q;
}

Heap *heap_new(void) {
    Heap *h = calloc(1, sizeof *h);
    if (!h) return NULL;
    h->next_gc = 1 << 20;
    return h;
}

static void free_obj(Heap *h, Obj *o);

void heap_free(Heap *h) {
    if (!h) return;
    Obj *o = h->objects;
    while (o) {
        Obj *next = o->next;
        free_obj(h, o);
        o = next;
    }
    for (int c = 0; c < SMALL_CLASSES; c++)
        while (h->small[c]) {
            void *next = *(void **)((SizeHdr *)h->small[c] + 1);
            free(h->small[c]);
            h->small[c] = next;
        }
    free(h->roots);
    free(h->markers);
    free(h->gray);
    free(h->strs);
    free(h);
}

void heap_set_kind(Heap *h, ObjKind kind, HeapTraceFn trace, HeapFinalizeFn finalize) {
    h->kinds[kind].trace = trace;
    h->kinds[kind].finalize = finalize;
}

void heap_set_limit(Heap *h, size_t limit) {
    h->limit = limit;
}

bool heap_over_limit(const Heap *h) {
    return h->over;
}

size_t heap_limit(const Heap *h) {
    return h->limit;
}

void heap_set_stress(Heap *h, bool on) {
    h->stress = on;
}

static int size_class(size_t size) {
    return size <= SMALL_MAX ? (int)((size + 15) / 16) - 1 : -1;
}

Obj *heap_alloc(Heap *h, size_t size, ObjKind kind) {
    /* over the limit, collect to see, but not again before a sixteenth of it more
     * has been allocated: a program holding just under it does not collect each time */
    if (!h->collecting && (h->stress || h->bytes + size > h->next_gc ||
                           (h->limit && !h->over && h->bytes + size > h->limit &&
                            h->bytes > h->after + h->limit / 16)))
        heap_collect(h);
    int cls = size_class(size);
    SizeHdr *sh;
    if (cls >= 0 && h->small[cls]) {
        sh = h->small[cls];
        h->small[cls] = *(void **)(sh + 1); /* the link lives in the freed object */
    } else {
        sh = xrealloc(NULL, sizeof(SizeHdr) + (cls >= 0 ? (size_t)(cls + 1) * 16 : size));
    }
    sh->size = size;
    Obj *o = (Obj *)(sh + 1);
    memset(o, 0, size);
    o->kind = (uint8_t)kind;
    o->next = h->objects;
    h->objects = o;
    h->bytes += size;
    h->live++;
    return o;
}

static size_t obj_size(Obj *o) {
    return ((SizeHdr *)o - 1)->size;
}

/* ---- strings ---- */

static uint32_t hash_bytes(const char *s, size_t len) {
    uint32_t x = 2166136261u; /* FNV-1a */
    for (size_t i = 0; i < len; i++) x = (x ^ (uint8_t)s[i]) * 16777619u;
    return x;
}

static void strs_grow(Heap *h) {
    size_t cap = h->capstrs ? h->capstrs * 2 : 64;
    ObjString **old = h->strs;
    size_t oldcap = h->capstrs;
    h->strs = xrealloc(NULL, cap * sizeof *h->strs);
    memset(h->strs, 0, cap * sizeof *h->strs);
    h->capstrs = cap;
    h->nstrs = 0;
    for (size_t i = 0; i < oldcap; i++) {
        ObjString *s = old[i];
        if (!s || s == TOMB) continue;
        size_t j = s->hash & (cap - 1);
        while (h->strs[j]) j = (j + 1) & (cap - 1);
        h->strs[j] = s;
        h->nstrs++;
    }
    free(old);
}

ObjString *str_intern(Heap *h, const char *s, size_t len) {
    uint32_t hash = hash_bytes(s, len);
    if (h->capstrs) {
        size_t j = hash & (h->capstrs - 1);
        for (ObjString *c; (c = h->strs[j]); j = (j + 1) & (h->capstrs - 1))
            if (c != TOMB && c->hash == hash && c->len == len && memcmp(c->chars, s, len) == 0)
                return c;
    }
    /* Copy first: s may point into an object a collection is about to free. */
    char small[128];
    char *copy = len < sizeof small ? small : xrealloc(NULL, len + 1);
    memcpy(copy, s, len);
    ObjString *str = (ObjString *)heap_alloc(h, sizeof(ObjString) + len + 1, OBJ_STRING);
    memcpy(str->chars, copy, len);
    if (copy != small) free(copy);
    str->chars[len] = 0;
    str->len = (uint32_t)len;
    str->hash = hash;
    if ((h->nstrs + 1) * 4 >= h->capstrs * 3) strs_grow(h);
    size_t j = hash & (h->capstrs - 1);
    while (h->strs[j] && h->strs[j] != TOMB) j = (j + 1) & (h->capstrs - 1);
    h->strs[j] = str;
    h->nstrs++;
    return str;
}

static void strs_remove(Heap *h, ObjString *s) {
    if (!h->capstrs) return;
    size_t j = s->hash & (h->capstrs - 1);
    for (ObjString *c; (c = h->strs[j]); j = (j + 1) & (h->capstrs - 1))
        if (c == s) {
            h->strs[j] = TOMB;
            return;
        }
}

/* ---- lists and records ---- */

ObjList *list_new(Heap *h, const Value *items, uint32_t n) {
    /* items may live in a rooted buffer that stays valid across collection. */
    ObjList *l = (ObjList *)heap_alloc(h, sizeof(ObjList) + n * sizeof(Value), OBJ_LIST);
    l->len = n;
    if (n) memcpy(l->items, items, n * sizeof(Value));
    return l;
}

/* key order: byte-wise, as strcmp (inline: keys are short and differ early) */
static inline int key_cmp(const ObjString *a, const ObjString *b) {
    const unsigned char *x = (const unsigned char *)a->chars, *y = (const unsigned char *)b->chars;
    while (*x && *x == *y) x++, y++;
    return *x - *y;
}

ObjRecord *rec_new(Heap *h, const RecField *fields, uint32_t n) {
    ObjRecord *r = (ObjRecord *)heap_alloc(h, sizeof(ObjRecord) + n * sizeof(RecField), OBJ_RECORD);
    /* each field inserted in key order (keys are interned: the same key is
     * the same string); a later duplicate takes the earlier one's place.
     * Records have a few fields and are mostly made from a sorted one and a
     * field or two, so this is about one comparison a field. */
    RecField *out = r->fields;
    uint32_t m = 0;
    for (uint32_t i = 0; i < n; i++) {
        RecField f = fields[i];
        uint32_t j = m;
        while (j > 0 && out[j - 1].key != f.key && key_cmp(out[j - 1].key, f.key) > 0) j--;
        if (j > 0 && out[j - 1].key == f.key) {
            out[j - 1] = f;
            continue;
        }
        for (uint32_t k = m; k > j; k--) out[k] = out[k - 1];
        out[j] = f;
        m++;
    }
    r->len = m;
    return r;
}

/* ---- roots ---- */

void heap_push(Heap *h, Value v) {
    if (h->nroots == h->caproots) {
        h->caproots = h->caproots ? h->caproots * 2 : 64;
        h->roots = xrealloc(h->roots, h->caproots * sizeof(Value));
    }
    h->roots[h->nroots++] = v;
}

void heap_pop(Heap *h, unsigned n) {
    h->nroots -= n <= h->nroots ? n : h->nroots;
}

void heap_add_marker(Heap *h, HeapMarker fn, void *ud) {
    if (h->nmarkers == h->capmarkers) {
        h->capmarkers = h->capmarkers ? h->capmarkers * 2 : 64;
        h->markers = xrealloc(h->markers, h->capmarkers * sizeof(Marker));
    }
    h->markers[h->nmarkers++] = (Marker){fn, ud};
}

void heap_remove_marker(Heap *h, HeapMarker fn, void *ud) {
    /* Usually the top; search down for robustness. */
    for (unsigned i = h->nmarkers; i-- > 0;)
        if (h->markers[i].fn == fn && h->markers[i].ud == ud) {
            memmove(h->markers + i, h->markers + i + 1, (h->nmarkers - i - 1) * sizeof(Marker));
            h->nmarkers--;
            return;
        }
}

/* ---- collection ---- */

void heap_mark_obj(Heap *h, Obj *o) {
    if (!o || o->marked) return;
    o->marked = 1;
    if (o->kind == OBJ_STRING) return; /* no references */
    if (h->ngray == h->capgray) {
        h->capgray = h->capgray ? h->capgray * 2 : 256;
        h->gray = xrealloc(h->gray, h->capgray * sizeof(Obj *));
    }
    h->gray[h->ngray++] = o;
}

void heap_mark(Heap *h, Value v) {
    if (v.kind == VAL_OBJ) heap_mark_obj(h, v.as.obj);
}

static void blacken(Heap *h, Obj *o) {
    switch ((ObjKind)o->kind) {
    case OBJ_STRING: break;
    case OBJ_LIST: {
        ObjList *l = (ObjList *)o;
        for (uint32_t i = 0; i < l->len; i++) heap_mark(h, l->items[i]);
        break;
    }
    case OBJ_RECORD: {
        ObjRecord *r = (ObjRecord *)o;
        for (uint32_t i = 0; i < r->len; i++) {
            heap_mark_obj(h, (Obj *)r->fields[i].key);
            heap_mark(h, r->fields[i].val);
        }
        break;
    }
    default:
        if (!h->kinds[o->kind].trace) {
            fprintf(stderr, "tala: internal error: no trace for object kind %d\n", o->kind);
            abort();
        }
        h->kinds[o->kind].trace(h, o);
        break;
    }
}

static void free_obj(Heap *h, Obj *o) {
    if (o->kind == OBJ_STRING) strs_remove(h, (ObjString *)o);
    if (h->kinds[o->kind].finalize) h->kinds[o->kind].finalize(o);
    size_t size = obj_size(o);
    h->bytes -= size;
    h->live--;
    int cls = size_class(size);
    SizeHdr *sh = (SizeHdr *)o - 1;
    if (cls >= 0 && !h->stress) { /* stress mode frees for real, so ASan sees every use */
        *(void **)o = h->small[cls];
        h->small[cls] = sh;
        return;
    }
    free(sh);
}

void heap_collect(Heap *h) {
    h->collecting = true;
    for (unsigned i = 0; i < h->nroots; i++) heap_mark(h, h->roots[i]);
    for (unsigned i = 0; i < h->nmarkers; i++) h->markers[i].fn(h, h->markers[i].ud);
    while (h->ngray) blacken(h, h->gray[--h->ngray]);

    Obj **link = &h->objects;
    while (*link) {
        Obj *o = *link;
        if (o->marked) {
            o->marked = 0;
            link = &o->next;
        } else {
            *link = o->next;
            free_obj(h, o);
        }
    }
    h->collections++;
    h->next_gc = h->bytes * 2 > (1u << 20) ? h->bytes * 2 : (1u << 20);
    h->over = h->limit && h->bytes > h->limit;
    h->after = h->bytes;
    h->collecting = false;
}

HeapStats heap_stats(const Heap *h) {
    return (HeapStats){h->live, h->bytes, h->collections};
}
