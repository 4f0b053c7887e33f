/*
 * compose.c - Strudel's functions that are compositions of others: echo,
 * echoWith and stut (layers of the pattern, later and changed), apply and
 * applyN, loopAt; numbers rounded (round, floor, ceil); and JavaScript's
 * Math functions, which tunes call as Math.pow(0.4, n) (the compiler makes
 * Math.NAME(...) a call of the builtin "Math.NAME").
 */
#include "lib.h"
#include "stdlib.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Calls fn with n arguments from inside a query (user code under the budget). */
static bool call_fn(Query *q, Value fn, Value *args, int n, Value *out) {
    if (!IS_CALLABLE(fn))
        return lib_fail(q, "pass a function, like (p, i) => p.add(i)",
                        "expected a function, got %s", val_type_name(fn));
    /* as JavaScript, a function takes the arguments it has parameters for: x => ... gets
     * one of (p, i); a builtin (rev, fast(2)) the pattern */
    if (!IS_CLOSURE(fn) || AS_CLOSURE(fn)->fn->arity < n)
        n = IS_CLOSURE(fn) ? AS_CLOSURE(fn)->fn->arity : 1;
    return query_call(q, fn, args, n, out);
}

/* pat with gain set to g (Strudel's pat.gain(g): the value replaced) */
static ObjPattern *with_gain(Query *q, ObjPattern *p, double g) {
    Heap *h = q->heap;
    RecField f = {str_c(h, "gain"), NUM_VAL(g)};
    heap_push(h, OBJ_VAL(f.key));
    Value rec = OBJ_VAL(rec_new(h, &f, 1));
    heap_pop(h, 1);
    heap_push(h, rec);
    ObjPattern *set = pat_pure(h, rec);
    heap_push(h, OBJ_VAL(set));
    ObjPattern *r = pat_app(h, APP_LEFT, p, set, combine_union, NIL_VAL);
    heap_pop(h, 2);
    return r;
}

typedef enum { ECHO_WITH, ECHO, STUT } EchoKind;

/* echoWith(times, time, f): stack of f(pat.late(time * i), i), i < times;
 * echo(times, time, feedback) and stut(times, feedback, time): f sets the
 * gain to feedback^i. */
static bool build_echo(Query *q, const Value *args, ObjPattern *sub, Value param,
                       ObjPattern **out) {
    EchoKind kind = (EchoKind)param.as.num;
    Heap *h = q->heap;
    int times;
    Rat time;
    double feedback = 1;
    if (!get_int(q, args[0], "times", &times)) return false;
    if (!get_rat(q, args[kind == STUT ? 2 : 1], "time", &time)) return false;
    if (kind != ECHO_WITH && !get_num(q, args[kind == STUT ? 1 : 2], "feedback", &feedback))
        return false;
    if (times > 256) return lib_fail(q, "at most 256 layers", "too many echoes: %d", times);
    if (times < 1) {
        *out = pat_silence(h);
        return true;
    }
    ObjPattern *layers[256];
    int n = 0;
    bool ok = true;
    for (int i = 0; ok && i < times; i++) {
        ObjPattern *p = pat_late(h, rat_mul(time, rat_int(i)), sub);
        heap_push(h, OBJ_VAL(p));
        if (kind == ECHO_WITH) {
            Value a[2] = {OBJ_VAL(p), NUM_VAL(i)}, r;
            ok = call_fn(q, args[2], a, 2, &r);
            if (ok) {
                heap_push(h, r); /* rooted while reify allocates */
                p = reify(q->vm, r);
                heap_pop(h, 1);
            }
        } else {
            p = with_gain(q, p, pow(feedback, i));
        }
        heap_pop(h, 1);
        if (ok) {
            layers[n++] = p;
            heap_push(h, OBJ_VAL(p));
        }
    }
    if (ok) *out = pat_stack(h, layers, (unsigned)n);
    heap_pop(h, (unsigned)n);
    return ok;
}

static bool nat_echo(Vm *vm, Value *args, int argc, Value *out) {
    (void)argc;
    const char *name = vm_current_native(vm)->name;
    EchoKind k = !strcmp(name, "echo") ? ECHO : !strcmp(name, "stut") ? STUT : ECHO_WITH;
    if (k == ECHO_WITH && !IS_CALLABLE(args[2])) {
        vm_error(vm, "%s takes a function third, got %s", name, val_type_name(args[2]));
        vm_hint(vm, "write %s(3, 1/8, (p, i) => p.add(i * 12))", name);
        return false;
    }
    return patterned(vm, build_echo, args, 4, NUM_VAL(k), BIND_INNER, out);
}

