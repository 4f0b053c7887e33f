/*
 * pattern.c - the pattern engine: constructors and the query interpreter.
 *
 * Each node kind's query mirrors the Strudel 1.2.6 function of the same
 * meaning (pure, stack, slowcat, _fast, _early, _compress via _fastGap,
 * repeatCycles, appLeft, struct/euclid, register's patterned arguments), so
 * the events, including how they are split at cycle boundaries and which
 * whole each fragment keeps, are Strudel's. Time-mapping nodes query their
 * child straight into the output buffer and then rewrite the new events in
 * place; only joins need scratch buffers.
 */
#include "pattern.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define MAX_DEPTH       2000
#define MAX_EUCLID_STEP (1 << 20)

/* ---------------------------------------------------------------- buffers */

static void evbuf_mark(Heap *h, void *ud) {
    EvBuf *b = ud;
    for (size_t i = 0; i < b->len; i++) heap_mark(h, b->ev[i].value);
}

void evbuf_init(EvBuf *b, Heap *h) {
    b->ev = NULL;
    b->len = b->cap = 0;
    b->heap = h;
    heap_add_marker(h, evbuf_mark, b);
}

void evbuf_free(EvBuf *b) {
    heap_remove_marker(b->heap, evbuf_mark, b);
    free(b->ev);
    b->ev = NULL;
    b->len = b->cap = 0;
}

void evbuf_push(EvBuf *b, Event e) {
    if (b->len == b->cap) {
        size_t cap = b->cap ? b->cap * 2 : 16;
        Event *ev = realloc(b->ev, cap * sizeof(Event));
        if (!ev) abort();
        b->ev = ev;
        b->cap = cap;
    }
    b->ev[b->len++] = e;
}

/* ---------------------------------------------------------------- spans */

bool span_intersect(Span a, Span b, Span *out) {
    Rat ib = rat_max(a.begin, b.begin), ie = rat_min(a.end, b.end);
    if (!rat_ok(ib) || !rat_ok(ie) || rat_gt(ib, ie)) return false;
    if (rat_eq(ib, ie)) {
        /* A point at the end of a non-empty span does not intersect it. */
        if (rat_eq(ib, a.end) && rat_lt(a.begin, a.end)) return false;
        if (rat_eq(ib, b.end) && rat_lt(b.begin, b.end)) return false;
    }
    *out = span(ib, ie);
    return true;
}

/* Iterates the pieces of a span cut at cycle boundaries (Strudel's
 * spanCycles); a zero-width span is one piece. */
typedef struct {
    Span s;
    Rat b;
    bool zero, done;
} CycIt;

static CycIt cycles(Span s) {
    return (CycIt){s, s.begin, rat_eq(s.begin, s.end), false};
}

static bool cyc_next(CycIt *it, Span *piece) {
    if (it->zero) {
        if (it->done) return false;
        it->done = true;
        *piece = it->s;
        return true;
    }
    if (!rat_lt(it->b, it->s.end)) return false;
    Rat next = rat_add(rat_floor(it->b), rat_int(1));
    Rat e = rat_min(next, it->s.end);
    if (!rat_ok(e)) return false;
    *piece = span(it->b, e);
    it->b = e;
    return true;
}

static Span whole_or_part(const Event *e) {
    return e->has_whole ? e->whole : e->part;
}

/* ---------------------------------------------------------------- nodes */

static ObjPattern *node(Heap *h, PatKind kind, unsigned nkids) {
    ObjPattern *p =
        (ObjPattern *)heap_alloc(h, sizeof(ObjPattern) + nkids * sizeof(ObjPattern *), OBJ_PATTERN);
    p->kind = (uint8_t)kind;
    p->n = (uint16_t)nkids;
    p->a = p->b = rat_int(0);
    p->value = NIL_VAL;
    return p;
}

void pat_trace(Heap *h, ObjPattern *p) {
    heap_mark(h, p->value);
    if (p->sub) heap_mark_obj(h, &p->sub->obj);
    for (unsigned i = 0; i < p->n; i++)
        if (p->kids[i]) heap_mark_obj(h, &p->kids[i]->obj);
}

/* Allocates a node holding `sub` and `kids`, keeping them rooted meanwhile. */
static ObjPattern *node_with(Heap *h, PatKind kind, ObjPattern *sub, ObjPattern **kids,
                             unsigned n) {
    if (sub) heap_push(h, OBJ_VAL(sub));
    for (unsigned i = 0; i < n; i++) heap_push(h, OBJ_VAL(kids[i]));
    ObjPattern *p = node(h, kind, n);
    heap_pop(h, n + (sub ? 1 : 0));
    p->sub = sub;
    for (unsigned i = 0; i < n; i++) p->kids[i] = kids[i];
    return p;
}

ObjPattern *pat_silence(Heap *h) {
    return node(h, PAT_SILENCE, 0);
}

ObjPattern *pat_pure(Heap *h, Value v) {
    heap_push(h, v);
    ObjPattern *p = node(h, PAT_PURE, 0);
    heap_pop(h, 1);
    p->value = v;
    return p;
}

ObjPattern *pat_stack(Heap *h, ObjPattern **pats, unsigned n) {
    if (n == 1) return pats[0];
    return node_with(h, PAT_STACK, NULL, pats, n);
}

ObjPattern *pat_slowcat(Heap *h, ObjPattern **pats, unsigned n) {
    if (n == 0) return pat_silence(h);
    if (n == 1) return pats[0];
    return node_with(h, PAT_SLOWCAT, NULL, pats, n);
}

ObjPattern *pat_fastcat(Heap *h, ObjPattern **pats, unsigned n) {
    ObjPattern *p = pat_slowcat(h, pats, n);
    return n > 1 ? pat_fast(h, rat_int(n), p) : p;
}

ObjPattern *pat_fast(Heap *h, Rat factor, ObjPattern *p) {
    ObjPattern *r = node_with(h, PAT_FAST, p, NULL, 0);
    r->a = factor;
    return r;
}

