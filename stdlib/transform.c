/*
 * transform.c - the pattern library: time and structure.
 *
 * Each function is the Strudel 1.2.6 function of the same name, written as
 * a builder (concrete parameter values + subject -> pattern) and applied
 * through `patterned` so every parameter may itself be a pattern. The
 * comment above each builder gives its definition in terms of simpler
 * patterns, which is also how it is built.
 */
#include "lib.h"

#include "../spec/controls.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define NATIVE(name) bool nat_##name(Vm *vm, Value *args, int argc, Value *out)
#define REGISTER(name, builder)                                                                    \
    NATIVE(name) {                                                                                 \
        return patterned(vm, builder, args, argc, NIL_VAL, BIND_INNER, out);                       \
    }

/* Small helpers that keep results rooted while building. */
static ObjPattern *keep(Query *q, ObjPattern *p) {
    heap_push(q->heap, OBJ_VAL(p));
    return p;
}
static void drop(Query *q, unsigned n) {
    heap_pop(q->heap, n);
}

/* fast(factor): 0 is silence */
static bool b_fast(Query *q, const Value *a, ObjPattern *sub, Value pm, ObjPattern **out) {
    Rat f;
    if (!get_rat(q, a[0], "fast's factor", &f)) return false;
    *out = rat_is_zero(f) ? pat_silence(q->heap) : pat_fast(q->heap, f, sub);
    return true;
}
REGISTER(fast, b_fast)

static bool b_slow(Query *q, const Value *a, ObjPattern *sub, Value pm, ObjPattern **out) {
    Rat f;
    if (!get_rat(q, a[0], "slow's factor", &f)) return false;
    *out = rat_is_zero(f) ? pat_silence(q->heap) : pat_slow(q->heap, f, sub);
    return true;
}
REGISTER(slow, b_slow)

static bool b_early(Query *q, const Value *a, ObjPattern *sub, Value pm, ObjPattern **out) {
    Rat t;
    if (!get_rat(q, a[0], "early's offset", &t)) return false;
    *out = pat_early(q->heap, t, sub);
    return true;
}
REGISTER(early, b_early)

static bool b_late(Query *q, const Value *a, ObjPattern *sub, Value pm, ObjPattern **out) {
    Rat t;
    if (!get_rat(q, a[0], "late's offset", &t)) return false;
    *out = pat_late(q->heap, t, sub);
    return true;
}
REGISTER(late, b_late)

NATIVE(rev) {
    *out = OBJ_VAL(pat_rev(vm_heap(vm), reify(vm, args[0])));
    return true;
}
NATIVE(revv) {
    *out = OBJ_VAL(pat_revv(vm_heap(vm), reify(vm, args[0])));
    return true;
}

/* iter(n) = slowcat(pat.early(0/n), pat.early(1/n), ...); iterBack uses late */
bool lib_iter(Query *q, const Value *a, ObjPattern *sub, bool back, ObjPattern **out) {
    int n;
    if (!get_int(q, a[0], "iter's count", &n)) return false;
    if (n <= 0) {
        *out = pat_silence(q->heap);
        return true;
    }
    if (n > 4096) return lib_fail(q, NULL, "iter count too large (%d)", n);
    ObjPattern **ps = malloc((size_t)n * sizeof *ps);
    if (!ps) abort();
    for (int i = 0; i < n; i++) {
        Rat t = rat_make(i, n);
        ps[i] = keep(q, back ? pat_late(q->heap, t, sub) : pat_early(q->heap, t, sub));
    }
    *out = pat_slowcat(q->heap, ps, (unsigned)n);
    drop(q, (unsigned)n);
    free(ps);
    return true;
}

static bool b_iter(Query *q, const Value *a, ObjPattern *sub, Value pm, ObjPattern **out) {
    return lib_iter(q, a, sub, false, out);
}
static bool b_iterback(Query *q, const Value *a, ObjPattern *sub, Value pm, ObjPattern **out) {
    return lib_iter(q, a, sub, true, out);
}
REGISTER(iter, b_iter)
REGISTER(iterBack, b_iterback)

/* firstOf(n, f) = slowcatPrime(f(pat), pat, pat, ...); lastOf puts f(pat) last */
static bool of_build(Query *q, const Value *a, ObjPattern *sub, bool last, ObjPattern **out) {
    int n;
    if (!get_int(q, a[0], "the cycle count", &n)) return false;
    if (n <= 0) return lib_fail(q, NULL, "the cycle count must be at least 1, got %d", n);
    if (n > 4096) return lib_fail(q, NULL, "cycle count too large (%d)", n);
    ObjPattern *f;
    if (!call_on_pattern(q, a[1], sub, &f)) return false;
    keep(q, f);
    ObjPattern **ps = malloc((size_t)n * sizeof *ps);
    if (!ps) abort();
    for (int i = 0; i < n; i++) ps[i] = sub;
    ps[last ? n - 1 : 0] = f;
    *out = pat_slowcat_prime(q->heap, ps, (unsigned)n);
    free(ps);
    drop(q, 1);
    return true;
}
static bool b_firstof(Query *q, const Value *a, ObjPattern *sub, Value pm, ObjPattern **out) {
    return of_build(q, a, sub, false, out);
}
static bool b_lastof(Query *q, const Value *a, ObjPattern *sub, Value pm, ObjPattern **out) {
    return of_build(q, a, sub, true, out);
}
REGISTER(firstOf, b_firstof)
REGISTER(lastOf, b_lastof)

/* palindrome = lastOf(2, rev) */
NATIVE(palindrome) {
    Heap *h = vm_heap(vm);
    ObjPattern *p = reify(vm, args[0]);
    KEEP(vm, p);
    ObjPattern *r = pat_rev(h, p);
    KEEP(vm, r);
    ObjPattern *ps[2] = {p, r};
    *out = OBJ_VAL(pat_slowcat_prime(h, ps, 2));
    vm_pop_root(vm);
    vm_pop_root(vm);
    return true;
}