/* apply(f, pat) = f(pat); applyN(n, f, pat) = f applied n times */
static bool nat_apply(Vm *vm, Value *args, int argc, Value *out) {
    (void)argc;
    bool many = !strcmp(vm_current_native(vm)->name, "applyN");
    Value fn = args[many ? 1 : 0], v = args[many ? 2 : 1];
    int n = 1;
    if (many && (!IS_NUM(args[0]) || args[0].as.num < 0 || args[0].as.num > 1000))
        return vm_error(vm, "applyN takes a count from 0 to 1000 first");
    if (many) n = (int)args[0].as.num;
    if (!IS_CALLABLE(fn)) {
        vm_error(vm, "%s takes a function, got %s", vm_current_native(vm)->name, val_type_name(fn));
        vm_hint(vm, "write pat.apply(x => x.fast(2)) or pat.apply(fast(2))");
        return false;
    }
    vm_push_root(vm, v);
    bool ok = true;
    for (int i = 0; ok && i < n; i++) {
        Value r;
        ok = vm_call(vm, fn, &v, 1, &r);
        if (ok) {
            vm_pop_root(vm);
            v = r;
            vm_push_root(vm, v);
        }
    }
    if (ok) *out = OBJ_VAL(reify(vm, v)); /* v still rooted */
    vm_pop_root(vm);
    return ok;
}

/* round, floor, ceil: JavaScript's Math functions on each value (Strudel's
 * asNumber first: note names are MIDI numbers). */
static bool round_map(Query *q, Value v, Value param, Value *out) {
    double x;
    if (!js_numeral(v, &x)) {
        char buf[48];
        val_format(v, buf, sizeof buf);
        return lib_fail(q, NULL, "cannot round '%s': not a number", buf);
    }
    int k = (int)param.as.num;
    *out = NUM_VAL(k == 0 ? floor(x + 0.5) : k == 1 ? floor(x) : ceil(x));
    return true;
}

static bool nat_round(Vm *vm, Value *args, int argc, Value *out) {
    (void)argc;
    const char *name = vm_current_native(vm)->name;
    int k = !strcmp(name, "round") ? 0 : !strcmp(name, "floor") ? 1 : 2;
    return map_values(vm, args[0], round_map, NUM_VAL(k), out);
}

/* reset(other, pat) and restart(other, pat): pat starts again from its cycle's
 * start (restart: from cycle zero) at each true event of other, and plays only
 * within those events (Strudel's keepif.reset / keepif.restart). */
static bool reset_map(Query *q, Value b, Value pat, Value *out) {
    *out = js_truthy(b) ? pat : OBJ_VAL(pat_silence(q->heap));
    return true;
}

static bool nat_reset(Vm *vm, Value *args, int argc, Value *out) {
    (void)argc;
    Heap *h = vm_heap(vm);
    bool restart = !strcmp(vm_current_native(vm)->name, "restart");
    ObjPattern *other = reify(vm, args[0]);
    KEEP(vm, other);
    ObjPattern *pat = reify(vm, args[1]);
    KEEP(vm, pat);
    ObjPattern *m = pat_map(h, other, reset_map, OBJ_VAL(pat));
    KEEP(vm, m);
    *out = OBJ_VAL(pat_bind(h, restart ? BIND_RESTART : BIND_RESET, m));
    vm_pop_root(vm);
    vm_pop_root(vm);
    vm_pop_root(vm);
    return true;
}

/* ribbon(offset, cycles): a loop of cycles cycles from offset on (Strudel's
 * pat.early(offset).restart(pure(1).slow(cycles))) */
static bool build_ribbon(Query *q, const Value *a, ObjPattern *sub, Value pm, ObjPattern **out) {
    (void)pm;
    Rat off, cyc;
    if (!get_rat(q, a[0], "ribbon's offset", &off) || !get_rat(q, a[1], "ribbon's length", &cyc))
        return false;
    if (!rat_lt(rat_int(0), cyc)) {
        *out = pat_silence(q->heap);
        return true;
    }
    Heap *h = q->heap;
    ObjPattern *e = pat_early(h, off, sub);
    heap_push(h, OBJ_VAL(e));
    ObjPattern *one = pat_pure(h, NUM_VAL(1));
    heap_push(h, OBJ_VAL(one));
    ObjPattern *trig = pat_slow(h, cyc, one);
    heap_push(h, OBJ_VAL(trig));
    ObjPattern *m = pat_map(h, trig, reset_map, OBJ_VAL(e));
    heap_push(h, OBJ_VAL(m));
    *out = pat_bind(h, BIND_RESTART, m);
    heap_pop(h, 4);
    return true;
}

