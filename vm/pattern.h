/*
 * pattern.h - patterns: functions from a time span to events.
 *
 * As in Tidal and Strudel, querying a pattern over a span [begin, end) gives
 * events, each with a whole (the event's full timespan; absent for
 * continuous signals), a part (the fragment of it inside the query) and a
 * value. An event cut by the query boundary keeps its whole, so "does this
 * event start here" is `part.begin == whole.begin`.
 *
 * A pattern is a heap object (ObjPattern): a small tree of nodes, each a
 * combinator with its children and constant parameters, interpreted by
 * pat_query. Being heap objects, patterns are traced by the collector and
 * are ordinary Values for the VM. Patterned parameters (`bd*<2 3>`,
 * `bd(<3 5>,8)`) are child patterns of an OP node, joined the way Strudel's
 * `register` joins them (appLeft over the arguments, then innerJoin).
 *
 * A query can fail (a non-numeric factor, a time that overflows, later a user
 * function erring inside a query): pat_query returns false and the Query's
 * Err says why and where; the caller decides (the track that asked reports it).
 *
 * Control thread only.
 */
#ifndef TALA_PATTERN_H
#define TALA_PATTERN_H

#include "error.h"
#include "heap.h"
#include "rat.h"

typedef struct {
    Rat begin, end;
} Span;

typedef struct {
    Span whole;
    Span part;
    bool has_whole; /* false for continuous (analog) events */
    Value value;
    /* Strudel's hap context, of which tala keeps what functions read: the scale
     * name scale() leaves for scaleTranspose (nil: none). Combined events keep the
     * right (inner) one's, else the left's, as Strudel's combineContext. */
    Value ctx;
} Event;

static inline Value ctx_join(Value left, Value right) {
    return right.kind == 0 /* VAL_NIL */ ? left : right;
}

/* A growable array of events; registered with the heap as a GC root while
 * alive, so values created during a query survive collections. Buffers must
 * be freed in reverse order of creation (they nest like C scopes). */
typedef struct {
    Event *ev;
    size_t len, cap;
    Heap *heap;
} EvBuf;

void evbuf_init(EvBuf *b, Heap *h);
void evbuf_free(EvBuf *b);
void evbuf_push(EvBuf *b, Event e);

typedef enum {
    PAT_SILENCE,
    PAT_PURE,      /* value, one event per cycle */
    PAT_STACK,     /* kids played together */
    PAT_SLOWCAT,   /* one kid per cycle, each kid keeping its own cycle count */
    PAT_FAST,      /* a: factor (0 = silence) */
    PAT_EARLY,     /* a: offset (negative = late) */
    PAT_COMPRESS,  /* a, b: squeeze each cycle into [a, b) of the cycle */
    PAT_REPCYCLES, /* a: repeat each cycle a times */
    PAT_APPLIST,   /* kids[0] with kids[1] appended to its values, structure from kids[0] */
    PAT_OP,        /* op with patterned args kids[0..n) applied to sub */
    PAT_MAP,       /* f.map(value of sub, param) for every event */
    PAT_APP,       /* kids[0] with kids[1], values combined by f.combine; op: AppStructure */
    PAT_SIGNAL,    /* continuous; op: Signal */
    PAT_BUILD,     /* register-style patterned function: f.build per argument tuple */
    PAT_REV,       /* each cycle backwards */
    PAT_ZOOM,      /* a..b of each cycle stretched to the whole cycle */
    PAT_BIND,      /* sub's values are patterns, flattened; op: BindKind */
    PAT_COLLECT,   /* events of sub with equal wholes grouped: value is their list */
    PAT_WINDOW, /* events of sub whose onset's cycle position is in [a, b] (op 1) or not (op 0) */
    PAT_SEED,   /* sub with its random numbers drawn at time + value (Strudel's seed) */
    PAT_QUERY,  /* f.query(q, node, span, out): a query of the library's own (sub, value) */
} PatKind;

typedef enum { APP_LEFT, APP_RIGHT, APP_BOTH } AppStructure;
/* How a pattern of patterns is flattened (Strudel's joins): inner (structure
 * from the inner patterns), outer (from the outer), squeeze (each inner cycle
 * fitted into its outer event), reset (each inner pattern restarted from its
 * cycle position at each outer event), restart (from its cycle zero). */
/* step (PAT_BUILD only): Strudel's stepJoin, each cycle the patterns built in it put
 * one after another by their steps (stepcat), a slice of the cycle each */
typedef enum { BIND_INNER, BIND_OUTER, BIND_SQUEEZE, BIND_RESET, BIND_RESTART, BIND_STEP } BindKind;
typedef enum {
    SIG_SAW,
    SIG_ISAW,
    SIG_SINE,
    SIG_COSINE,
    SIG_SQUARE,
    SIG_RAND,
    SIG_PERLIN,
    /* Strudel's bipolar signals (-1 to 1) and the cycle time itself */
    SIG_SAW2,
    SIG_ISAW2,
    SIG_SINE2,
    SIG_COSINE2,
    SIG_SQUARE2,
    SIG_RAND2,
    SIG_TIME,
    SIG_BERLIN, /* Strudel's berlin: a random rise from each cycle's start, halved */
    /* the length of the span queried, in cycles (cyclesPer), its inverse (per), and
     * log2 of that plus 1 (perx): what an event's length is, where structure comes
     * from elsewhere */
    SIG_CYCLESPER,
    SIG_PER,
    SIG_PERX,
} Signal;