/* when(on, f) = on ? f(pat) : pat, per event of the boolean pattern */
static bool b_when(Query *q, const Value *a, ObjPattern *sub, Value pm, ObjPattern **out) {
    bool on = !(IS_NIL(a[0]) || (a[0].kind == VAL_BOOL && !a[0].as.b) ||
                (IS_NUM(a[0]) && a[0].as.num == 0));
    if (!on) {
        *out = sub;
        return true;
    }
    return call_on_pattern(q, a[1], sub, out);
}
REGISTER(when, b_when)

/* ply(n) = each event repeated n times within itself (squeeze of pure(x).fast(n)) */
static bool ply_map(Query *q, Value v, Value n, Value *out) {
    Rat f;
    if (!get_rat(q, n, "ply's factor", &f)) return false;
    ObjPattern *p = keep(q, pat_pure(q->heap, v));
    *out = OBJ_VAL(rat_is_zero(f) ? pat_silence(q->heap) : pat_fast(q->heap, f, p));
    drop(q, 1);
    return true;
}
static bool b_ply(Query *q, const Value *a, ObjPattern *sub, Value pm, ObjPattern **out) {
    ObjPattern *m = keep(q, pat_map(q->heap, sub, ply_map, a[0]));
    *out = pat_bind(q->heap, BIND_SQUEEZE, m);
    Rat n;
    if (rat_ok(sub->steps) && IS_NUM(a[0]) && rat_ok(n = rat_from_double(a[0].as.num)))
        (*out)->steps = rat_mul(sub->steps, n); /* n times the steps */
    drop(q, 1);
    return true;
}
REGISTER(ply, b_ply)

/* segment(n) = pat.struct(pure(true).fast(n)) */
static bool b_segment(Query *q, const Value *a, ObjPattern *sub, Value pm, ObjPattern **out) {
    Rat n;
    if (!get_rat(q, a[0], "segment's count", &n)) return false;
    ObjPattern *t = keep(q, pat_pure(q->heap, BOOL_VAL(true)));
    ObjPattern *f = keep(q, rat_is_zero(n) ? pat_silence(q->heap) : pat_fast(q->heap, n, t));
    *out = pat_app(q->heap, APP_RIGHT, sub, f, combine_keep_if, NIL_VAL);
    (*out)->steps = n; /* n steps, as Strudel's */
    drop(q, 2);
    return true;
}
REGISTER(segment, b_segment)

/* compress(b, e): each cycle squeezed into [b, e), silence outside */
static bool b_compress(Query *q, const Value *a, ObjPattern *sub, Value pm, ObjPattern **out) {
    Rat b, e;
    if (!get_rat(q, a[0], "compress's begin", &b) || !get_rat(q, a[1], "compress's end", &e))
        return false;
    if (rat_eq(b, e) && !rat_gt(b, rat_int(1)) && !rat_lt(b, rat_int(0)))
        return lib_fail(q, "give compress a span, like compress(0.25, 0.75)",
                        "compress: division by zero (begin equals end)");
    *out = pat_compress(q->heap, b, e, sub);
    return true;
}
REGISTER(compress, b_compress)

/* fastGap(f): each cycle f times as fast from its start, the rest silent */
static bool b_fastgap(Query *q, const Value *a, ObjPattern *sub, Value pm, ObjPattern **out) {
    Rat f;
    if (!get_rat(q, a[0], "fastGap's factor", &f)) return false;
    *out = rat_gt(f, rat_int(0)) ? pat_fastgap(q->heap, f, sub) : pat_silence(q->heap);
    return true;
}
REGISTER(fastGap, b_fastgap)

/* zoom(s, e): the part s..e of each cycle, stretched to the cycle */
static bool b_zoom(Query *q, const Value *a, ObjPattern *sub, Value pm, ObjPattern **out) {
    Rat s, e;
    if (!get_rat(q, a[0], "zoom's start", &s) || !get_rat(q, a[1], "zoom's end", &e)) return false;
    *out = rat_ge(s, e) ? pat_silence(q->heap) : pat_zoom(q->heap, s, e, sub);
    return true;
}
REGISTER(zoom, b_zoom)

/* linger(t) = zoom(0, t).slow(t); negative t lingers on the end */
static bool b_linger(Query *q, const Value *a, ObjPattern *sub, Value pm, ObjPattern **out) {
    Rat t;
    if (!get_rat(q, a[0], "linger's fraction", &t)) return false;
    if (rat_is_zero(t)) {
        *out = pat_silence(q->heap);
        return true;
    }
    if (rat_lt(t, rat_int(0)))
        return lib_fail(q, "use a fraction between 0 and 1",
                        "linger with a negative fraction is not supported (Strudel 1.2.6 fails "
                        "on it too)");
    ObjPattern *z = keep(q, pat_zoom(q->heap, rat_int(0), t, sub));
    *out = pat_slow(q->heap, t, z);
    drop(q, 1);
    return true;
}
REGISTER(linger, b_linger)

/* inside(n, f) = f(pat.slow(n)).fast(n); outside(n, f) = f(pat.fast(n)).slow(n) */
static bool side_build(Query *q, const Value *a, ObjPattern *sub, bool inside, ObjPattern **out) {
    Rat n;
    if (!get_rat(q, a[0], "the factor", &n)) return false;
    if (rat_is_zero(n)) {
        *out = pat_silence(q->heap);
        return true;
    }
    ObjPattern *s = keep(q, inside ? pat_slow(q->heap, n, sub) : pat_fast(q->heap, n, sub));
    ObjPattern *f;
    if (!call_on_pattern(q, a[1], s, &f)) {
        drop(q, 1);
        return false;
    }
    keep(q, f);
    *out = inside ? pat_fast(q->heap, n, f) : pat_slow(q->heap, n, f);
    drop(q, 2);
    return true;
}
static bool b_inside(Query *q, const Value *a, ObjPattern *sub, Value pm, ObjPattern **out) {
    return side_build(q, a, sub, true, out);
}
static bool b_outside(Query *q, const Value *a, ObjPattern *sub, Value pm, ObjPattern **out) {
    return side_build(q, a, sub, false, out);
}
REGISTER(inside, b_inside)
REGISTER(outside, b_outside)