static bool ribbon_of(Query *q, Rat offset, Rat cycles, ObjPattern *sub, ObjPattern **out) {
    Value a[2] = {NUM_VAL(rat_to_double(offset)), NUM_VAL(rat_to_double(cycles))};
    return build_ribbon(q, a, sub, NIL_VAL, out);
}

static bool nat_ribbon(Vm *vm, Value *args, int argc, Value *out) {
    (void)argc;
    return patterned(vm, build_ribbon, args, 3, NIL_VAL, BIND_INNER, out);
}

/* Roots p on the heap's stack while building (pop with heap_pop). */
static ObjPattern *keepq(Query *q, ObjPattern *p) {
    heap_push(q->heap, OBJ_VAL(p));
    return p;
}

/* into(pieces, f): each event of pieces plays, where its value is true, f of
 * the pattern's loop over that event's whole, else the pattern as it is
 * (Strudel's unjoin, innerJoin'ed); param is [pattern, f] */
static bool into_map(Query *q, Value v, Value param, Value *out) {
    ObjList *l = AS_LIST(param);
    if (!js_truthy(v)) {
        *out = l->items[0];
        return true;
    }
    ObjPattern *rib;
    if (!ribbon_of(q, q->whole_at, q->whole, AS_PATTERN(l->items[0]), &rib)) return false;
    heap_push(q->heap, OBJ_VAL(rib));
    Value arg = OBJ_VAL(rib), r;
    bool ok = query_call(q, l->items[1], &arg, 1, &r);
    heap_pop(q->heap, 1);
    if (!ok) return false;
    heap_push(q->heap, r);
    *out = OBJ_VAL(reify(q->vm, r));
    heap_pop(q->heap, 1);
    return true;
}

static ObjPattern *into_build(Query *q, ObjPattern *pieces, Value f, ObjPattern *sub) {
    Value two[2] = {OBJ_VAL(sub), f};
    ObjList *param = list_new(q->heap, two, 2);
    heap_push(q->heap, OBJ_VAL(param));
    ObjPattern *m = keepq(q, pat_map(q->heap, pieces, into_map, OBJ_VAL(param)));
    ObjPattern *r = pat_bind(q->heap, BIND_INNER, m);
    heap_pop(q->heap, 2);
    return r;
}

bool nat_into(Vm *vm, Value *args, int argc, Value *out) {
    (void)argc;
    Heap *h = vm_heap(vm);
    ObjPattern *pieces = reify(vm, args[0]);
    KEEP(vm, pieces);
    ObjPattern *sub = reify(vm, args[2]);
    KEEP(vm, sub);
    Query *q = vm_query(vm);
    *out = OBJ_VAL(into_build(q, pieces, args[1], sub));
    vm_pop_root(vm);
    vm_pop_root(vm);
    (void)h;
    return true;
}

/* chunkInto(n, f): into a true that moves backwards through n parts (and
 * chunkBackInto forwards, a cycle earlier), as Strudel's */
static bool chunk_into(Query *q, const Value *a, ObjPattern *sub, bool back, ObjPattern **out) {
    int n;
    if (!get_int(q, a[0], "chunkInto's count", &n)) return false;
    if (n <= 0 || n > 4096) {
        *out = pat_silence(q->heap);
        return true;
    }
    ObjPattern **bits = malloc((size_t)n * sizeof *bits);
    if (!bits) abort();
    for (int i = 0; i < n; i++) bits[i] = keepq(q, pat_pure(q->heap, BOOL_VAL(i == 0)));
    ObjPattern *fc = keepq(q, pat_fastcat(q->heap, bits, (unsigned)n));
    free(bits);
    Value nv = NUM_VAL(n);
    ObjPattern *pieces;
    if (!lib_iter(q, &nv, fc, !back, &pieces)) return false;
    keepq(q, pieces);
    if (back) pieces = keepq(q, pat_early(q->heap, rat_int(1), pieces));
    *out = into_build(q, pieces, a[1], sub);
    heap_pop(q->heap, (unsigned)n + 2 + back);
    return true;
}
static bool b_chunkinto(Query *q, const Value *a, ObjPattern *sub, Value pm, ObjPattern **out) {
    return chunk_into(q, a, sub, false, out);
}
static bool b_chunkbackinto(Query *q, const Value *a, ObjPattern *sub, Value pm, ObjPattern **out) {
    return chunk_into(q, a, sub, true, out);
}
bool nat_chunkInto(Vm *vm, Value *args, int argc, Value *out) {
    return patterned(vm, b_chunkinto, args, argc, NIL_VAL, BIND_INNER, out);
}
bool nat_chunkBackInto(Vm *vm, Value *args, int argc, Value *out) {
    return patterned(vm, b_chunkbackinto, args, argc, NIL_VAL, BIND_INNER, out);
}