ObjPattern *pat_slow(Heap *h, Rat factor, ObjPattern *p) {
    if (rat_is_zero(factor)) return pat_fast(h, rat_int(0), p);
    return pat_fast(h, rat_inv(factor), p);
}

ObjPattern *pat_early(Heap *h, Rat offset, ObjPattern *p) {
    ObjPattern *r = node_with(h, PAT_EARLY, p, NULL, 0);
    r->a = offset;
    return r;
}

ObjPattern *pat_late(Heap *h, Rat offset, ObjPattern *p) {
    return pat_early(h, rat_neg(offset), p);
}

ObjPattern *pat_compress(Heap *h, Rat b, Rat e, ObjPattern *p) {
    ObjPattern *r = node_with(h, PAT_COMPRESS, p, NULL, 0);
    r->a = b;
    r->b = e;
    return r;
}

ObjPattern *pat_timecat(Heap *h, const Rat *weights, ObjPattern **pats, unsigned n) {
    Rat total = rat_int(0);
    for (unsigned i = 0; i < n; i++) total = rat_add(total, weights[i]);
    if (n == 0 || rat_is_zero(total)) return pat_silence(h);
    /* Keep every input rooted while the compressed parts are built. */
    for (unsigned i = 0; i < n; i++) heap_push(h, OBJ_VAL(pats[i]));
    ObjPattern **parts = malloc((n ? n : 1) * sizeof *parts);
    if (!parts) abort();
    unsigned made = 0;
    Rat begin = rat_int(0);
    for (unsigned i = 0; i < n; i++) {
        if (rat_is_zero(weights[i])) continue;
        Rat end = rat_add(begin, weights[i]);
        ObjPattern *c = pat_compress(h, rat_div(begin, total), rat_div(end, total), pats[i]);
        heap_push(h, OBJ_VAL(c));
        parts[made++] = c;
        begin = end;
    }
    ObjPattern *r = pat_stack(h, parts, made);
    free(parts);
    heap_pop(h, made + n);
    return r;
}

ObjPattern *pat_repeat_cycles(Heap *h, Rat n, ObjPattern *p) {
    ObjPattern *r = node_with(h, PAT_REPCYCLES, p, NULL, 0);
    r->a = n;
    return r;
}

ObjPattern *pat_replicate(Heap *h, Rat n, ObjPattern *p) {
    return pat_fast(h, n, pat_repeat_cycles(h, n, p));
}

ObjPattern *pat_applist(Heap *h, ObjPattern *left, ObjPattern *right) {
    ObjPattern *kids[2] = {left, right};
    return node_with(h, PAT_APPLIST, NULL, kids, 2);
}

ObjPattern *pat_op(Heap *h, PatOp op, ObjPattern **args, unsigned nargs, ObjPattern *sub, Rat k,
                   SrcRef where) {
    ObjPattern *r = node_with(h, PAT_OP, sub, args, nargs);
    r->op = (uint8_t)op;
    r->a = k;
    r->where = where;
    return r;
}

ObjPattern *pat_euclid(Heap *h, int pulses, int steps, int rotation, ObjPattern *p) {
    ObjPattern *args[3];
    unsigned n = rotation ? 3 : 2;
    heap_push(h, OBJ_VAL(p));
    args[0] = pat_pure(h, NUM_VAL(pulses));
    heap_push(h, OBJ_VAL(args[0]));
    args[1] = pat_pure(h, NUM_VAL(steps));
    heap_push(h, OBJ_VAL(args[1]));
    if (rotation) {
        args[2] = pat_pure(h, NUM_VAL(rotation));
        heap_push(h, OBJ_VAL(args[2]));
    }
    ObjPattern *r =
        pat_op(h, rotation ? PO_EUCLIDROT : PO_EUCLID, args, n, p, rat_int(1), (SrcRef){0});
    heap_pop(h, n + 1);
    return r;
}

ObjPattern *pat_slowcat_prime(Heap *h, ObjPattern **pats, unsigned n) {
    if (n == 0) return pat_silence(h);
    if (n == 1) return pats[0];
    ObjPattern *r = node_with(h, PAT_SLOWCAT, NULL, pats, n);
    r->op = 1; /* prime: kids are queried at the real cycle */
    return r;
}

ObjPattern *pat_map(Heap *h, ObjPattern *p, PatMapFn fn, Value param) {
    heap_push(h, param);
    ObjPattern *r = node_with(h, PAT_MAP, p, NULL, 0);
    heap_pop(h, 1);
    r->f.map = fn;
    r->value = param;
    return r;
}

ObjPattern *pat_app(Heap *h, AppStructure st, ObjPattern *l, ObjPattern *r, PatCombineFn fn,
                    Value param) {
    ObjPattern *kids[2] = {l, r};
    heap_push(h, param);
    ObjPattern *p = node_with(h, PAT_APP, NULL, kids, 2);
    heap_pop(h, 1);
    p->op = (uint8_t)st;
    p->f.combine = fn;
    p->value = param;
    return p;
}

ObjPattern *pat_signal(Heap *h, Signal sig) {
    ObjPattern *p = node(h, PAT_SIGNAL, 0);
    p->op = (uint8_t)sig;
    return p;
}

ObjPattern *pat_build(Heap *h, PatBuildFn fn, ObjPattern **args, unsigned nargs, ObjPattern *sub,
                      Value param, BindKind bind, SrcRef where) {
    heap_push(h, param);
    ObjPattern *p = node_with(h, PAT_BUILD, sub, args, nargs);
    heap_pop(h, 1);
    p->f.build = fn;
    p->value = param;
    p->op = (uint8_t)bind;
    p->where = where;
    return p;
}

ObjPattern *pat_rev(Heap *h, ObjPattern *p) {
    return node_with(h, PAT_REV, p, NULL, 0);
}

ObjPattern *pat_zoom(Heap *h, Rat s, Rat e, ObjPattern *p) {
    ObjPattern *r = node_with(h, PAT_ZOOM, p, NULL, 0);
    r->a = s;
    r->b = e;
    return r;
}