/* Operations that take (possibly patterned) numeric arguments. */
typedef enum {
    PO_FAST,      /* fast(arg0 * k) */
    PO_SLOW,      /* slow(arg0 * k) */
    PO_EARLY,     /* early(arg0) */
    PO_LATE,      /* late(arg0) */
    PO_EUCLID,    /* euclid(pulses, steps) */
    PO_EUCLIDROT, /* euclidRot(pulses, steps, rotation) */
    PO_POLY,      /* fast(arg0 * k) for { }%steps: 0 steps is an error, as in Strudel */
} PatOp;

typedef struct ObjPattern ObjPattern;
struct Query;
/* Transforms one value (PAT_MAP). False with q->err set on an error; a nil
 * result drops the event (Strudel's removeUndefineds). */
typedef bool (*PatMapFn)(struct Query *q, Value v, Value param, Value *out);
/* Combines two values (PAT_APP): 1 keep *out, 0 drop the event, -1 error. */
typedef int (*PatCombineFn)(struct Query *q, Value a, Value b, Value param, Value *out);
/* Builds the pattern for one tuple of argument values (PAT_BUILD). */
typedef bool (*PatBuildFn)(struct Query *q, const Value *args, ObjPattern *sub, Value param,
                           ObjPattern **out);

struct ObjPattern {
    Obj obj;
    uint8_t kind; /* PatKind */
    uint8_t op;   /* PatOp, for PAT_OP */
    uint16_t n;   /* number of kids */
    Rat a, b;     /* constant parameters (see PatKind); for PAT_OP, a is k */
    Rat steps;    /* Strudel's steps per cycle (its "tactus"): a sequence of 3 has 3; NaR
                     when the pattern has none (signals, what Strudel does not count) */
    Value value;  /* PAT_PURE */
    SrcRef where; /* the source this node came from, for query errors */
    union {
        PatMapFn map;
        PatCombineFn combine;
        PatBuildFn build;
        bool (*query)(struct Query *q, ObjPattern *self, Span span, EvBuf *out);
    } f;
    ObjPattern *sub;
    ObjPattern *kids[];
};

#define AS_PATTERN(v) ((ObjPattern *)(v).as.obj)

struct Vm;

/* One query in flight: the heap to allocate in and where errors go. */
typedef struct Query {
    Heap *heap;
    Err *err;
    int depth;     /* recursion guard */
    long budget;   /* events a query may still make; exhausted = error */
    long limit;    /* > 0: pat_events at depth 0 (a new query) sets budget to it */
    SrcRef where;  /* the queried pattern's source: for errors of nodes without one */
    struct Vm *vm; /* for user functions inside patterns (NULL: none may run) */
    Value ctx;     /* a PatMapFn reads and may set the context of its event here */
    Rat whole;     /* and reads the length of its event's whole here (0: none) */
    Rat whole_at;  /* ... and where that whole begins */
    double seed;   /* added to the time random numbers are drawn at (PAT_SEED; 0) */
} Query;

/* Appends the events of p over span to out. False on error (q->err set).
 * A span with begin > end has no events. */
bool pat_query(Query *q, ObjPattern *p, Span span, EvBuf *out);

/* The events one query (one cycle of one track) may make, intermediate
 * ones included: more is an error on that query, never gigabytes. */
#define PAT_EVENT_LIMIT 250000

/* Convenience for callers outside queries: the events of p over [b, e),
 * optionally only those with a whole that starts inside the span (the
 * onsets a scheduler or `tala query` wants), sorted by begin, end, value. */
bool pat_events(Query *q, ObjPattern *p, Rat b, Rat e, bool onsets_only, EvBuf *out);

/* Constructors. Each allocates (and may collect), so pattern arguments must
 * be reachable from a root; constructors root their own arguments. All
 * return NULL only when a parameter is invalid (never for memory). */
ObjPattern *pat_silence(Heap *h);
ObjPattern *pat_pure(Heap *h, Value v);
ObjPattern *pat_stack(Heap *h, ObjPattern **pats, unsigned n);
ObjPattern *pat_slowcat(Heap *h, ObjPattern **pats, unsigned n);
ObjPattern *pat_fastcat(Heap *h, ObjPattern **pats, unsigned n);
/* Strudel's timeCat / stepcat: kid i gets weights[i] of the cycle. */
ObjPattern *pat_timecat(Heap *h, const Rat *weights, ObjPattern **pats, unsigned n);
ObjPattern *pat_fast(Heap *h, Rat factor, ObjPattern *p);
ObjPattern *pat_slow(Heap *h, Rat factor, ObjPattern *p);
ObjPattern *pat_early(Heap *h, Rat offset, ObjPattern *p);
ObjPattern *pat_late(Heap *h, Rat offset, ObjPattern *p);
ObjPattern *pat_compress(Heap *h, Rat b, Rat e, ObjPattern *p);
/* Strudel's fastGap: each cycle factor (> 0) times as fast from its start,
 * the rest silent (below 1: slower, cut at the cycle's end). */