/* swingBy(x, n) = inside(n, late(seq(0, x / 2))) */
static bool swing_build(Query *q, double x, Value nv, ObjPattern *sub, ObjPattern **out) {
    Rat n;
    if (!get_rat(q, nv, "swing's subdivision", &n)) return false;
    if (rat_is_zero(n)) {
        *out = pat_silence(q->heap);
        return true;
    }
    ObjPattern *s = keep(q, pat_slow(q->heap, n, sub));
    ObjPattern *k[2] = {keep(q, pat_pure(q->heap, NUM_VAL(0))),
                        keep(q, pat_pure(q->heap, NUM_VAL(x / 2)))};
    ObjPattern *shift = keep(q, pat_fastcat(q->heap, k, 2));
    ObjPattern *l =
        keep(q, pat_build(q->heap, b_late, &shift, 1, s, NIL_VAL, BIND_INNER, (SrcRef){0}));
    *out = pat_fast(q->heap, n, l);
    drop(q, 5);
    return true;
}
static bool b_swingby(Query *q, const Value *a, ObjPattern *sub, Value pm, ObjPattern **out) {
    double x;
    if (!get_num(q, a[0], "swingBy's amount", &x)) return false;
    return swing_build(q, x, a[1], sub, out);
}
static bool b_swing(Query *q, const Value *a, ObjPattern *sub, Value pm, ObjPattern **out) {
    return swing_build(q, 1.0 / 3, a[0], sub, out);
}
REGISTER(swingBy, b_swingby)
REGISTER(swing, b_swing)

/* hurry(r) = pat.fast(r).mul({speed: r}) */
static bool b_hurry(Query *q, const Value *a, ObjPattern *sub, Value pm, ObjPattern **out) {
    Rat r;
    if (!get_rat(q, a[0], "hurry's factor", &r)) return false;
    ObjPattern *f = keep(q, rat_is_zero(r) ? pat_silence(q->heap) : pat_fast(q->heap, r, sub));
    RecField fld = {str_c(q->heap, "speed"), a[0]};
    heap_push(q->heap, OBJ_VAL(fld.key));
    ObjRecord *rec = rec_new(q->heap, &fld, 1);
    heap_push(q->heap, OBJ_VAL(rec));
    ObjPattern *sp = keep(q, pat_pure(q->heap, OBJ_VAL(rec)));
    *out = pat_app(q->heap, APP_LEFT, f, sp, combine_num, NUM_VAL(OP_MUL));
    drop(q, 4);
    return true;
}
REGISTER(hurry, b_hurry)

/* off(t, f) = stack(pat, f(pat.late(t))) */
static bool b_off(Query *q, const Value *a, ObjPattern *sub, Value pm, ObjPattern **out) {
    Rat t;
    if (!get_rat(q, a[0], "off's time", &t)) return false;
    ObjPattern *l = keep(q, pat_late(q->heap, t, sub));
    ObjPattern *f;
    if (!call_on_pattern(q, a[1], l, &f)) {
        drop(q, 1);
        return false;
    }
    ObjPattern *k[2] = {sub, keep(q, f)};
    *out = pat_stack(q->heap, k, 2);
    drop(q, 2);
    return true;
}
REGISTER(off, b_off)

/* superimpose(f...) = stack(pat, f(pat), ...); layer(f...) = stack(f(pat), ...) */
static bool layers(Vm *vm, Value *args, int argc, bool with_original, Value *out) {
    Query *q = vm_query(vm);
    ObjPattern *pat = reify(vm, args[argc - 1]);
    KEEP(vm, pat);
    ObjPattern *ps[33];
    int n = 0;
    if (argc > 33) return vm_error(vm, "at most 32 functions");
    if (with_original) ps[n++] = pat;
    bool ok = true;
    for (int i = 0; ok && i < argc - 1; i++) {
        ok = call_on_pattern(q, args[i], pat, &ps[n]);
        if (ok) KEEP(vm, ps[n++]);
    }
    if (ok) *out = OBJ_VAL(pat_stack(vm_heap(vm), ps, (unsigned)n));
    for (int i = with_original ? 1 : 0; i < n; i++) vm_pop_root(vm);
    vm_pop_root(vm);
    return ok;
}
NATIVE(superimpose) {
    return layers(vm, args, argc, true, out);
}
NATIVE(layer) {
    return layers(vm, args, argc, false, out);
}

/* juxBy(by, f) = stack(pat with pan - by/2, f(pat with pan + by/2)), pan
 * defaulting to 0.5 */