ObjPattern *pat_bind(Heap *h, BindKind kind, ObjPattern *pats) {
    ObjPattern *r = node_with(h, PAT_BIND, pats, NULL, 0);
    r->op = (uint8_t)kind;
    return r;
}

ObjPattern *pat_collect(Heap *h, ObjPattern *p) {
    return node_with(h, PAT_COLLECT, p, NULL, 0);
}

/* ---------------------------------------------------------------- euclid */

bool euclid_bools(int pulses, int steps, uint8_t *out) {
    int inverted = pulses < 0;
    int ons = abs(pulses), offs = steps - ons;
    if (offs < 0 || steps < 0) return false;
    /* Bjorklund as Strudel runs it: every group in the first list is the
     * same sequence X, every group in the second the same Y, so the state
     * is two sequences and their counts. */
    uint8_t *x = malloc((size_t)steps + 1), *y = malloc((size_t)steps + 1),
            *t = malloc((size_t)steps + 1);
    if (!x || !y || !t) abort();
    size_t xl = 1, yl = 1;
    x[0] = 1;
    y[0] = 0;
    int nx = ons, ny = offs;
    while ((nx < ny ? nx : ny) > 1) {
        /* The new X is X followed by Y either way. */
        size_t tl = xl + yl;
        memcpy(t, x, xl);
        memcpy(t + xl, y, yl);
        if (nx > ny) {
            /* left: Y becomes the old X; counts become (ny, nx - ny) */
            memcpy(y, x, xl);
            yl = xl;
            int c = nx - ny;
            nx = ny;
            ny = c;
        } else {
            /* right: Y stays; counts become (nx, ny - nx) */
            ny -= nx;
        }
        memcpy(x, t, tl);
        xl = tl;
    }
    size_t o = 0;
    for (int i = 0; i < nx; i++)
        for (size_t j = 0; j < xl; j++) out[o++] = x[j];
    for (int i = 0; i < ny; i++)
        for (size_t j = 0; j < yl; j++) out[o++] = y[j];
    free(x);
    free(y);
    free(t);
    if (inverted)
        for (int i = 0; i < steps; i++) out[i] = 1 - out[i];
    return true;
}

/* ---------------------------------------------------------------- queries */

static bool fail_time(Query *q, ObjPattern *p) {
    err_set(q->err, p->where, "time overflow: a position no longer fits in 64-bit fractions");
    err_hint(q->err, "a factor or offset is too extreme; use simpler numbers");
    return false;
}

static bool event_ok(const Event *e) {
    return rat_ok(e->part.begin) && rat_ok(e->part.end) &&
           (!e->has_whole || (rat_ok(e->whole.begin) && rat_ok(e->whole.end)));
}

/* Maps times of events [from, len) through t -> t * mul + add, checking for
 * overflow. */
static bool map_events(Query *q, ObjPattern *p, EvBuf *b, size_t from, Rat mul, Rat add) {
    for (size_t i = from; i < b->len; i++) {
        Event *e = &b->ev[i];
        e->part.begin = rat_add(rat_mul(e->part.begin, mul), add);
        e->part.end = rat_add(rat_mul(e->part.end, mul), add);
        if (e->has_whole) {
            e->whole.begin = rat_add(rat_mul(e->whole.begin, mul), add);
            e->whole.end = rat_add(rat_mul(e->whole.end, mul), add);
        }
        if (!event_ok(e)) return fail_time(q, p);
    }
    return true;
}

static bool spend(Query *q, ObjPattern *p) {
    if (--q->budget >= 0) return true;
    err_set(q->err, p->where, "query too large: more than the event budget in one query");
    err_hint(q->err, "a factor makes far too many events; check '*' and fast()");
    return false;
}

static bool q_fast(Query *q, ObjPattern *p, ObjPattern *sub, Rat f, Span s, EvBuf *out) {
    if (rat_is_zero(f)) return true;
    Span s2 = span(rat_mul(s.begin, f), rat_mul(s.end, f));
    if (!rat_ok(s2.begin) || !rat_ok(s2.end) || !rat_ok(rat_inv(f))) return fail_time(q, p);
    size_t from = out->len;
    if (!pat_query(q, sub, s2, out)) return false;
    return map_events(q, p, out, from, rat_inv(f), rat_int(0));
}

static bool q_early(Query *q, ObjPattern *p, ObjPattern *sub, Rat o, Span s, EvBuf *out) {
    Span s2 = span(rat_add(s.begin, o), rat_add(s.end, o));
    if (!rat_ok(s2.begin) || !rat_ok(s2.end)) return fail_time(q, p);
    size_t from = out->len;
    if (!pat_query(q, sub, s2, out)) return false;
    return map_events(q, p, out, from, rat_int(1), rat_neg(o));
}

static bool q_pure(Query *q, ObjPattern *p, Span s, EvBuf *out) {
    CycIt it = cycles(s);
    Span piece;
    while (cyc_next(&it, &piece)) {
        if (!spend(q, p)) return false;
        Rat sam = rat_floor(piece.begin);
        Rat next = rat_add(sam, rat_int(1));
        if (!rat_ok(next)) return fail_time(q, p);
        evbuf_push(out, (Event){span(sam, next), piece, true, p->value});
    }
    return true;
}

static bool q_slowcat(Query *q, ObjPattern *p, Span s, EvBuf *out) {
    CycIt it = cycles(s);
    Span piece;
    Rat n = rat_int(p->n);
    while (cyc_next(&it, &piece)) {
        Rat cyc = rat_floor(piece.begin);
        int64_t i = cyc.num % p->n;
        /* Strudel's slowcatPrime (every, firstOf, lastOf) indexes with
         * JavaScript's remainder, so a negative cycle that is not a multiple
         * of n finds no pattern and is silent. We do the same. */
        if (i < 0 && p->op) continue;
        if (i < 0) i += p->n;
        /* Each kid sees its own consecutive cycles: cycle c of the whole is
         * cycle floor(c / n) of the kid. */
        Rat offset = p->op ? rat_int(0) : rat_sub(cyc, rat_floor(rat_div(piece.begin, n)));
        if (!q_early(q, p, p->kids[i], rat_neg(offset), piece, out)) return false;
    }
    return true;
}

