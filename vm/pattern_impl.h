/*
 * pattern_impl.h - internals shared by the pattern engine's files; only
 * vm/pattern*.c include it. Cycle iteration and the query error helpers,
 * the time-mapping queries the joins apply (in pattern.c) and the joining
 * queries pat_query dispatches to (in pattern_ops.c). Each query appends
 * the events of node p over span s to out, false with q->err set.
 */
#ifndef TALA_PATTERN_IMPL_H
#define TALA_PATTERN_IMPL_H

#include "pattern.h"

/* Iterates the pieces of a span cut at cycle boundaries (Strudel's
 * spanCycles); a zero-width span is one piece. */
typedef struct {
    Span s;
    Rat b;
    bool zero, done;
} CycIt;

static inline CycIt cycles(Span s) {
    return (CycIt){s, s.begin, rat_eq(s.begin, s.end), false};
}

static inline bool cyc_next(CycIt *it, Span *piece) {
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

static inline Span whole_or_part(const Event *e) {
    return e->has_whole ? e->whole : e->part;
}

static inline bool fail_time(Query *q, ObjPattern *p) {
    err_set(q->err, p->where, "time overflow: a position no longer fits in 64-bit fractions");
    err_hint(q->err, "a factor or offset is too extreme; use simpler numbers");
    return false;
}

static inline bool spend(Query *q, ObjPattern *p) {
    if (--q->budget >= 0) return true;
    SrcRef at = p->where.src ? p->where : q->where;
    if (q->limit > 0)
        err_set(q->err, at, "too many events: more than %ld in one cycle", q->limit);
    else
        err_set(q->err, at, "too many events for one query");
    err_hint(q->err, "a factor like *1000000 or fast(1e9) makes more events than can play: "
                     "check '*', fast() and segment()");
    return false;
}

/* pattern.c: fast(f) and early(o) of sub, with p for errors */
bool pat_q_fast(Query *q, ObjPattern *p, ObjPattern *sub, Rat f, Span s, EvBuf *out);
bool pat_q_early(Query *q, ObjPattern *p, ObjPattern *sub, Rat o, Span s, EvBuf *out);

/* pattern_ops.c: the joining node kinds */
bool pat_q_applist(Query *q, ObjPattern *p, Span s, EvBuf *out);
bool pat_q_op(Query *q, ObjPattern *p, Span s, EvBuf *out);
bool pat_q_map(Query *q, ObjPattern *p, Span s, EvBuf *out);
bool pat_q_app(Query *q, ObjPattern *p, Span s, EvBuf *out);
bool pat_q_build(Query *q, ObjPattern *p, Span s, EvBuf *out);
bool pat_q_bind(Query *q, ObjPattern *p, Span s, EvBuf *out);
bool pat_q_collect(Query *q, ObjPattern *p, Span s, EvBuf *out);

#endif