static bool pan_map(Query *q, Value v, Value delta, Value *out) {
    if (!IS_RECORD(v)) {
        char buf[48];
        val_format(v, buf, sizeof buf);
        return lib_fail(q, "jux pans sounds: use it on controls, like s(\"bd sn\").jux(rev)",
                        "jux needs control values to set pan on, got '%s'", buf);
    }
    ObjString *key = str_c(q->heap, control(CTL_PAN)->keys[0]);
    heap_push(q->heap, OBJ_VAL(key));
    double pan = 0.5;
    if (IS_RECORD(v)) {
        ObjRecord *r = AS_RECORD(v);
        for (uint32_t i = 0; i < r->len; i++)
            if (r->fields[i].key == key && IS_NUM(r->fields[i].val)) pan = r->fields[i].val.as.num;
    }
    RecField fs[129];
    uint32_t n = 0;
    if (IS_RECORD(v)) {
        ObjRecord *r = AS_RECORD(v);
        for (uint32_t i = 0; i < r->len && n < 128; i++) fs[n++] = r->fields[i];
    }
    fs[n++] = (RecField){key, NUM_VAL(pan + delta.as.num)};
    *out = OBJ_VAL(rec_new(q->heap, fs, n));
    heap_pop(q->heap, 1);
    return true;
}
static bool jux_build(Query *q, double by, Value f, ObjPattern *sub, ObjPattern **out) {
    by /= 2;
    ObjPattern *l = keep(q, pat_map(q->heap, sub, pan_map, NUM_VAL(-by)));
    ObjPattern *r = keep(q, pat_map(q->heap, sub, pan_map, NUM_VAL(by)));
    ObjPattern *fr;
    if (!call_on_pattern(q, f, r, &fr)) {
        drop(q, 2);
        return false;
    }
    ObjPattern *k[2] = {l, keep(q, fr)};
    *out = pat_stack(q->heap, k, 2);
    drop(q, 3);
    return true;
}
static bool b_juxby(Query *q, const Value *a, ObjPattern *sub, Value pm, ObjPattern **out) {
    double by;
    if (!get_num(q, a[0], "juxBy's width", &by)) return false;
    return jux_build(q, by, a[1], sub, out);
}
static bool b_jux(Query *q, const Value *a, ObjPattern *sub, Value pm, ObjPattern **out) {
    return jux_build(q, 1, a[0], sub, out);
}
REGISTER(juxBy, b_juxby)
REGISTER(jux, b_jux)

/* chunk(n, f): cycle i applies f to the i-th of n parts, on a pattern that
 * repeats each cycle n times (Strudel 1.2's chunk is "slow": pat.repeatCycles(n)
 * .when(binary, f) where binary is iter of [true, false, ...]) */
static bool chunk_build(Query *q, const Value *a, ObjPattern *sub, bool back, bool fast,
                        ObjPattern **out) {
    int n;
    if (!get_int(q, a[0], "chunk's count", &n)) return false;
    if (n <= 0 || n > 4096) return lib_fail(q, NULL, "chunk's count must be 1..4096, got %d", n);
    ObjPattern **bs = malloc((size_t)n * sizeof *bs);
    if (!bs) abort();
    for (int i = 0; i < n; i++) bs[i] = keep(q, pat_pure(q->heap, BOOL_VAL(i == 0)));
    ObjPattern *bin = keep(q, pat_fastcat(q->heap, bs, (unsigned)n));
    Value nv = NUM_VAL(n);
    ObjPattern *it;
    if (!lib_iter(q, &nv, bin, !back, &it)) {
        free(bs);
        drop(q, (unsigned)n + 1);
        return false;
    }
    keep(q, it);
    /* fastChunk: the pattern as it is, each cycle's part from that cycle */
    ObjPattern *rep = keep(q, fast ? sub : pat_repeat_cycles(q->heap, rat_int(n), sub));
    ObjPattern *fp = keep(q, pat_pure(q->heap, a[1]));
    (void)fp;
    ObjPattern *args2[2] = {it, fp};
    *out = pat_build(q->heap, b_when, args2, 2, rep, NIL_VAL, BIND_INNER, (SrcRef){0});
    drop(q, (unsigned)n + 4);
    free(bs);
    return true;
}
static bool b_chunk(Query *q, const Value *a, ObjPattern *sub, Value pm, ObjPattern **out) {
    return chunk_build(q, a, sub, false, false, out);
}
static bool b_chunkback(Query *q, const Value *a, ObjPattern *sub, Value pm, ObjPattern **out) {
    return chunk_build(q, a, sub, true, false, out);
}
static bool b_fastchunk(Query *q, const Value *a, ObjPattern *sub, Value pm, ObjPattern **out) {
    return chunk_build(q, a, sub, false, true, out);
}
REGISTER(chunk, b_chunk)
REGISTER(chunkBack, b_chunkback)
REGISTER(fastChunk, b_fastchunk)

/* struct(bools): structure from the bools, values from pat (keepif.out);
 * mask(bools): structure from pat, kept where the bools are true (keepif.in) */
NATIVE(struct) {
    ObjPattern *b = reify(vm, args[0]);
    KEEP(vm, b);
    ObjPattern *p = reify(vm, args[1]);
    KEEP(vm, p);
    *out = OBJ_VAL(pat_app(vm_heap(vm), APP_RIGHT, p, b, combine_keep_if, NIL_VAL));
    vm_pop_root(vm);
    vm_pop_root(vm);
    return true;
}
NATIVE(mask) {
    ObjPattern *b = reify(vm, args[0]);
    KEEP(vm, b);
    ObjPattern *p = reify(vm, args[1]);
    KEEP(vm, p);
    *out = OBJ_VAL(pat_app(vm_heap(vm), APP_LEFT, p, b, combine_keep_if, NIL_VAL));
    vm_pop_root(vm);
    vm_pop_root(vm);
    return true;
}

/* euclid(k, n), euclidRot(k, n, r): the same join as the mini-notation's (k,n,r) */
static bool euclid_nat(Vm *vm, Value *args, int argc, PatOp op, Value *out) {
    Heap *h = vm_heap(vm);
    ObjPattern *ps[4];
    for (int i = 0; i < argc; i++) {
        ps[i] = reify(vm, args[i]);
        KEEP(vm, ps[i]);
    }
    *out = OBJ_VAL(pat_op(h, op, ps, (unsigned)argc - 1, ps[argc - 1], rat_int(1), (SrcRef){0}));
    for (int i = 0; i < argc; i++) vm_pop_root(vm);
    return true;
}
NATIVE(euclid) {
    return euclid_nat(vm, args, argc, PO_EUCLID, out);
}
NATIVE(euclidRot) {
    return euclid_nat(vm, args, argc, PO_EUCLIDROT, out);
}