static bool q_compress(Query *q, ObjPattern *p, ObjPattern *sub, Span s, EvBuf *out) {
    Rat b = p->a, e = p->b, zero = rat_int(0), one = rat_int(1);
    if (rat_gt(b, e) || rat_gt(b, one) || rat_gt(e, one) || rat_lt(b, zero) || rat_lt(e, zero) ||
        rat_eq(b, e))
        return true;
    Rat factor = rat_inv(rat_sub(e, b));
    /* late(b) of fastGap(factor) */
    Span s2 = span(rat_sub(s.begin, b), rat_sub(s.end, b));
    CycIt it = cycles(s2);
    Span piece;
    while (cyc_next(&it, &piece)) {
        Rat cycle = rat_floor(piece.begin);
        Rat bpos = rat_min(rat_mul(rat_sub(piece.begin, cycle), factor), one);
        Rat epos = rat_min(rat_mul(rat_sub(piece.end, cycle), factor), one);
        if (!rat_ok(bpos) || !rat_ok(epos)) return fail_time(q, p);
        if (rat_ge(bpos, one)) continue;
        size_t from = out->len;
        if (!pat_query(q, sub, span(rat_add(cycle, bpos), rat_add(cycle, epos)), out)) return false;
        for (size_t i = from; i < out->len; i++) {
            Event *ev = &out->ev[i];
            Rat pb = ev->part.begin, pe = ev->part.end;
            Rat c = rat_floor(pb);
            Rat nb = rat_add(c, rat_min(rat_div(rat_sub(pb, c), factor), one));
            Rat ne = rat_add(c, rat_min(rat_div(rat_sub(pe, c), factor), one));
            if (ev->has_whole) {
                Rat wb = rat_sub(nb, rat_div(rat_sub(pb, ev->whole.begin), factor));
                Rat we = rat_add(ne, rat_div(rat_sub(ev->whole.end, pe), factor));
                ev->whole = span(rat_add(wb, b), rat_add(we, b));
            }
            ev->part = span(rat_add(nb, b), rat_add(ne, b));
            if (!event_ok(ev)) return fail_time(q, p);
        }
    }
    return true;
}

static bool q_repcycles(Query *q, ObjPattern *p, Span s, EvBuf *out) {
    CycIt it = cycles(s);
    Span piece;
    while (cyc_next(&it, &piece)) {
        Rat cycle = rat_floor(piece.begin);
        Rat source = rat_floor(rat_div(cycle, p->a));
        Rat delta = rat_sub(cycle, source);
        if (!rat_ok(delta)) return fail_time(q, p);
        if (!q_early(q, p, p->sub, rat_neg(delta), piece, out)) return false;
    }
    return true;
}

static bool q_applist(Query *q, ObjPattern *p, Span s, EvBuf *out) {
    EvBuf left, right;
    evbuf_init(&left, q->heap);
    evbuf_init(&right, q->heap);
    bool ok = pat_query(q, p->kids[0], s, &left);
    for (size_t i = 0; ok && i < left.len; i++) {
        right.len = 0;
        ok = pat_query(q, p->kids[1], whole_or_part(&left.ev[i]), &right);
        for (size_t j = 0; ok && j < right.len; j++) {
            Event *l = &left.ev[i], *r = &right.ev[j];
            Span part;
            if (!span_intersect(l->part, r->part, &part)) continue;
            /* [a..., b] when a is a list, else [a, b] */
            Value items[64];
            uint32_t n = 0;
            if (IS_LIST(l->value)) {
                ObjList *al = AS_LIST(l->value);
                for (uint32_t k = 0; k < al->len && n < 63; k++) items[n++] = al->items[k];
            } else {
                items[n++] = l->value;
            }
            items[n++] = r->value;
            /* The items' objects stay reachable through left/right. */
            ObjList *list = list_new(q->heap, items, n);
            l = &left.ev[i];
            evbuf_push(out, (Event){l->whole, part, l->has_whole, OBJ_VAL(list)});
        }
    }
    evbuf_free(&right);
    evbuf_free(&left);
    return ok;
}

/* struct(bools) of sub: structure from the boolean steps, values from sub. */
static bool q_euclid(Query *q, ObjPattern *p, const double *v, bool rot, Span s, EvBuf *out) {
    double pulses = v[0], steps = v[1], rotation = rot ? v[2] : 0;
    if (pulses != floor(pulses) || steps != floor(steps)) {
        err_set(q->err, p->where, "euclid needs whole numbers, got (%g,%g)", pulses, steps);
        return false;
    }
    if (steps < 0 || fabs(pulses) > steps || steps > MAX_EUCLID_STEP) {
        err_set(q->err, p->where, "euclid (%g,%g): %s", pulses, steps,
                steps > MAX_EUCLID_STEP ? "too many steps" : "more pulses than steps");
        err_hint(q->err, "the first number is how many hits, the second how many steps");
        return false;
    }
    int n = (int)steps;
    if (n == 0) return true;
    uint8_t *raw = malloc((size_t)n), *bits = malloc((size_t)n);
    if (!raw || !bits) abort();
    euclid_bools((int)pulses, n, raw);
    /* Strudel rotates with rotate(b, -r) = b.slice(-r).concat(b.slice(0, -r)),
     * JavaScript's slice clamping included (|r| >= n leaves it unrotated). */
    long start = 0;
    if (rotation != 0) {
        double m = trunc(-rotation);
        start = m < 0 ? (long)fmax(n + m, 0) : (long)fmin(m, n);
    }
    for (int i = 0; i < n; i++) bits[i] = raw[(start + i) % n];
    free(raw);

    EvBuf vals;
    evbuf_init(&vals, q->heap);
    bool ok = true;
    Rat rn = rat_int(n);
    CycIt it = cycles(s);
    Span piece;
    while (ok && cyc_next(&it, &piece)) {
        Rat c = rat_floor(piece.begin);
        Rat rb = rat_mul(rat_sub(piece.begin, c), rn), re = rat_mul(rat_sub(piece.end, c), rn);
        if (!rat_ok(rb) || !rat_ok(re)) {
            ok = fail_time(q, p);
            break;
        }
        int64_t i0 = rat_floor(rb).num, i1 = rat_ceil(re).num;
        if (i1 <= i0) i1 = i0 + 1;
        for (int64_t i = i0; ok && i < i1 && i < n; i++) {
            if (!bits[i]) continue;
            if (!(ok = spend(q, p))) break;
            Span whole = span(rat_add(c, rat_make(i, n)), rat_add(c, rat_make(i + 1, n))), part;
            if (!span_intersect(whole, piece, &part)) continue;
            vals.len = 0;
            if (!(ok = pat_query(q, p->sub, whole, &vals))) break;
            for (size_t j = 0; j < vals.len; j++) {
                Span part2;
                if (!span_intersect(vals.ev[j].part, part, &part2)) continue;
                evbuf_push(out, (Event){whole, part2, true, vals.ev[j].value});
            }
        }
    }
    evbuf_free(&vals);
    free(bits);
    return ok;
}

