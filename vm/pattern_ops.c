/*
 * pattern_ops.c - the pattern nodes that join patterns: register's patterned
 * arguments (op, build), struct/euclid, applist, app (appLeft, appRight,
 * appBoth with a value combiner), map, bind and squeeze, collect; and the
 * combiners and maps natives hand to them (pat_keep_if_*, pat_pick).
 *
 * They query their arguments into scratch buffers and push the combined
 * events to the output, as Strudel 1.2.6 does (see pattern.c).
 */
#include "pattern_impl.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define MAX_EUCLID_STEP 65536 /* steps of one euclidean rhythm */

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

bool pat_q_applist(Query *q, ObjPattern *p, Span s, EvBuf *out) {
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
            evbuf_push(out, (Event){l->whole, part, l->has_whole, OBJ_VAL(list),
                                    ctx_join(l->ctx, right.ev[j].ctx)});
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
        err_set(q->err, p->where, "euclid needs whole numbers, got (%.15g,%.15g)", pulses, steps);
        return false;
    }
    if (steps < 0 || fabs(pulses) > steps || steps > MAX_EUCLID_STEP) {
        err_set(q->err, p->where, "euclid (%.15g,%.15g): %s", pulses, steps,
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
        if (!(ok = spend(q, p))) break; /* each cycle is work, events or not */
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
                evbuf_push(out, (Event){whole, part2, true, vals.ev[j].value, vals.ev[j].ctx});
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
            return pat_q_fast(q, p, p->sub, rat_mul(x, p->a), s, out);
        }
        if (p->op == PO_FAST || p->op == PO_SLOW) x = rat_mul(x, p->a);
        if (p->op == PO_FAST) return pat_q_fast(q, p, p->sub, x, s, out);
        if (p->op == PO_SLOW) return rat_is_zero(x) || pat_q_fast(q, p, p->sub, rat_inv(x), s, out);
        return pat_q_early(q, p, p->sub, p->op == PO_EARLY ? x : rat_neg(x), s, out);
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

bool pat_q_op(Query *q, ObjPattern *p, Span s, EvBuf *out) {
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

bool pat_q_map(Query *q, ObjPattern *p, Span s, EvBuf *out) {
    size_t from = out->len;
    if (!pat_query(q, p->sub, s, out)) return false;
    size_t w = from;
    for (size_t i = from; i < out->len; i++) {
        Value v;
        q->ctx = out->ev[i].ctx;
        q->whole = out->ev[i].has_whole ? rat_sub(out->ev[i].whole.end, out->ev[i].whole.begin)
                                        : rat_int(0);
        q->whole_at = out->ev[i].has_whole ? out->ev[i].whole.begin : out->ev[i].part.begin;
        if (!p->f.map(q, out->ev[i].value, p->value, &v)) return false;
        if (IS_NIL(v)) continue; /* a map gives nil to drop the event */
        out->ev[w] = out->ev[i];
        out->ev[w].ctx = q->ctx;
        out->ev[w++].value = v;
    }
    out->len = w;
    return true;
}

/* appLeft / appRight / appBoth with a value combiner (Strudel's op.in, op.out, op.mix). */
bool pat_q_app(Query *q, ObjPattern *p, Span s, EvBuf *out) {
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
                if (keep > 0)
                    evbuf_push(out, (Event){whole, part, has_whole, v,
                                            ctx_join(a.ev[i].ctx, b.ev[j].ctx)});
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
                if (keep > 0)
                    evbuf_push(out, (Event){x->whole, part, x->has_whole, v,
                                            st == APP_LEFT ? ctx_join(x->ctx, b.ev[j].ctx)
                                                           : ctx_join(b.ev[j].ctx, x->ctx)});
            }
        }
    }
    evbuf_free(&b);
    evbuf_free(&a);
    return ok;
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
            evbuf_push(out,
                       (Event){whole, part, has_whole, e->value, ctx_join(outer->ctx, e->ctx)});
        }
        evbuf_free(&tmp);
        heap_pop(q->heap, 3);
    } else {
        size_t from = out->len;
        ok = pat_query(q, inner, outer->part, out);
        for (size_t i = from; ok && i < out->len; i++) {
            out->ev[i].ctx = ctx_join(outer->ctx, out->ev[i].ctx);
            if (kind == BIND_OUTER) {
                out->ev[i].whole = outer->whole;
                out->ev[i].has_whole = outer->has_whole;
            }
        }
    }
    heap_pop(q->heap, 1);
    (void)p;
    return ok;
}