/* euclidLegato(k, n): each pulse held until the next (no gaps) */
static bool legato_build(Query *q, const Value *a, ObjPattern *sub, int rot, ObjPattern **out) {
    int k, n;
    if (!get_int(q, a[0], "euclid's pulses", &k) || !get_int(q, a[1], "euclid's steps", &n))
        return false;
    if (k < 1) {
        *out = pat_silence(q->heap);
        return true;
    }
    if (k > n || n > 65536)
        return lib_fail(q, NULL, "euclid (%d,%d): more pulses than steps", k, n);
    uint8_t *bits = malloc((size_t)n);
    Rat *w = malloc((size_t)k * sizeof *w);
    ObjPattern **ps = malloc((size_t)k * sizeof *ps);
    if (!bits || !w || !ps) abort();
    euclid_bools(k, n, bits);
    int m = 0;
    for (int i = 0; i < n; i++) {
        if (bits[i])
            w[m++] = rat_int(1);
        else if (m)
            w[m - 1] = rat_add(w[m - 1], rat_int(1));
    }
    ObjPattern *t = keep(q, pat_pure(q->heap, BOOL_VAL(true)));
    for (int i = 0; i < m; i++) ps[i] = t;
    ObjPattern *tc = keep(q, pat_timecat(q->heap, w, ps, (unsigned)m));
    ObjPattern *st = keep(q, pat_app(q->heap, APP_RIGHT, sub, tc, combine_keep_if, NIL_VAL));
    *out = rot ? pat_late(q->heap, rat_make(rot, n), st) : st;
    drop(q, 3);
    free(bits);
    free(w);
    free(ps);
    return true;
}
static bool b_legato(Query *q, const Value *a, ObjPattern *sub, Value pm, ObjPattern **out) {
    return legato_build(q, a, sub, 0, out);
}
REGISTER(euclidLegato, b_legato)
static bool b_legato_rot(Query *q, const Value *a, ObjPattern *sub, Value pm, ObjPattern **out) {
    (void)pm;
    int rot;
    if (!get_int(q, a[2], "euclid's rotation", &rot)) return false;
    return legato_build(q, a, sub, rot, out);
}
REGISTER(euclidLegatoRot, b_legato_rot)

/* arp(indices): picks from the notes sounding together (events with the
 * same whole, in order), by index modulo their count:
 * pat.collect().fmap(notes => indices.fmap(i => notes[i % n])).innerJoin() */
static bool arp_pick(Query *q, Value i, Value notes, Value *out) {
    ObjList *l = AS_LIST(notes);
    double x;
    if (!get_num(q, i, "arp's index", &x)) return false;
    if (x != floor(x)) return lib_fail(q, NULL, "arp's index must be a whole number, got %g", x);
    long k = (long)fmod(x, (double)l->len);
    if (k < 0) return lib_fail(q, NULL, "arp's index must not be negative, got %g", x);
    *out = l->items[k];
    return true;
}
static bool arp_map(Query *q, Value notes, Value indices, Value *out) {
    *out = OBJ_VAL(pat_map(q->heap, AS_PATTERN(indices), arp_pick, notes));
    return true;
}
/* Tidal's arpeggio modes: the order in which a chord's n notes play. */
static int arp_order(const char *mode, int n, int *out) {
    int k = 0, up[64], m = 0;
    if (n > 16) n = 16;
    for (int i = 0; i < n; i++) up[i] = i;
#define PUSH(x) (out[k++] = (x))
    if (!strcmp(mode, "up")) {
        for (int i = 0; i < n; i++) PUSH(i);
    } else if (!strcmp(mode, "down")) {
        for (int i = n - 1; i >= 0; i--) PUSH(i);
    } else if (!strcmp(mode, "updown")) { /* init x ++ init (reverse x) */
        for (int i = 0; i < n - 1; i++) PUSH(i);
        for (int i = n - 1; i > 0; i--) PUSH(i);
    } else if (!strcmp(mode, "downup")) {
        for (int i = n - 1; i > 0; i--) PUSH(i);
        for (int i = 0; i < n - 1; i++) PUSH(i);
    } else if (!strcmp(mode, "up&down")) {
        for (int i = 0; i < n; i++) PUSH(i);
        for (int i = n - 1; i >= 0; i--) PUSH(i);
    } else if (!strcmp(mode, "down&up")) {
        for (int i = n - 1; i >= 0; i--) PUSH(i);
        for (int i = 0; i < n; i++) PUSH(i);
    } else if (!strcmp(mode, "converge") || !strcmp(mode, "diverge") ||
               !strcmp(mode, "disconverge")) {
        int conv[16], lo = 0, hi = n - 1;
        while (lo <= hi) {
            conv[m++] = up[lo++];
            if (lo <= hi) conv[m++] = up[hi--];
        }
        if (!strcmp(mode, "converge"))
            for (int i = 0; i < m; i++) PUSH(conv[i]);
        else if (!strcmp(mode, "diverge"))
            for (int i = m - 1; i >= 0; i--) PUSH(conv[i]);
        else { /* converge x ++ tail (reverse (converge x)) */
            for (int i = 0; i < m; i++) PUSH(conv[i]);
            for (int i = m - 2; i >= 0; i--) PUSH(conv[i]);
        }
    } else if (!strcmp(mode, "pinkyup") || !strcmp(mode, "pinkyupdown")) {
        int pk[32];
        for (int i = 0; i < n - 1; i++) pk[m++] = i, pk[m++] = n - 1;
        if (!strcmp(mode, "pinkyup"))
            for (int i = 0; i < m; i++) PUSH(pk[i]);
        else {
            for (int i = 0; i < m - 1; i++) PUSH(pk[i]);
            for (int i = m - 1; i > 0; i--) PUSH(pk[i]);
        }
    } else if (!strcmp(mode, "thumbup") || !strcmp(mode, "thumbupdown")) {
        int th[32];
        for (int i = 1; i < n; i++) th[m++] = 0, th[m++] = i;
        if (!strcmp(mode, "thumbup"))
            for (int i = 0; i < m; i++) PUSH(th[i]);
        else {
            for (int i = 0; i < m - 1; i++) PUSH(th[i]);
            for (int i = m - 1; i > 0; i--) PUSH(th[i]);
        }
    } else {
        return -1;
    }
#undef PUSH
    return k;
}