/* Applies op with concrete argument values over span s (no joining). */
static bool op_apply(Query *q, ObjPattern *p, const double *v, Span s, EvBuf *out) {
    switch ((PatOp)p->op) {
    case PO_FAST:
    case PO_SLOW:
    case PO_POLY:
    case PO_EARLY:
    case PO_LATE: {
        Rat x = rat_from_double(v[0]);
        if (!rat_ok(x)) {
            err_set(q->err, p->where, "expected a finite number, got %g", v[0]);
            return false;
        }
        if (p->op == PO_POLY) {
            if (rat_is_zero(x)) {
                err_set(q->err, p->where, "division by zero: a polymeter needs steps per cycle");
                return false;
            }
            return q_fast(q, p, p->sub, rat_mul(x, p->a), s, out);
        }
        if (p->op == PO_FAST || p->op == PO_SLOW) x = rat_mul(x, p->a);
        if (p->op == PO_FAST) return q_fast(q, p, p->sub, x, s, out);
        if (p->op == PO_SLOW) return rat_is_zero(x) || q_fast(q, p, p->sub, rat_inv(x), s, out);
        return q_early(q, p, p->sub, p->op == PO_EARLY ? x : rat_neg(x), s, out);
    }
    case PO_EUCLID: return q_euclid(q, p, v, false, s, out);
    case PO_EUCLIDROT: return q_euclid(q, p, v, true, s, out);
    }
    return true;
}

static bool arg_number(Query *q, ObjPattern *p, Value v, double *out) {
    if (IS_NUM(v)) {
        *out = v.as.num;
        return true;
    }
    char buf[64];
    val_format(v, buf, sizeof buf);
    err_set(q->err, p->where, "expected a number here, got '%s'", buf);
    err_hint(q->err, "factors and euclid arguments must be numbers, like 2, 1.5 or <2 3>");
    return false;
}

/* A patterned op, joined as Strudel's register does: the first argument's
 * events give the structure, later arguments are sampled with appLeft, and
 * each combination applies the op over its part (innerJoin: the wholes are
 * the op's own). */
typedef struct {
    Span whole, part;
    bool has_whole;
    double v[3];
} Tup;

static bool q_op(Query *q, ObjPattern *p, Span s, EvBuf *out) {
    unsigned n = p->n;
    double v[3] = {0, 0, 0};
    bool all_pure = true;
    for (unsigned i = 0; i < n; i++) all_pure &= p->kids[i]->kind == PAT_PURE;
    if (all_pure) {
        for (unsigned i = 0; i < n; i++)
            if (!arg_number(q, p, p->kids[i]->value, &v[i])) return false;
        return op_apply(q, p, v, s, out);
    }

    EvBuf tmp;
    evbuf_init(&tmp, q->heap);
    Tup *tu = NULL, *nu = NULL;
    size_t ntu = 0, nnu = 0, cap = 0, ncap = 0;
    bool ok = pat_query(q, p->kids[0], s, &tmp);
    for (size_t i = 0; ok && i < tmp.len; i++) {
        if (ntu == cap) {
            cap = cap ? cap * 2 : 16;
            tu = realloc(tu, cap * sizeof *tu);
            if (!tu) abort();
        }
        Tup t = {tmp.ev[i].whole, tmp.ev[i].part, tmp.ev[i].has_whole, {0, 0, 0}};
        ok = arg_number(q, p, tmp.ev[i].value, &t.v[0]);
        tu[ntu++] = t;
    }
    for (unsigned a = 1; ok && a < n; a++) {
        nnu = 0;
        for (size_t i = 0; ok && i < ntu; i++) {
            tmp.len = 0;
            Span w = tu[i].has_whole ? tu[i].whole : tu[i].part;
            ok = pat_query(q, p->kids[a], w, &tmp);
            for (size_t j = 0; ok && j < tmp.len; j++) {
                Span part;
                if (!span_intersect(tu[i].part, tmp.ev[j].part, &part)) continue;
                if (nnu == ncap) {
                    ncap = ncap ? ncap * 2 : 16;
                    nu = realloc(nu, ncap * sizeof *nu);
                    if (!nu) abort();
                }
                Tup t = tu[i];
                t.part = part;
                ok = arg_number(q, p, tmp.ev[j].value, &t.v[a]);
                nu[nnu++] = t;
            }
        }
        Tup *sw = tu;
        tu = nu;
        nu = sw;
        size_t sc = cap;
        cap = ncap;
        ncap = sc;
        ntu = nnu;
    }
    evbuf_free(&tmp);
    for (size_t i = 0; ok && i < ntu; i++) ok = op_apply(q, p, tu[i].v, tu[i].part, out);
    free(tu);
    free(nu);
    return ok;
}

static bool q_map(Query *q, ObjPattern *p, Span s, EvBuf *out) {
    size_t from = out->len;
    if (!pat_query(q, p->sub, s, out)) return false;
    size_t w = from;
    for (size_t i = from; i < out->len; i++) {
        Value v;
        if (!p->f.map(q, out->ev[i].value, p->value, &v)) return false;
        if (IS_NIL(v)) continue; /* a map gives nil to drop the event */
        out->ev[w] = out->ev[i];
        out->ev[w++].value = v;
    }
    out->len = w;
    return true;
}