/* arpWith(f): the events that sound together (collected), f given them as a
 * list of haps (records {value: ...}), and what it gives played: a hap's
 * value (Strudel's arpWith) */
static bool arpwith_map(Query *q, Value list, Value fn, Value *out) {
    ObjList *l = AS_LIST(list);
    Heap *h = q->heap;
    ObjString *key = str_c(h, "value");
    heap_push(h, OBJ_VAL(key));
    uint32_t n = l->len < 256 ? l->len : 256;
    Value items[256];
    for (uint32_t i = 0; i < n; i++) {
        RecField f = {key, l->items[i]};
        items[i] = OBJ_VAL(rec_new(h, &f, 1));
        heap_push(h, items[i]);
    }
    Value haps = OBJ_VAL(list_new(h, items, n)), r;
    heap_push(h, haps);
    bool ok = query_call(q, fn, &haps, 1, &r);
    if (ok) {
        heap_push(h, r);
        *out = OBJ_VAL(reify(q->vm, r));
        heap_pop(h, 1);
    }
    heap_pop(h, n + 2);
    return ok;
}

static bool hap_value(Query *q, Value v, Value param, Value *out) {
    (void)q, (void)param;
    *out = v;
    if (IS_RECORD(v)) rec_get(AS_RECORD(v), "value", out);
    return true;
}

static bool nat_arpWith(Vm *vm, Value *args, int argc, Value *out) {
    (void)argc;
    if (!IS_CALLABLE(args[0])) {
        vm_error(vm, "arpWith takes a function of the notes, got %s", val_type_name(args[0]));
        vm_hint(vm, "write arpWith(haps => haps[2])");
        return false;
    }
    Heap *h = vm_heap(vm);
    ObjPattern *p = reify(vm, args[1]);
    KEEP(vm, p);
    ObjPattern *c = pat_collect(h, p);
    KEEP(vm, c);
    ObjPattern *m = pat_map(h, c, arpwith_map, args[0]);
    KEEP(vm, m);
    ObjPattern *b = pat_bind(h, BIND_INNER, m);
    KEEP(vm, b);
    *out = OBJ_VAL(pat_map(h, b, hap_value, NIL_VAL));
    for (int i = 0; i < 4; i++) vm_pop_root(vm);
    return true;
}

/* bite(n, indices): the cycle cut in n parts, each index's part squeezed into its event */
static bool bite_map(Query *q, Value in, Value sub, Value *out) {
    ObjList *l = AS_LIST(in);
    double i, n;
    if (l->len < 2 || !js_numeral(l->items[0], &i) || !js_numeral(l->items[1], &n) || n <= 0)
        return lib_fail(q, NULL, "bite needs a number of parts and indices");
    Rat rn = rat_from_double(n), a = rat_div(rat_from_double(i), rn);
    a = rat_sub(a, rat_floor(a)); /* (i / n) mod 1 */
    Rat b = rat_add(a, rat_div(rat_int(1), rn));
    *out = OBJ_VAL(pat_zoom(q->heap, a, b, AS_PATTERN(sub)));
    return true;
}

static bool nat_bite(Vm *vm, Value *args, int argc, Value *out) {
    (void)argc;
    Heap *h = vm_heap(vm);
    ObjPattern *npat = reify(vm, args[0]);
    KEEP(vm, npat);
    ObjPattern *ipat = reify(vm, args[1]);
    KEEP(vm, ipat);
    ObjPattern *pat = reify(vm, args[2]);
    KEEP(vm, pat);
    ObjPattern *pairs = pat_applist(h, ipat, npat); /* [i, n], the structure from indices */
    KEEP(vm, pairs);
    ObjPattern *m = pat_map(h, pairs, bite_map, OBJ_VAL(pat));
    KEEP(vm, m);
    *out = OBJ_VAL(pat_bind(h, BIND_SQUEEZE, m));
    for (int i = 0; i < 5; i++) vm_pop_root(vm);
    return true;
}

