/*
 * pattern.c - the pattern engine: event buffers, constructors and the query
 * interpreter, with the nodes that only map time (pure, stack, slowcat,
 * fast, early, compress, repeatCycles, rev, zoom) and the signals; the
 * joining nodes are in pattern_ops.c.
 *
 * Each node kind's query mirrors the Strudel 1.2.6 function of the same
 * meaning (pure, stack, slowcat, _fast, _early, _compress via _fastGap,
 * repeatCycles, appLeft, struct/euclid, register's patterned arguments), so
 * the events, including how they are split at cycle boundaries and which
 * whole each fragment keeps, are Strudel's. Time-mapping nodes query their
 * child straight into the output buffer and then rewrite the new events in
 * place; only joins need scratch buffers.
 */
#include "pattern_impl.h"

#include <math.h>
#include <stdlib.h>

#define MAX_DEPTH 2000

/* ---------------------------------------------------------------- buffers */

static void evbuf_mark(Heap *h, void *ud) {
    EvBuf *b = ud;
    for (size_t i = 0; i < b->len; i++) {
        heap_mark(h, b->ev[i].value);
        heap_mark(h, b->ev[i].ctx);
    }
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

/* ---------------------------------------------------------------- nodes */

static ObjPattern *node(Heap *h, PatKind kind, unsigned nkids) {
    ObjPattern *p =
        (ObjPattern *)heap_alloc(h, sizeof(ObjPattern) + nkids * sizeof(ObjPattern *), OBJ_PATTERN);
    p->kind = (uint8_t)kind;
    p->n = (uint16_t)nkids;
    p->a = p->b = rat_int(0);
    p->steps = RAT_NAR;
    p->value = NIL_VAL;
    return p;
}

static void pat_trace(Heap *h, Obj *o) {
    ObjPattern *p = (ObjPattern *)o;
    heap_mark(h, p->value);
    if (p->sub) heap_mark_obj(h, &p->sub->obj);
    for (unsigned i = 0; i < p->n; i++)
        if (p->kids[i]) heap_mark_obj(h, &p->kids[i]->obj);
}

void pat_heap_kinds(Heap *h) {
    heap_set_kind(h, OBJ_PATTERN, pat_trace, NULL);
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
    if (sub) p->steps = sub->steps; /* a transformation keeps its pattern's steps */
    return p;
}

/* the lcm of the kids' steps (stack, slowcat) */
static ObjPattern *lcm_steps(ObjPattern *p) {
    Rat s = RAT_NAR;
    for (unsigned i = 0; i < p->n; i++) s = rat_lcm(s, p->kids[i]->steps);
    p->steps = s;
    return p;
}

ObjPattern *pat_with_steps(Heap *h, ObjPattern *p, Rat steps) {
    heap_push(h, OBJ_VAL(p));
    ObjPattern *c = node(h, (PatKind)p->kind, p->n);
    heap_pop(h, 1);
    Rat keep = rat_ok(steps) ? steps : RAT_NAR;
    memcpy((char *)c + sizeof(Obj), (char *)p + sizeof(Obj),
           sizeof(ObjPattern) - sizeof(Obj) + p->n * sizeof(ObjPattern *));
    c->steps = keep;
    return c;
}

ObjPattern *pat_silence(Heap *h) {
    ObjPattern *p = node(h, PAT_SILENCE, 0);
    p->steps = rat_int(1);
    return p;
}

ObjPattern *pat_pure(Heap *h, Value v) {
    heap_push(h, v);
    ObjPattern *p = node(h, PAT_PURE, 0);
    heap_pop(h, 1);
    p->value = v;
    p->steps = rat_int(1);
    return p;
}

ObjPattern *pat_stack(Heap *h, ObjPattern **pats, unsigned n) {
    if (n == 1) return pats[0];
    return lcm_steps(node_with(h, PAT_STACK, NULL, pats, n));
}

ObjPattern *pat_slowcat(Heap *h, ObjPattern **pats, unsigned n) {
    if (n == 0) return pat_silence(h);
    if (n == 1) return pats[0];
    return lcm_steps(node_with(h, PAT_SLOWCAT, NULL, pats, n));
}

ObjPattern *pat_fastcat(Heap *h, ObjPattern **pats, unsigned n) {
    ObjPattern *p = pat_slowcat(h, pats, n);
    if (n <= 1) return p;
    p = pat_fast(h, rat_int(n), p);
    p->steps = rat_int(n); /* a sequence counts its items */
    return p;
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
    r->steps = RAT_NAR; /* as Strudel's compress */
    return r;
}

ObjPattern *pat_fastgap(Heap *h, Rat factor, ObjPattern *p) {
    ObjPattern *r = pat_compress(h, rat_int(0), rat_inv(factor), p);
    r->op = 1; /* any factor above 0: below 1 the cycle plays slower, cut at its end */
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
    if (made == 1) r = pat_with_steps(h, r, total); /* (not the kid's own node) */
    r->steps = total;                               /* the weights' sum, as Strudel's stepcat */
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
    ObjPattern *p = node_with(h, PAT_APPLIST, NULL, kids, 2);
    p->steps = left->steps;
    return p;
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
    r->steps = rat_int(steps); /* its structure's: the rhythm's steps */
    return r;
}

ObjPattern *pat_slowcat_prime(Heap *h, ObjPattern **pats, unsigned n) {
    if (n == 0) return pat_silence(h);
    if (n == 1) return pats[0];
    ObjPattern *r = lcm_steps(node_with(h, PAT_SLOWCAT, NULL, pats, n));
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
    /* the steps of where the structure comes from (both: their lcm) */
    p->steps = st == APP_LEFT ? l->steps : st == APP_RIGHT ? r->steps : rat_lcm(l->steps, r->steps);
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

ObjPattern *pat_seed(Heap *h, double n, ObjPattern *p) {
    ObjPattern *r = node_with(h, PAT_SEED, p, NULL, 0);
    r->value = NUM_VAL(n);
    return r;
}

ObjPattern *pat_revv(Heap *h, ObjPattern *p) {
    ObjPattern *r = node_with(h, PAT_REV, p, NULL, 0);
    r->op = 1; /* the whole timeline, around time 0 */
    return r;
}

ObjPattern *pat_zoom(Heap *h, Rat s, Rat e, ObjPattern *p) {
    ObjPattern *r = node_with(h, PAT_ZOOM, p, NULL, 0);
    r->a = s;
    r->b = e;
    if (rat_ok(r->steps)) r->steps = rat_mul(r->steps, rat_sub(e, s)); /* the part it keeps */
    return r;
}

ObjPattern *pat_window(Heap *h, Rat a, Rat b, bool inside, ObjPattern *p) {
    ObjPattern *r = node_with(h, PAT_WINDOW, p, NULL, 0);
    r->a = a;
    r->b = b;
    r->op = inside ? 1 : 0;
    return r;
}

ObjPattern *pat_bind(Heap *h, BindKind kind, ObjPattern *pats) {
    ObjPattern *r = node_with(h, PAT_BIND, pats, NULL, 0);
    r->op = (uint8_t)kind;
    r->steps = RAT_NAR; /* what the inner patterns count is not known here */
    return r;
}

ObjPattern *pat_query_fn(Heap *h, bool (*fn)(Query *q, ObjPattern *self, Span span, EvBuf *out),
                         ObjPattern *sub, Value value) {
    heap_push(h, value);
    ObjPattern *r = node_with(h, PAT_QUERY, sub, NULL, 0);
    heap_pop(h, 1);
    r->f.query = fn;
    r->value = value;
    return r;
}

ObjPattern *pat_collect(Heap *h, ObjPattern *p) {
    return node_with(h, PAT_COLLECT, p, NULL, 0);
}

/* ---------------------------------------------------------------- queries */

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

bool pat_q_fast(Query *q, ObjPattern *p, ObjPattern *sub, Rat f, Span s, EvBuf *out) {
    if (rat_is_zero(f)) return true;
    Span s2 = span(rat_mul(s.begin, f), rat_mul(s.end, f));
    if (!rat_ok(s2.begin) || !rat_ok(s2.end) || !rat_ok(rat_inv(f))) return fail_time(q, p);
    size_t from = out->len;
    if (!pat_query(q, sub, s2, out)) return false;
    return map_events(q, p, out, from, rat_inv(f), rat_int(0));
}

bool pat_q_early(Query *q, ObjPattern *p, ObjPattern *sub, Rat o, Span s, EvBuf *out) {
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
        evbuf_push(out, (Event){span(sam, next), piece, true, p->value, NIL_VAL});
    }
    return true;
}

static bool q_slowcat(Query *q, ObjPattern *p, Span s, EvBuf *out) {
    CycIt it = cycles(s);
    Span piece;
    Rat n = rat_int(p->n);
    while (cyc_next(&it, &piece)) {
        if (!spend(q, p)) return false; /* each cycle is work, events or not */
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
        if (!pat_q_early(q, p, p->kids[i], rat_neg(offset), piece, out)) return false;
    }
    return true;
}

static bool q_compress(Query *q, ObjPattern *p, ObjPattern *sub, Span s, EvBuf *out) {
    Rat b = p->a, e = p->b, zero = rat_int(0), one = rat_int(1);
    if (!p->op && (rat_gt(b, e) || rat_gt(b, one) || rat_gt(e, one) || rat_lt(b, zero) ||
                   rat_lt(e, zero) || rat_eq(b, e)))
        return true;
    Rat factor = rat_inv(rat_sub(e, b));
    /* late(b) of fastGap(factor) */
    Span s2 = span(rat_sub(s.begin, b), rat_sub(s.end, b));
    CycIt it = cycles(s2);
    Span piece;
    while (cyc_next(&it, &piece)) {
        if (!spend(q, p)) return false; /* each cycle is work, events or not */
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
        if (!spend(q, p)) return false; /* each cycle is work, events or not */
        Rat cycle = rat_floor(piece.begin);
        Rat source = rat_floor(rat_div(cycle, p->a));
        Rat delta = rat_sub(cycle, source);
        if (!rat_ok(delta)) return fail_time(q, p);
        if (!pat_q_early(q, p, p->sub, rat_neg(delta), piece, out)) return false;
    }
    return true;
}

static double perlin_at(double t, double seed);

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
    case SIG_RAND: v = pat_rand_at(x + q->seed); break;
    case SIG_PERLIN: v = perlin_at(x, q->seed); break;
    /* each as Strudel's: saw.toBipolar() is (t % 1) * 2 - 1; sine2 and cosine2 are sin itself */
    case SIG_SAW2: v = fmod(x, 1) * 2 - 1; break;
    case SIG_ISAW2: v = (1 - fmod(x, 1)) * 2 - 1; break;
    case SIG_SINE2: v = sin(M_PI * 2 * x); break;
    case SIG_COSINE2: v = sin(M_PI * 2 * rat_to_double(rat_add(t, rat_make(1, 4)))); break;
    case SIG_SQUARE2: v = floor(fmod(x * 2, 2)) * 2 - 1; break;
    case SIG_RAND2: v = pat_rand_at(x + q->seed) * 2 - 1; break;
    case SIG_TIME: v = x; break;
    case SIG_CYCLESPER: v = rat_to_double(rat_sub(s.end, s.begin)); break;
    case SIG_PER: v = rat_to_double(rat_div(rat_int(1), rat_sub(s.end, s.begin))); break;
    case SIG_PERX: v = log2(rat_to_double(rat_div(rat_int(1), rat_sub(s.end, s.begin)))) + 1; break;
    case SIG_BERLIN: { /* from r(cycle) rising by r(next cycle) over the cycle, halved */
        double c = floor(x), lo = pat_rand_at(c + q->seed), up = pat_rand_at(c + 1 + q->seed);
        v = (lo + (x - c) * up) / 2;
        break;
    }
    }
    evbuf_push(out, (Event){{0}, s, false, NUM_VAL(v), NIL_VAL});
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