ObjPattern *pat_fastgap(Heap *h, Rat factor, ObjPattern *p);
ObjPattern *pat_repeat_cycles(Heap *h, Rat n, ObjPattern *p);
ObjPattern *pat_replicate(Heap *h, Rat n, ObjPattern *p);
ObjPattern *pat_euclid(Heap *h, int pulses, int steps, int rotation, ObjPattern *p);
ObjPattern *pat_applist(Heap *h, ObjPattern *left, ObjPattern *right);
/* A patterned operation: args are patterns of numbers. k scales arg 0 of
 * PO_FAST / PO_SLOW (1 otherwise). where names the operator for errors. */
ObjPattern *pat_op(Heap *h, PatOp op, ObjPattern **args, unsigned nargs, ObjPattern *sub, Rat k,
                   SrcRef where);

ObjPattern *pat_slowcat_prime(Heap *h, ObjPattern **pats, unsigned n); /* no cycle offset */
ObjPattern *pat_map(Heap *h, ObjPattern *p, PatMapFn fn, Value param);
ObjPattern *pat_app(Heap *h, AppStructure st, ObjPattern *l, ObjPattern *r, PatCombineFn fn,
                    Value param);
ObjPattern *pat_signal(Heap *h, Signal sig);
/* args: argument patterns (joined: the first gives the structure, the rest
 * sampled with appLeft), then fn builds the pattern for each tuple of
 * values and the result is flattened with `bind`. */
ObjPattern *pat_build(Heap *h, PatBuildFn fn, ObjPattern **args, unsigned nargs, ObjPattern *sub,
                      Value param, BindKind bind, SrcRef where);
ObjPattern *pat_rev(Heap *h, ObjPattern *p);
/* Strudel's revv: the whole timeline backwards around time 0. */
ObjPattern *pat_revv(Heap *h, ObjPattern *p);
/* p with its random numbers drawn as with seed n (Strudel's seed). */
ObjPattern *pat_seed(Heap *h, double n, ObjPattern *p);
ObjPattern *pat_zoom(Heap *h, Rat s, Rat e, ObjPattern *p);
ObjPattern *pat_bind(Heap *h, BindKind kind, ObjPattern *pats);
ObjPattern *pat_collect(Heap *h, ObjPattern *p);
/* The steps of a step join (a PAT_BUILD of BIND_STEP): those of its first cycle's
 * stepcat, as Strudel's stepJoin counts them. */
Rat pat_step_steps(Query *q, ObjPattern *p);
/* A pattern queried by fn (PAT_QUERY), which may read sub and value. */
ObjPattern *pat_query_fn(Heap *h,
                         bool (*fn)(struct Query *q, ObjPattern *self, Span span, EvBuf *out),
                         ObjPattern *sub, Value value);
/* p with its steps set (a copy of the node; p itself is left as it is). */
ObjPattern *pat_with_steps(Heap *h, ObjPattern *p, Rat steps);
/* Strudel's filterWhen on the cycle position of each event's onset: the events
 * of p whose position lies in [a, b] (inside), or those outside it. */
ObjPattern *pat_window(Heap *h, Rat a, Rat b, bool inside, ObjPattern *p);

/* Strudel's time-seeded random number (its default "legacy" generator, its
 * 32-bit integer arithmetic included): the value of `rand` at time t. */
double pat_rand_at(double t);
/* Strudel's getRandsAtTime(t, n) (legacy generator): n numbers from one seed,
 * each the next xorshift round; unlike rand, not made positive. */
void pat_rands_at(double t, int n, double *out);

/* PatCombineFn: keeps a where b > x (x a number param): degradeBy's filter. */
int pat_keep_if_above(struct Query *q, Value a, Value b, Value x, Value *out);
/* keeps a where b is truthy (not false, nil or 0): struct and mask */
int pat_keep_if_truthy(struct Query *q, Value a, Value b, Value x, Value *out);
/* keeps a where 1 - b > x (undegradeBy) */
int pat_keep_if_inv_above(struct Query *q, Value a, Value b, Value x, Value *out);
/* PatMapFn: a number r in 0..1 picks item floor(r * n) of the list param
 * (clamped), as Strudel's choose does. */
bool pat_pick(struct Query *q, Value r, Value list, Value *out);

/* Bjorklund's algorithm as Strudel runs it: out[steps] of 0/1; a negative
 * pulse count gives the complement. False when |pulses| > steps. */
bool euclid_bools(int pulses, int steps, uint8_t *out);

/* For the collector. */
/* Tells a heap how to trace patterns (once per heap, before the first). */
void pat_heap_kinds(Heap *h);

/* Span helpers. */
static inline Span span(Rat b, Rat e) {
    return (Span){b, e};
}
bool span_intersect(Span a, Span b, Span *out); /* Strudel's TimeSpan.intersection */

#endif