/* a chord (list of notes) -> the notes in mode order, as a sequence */
static bool arp_mode_map(Query *q, Value notes, Value mode, Value *out) {
    ObjList *l = AS_LIST(notes);
    int order[64];
    int k = arp_order(AS_STRING(mode)->chars, (int)l->len, order);
    if (k < 0)
        return lib_fail(q,
                        "modes: up down updown downup up&down down&up converge diverge "
                        "disconverge pinkyup pinkyupdown thumbup thumbupdown",
                        "unknown arp mode '%s'", AS_STRING(mode)->chars);
    ObjPattern *ps[64];
    for (int i = 0; i < k; i++) {
        ps[i] = pat_pure(q->heap, l->items[order[i]]);
        heap_push(q->heap, OBJ_VAL(ps[i]));
    }
    *out = OBJ_VAL(k ? pat_fastcat(q->heap, ps, (unsigned)k) : pat_silence(q->heap));
    heap_pop(q->heap, (unsigned)k);
    return true;
}

static bool b_arp_mode(Query *q, const Value *a, ObjPattern *sub, Value pm, ObjPattern **out) {
    if (!IS_STRING(a[0])) return lib_fail(q, NULL, "arp takes indices or a mode name, not both");
    ObjPattern *c = keep(q, pat_collect(q->heap, sub));
    ObjPattern *m = keep(q, pat_map(q->heap, c, arp_mode_map, a[0]));
    *out = pat_bind(q->heap, BIND_SQUEEZE, m);
    drop(q, 2);
    return true;
}

NATIVE(arp) {
    Heap *h = vm_heap(vm);
    ObjPattern *idx = reify(vm, args[0]);
    KEEP(vm, idx);
    /* words (up, down, converge, ...) are Tidal's modes; numbers are
     * Strudel's indices */
    bool modes = false;
    {
        Query *q = vm_query(vm);
        Err e = {0};
        Err *saved = q->err;
        q->err = &e;
        EvBuf ev;
        evbuf_init(&ev, h);
        if (pat_query(q, idx, span(rat_int(0), rat_int(1)), &ev) && ev.len)
            modes = IS_STRING(ev.ev[0].value);
        evbuf_free(&ev);
        q->err = saved;
    }
    if (modes) {
        vm_pop_root(vm);
        return patterned(vm, b_arp_mode, args, argc, NIL_VAL, BIND_INNER, out);
    }
    ObjPattern *p = reify(vm, args[1]);
    KEEP(vm, p);
    ObjPattern *c = pat_collect(h, p);
    KEEP(vm, c);
    ObjPattern *m = pat_map(h, c, arp_map, OBJ_VAL(idx));
    KEEP(vm, m);
    *out = OBJ_VAL(pat_bind(h, BIND_INNER, m));
    for (int i = 0; i < 4; i++) vm_pop_root(vm);
    return true;
}

/* chop(n): each event cut into n parts, with begin/end set for samples. An
 * event's parts are a pattern of its own (a fastcat of n pure records, made
 * lazily): a query builds only the parts it overlaps, not all n (chop(128)
 * of a long sample, queried a cycle at a time, needs a few). */

/* Part i of n of the record v: its begin and end cut from v's (0..1 when it
 * has not both). */
static ObjRecord *chop_part(Query *q, Value v, int i, int n) {
    ObjString *kb = str_c(q->heap, "begin");
    heap_push(q->heap, OBJ_VAL(kb));
    ObjString *ke = str_c(q->heap, "end");
    heap_push(q->heap, OBJ_VAL(ke));
    ObjRecord *r = AS_RECORD(v);
    double b0 = 0, e0 = 1;
    bool hb = false, he = false;
    for (uint32_t k = 0; k < r->len; k++) {
        if (r->fields[k].key == kb && IS_NUM(r->fields[k].val))
            b0 = r->fields[k].val.as.num, hb = true;
        if (r->fields[k].key == ke && IS_NUM(r->fields[k].val))
            e0 = r->fields[k].val.as.num, he = true;
    }
    bool has = hb && he;
    double d = has ? e0 - b0 : 1, sb = (double)i / n, se = (double)(i + 1) / n;
    RecField fs[130];
    uint32_t m = 0;
    for (uint32_t k = 0; k < r->len && m < 128; k++) fs[m++] = r->fields[k];
    fs[m++] = (RecField){kb, NUM_VAL(has ? b0 + sb * d : sb)};
    fs[m++] = (RecField){ke, NUM_VAL(has ? b0 + se * d : se)};
    ObjRecord *rec = rec_new(q->heap, fs, m);
    heap_pop(q->heap, 2);
    return rec;
}

/* The parts of self->value (n = self->a) over span: each cycle piece of the
 * span is queried in the parts it may touch (one more on each side, for a
 * piece that is a point on a boundary), each as fastcat's slot would be. */
static bool q_chopped(Query *q, ObjPattern *self, Span s, EvBuf *out) {
    const int n = (int)self->a.num;
    Rat c = rat_floor(s.begin), last = rat_ceil(s.end);
    if (rat_le(last, c)) last = rat_add(c, rat_int(1));
    for (; rat_lt(c, last); c = rat_add(c, rat_int(1))) {
        Rat next = rat_add(c, rat_int(1));
        Span piece = {rat_max(s.begin, c), rat_min(s.end, next)};
        if (rat_lt(piece.end, piece.begin)) continue;
        Rat lo = rat_sub(piece.begin, c), hi = rat_sub(piece.end, c); /* in [0, 1] */
        int i0 = (int)rat_floor(rat_mul(lo, rat_int(n))).num - 1;
        int i1 = (int)rat_ceil(rat_mul(hi, rat_int(n))).num;
        for (int i = i0 < 0 ? 0 : i0; i <= i1 && i < n; i++) {
            ObjRecord *rec = chop_part(q, self->value, i, n);
            heap_push(q->heap, OBJ_VAL(rec));
            ObjPattern *part = pat_pure(q->heap, OBJ_VAL(rec));
            heap_push(q->heap, OBJ_VAL(part));
            ObjPattern *slot = pat_compress(q->heap, rat_make(i, n), rat_make(i + 1, n), part);
            heap_push(q->heap, OBJ_VAL(slot));
            bool ok = pat_query(q, slot, piece, out);
            heap_pop(q->heap, 3);
            if (!ok) return false;
        }
    }
    return true;
}