/* loopAt(factor): pat.speed(cps / factor).unit("c").slow(factor), cps the
 * program's tempo in cycles a second (Strudel reads the scheduler's). */
static bool build_loopat(Query *q, const Value *args, ObjPattern *sub, Value param,
                         ObjPattern **out) {
    Rat f;
    if (!get_rat(q, args[0], "factor", &f)) return false;
    if (rat_cmp(f, rat_int(0)) <= 0) {
        *out = pat_silence(q->heap);
        return true;
    }
    Heap *h = q->heap;
    RecField fs[2];
    fs[0] = (RecField){str_c(h, "speed"), NUM_VAL(param.as.num / rat_to_double(f))};
    heap_push(h, OBJ_VAL(fs[0].key));
    fs[1].key = str_c(h, "unit");
    heap_push(h, OBJ_VAL(fs[1].key));
    fs[1].val = OBJ_VAL(str_c(h, "c"));
    heap_push(h, fs[1].val);
    Value rec = OBJ_VAL(rec_new(h, fs, 2));
    heap_pop(h, 3);
    heap_push(h, rec);
    ObjPattern *set = pat_pure(h, rec);
    heap_push(h, OBJ_VAL(set));
    ObjPattern *p = pat_app(h, APP_LEFT, sub, set, combine_union, NIL_VAL);
    heap_push(h, OBJ_VAL(p));
    *out = pat_slow(h, f, p);
    heap_pop(h, 3);
    return true;
}

static bool nat_loopAt(Vm *vm, Value *args, int argc, Value *out) {
    (void)argc;
    double cps = vm_tempo(vm) > 0 ? vm_tempo(vm) / 240 : 0.5;
    return patterned(vm, build_loopat, args, 2, NUM_VAL(cps), BIND_INNER, out);
}

/* scrub("begin:speed"): each event of the scrub pattern plays pat from that point of
 * its samples (begin), its speed times the second number (1), clip 1 (Strudel's:
 * an outer join, the scrub pattern's structure) */
static bool scrub_rec(Query *q, Value v, Value bs, Value *out) {
    ObjList *l = AS_LIST(bs);
    RecField fs[64];
    uint32_t n = 0;
    double speed = l->items[1].as.num, x;
    if (IS_RECORD(v)) {
        ObjRecord *r = AS_RECORD(v);
        for (uint32_t i = 0; i < r->len && n < 60; i++) {
            const char *k = r->fields[i].key->chars;
            if (!strcmp(k, "speed") && js_numeral(r->fields[i].val, &x)) {
                speed *= x;
                continue;
            }
            if (strcmp(k, "begin") && strcmp(k, "clip")) fs[n++] = r->fields[i];
        }
    } else {
        fs[n++] = (RecField){str_c(q->heap, "value"), v};
        heap_push(q->heap, OBJ_VAL(fs[n - 1].key));
    }
    static const char *const KEYS[3] = {"begin", "speed", "clip"};
    Value vals[3] = {l->items[0], NUM_VAL(speed), NUM_VAL(1)};
    for (int k = 0; k < 3; k++) {
        fs[n] = (RecField){str_c(q->heap, KEYS[k]), vals[k]};
        heap_push(q->heap, OBJ_VAL(fs[n].key));
        n++;
    }
    *out = OBJ_VAL(rec_new(q->heap, fs, n));
    heap_pop(q->heap, IS_RECORD(v) ? 3 : 4);
    return true;
}

static bool scrub_outer(Query *q, Value v, Value sub, Value *out) {
    const Value *x = IS_LIST(v) ? AS_LIST(v)->items : &v;
    uint32_t nx = IS_LIST(v) ? AS_LIST(v)->len : 1;
    double sp = 1;
    if (nx >= 2 && !js_numeral(x[1], &sp)) return lib_fail(q, NULL, "scrub's speed is a number");
    Value bs[2] = {x[0], NUM_VAL(sp)};
    Value l = OBJ_VAL(list_new(q->heap, bs, 2));
    heap_push(q->heap, l);
    *out = OBJ_VAL(pat_map(q->heap, AS_PATTERN(sub), scrub_rec, l));
    heap_pop(q->heap, 1);
    return true;
}

static bool nat_scrub(Vm *vm, Value *args, int argc, Value *out) {
    (void)argc;
    Heap *h = vm_heap(vm);
    ObjPattern *by = reify(vm, args[0]);
    KEEP(vm, by);
    ObjPattern *sub = reify(vm, args[1]);
    KEEP(vm, sub);
    ObjPattern *m = pat_map(h, by, scrub_outer, OBJ_VAL(sub));
    KEEP(vm, m);
    *out = OBJ_VAL(pat_bind(h, BIND_OUTER, m));
    for (int i = 0; i < 3; i++) vm_pop_root(vm);
    return true;
}