void pat_rands_at(double t, int n, double *out) {
    double y = t / 300;
    int32_t seed = xorwise((int32_t)trunc((y - trunc(y)) * 536870912));
    if (n == 1) {
        out[0] = fabs((double)(seed % 536870912) / 536870912);
        return;
    }
    for (int i = 0; i < n; i++) {
        out[i] = (double)(seed % 536870912) / 536870912;
        seed = xorwise(seed);
    }
}

static double perlin_at(double t, double seed) {
    double ta = floor(t), tb = ta + 1;
    double x = t - ta;
    double smoother = 6.0 * pow(x, 5) - 15.0 * pow(x, 4) + 10.0 * pow(x, 3);
    double ra = pat_rand_at(ta + seed), rb = pat_rand_at(tb + seed);
    return ra + smoother * (rb - ra);
}

/* Reflects a span within cycle c: t -> 2c + 1 - t, begin and end swapped. */
static Span reflect(Span x, Rat c2) {
    return span(rat_sub(c2, x.end), rat_sub(c2, x.begin));
}

static bool q_window(Query *q, ObjPattern *p, Span s, EvBuf *out) {
    size_t from = out->len, w = from;
    if (!pat_query(q, p->sub, s, out)) return false;
    for (size_t i = from; i < out->len; i++) {
        Rat t = out->ev[i].has_whole ? out->ev[i].whole.begin : out->ev[i].part.begin;
        Rat pos = rat_sub(t, rat_floor(t));
        bool in = !rat_lt(pos, p->a) && !rat_lt(p->b, pos);
        if (in == (p->op == 1)) out->ev[w++] = out->ev[i];
    }
    out->len = w;
    return true;
}