static bool chop_map(Query *q, Value v, Value nv, Value *out) {
    if (!IS_RECORD(v)) {
        char buf[48];
        val_format(v, buf, sizeof buf);
        return lib_fail(q, "chop cuts samples: use it on s(...)",
                        "chop needs control values (s, ...), got '%s'", buf);
    }
    ObjPattern *p = pat_query_fn(q->heap, q_chopped, NULL, v);
    p->a = rat_int((int64_t)nv.as.num);
    p->steps = rat_int((int64_t)nv.as.num); /* as the fastcat of its n parts */
    *out = OBJ_VAL(p);
    return true;
}
static bool b_chop(Query *q, const Value *a, ObjPattern *sub, Value pm, ObjPattern **out) {
    int n;
    if (!get_int(q, a[0], "chop's count", &n)) return false;
    if (n == 0) {
        *out = pat_silence(q->heap);
        return true;
    }
    if (n < 0 || n > 4096) return lib_fail(q, NULL, "chop's count must be 0..4096, got %d", n);
    ObjPattern *m = keep(q, pat_map(q->heap, sub, chop_map, NUM_VAL(n)));
    *out = pat_bind(q->heap, BIND_SQUEEZE, m);
    drop(q, 1);
    return true;
}
REGISTER(chop, b_chop)

/* striate(n) = pat.set(slowcat({begin: i/n, end: (i+1)/n}...)).fast(n) */
static bool b_striate(Query *q, const Value *a, ObjPattern *sub, Value pm, ObjPattern **out) {
    int n;
    if (!get_int(q, a[0], "striate's count", &n)) return false;
    if (n == 0) {
        *out = pat_silence(q->heap);
        return true;
    }
    if (n < 0 || n > 4096) return lib_fail(q, NULL, "striate's count must be 0..4096, got %d", n);
    ObjString *kb = str_c(q->heap, "begin");
    heap_push(q->heap, OBJ_VAL(kb));
    ObjString *ke = str_c(q->heap, "end");
    heap_push(q->heap, OBJ_VAL(ke));
    ObjPattern **ps = malloc((size_t)n * sizeof *ps);
    if (!ps) abort();
    for (int i = 0; i < n; i++) {
        RecField fs[2] = {{kb, NUM_VAL((double)i / n)}, {ke, NUM_VAL((double)(i + 1) / n)}};
        ObjRecord *rec = rec_new(q->heap, fs, 2);
        heap_push(q->heap, OBJ_VAL(rec));
        ps[i] = keep(q, pat_pure(q->heap, OBJ_VAL(rec)));
    }
    ObjPattern *sl = keep(q, pat_slowcat(q->heap, ps, (unsigned)n));
    ObjPattern *set = keep(q, pat_app(q->heap, APP_LEFT, sub, sl, combine_union, NIL_VAL));
    *out = pat_fast(q->heap, rat_int(n), set);
    heap_pop(q->heap, 2 * (unsigned)n + 4);
    free(ps);
    return true;
}
REGISTER(striate, b_striate)

/* run(n) = saw.range(0, n).round().segment(n), literally as Strudel builds
 * it, so a patterned n ("2 3") cuts and samples exactly as there. */
static bool round_map(Query *q, Value v, Value pm, Value *out) {
    double x;
    (void)pm;
    if (!get_num(q, v, "run's value", &x)) return false;
    *out = NUM_VAL(floor(x + 0.5)); /* JavaScript's Math.round: halves up */
    return true;
}
bool nat_range(Vm *vm, Value *args, int argc, Value *out);
NATIVE(run) {
    Heap *h = vm_heap(vm);
    (void)argc;
    Value sawv = OBJ_VAL(pat_signal(h, SIG_SAW));
    vm_push_root(vm, sawv);
    Value ra[3] = {NUM_VAL(0), args[0], sawv}, ranged;
    if (!nat_range(vm, ra, 3, &ranged)) {
        vm_pop_root(vm);
        return false;
    }
    vm_push_root(vm, ranged);
    ObjPattern *rounded = pat_map(h, AS_PATTERN(ranged), round_map, NIL_VAL);
    KEEP(vm, rounded);
    Value sa[2] = {args[0], OBJ_VAL(rounded)};
    bool ok = nat_segment(vm, sa, 2, out);
    for (int i = 0; i < 3; i++) vm_pop_root(vm);
    return ok;
}

/* ---- combinators over many patterns ---- */

static bool many(Vm *vm, Value *args, int argc, int kind, Value *out) {
    Heap *h = vm_heap(vm);
    ObjPattern **ps = malloc((size_t)(argc ? argc : 1) * sizeof *ps);
    if (!ps) abort();
    for (int i = 0; i < argc; i++) {
        ps[i] = reify(vm, args[i]);
        KEEP(vm, ps[i]);
    }
    ObjPattern *r = kind == 0   ? pat_stack(h, ps, (unsigned)argc)
                    : kind == 1 ? pat_slowcat(h, ps, (unsigned)argc)
                    : kind == 2 ? pat_fastcat(h, ps, (unsigned)argc)
                                : pat_slowcat_prime(h, ps, (unsigned)argc);
    if (argc == 0) r = pat_silence(h);
    for (int i = 0; i < argc; i++) vm_pop_root(vm);
    free(ps);
    *out = OBJ_VAL(r);
    return true;
}
NATIVE(stack) {
    return many(vm, args, argc, 0, out);
}
NATIVE(cat) {
    return many(vm, args, argc, 1, out);
}
NATIVE(fastcat) {
    return many(vm, args, argc, 2, out);
}
NATIVE(slowcatPrime) { /* each pattern in its cycle as it plays there, not from its own start */
    return many(vm, args, argc, 3, out);
}