/* bypass(on): silence where on is a whole number other than 0 (JavaScript's
 * Boolean(parseInt(on)): true and "x" are not numbers, so they play) */
static bool build_bypass(Query *q, const Value *args, ObjPattern *sub, Value param,
                         ObjPattern **out) {
    (void)param;
    Value v = args[0];
    double x = NAN;
    if (IS_NUM(v))
        x = v.as.num;
    else if (IS_STRING(v))
        x = strtod(AS_STRING(v)->chars, NULL), x = isfinite(x) ? x : NAN;
    bool on = isfinite(x) && trunc(x) != 0;
    *out = on ? pat_silence(q->heap) : sub;
    return true;
}

static bool nat_bypass(Vm *vm, Value *args, int argc, Value *out) {
    return patterned(vm, build_bypass, args, argc, NIL_VAL, BIND_INNER, out);
}

/* loopAtCps(factor, cps): loopAt at that tempo (cycles a second) */
static bool build_loopatcps(Query *q, const Value *args, ObjPattern *sub, Value param,
                            ObjPattern **out) {
    (void)param;
    double cps;
    if (!get_num(q, args[1], "loopAtCps's tempo", &cps)) return false;
    return build_loopat(q, args, sub, NUM_VAL(cps), out);
}

static bool nat_loopAtCps(Vm *vm, Value *args, int argc, Value *out) {
    (void)argc;
    return patterned(vm, build_loopatcps, args, 3, NIL_VAL, BIND_INNER, out);
}

/* xfade(a, pos, b): a and b together, a's gain fading out as pos goes from 0.5 to 1
 * and b's as it goes from 0.5 to 0 (Strudel's: a.mul({gain}) and b.mul({gain})) */
static bool fade_gain(Query *q, Value v, Value flip, Value *out) {
    double p;
    if (!js_numeral(v, &p)) return lib_fail(q, NULL, "xfade's position is a number from 0 to 1");
    if (flip.as.num != 0) p = 1 - p;
    RecField f = {str_c(q->heap, "gain"), NUM_VAL(p < 0.5 ? 1 : 1 - (p - 0.5) / 0.5)};
    heap_push(q->heap, OBJ_VAL(f.key));
    *out = OBJ_VAL(rec_new(q->heap, &f, 1));
    heap_pop(q->heap, 1);
    return true;
}

static bool nat_xfade(Vm *vm, Value *args, int argc, Value *out) {
    (void)argc;
    Heap *h = vm_heap(vm);
    ObjPattern *pos = reify(vm, args[1]);
    KEEP(vm, pos);
    ObjPattern *two[2];
    for (int i = 0; i < 2; i++) {
        ObjPattern *g = pat_map(h, pos, fade_gain, NUM_VAL(i));
        KEEP(vm, g);
        Value r;
        if (!stdlib_binary(vm, OP_MUL, args[i * 2], OBJ_VAL(g), &r)) return false;
        vm_pop_root(vm);
        two[i] = reify(vm, r);
        KEEP(vm, two[i]);
    }
    *out = OBJ_VAL(pat_stack(h, two, 2));
    for (int i = 0; i < 3; i++) vm_pop_root(vm);
    return true;
}

/* Math.NAME(x, ...) */
static bool nat_math(Vm *vm, Value *args, int argc, Value *out) {
    const char *name = vm_current_native(vm)->name + 5; /* after "Math." */
    double x[2] = {0, 0};
    for (int i = 0; i < argc && i < 2; i++) {
        if (!IS_NUM(args[i]))
            return vm_error(vm, "Math.%s takes numbers, got %s", name, val_type_name(args[i]));
        x[i] = args[i].as.num;
    }
    double r;
    if (!strcmp(name, "pow"))
        r = pow(x[0], x[1]);
    else if (!strcmp(name, "abs"))
        r = fabs(x[0]);
    else if (!strcmp(name, "floor"))
        r = floor(x[0]);
    else if (!strcmp(name, "ceil"))
        r = ceil(x[0]);
    else if (!strcmp(name, "round"))
        r = floor(x[0] + 0.5);
    else if (!strcmp(name, "sqrt"))
        r = sqrt(x[0]);
    else if (!strcmp(name, "sin"))
        r = sin(x[0]);
    else if (!strcmp(name, "cos"))
        r = cos(x[0]);
    else if (!strcmp(name, "tan"))
        r = tan(x[0]);
    else if (!strcmp(name, "exp"))
        r = exp(x[0]);
    else if (!strcmp(name, "log"))
        r = log(x[0]);
    else if (!strcmp(name, "log2"))
        r = log2(x[0]);
    else if (!strcmp(name, "sign"))
        r = x[0] > 0 ? 1 : x[0] < 0 ? -1 : x[0];
    else if (!strcmp(name, "min"))
        r = argc < 2 ? x[0] : fmin(x[0], x[1]);
    else if (!strcmp(name, "max"))
        r = argc < 2 ? x[0] : fmax(x[0], x[1]);
    else if (!strcmp(name, "PI"))
        r = M_PI;
    else
        r = M_E; /* Math.E */
    *out = NUM_VAL(r);
    return true;
}