/* appLeft / appRight / appBoth with a value combiner (Strudel's op.in, op.out, op.mix). */
static bool q_app(Query *q, ObjPattern *p, Span s, EvBuf *out) {
    EvBuf a, b;
    evbuf_init(&a, q->heap);
    evbuf_init(&b, q->heap);
    AppStructure st = (AppStructure)p->op;
    bool ok = true;
    if (st == APP_BOTH) {
        ok = pat_query(q, p->kids[0], s, &a) && pat_query(q, p->kids[1], s, &b);
        for (size_t i = 0; ok && i < a.len; i++)
            for (size_t j = 0; ok && j < b.len; j++) {
                Event *l = &a.ev[i], *r = &b.ev[j];
                Span part, whole = {0};
                if (!span_intersect(l->part, r->part, &part)) continue;
                bool has_whole = l->has_whole && r->has_whole;
                if (has_whole && !span_intersect(l->whole, r->whole, &whole)) continue;
                Value v;
                int keep = p->f.combine(q, a.ev[i].value, b.ev[j].value, p->value, &v);
                if (keep < 0) ok = false;
                if (keep > 0) evbuf_push(out, (Event){whole, part, has_whole, v});
            }
    } else {
        /* The structure side is queried over the span, the other over each
         * structure event's whole. */
        ObjPattern *first = st == APP_LEFT ? p->kids[0] : p->kids[1];
        ObjPattern *second = st == APP_LEFT ? p->kids[1] : p->kids[0];
        ok = pat_query(q, first, s, &a);
        for (size_t i = 0; ok && i < a.len; i++) {
            b.len = 0;
            ok = pat_query(q, second, whole_or_part(&a.ev[i]), &b);
            for (size_t j = 0; ok && j < b.len; j++) {
                Event *x = &a.ev[i], *y = &b.ev[j];
                Span part;
                if (!span_intersect(st == APP_LEFT ? x->part : y->part,
                                    st == APP_LEFT ? y->part : x->part, &part))
                    continue;
                Value lv = st == APP_LEFT ? x->value : y->value;
                Value rv = st == APP_LEFT ? y->value : x->value;
                Value v;
                int keep = p->f.combine(q, lv, rv, p->value, &v);
                if (keep < 0) ok = false;
                x = &a.ev[i];
                if (keep > 0) evbuf_push(out, (Event){x->whole, part, x->has_whole, v});
            }
        }
    }
    evbuf_free(&b);
    evbuf_free(&a);
    return ok;
}

static double perlin_at(double t);

static bool q_signal(Query *q, ObjPattern *p, Span s, EvBuf *out) {
    if (!spend(q, p)) return false;
    Rat t = s.begin;
    double x = rat_to_double(t), v = 0;
    switch ((Signal)p->op) {
    /* As Strudel computes them: t % 1 on the double of t (negative before
     * zero, like JavaScript's %), cosine as sine a quarter cycle earlier in
     * exact time. */
    case SIG_SAW: v = fmod(x, 1); break;
    case SIG_ISAW: v = 1 - fmod(x, 1); break;
    case SIG_SINE: v = (sin(M_PI * 2 * x) + 1) / 2; break;
    case SIG_COSINE: {
        double xc = rat_to_double(rat_add(t, rat_make(1, 4)));
        v = (sin(M_PI * 2 * xc) + 1) / 2;
        break;
    }
    case SIG_SQUARE: v = floor(fmod(x * 2, 2)); break;
    case SIG_RAND: v = pat_rand_at(x); break;
    case SIG_PERLIN: v = perlin_at(x); break;
    }
    evbuf_push(out, (Event){{0}, s, false, NUM_VAL(v)});
    return true;
}

/* Strudel's legacy random generator: 300 cycles stretched over 2^29 values,
 * then one xorshift round, in JavaScript's 32-bit integer arithmetic. */
static int32_t xorwise(int32_t x) {
    int32_t a = (int32_t)((uint32_t)x << 13) ^ x;
    int32_t b = (a >> 17) ^ a; /* arithmetic shift, as JavaScript's >> */
    return (int32_t)((uint32_t)b << 5) ^ b;
}

double pat_rand_at(double t) {
    double y = t / 300;
    double frac = y - trunc(y);
    double seedd = trunc(frac * 536870912);
    int32_t seed = xorwise((int32_t)seedd);
    return fabs((double)(seed % 536870912) / 536870912);
}

static double perlin_at(double t) {
    double ta = floor(t), tb = ta + 1;
    double x = t - ta;
    double smoother = 6.0 * pow(x, 5) - 15.0 * pow(x, 4) + 10.0 * pow(x, 3);
    double ra = pat_rand_at(ta), rb = pat_rand_at(tb);
    return ra + smoother * (rb - ra);
}

int pat_keep_if_above(Query *q, Value a, Value b, Value x, Value *out) {
    (void)q;
    if (!IS_NUM(b) || !(b.as.num > x.as.num)) return 0;
    *out = a;
    return 1;
}

int pat_keep_if_truthy(Query *q, Value a, Value b, Value x, Value *out) {
    (void)q;
    (void)x;
    if (IS_NIL(b) || (b.kind == VAL_BOOL && !b.as.b) || (IS_NUM(b) && b.as.num == 0)) return 0;
    *out = a;
    return 1;
}

int pat_keep_if_inv_above(Query *q, Value a, Value b, Value x, Value *out) {
    (void)q;
    if (!IS_NUM(b) || !(1 - b.as.num > x.as.num)) return 0;
    *out = a;
    return 1;
}

bool pat_pick(Query *q, Value r, Value list, Value *out) {
    ObjList *l = AS_LIST(list);
    if (!IS_NUM(r)) {
        err_set(q->err, (SrcRef){0}, "random choice needs a number between 0 and 1");
        return false;
    }
    double i = floor(r.as.num * l->len + 0);
    if (i < 0) i = 0;
    if (i > l->len - 1) i = l->len - 1;
    *out = l->items[(uint32_t)i];
    return true;
}