static bool q_rev(Query *q, ObjPattern *p, Span s, EvBuf *out) {
    if (p->op) { /* revv: time negated, cycle c plays cycle -1 - c backwards */
        if (!spend(q, p)) return false;
        size_t from = out->len;
        if (!pat_query(q, p->sub, reflect(s, rat_int(0)), out)) return false;
        for (size_t i = from; i < out->len; i++) {
            Event *e = &out->ev[i];
            e->part = reflect(e->part, rat_int(0));
            if (e->has_whole) e->whole = reflect(e->whole, rat_int(0));
            if (!event_ok(e)) return fail_time(q, p);
        }
        return true;
    }
    CycIt it = cycles(s);
    Span piece;
    while (cyc_next(&it, &piece)) {
        if (!spend(q, p)) return false; /* each cycle is work, events or not */
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
        if (!spend(q, p)) return false; /* each cycle is work, events or not */
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
    case PAT_FAST: ok = pat_q_fast(q, p, p->sub, p->a, s, out); break;
    case PAT_EARLY: ok = pat_q_early(q, p, p->sub, p->a, s, out); break;
    case PAT_COMPRESS: ok = q_compress(q, p, p->sub, s, out); break;
    case PAT_REPCYCLES: ok = q_repcycles(q, p, s, out); break;
    case PAT_APPLIST: ok = pat_q_applist(q, p, s, out); break;
    case PAT_OP: ok = pat_q_op(q, p, s, out); break;
    case PAT_MAP: ok = pat_q_map(q, p, s, out); break;
    case PAT_APP: ok = pat_q_app(q, p, s, out); break;
    case PAT_SIGNAL: ok = q_signal(q, p, s, out); break;
    case PAT_BUILD: ok = pat_q_build(q, p, s, out); break;
    case PAT_REV: ok = q_rev(q, p, s, out); break;
    case PAT_ZOOM: ok = q_zoom(q, p, s, out); break;
    case PAT_BIND: ok = pat_q_bind(q, p, s, out); break;
    case PAT_COLLECT: ok = pat_q_collect(q, p, s, out); break;
    case PAT_WINDOW: ok = q_window(q, p, s, out); break;
    case PAT_QUERY: ok = spend(q, p) && p->f.query(q, p, s, out); break;
    case PAT_SEED: {
        double was = q->seed;
        q->seed = p->value.as.num;
        ok = pat_query(q, p->sub, s, out);
        q->seed = was;
        break;
    }
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
    if (q->depth == 0) { /* a new query */
        if (q->limit > 0) q->budget = q->limit;
        q->where = p->where;
    }
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