#define V NF_VARIADIC
#define MATH(n, a, doc, ex)                                                                        \
    { "Math." n, a, nat_math, 0, "Math." n, doc, ex, NULL }
static const NativeDef NATIVES[] = {
    {"arpWith", 2, nat_arpWith, 0, "arpWith(f, pat)",
     "f given the notes that sound together as a list of haps ({value: ...}); what it gives "
     "plays (a hap's value).",
     "note(\"<[c,eb,g]!2 [c,f,ab] [d,f,ab]>\").arpWith(haps => haps[2])", NULL},
    {"echo", 4, nat_echo, 0, "echo(times, time, feedback, pat)",
     "Layers times copies of the pattern, each time cycles later, the gain of copy i set to "
     "feedback^i.",
     "s(\"bd sd\").echo(3, 1/8, 0.5)", NULL},
    {"stut", 4, nat_echo, 0, "stut(times, feedback, time, pat)",
     "echo with its last two parameters the other way round (Tidal's name).",
     "s(\"bd sd\").stut(3, 0.5, 1/8)", NULL},
    {"echoWith", 4, nat_echo, 0, "echoWith(times, time, f, pat)",
     "Layers times copies of the pattern, each time cycles later, copy i given to f(p, i).",
     "note(\"c3 e3\").echoWith(3, 1/8, (p, i) => p.add(note(i * 7)))", NULL},
    {"echowith", 4, nat_echo, 0, "echowith(times, time, f, pat)", "Same as echoWith.",
     "note(\"c3 e3\").echowith(3, 1/8, (p, i) => p.add(note(i * 7)))", NULL},
    {"stutWith", 4, nat_echo, 0, "stutWith(times, time, f, pat)", "Same as echoWith.",
     "note(\"c3 e3\").stutWith(3, 1/8, (p, i) => p.add(note(i * 7)))", NULL},
    {"stutwith", 4, nat_echo, 0, "stutwith(times, time, f, pat)", "Same as echoWith.",
     "note(\"c3 e3\").stutwith(3, 1/8, (p, i) => p.add(note(i * 7)))", NULL},
    {"apply", 2, nat_apply, 0, "apply(f, pat)", "f(pat): a function applied to the pattern.",
     "s(\"bd sd\").apply(fast(2))", NULL},
    {"applyN", 3, nat_apply, 0, "applyN(n, f, pat)", "f applied n times to the pattern.",
     "note(\"c3 e3\").applyN(2, x => x.add(note(12)))", NULL},
    {"round", 1, nat_round, 0, "round(pat)", "Each value rounded to the nearest whole number.",
     "n(\"0.4 1.5 2.6\".round())", NULL},
    {"floor", 1, nat_round, 0, "floor(pat)", "Each value rounded down.",
     "n(\"0.4 1.5 2.6\".floor())", NULL},
    {"ceil", 1, nat_round, 0, "ceil(pat)", "Each value rounded up.", "n(\"0.4 1.5 2.6\".ceil())",
     NULL},
    {"reset", 2, nat_reset, 0, "reset(trigger, pat)",
     "Starts the pattern again from the start of its cycle at each true event of trigger, "
     "playing only within those events.",
     "s(\"hh*8\").reset(\"<x@3 x(3,8)>\")", NULL},
    {"restart", 2, nat_reset, 0, "restart(trigger, pat)",
     "Like reset, but from the pattern's cycle zero.", "n(\"<0 1 2 3>\").restart(\"x@3 x\")", NULL},
    {"ribbon", 3, nat_ribbon, 0, "ribbon(offset, cycles, pat)",
     "A loop: the given number of cycles from offset on, again and again.",
     "n(\"<0 1 2 3 4 5 6 7>\").ribbon(2, 2)", NULL},
    {"rib", 3, nat_ribbon, 0, "rib(offset, cycles, pat)", "Same as ribbon.",
     "n(\"<0 1 2 3 4 5 6 7>\").rib(2, 2)", NULL},
    {"bite", 3, nat_bite, 0, "bite(n, indices, pat)",
     "The cycle cut in n parts; each index plays its part, squeezed into the index's event.",
     "n(\"0 1 2 3 4 5 6 7\").bite(4, \"0 2 [1 3]\")", NULL},
    {"bypass", 2, nat_bypass, 0, "bypass(on, pat)",
     "Silence while on is a whole number other than 0 (1 mutes, 0 plays), as Strudel's.",
     "s(\"bd*4\").bypass(\"<0 1>\")", NULL},
    {"scrub", 2, nat_scrub, 0, "scrub(\"begin:speed\", pat)",
     "Each event of the scrub pattern plays pat's samples from begin (0..1), at speed times "
     "the second number, clip 1: a tape head moved by hand.",
     "s(\"breaks\").scrub(\"<0 0.25 0.5:2 0.75>*4\")", NULL},
    {"loopAtCps", 3, nat_loopAtCps, 0, "loopAtCps(cycles, cps, pat)",
     "loopAt at the tempo cps (cycles a second) instead of the program's.",
     "s(\"breaks\").loopAtCps(2, 0.6)", NULL},
    {"loopatcps", 3, nat_loopAtCps, 0, "loopatcps(cycles, cps, pat)", "Another name for loopAtCps.",
     "s(\"breaks\").loopatcps(2, 0.6)", NULL},
    {"xfade", 3, nat_xfade, NF_SUBJECT_FIRST, "xfade(a, pos, b)",
     "a and b together, crossfaded by pos (0..1): a whole up to 0.5 then fading out, b fading "
     "in up to 0.5 then whole (a's and b's gain times that).",
     "xfade(s(\"bd*2\"), \"<0 .25 .5 .75 1>\", s(\"hh*8\"))", NULL},
    {"loopAt", 2, nat_loopAt, 0, "loopAt(cycles, pat)",
     "Fits a sample to the given number of cycles (speed and unit \"c\"), slowing the "
     "pattern as much.",
     "s(\"breaks\").loopAt(2)", NULL},
    {"loopat", 2, nat_loopAt, 0, "loopat(cycles, pat)", "Same as loopAt.",
     "s(\"breaks\").loopat(2)", NULL},
    MATH("pow", 2, "JavaScript's Math.pow(x, y): x to the power y.", "Math.pow(0.5, 2)"),
    MATH("abs", 1, "JavaScript's Math.abs.", "Math.abs(-2)"),
    MATH("floor", 1, "JavaScript's Math.floor.", "Math.floor(2.5)"),
    MATH("ceil", 1, "JavaScript's Math.ceil.", "Math.ceil(2.5)"),
    MATH("round", 1, "JavaScript's Math.round (halves up).", "Math.round(2.5)"),
    MATH("sqrt", 1, "JavaScript's Math.sqrt.", "Math.sqrt(2)"),
    MATH("sin", 1, "JavaScript's Math.sin.", "Math.sin(1)"),
    MATH("cos", 1, "JavaScript's Math.cos.", "Math.cos(1)"),
    MATH("tan", 1, "JavaScript's Math.tan.", "Math.tan(1)"),
    MATH("exp", 1, "JavaScript's Math.exp.", "Math.exp(1)"),
    MATH("log", 1, "JavaScript's Math.log (natural).", "Math.log(2)"),
    MATH("log2", 1, "JavaScript's Math.log2.", "Math.log2(8)"),
    MATH("sign", 1, "JavaScript's Math.sign.", "Math.sign(-3)"),
    {"Math.min", 1, nat_math, V, "Math.min(x, y)", "JavaScript's Math.min.", "Math.min(1, 2)",
     NULL},
    {"Math.max", 1, nat_math, V, "Math.max(x, y)", "JavaScript's Math.max.", "Math.max(1, 2)",
     NULL},
    MATH("PI", 0, "JavaScript's Math.PI.", "Math.PI"),
    MATH("E", 0, "JavaScript's Math.E.", "Math.E"),
};

const NativeDef *stdlib_compose_natives(int *count) {
    *count = (int)(sizeof NATIVES / sizeof NATIVES[0]);
    return NATIVES;
}