/* Reflects a span within cycle c: t -> 2c + 1 - t, begin and end swapped. */
static Span reflect(Span x, Rat c2) {
    return span(rat_sub(c2, x.end), rat_sub(c2, x.begin));
}

static bool q_rev(Query *q, ObjPattern *p, Span s, EvBuf *out) {
    CycIt it = cycles(s);
    Span piece;
    while (cyc_next(&it, &piece)) {
        Rat cyc = rat_floor(piece.begin);
        Rat c2 = rat_add(rat_add(cyc, cyc), rat_int(1));
        size_t from = out->len;
        if (!pat_query(q, p->sub, reflect(piece, c2), out)) return false;
        for (size_t i = from; i < out->len; i++) {
            Event *e = &out->ev[i];
            e->part = reflect(e->part, c2);
            if (e->has_whole) e->whole = reflect(e->whole, c2);
            if (!event_ok(e)) return fail_time(q, p);
        }
    }
    return true;
}

/* TimeSpan.withCycle: f applied relative to the sam of the span's begin. */
static Span with_cycle(Span x, Rat mul, Rat add) {
    Rat sam = rat_floor(x.begin);
    return span(rat_add(sam, rat_add(rat_mul(rat_sub(x.begin, sam), mul), add)),
                rat_add(sam, rat_add(rat_mul(rat_sub(x.end, sam), mul), add)));
}

static bool q_zoom(Query *q, ObjPattern *p, Span s, EvBuf *out) {
    Rat d = rat_sub(p->b, p->a);
    if (!rat_gt(d, rat_int(0))) return true;
    Rat inv = rat_inv(d), back = rat_neg(rat_div(p->a, d));
    CycIt it = cycles(s);
    Span piece;
    while (cyc_next(&it, &piece)) {
        size_t from = out->len;
        if (!pat_query(q, p->sub, with_cycle(piece, d, p->a), out)) return false;
        for (size_t i = from; i < out->len; i++) {
            Event *e = &out->ev[i];
            e->part = with_cycle(e->part, inv, back);
            if (e->has_whole) e->whole = with_cycle(e->whole, inv, back);
            if (!event_ok(e)) return fail_time(q, p);
        }
    }
    return true;
}

/* Flattens the events of pattern `inner` (queried for one outer event) into
 * out as `kind` says. */
static bool join_into(Query *q, ObjPattern *p, BindKind kind, const Event *outer, ObjPattern *inner,
                      EvBuf *out) {
    heap_push(q->heap, OBJ_VAL(inner));
    bool ok = true;
    if (kind == BIND_SQUEEZE) {
        /* Strudel's squeezeJoin: the inner cycle is fitted to the outer whole. */
        Span w = whole_or_part(outer);
        Rat len = rat_sub(w.end, w.begin);
        if (!rat_gt(len, rat_int(0))) {
            heap_pop(q->heap, 1);
            return true;
        }
        ObjPattern *f = pat_early(q->heap, rat_floor(w.begin), inner);
        heap_push(q->heap, OBJ_VAL(f));
        f = pat_fast(q->heap, rat_inv(len), f);
        heap_push(q->heap, OBJ_VAL(f));
        f = pat_late(q->heap, w.begin, f);
        heap_push(q->heap, OBJ_VAL(f));
        EvBuf tmp;
        evbuf_init(&tmp, q->heap);
        ok = pat_query(q, f, outer->part, &tmp);
        for (size_t i = 0; ok && i < tmp.len; i++) {
            Event *e = &tmp.ev[i];
            Span whole = {0}, part;
            bool has_whole = e->has_whole && outer->has_whole;
            if (has_whole && !span_intersect(e->whole, outer->whole, &whole)) continue;
            if (!span_intersect(e->part, outer->part, &part)) continue;
            evbuf_push(out, (Event){whole, part, has_whole, e->value});
        }
        evbuf_free(&tmp);
        heap_pop(q->heap, 3);
    } else {
        size_t from = out->len;
        ok = pat_query(q, inner, outer->part, out);
        if (kind == BIND_OUTER)
            for (size_t i = from; ok && i < out->len; i++) {
                out->ev[i].whole = outer->whole;
                out->ev[i].has_whole = outer->has_whole;
            }
    }
    heap_pop(q->heap, 1);
    (void)p;
    return ok;
}

static bool q_bind(Query *q, ObjPattern *p, Span s, EvBuf *out) {
    EvBuf outer;
    evbuf_init(&outer, q->heap);
    bool ok = pat_query(q, p->sub, s, &outer);
    for (size_t i = 0; ok && i < outer.len; i++) {
        Event *e = &outer.ev[i];
        if (p->op == BIND_SQUEEZE && !e->has_whole) continue;
        if (!IS_PATTERN(e->value)) {
            err_set(q->err, p->where, "expected patterns to join, got a %s",
                    IS_NUM(e->value) ? "number" : "value");
            ok = false;
            break;
        }
        ok = join_into(q, p, (BindKind)p->op, e, AS_PATTERN(e->value), out);
    }
    evbuf_free(&outer);
    return ok;
}

static bool same_whole(const Event *a, const Event *b) {
    if (!a->has_whole || !b->has_whole) return a->has_whole == b->has_whole;
    return rat_eq(a->whole.begin, b->whole.begin) && rat_eq(a->whole.end, b->whole.end);
}

/* Strudel's collect: events with equal wholes become one event whose value
 * is the list of their values, in query order. */