/* ---- signals (values, not functions) ---- */

NATIVE(silence) {
    *out = OBJ_VAL(pat_silence(vm_heap(vm)));
    return true;
}
#define SIGNAL(name, sig)                                                                          \
    NATIVE(name) {                                                                                 \
        *out = OBJ_VAL(pat_signal(vm_heap(vm), sig));                                              \
        return true;                                                                               \
    }
SIGNAL(saw, SIG_SAW)
SIGNAL(isaw, SIG_ISAW)
SIGNAL(sine, SIG_SINE)
SIGNAL(cosine, SIG_COSINE)
SIGNAL(square, SIG_SQUARE)
NATIVE(tri) {
    Heap *h = vm_heap(vm);
    ObjPattern *k[2] = {pat_signal(h, SIG_SAW), NULL};
    KEEP(vm, k[0]);
    k[1] = pat_signal(h, SIG_ISAW);
    KEEP(vm, k[1]);
    *out = OBJ_VAL(pat_fastcat(h, k, 2));
    vm_pop_root(vm);
    vm_pop_root(vm);
    return true;
}

/* fmap(f, pat) / withValue: f applied to every value (user code runs inside
 * the query, under the instruction budget). */
static bool user_map(Query *q, Value v, Value fn, Value *out) {
    if (!q->vm) return lib_fail(q, NULL, "no VM to run the function");
    vm_enter_query(q->vm);
    Err *old = vm_swap_err(q->vm, q->err);
    bool ok = vm_call(q->vm, fn, &v, 1, out);
    vm_swap_err(q->vm, old);
    vm_leave_query(q->vm);
    return ok;
}
NATIVE(fmap) {
    if (!IS_CALLABLE(args[0])) {
        vm_error(vm, "fmap needs a function first, got %s", val_type_name(args[0]));
        vm_hint(vm, "write \"1 2\".fmap(x => x * 2)");
        return false;
    }
    ObjPattern *p = reify(vm, args[1]);
    *out = OBJ_VAL(pat_map(vm_heap(vm), p, user_map, args[0]));
    return true;
}

/* whenmod(a, b, f) (Tidal): f applies in cycles whose number mod a is >= b */
static bool b_whenmod(Query *q, const Value *a, ObjPattern *sub, Value pm, ObjPattern **out) {
    int m, from;
    if (!get_int(q, a[0], "whenmod's period", &m) || !get_int(q, a[1], "whenmod's start", &from))
        return false;
    if (m <= 0 || m > 4096) return lib_fail(q, NULL, "whenmod's period must be 1..4096, got %d", m);
    ObjPattern *f;
    if (!call_on_pattern(q, a[2], sub, &f)) return false;
    keep(q, f);
    ObjPattern **ps = malloc((size_t)m * sizeof *ps);
    if (!ps) abort();
    for (int i = 0; i < m; i++) ps[i] = i >= from ? f : sub;
    *out = pat_slowcat_prime(q->heap, ps, (unsigned)m);
    free(ps);
    drop(q, 1);
    return true;
}
REGISTER(whenmod, b_whenmod)

/* euclidFull(k, n, pat, other) (Tidal): pat on the pulses, other on the rests */
NATIVE(euclidFull) {
    Heap *h = vm_heap(vm);
    (void)argc;
    ObjPattern *ps[4];
    for (int i = 0; i < 4; i++) {
        ps[i] = reify(vm, args[i]);
        KEEP(vm, ps[i]);
    }
    ObjPattern *on = pat_op(h, PO_EUCLID, ps, 2, ps[3], rat_int(1), (SrcRef){0});
    KEEP(vm, on);
    /* the rests: the same rhythm with negated pulses */
    ObjPattern *neg1 = pat_pure(h, NUM_VAL(-1));
    KEEP(vm, neg1);
    ObjPattern *negk = pat_app(h, APP_LEFT, ps[0], neg1, combine_num, NUM_VAL(OP_MUL));
    KEEP(vm, negk);
    ObjPattern *args2[2] = {negk, ps[1]};
    ObjPattern *off = pat_op(h, PO_EUCLID, args2, 2, ps[2], rat_int(1), (SrcRef){0});
    KEEP(vm, off);
    ObjPattern *k[2] = {on, off};
    *out = OBJ_VAL(pat_stack(h, k, 2));
    for (int i = 0; i < 8; i++) vm_pop_root(vm);
    return true;
}

/* rangex(min, max): an exponential range (for frequencies) */
static bool exp_map(Query *q, Value v, Value pm, Value *out) {
    (void)pm;
    double x;
    if (!get_num(q, v, "rangex's input", &x)) return false;
    *out = NUM_VAL(exp(x));
    return true;
}
static bool b_rangex(Query *q, const Value *a, ObjPattern *sub, Value pm, ObjPattern **out) {
    double lo, hi;
    if (!get_num(q, a[0], "rangex's minimum", &lo) || !get_num(q, a[1], "rangex's maximum", &hi))
        return false;
    if (!(lo > 0) || !(hi > 0)) return lib_fail(q, NULL, "rangex needs positive bounds");
    ObjPattern *m = keep(q, pat_pure(q->heap, NUM_VAL(log(hi) - log(lo))));
    ObjPattern *x = keep(q, pat_app(q->heap, APP_LEFT, sub, m, combine_num, NUM_VAL(OP_MUL)));
    ObjPattern *l = keep(q, pat_pure(q->heap, NUM_VAL(log(lo))));
    ObjPattern *y = keep(q, pat_app(q->heap, APP_LEFT, x, l, combine_num, NUM_VAL(OP_ADD)));
    *out = pat_map(q->heap, y, exp_map, NIL_VAL);
    drop(q, 4);
    return true;
}
REGISTER(rangex, b_rangex)