/* Strudel's resetJoin / restartJoin: the inner pattern of each (discrete)
 * outer event, moved so that its cycle (restart: its cycle zero) begins where
 * the outer event does, queried over the whole span and kept to the outer event. */
static bool reset_into(Query *q, bool restart, Span s, const Event *outer, ObjPattern *inner,
                       EvBuf *out) {
    Rat b = outer->whole.begin;
    Rat shift = restart ? b : rat_sub(b, rat_floor(b));
    ObjPattern *f = pat_late(q->heap, shift, inner);
    heap_push(q->heap, OBJ_VAL(f));
    EvBuf tmp;
    evbuf_init(&tmp, q->heap);
    bool ok = pat_query(q, f, s, &tmp);
    for (size_t i = 0; ok && i < tmp.len; i++) {
        Event *e = &tmp.ev[i];
        Span whole = {0}, part;
        if (!span_intersect(e->part, outer->part, &part)) continue;
        bool has_whole = e->has_whole && span_intersect(e->whole, outer->whole, &whole);
        evbuf_push(out, (Event){whole, part, has_whole, e->value, ctx_join(outer->ctx, e->ctx)});
    }
    evbuf_free(&tmp);
    heap_pop(q->heap, 1);
    return ok;
}

bool pat_q_bind(Query *q, ObjPattern *p, Span s, EvBuf *out) {
    EvBuf outer;
    evbuf_init(&outer, q->heap);
    bool ok = pat_query(q, p->sub, s, &outer);
    for (size_t i = 0; ok && i < outer.len; i++) {
        Event *e = &outer.ev[i];
        if ((p->op == BIND_SQUEEZE || p->op == BIND_RESET || p->op == BIND_RESTART) &&
            !e->has_whole)
            continue;
        if ((p->op == BIND_RESET || p->op == BIND_RESTART) && IS_PATTERN(e->value)) {
            Event copy = *e;
            ok = reset_into(q, p->op == BIND_RESTART, s, &copy, AS_PATTERN(e->value), out);
            continue;
        }
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
bool pat_q_collect(Query *q, ObjPattern *p, Span s, EvBuf *out) {
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
        evbuf_push(out, (Event){in.ev[i].whole, in.ev[i].part, in.ev[i].has_whole, OBJ_VAL(l),
                                in.ev[i].ctx});
    }
    free(used);
    free(items);
    evbuf_free(&in);
    return ok;
}

/* register-style patterned function: tuples of argument values (appLeft over
 * the argument patterns), a pattern built per tuple, joined. */
/* The argument tuples of p over s, each built and joined into out as p's kind
 * says, or (built_only) as an event whose value is the pattern built. */
static bool build_tuples(Query *q, ObjPattern *p, Span s, EvBuf *out, bool built_only) {
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
        if (!ok) break;
        if (built_only) { /* the step join collects the patterns built */
            Event e = t[0].ev[i];
            e.value = OBJ_VAL(built);
            evbuf_push(out, e);
        } else {
            ok = join_into(q, p, (BindKind)p->op, &t[0].ev[i], built, out);
        }
    }
    evbuf_free(&tmp);
    for (unsigned i = n; i-- > 0;) evbuf_free(&t[i]);
    return ok;
}

/* Strudel's stepJoin over one cycle c: the cycle cut wherever a built pattern's
 * event begins or ends; each slice the stack of the patterns sounding in it, counted
 * by its steps (a slice whose stack has none takes the others' average; none has
 * any: equal parts); the slices one after another (stepcat), queried over s. */
static bool step_pattern(Query *q, ObjPattern *p, Rat c, ObjPattern **result, unsigned *pushed_out);