static bool q_collect(Query *q, ObjPattern *p, Span s, EvBuf *out) {
    EvBuf in;
    evbuf_init(&in, q->heap);
    bool ok = pat_query(q, p->sub, s, &in);
    bool *used = calloc(in.len + 1, 1);
    Value *items = malloc((in.len + 1) * sizeof *items);
    if (!used || !items) abort();
    for (size_t i = 0; ok && i < in.len; i++) {
        if (used[i]) continue;
        uint32_t n = 0;
        for (size_t j = i; j < in.len; j++)
            if (!used[j] && same_whole(&in.ev[i], &in.ev[j])) {
                used[j] = true;
                items[n++] = in.ev[j].value;
            }
        ObjList *l = list_new(q->heap, items, n);
        evbuf_push(out, (Event){in.ev[i].whole, in.ev[i].part, in.ev[i].has_whole, OBJ_VAL(l)});
    }
    free(used);
    free(items);
    evbuf_free(&in);
    return ok;
}

/* register-style patterned function: tuples of argument values (appLeft over
 * the argument patterns), a pattern built per tuple, joined. */
static bool q_build(Query *q, ObjPattern *p, Span s, EvBuf *out) {
    unsigned n = p->n;
    EvBuf t[8];
    if (n > 8 || n == 0) {
        err_set(q->err, p->where, "internal: bad argument count");
        return false;
    }
    for (unsigned i = 0; i < n; i++) evbuf_init(&t[i], q->heap);
    EvBuf tmp;
    evbuf_init(&tmp, q->heap);
    bool ok = pat_query(q, p->kids[0], s, &t[0]);
    /* t[k].ev[i] holds tuple i's argument k; t[0] carries whole and part. */
    for (unsigned a = 1; ok && a < n; a++) {
        EvBuf next[8];
        for (unsigned k = 0; k <= a; k++) evbuf_init(&next[k], q->heap);
        for (size_t i = 0; ok && i < t[0].len; i++) {
            tmp.len = 0;
            ok = pat_query(q, p->kids[a], whole_or_part(&t[0].ev[i]), &tmp);
            for (size_t j = 0; ok && j < tmp.len; j++) {
                Span part;
                if (!span_intersect(t[0].ev[i].part, tmp.ev[j].part, &part)) continue;
                Event head = t[0].ev[i];
                head.part = part;
                evbuf_push(&next[0], head);
                for (unsigned k = 1; k < a; k++) evbuf_push(&next[k], t[k].ev[i]);
                evbuf_push(&next[a], tmp.ev[j]);
            }
        }
        /* move next into t (free in reverse creation order) */
        for (unsigned k = 0; k <= a; k++) {
            Event *ev = next[k].ev;
            size_t len = next[k].len, cap = next[k].cap;
            next[k].ev = t[k].ev;
            next[k].len = t[k].len;
            next[k].cap = t[k].cap;
            t[k].ev = ev;
            t[k].len = len;
            t[k].cap = cap;
        }
        for (unsigned k = a + 1; k-- > 0;) evbuf_free(&next[k]);
    }
    for (size_t i = 0; ok && i < t[0].len; i++) {
        Value vals[8];
        for (unsigned k = 0; k < n; k++) vals[k] = t[k].ev[i].value;
        ObjPattern *built = NULL;
        ok = p->f.build(q, vals, p->sub, p->value, &built);
        if (ok) ok = join_into(q, p, (BindKind)p->op, &t[0].ev[i], built, out);
    }
    evbuf_free(&tmp);
    for (unsigned i = n; i-- > 0;) evbuf_free(&t[i]);
    return ok;
}

bool pat_query(Query *q, ObjPattern *p, Span s, EvBuf *out) {
    if (!rat_ok(s.begin) || !rat_ok(s.end)) return fail_time(q, p);
    if (rat_gt(s.begin, s.end)) return true;
    if (++q->depth > MAX_DEPTH) {
        q->depth--;
        err_set(q->err, p->where, "pattern nested too deeply");
        return false;
    }
    bool ok = true;
    switch ((PatKind)p->kind) {
    case PAT_SILENCE: break;
    case PAT_PURE: ok = q_pure(q, p, s, out); break;
    case PAT_STACK:
        for (unsigned i = 0; ok && i < p->n; i++) ok = pat_query(q, p->kids[i], s, out);
        break;
    case PAT_SLOWCAT: ok = q_slowcat(q, p, s, out); break;
    case PAT_FAST: ok = q_fast(q, p, p->sub, p->a, s, out); break;
    case PAT_EARLY: ok = q_early(q, p, p->sub, p->a, s, out); break;
    case PAT_COMPRESS: ok = q_compress(q, p, p->sub, s, out); break;
    case PAT_REPCYCLES: ok = q_repcycles(q, p, s, out); break;
    case PAT_APPLIST: ok = q_applist(q, p, s, out); break;
    case PAT_OP: ok = q_op(q, p, s, out); break;
    case PAT_MAP: ok = q_map(q, p, s, out); break;
    case PAT_APP: ok = q_app(q, p, s, out); break;
    case PAT_SIGNAL: ok = q_signal(q, p, s, out); break;
    case PAT_BUILD: ok = q_build(q, p, s, out); break;
    case PAT_REV: ok = q_rev(q, p, s, out); break;
    case PAT_ZOOM: ok = q_zoom(q, p, s, out); break;
    case PAT_BIND: ok = q_bind(q, p, s, out); break;
    case PAT_COLLECT: ok = q_collect(q, p, s, out); break;
    }
    q->depth--;
    return ok;
}

static int ev_time_cmp(const void *a, const void *b) {
    const Event *x = a, *y = b;
    int c = rat_cmp(x->whole.begin, y->whole.begin);
    return c ? c : rat_cmp(x->whole.end, y->whole.end);
}

bool pat_events(Query *q, ObjPattern *p, Rat b, Rat e, bool onsets_only, EvBuf *out) {
    size_t from = out->len;
    if (!pat_query(q, p, span(b, e), out)) return false;
    if (onsets_only) {
        size_t w = from;
        for (size_t i = from; i < out->len; i++) {
            Event *ev = &out->ev[i];
            if (ev->has_whole && rat_eq(ev->part.begin, ev->whole.begin) &&
                rat_le(b, ev->whole.begin) && rat_lt(ev->whole.begin, e))
                out->ev[w++] = *ev;
        }
        out->len = w;
    }
    if (out->len > from) qsort(out->ev + from, out->len - from, sizeof(Event), ev_time_cmp);
    return true;
}