static bool step_cycle(Query *q, ObjPattern *p, Rat c, Span s, EvBuf *out) {
    ObjPattern *r = NULL;
    unsigned pushed = 0;
    bool ok = step_pattern(q, p, c, &r, &pushed);
    if (ok && r) ok = pat_query(q, r, s, out);
    heap_pop(q->heap, pushed);
    return ok;
}

Rat pat_step_steps(Query *q, ObjPattern *p) {
    ObjPattern *r = NULL;
    unsigned pushed = 0;
    Rat steps = RAT_NAR;
    if (step_pattern(q, p, rat_int(0), &r, &pushed) && r) steps = r->steps;
    heap_pop(q->heap, pushed);
    return steps;
}

/* the stepcat of cycle c's slices (*result NULL when there are none), rooted: the
 * caller pops *pushed_out */
static bool step_pattern(Query *q, ObjPattern *p, Rat c, ObjPattern **result,
                         unsigned *pushed_out) {
    Heap *h = q->heap;
    EvBuf built;
    evbuf_init(&built, h);
    bool ok = build_tuples(q, p, (Span){c, rat_add(c, rat_int(1))}, &built, true);
    enum { MAX_CUTS = 130 };
    Rat cut[MAX_CUTS];
    int nc = 0;
    cut[nc++] = c;
    cut[nc++] = rat_add(c, rat_int(1));
    for (size_t i = 0; ok && i < built.len && nc + 2 <= MAX_CUTS; i++)
        cut[nc++] = built.ev[i].part.begin, cut[nc++] = built.ev[i].part.end;
    for (int i = 1; i < nc; i++) /* sorted */
        for (int j = i; j > 0 && rat_lt(cut[j], cut[j - 1]); j--) {
            Rat x = cut[j];
            cut[j] = cut[j - 1], cut[j - 1] = x;
        }
    ObjPattern *parts[MAX_CUTS];
    Rat w[MAX_CUTS];
    int np = 0, known = 0, pushed = 0;
    Rat sum = rat_int(0);
    for (int i = 0; ok && i + 1 < nc; i++) {
        if (!rat_lt(cut[i], cut[i + 1])) continue; /* (repeated cuts) */
        Span slice = {cut[i], cut[i + 1]}, x;
        ObjPattern *in[MAX_CUTS];
        unsigned ni = 0;
        for (size_t k = 0; k < built.len && ni < MAX_CUTS; k++)
            if (span_intersect(built.ev[k].part, slice, &x) && rat_lt(x.begin, x.end))
                in[ni++] = AS_PATTERN(built.ev[k].value);
        ObjPattern *st = ni ? pat_stack(h, in, ni) : pat_silence(h);
        if (!ni) st->steps = RAT_NAR; /* Strudel's empty stack counts no steps */
        heap_push(h, OBJ_VAL(st));
        pushed++;
        parts[np] = st;
        w[np] = st->steps;
        if (rat_ok(w[np])) sum = rat_add(sum, w[np]), known++;
        np++;
    }
    ObjPattern *r = NULL;
    if (ok && np) {
        if (!known) {
            r = pat_fastcat(h, parts, (unsigned)np);
        } else {
            for (int i = 0; i < np; i++)
                if (!rat_ok(w[i])) w[i] = rat_div(sum, rat_int(known));
            r = np == 1 ? parts[0] : pat_timecat(h, w, parts, (unsigned)np);
        }
        heap_push(h, OBJ_VAL(r));
        pushed++;
    }
    *result = r;
    *pushed_out = (unsigned)pushed;
    evbuf_free(&built);
    return ok;
}

bool pat_q_build(Query *q, ObjPattern *p, Span s, EvBuf *out) {
    if ((BindKind)p->op != BIND_STEP) return build_tuples(q, p, s, out, false);
    /* the step join, cycle by cycle (as Strudel's scheduler queries it) */
    Rat c = rat_floor(s.begin);
    bool ok = true;
    do {
        Rat next = rat_add(c, rat_int(1));
        Span part = {rat_max(s.begin, c), rat_min(s.end, next)};
        if (rat_lt(part.begin, part.end) || rat_eq(s.begin, s.end))
            ok = step_cycle(q, p, c, part, out);
        c = next;
    } while (ok && rat_lt(c, s.end));
    return ok;
}
