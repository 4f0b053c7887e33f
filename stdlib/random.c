/*
 * random.c - deterministic randomness, as Strudel 1.2.6 does it: every
 * random value is a function of time (rand at t is the same in every run and
 * in Strudel), so renders repeat exactly.
 *
 * rand / perlin are signals; degradeBy keeps an event when rand at its onset
 * is above the amount; sometimesBy splits a pattern into the part degradeBy
 * keeps and the part it drops, applying f to the latter.
 */
#include "lib.h"

#include <math.h>
#include <string.h>

#define NATIVE(name) bool nat_##name(Vm *vm, Value *args, int argc, Value *out)
#define REGISTER(name, builder)                                                                    \
    NATIVE(name) {                                                                                 \
        return patterned(vm, builder, args, argc, NIL_VAL, BIND_INNER, out);                       \
    }

static ObjPattern *keep(Query *q, ObjPattern *p) {
    heap_push(q->heap, OBJ_VAL(p));
    return p;
}
static void drop(Query *q, unsigned n) {
    heap_pop(q->heap, n);
}

NATIVE(rand) {
    *out = OBJ_VAL(pat_signal(vm_heap(vm), SIG_RAND));
    return true;
}
NATIVE(perlin) {
    *out = OBJ_VAL(pat_signal(vm_heap(vm), SIG_PERLIN));
    return true;
}
NATIVE(berlin) {
    *out = OBJ_VAL(pat_signal(vm_heap(vm), SIG_BERLIN));
    return true;
}

/* degradeByWith(rand, x) and undegradeBy's 1 - rand */
static ObjPattern *degrade_with(Query *q, ObjPattern *pat, double x, bool inverse,
                                ObjPattern *randp) {
    return pat_app(q->heap, APP_LEFT, pat, randp,
                   inverse ? pat_keep_if_inv_above : pat_keep_if_above, NUM_VAL(x));
}

static bool b_degradeby(Query *q, const Value *a, ObjPattern *sub, Value pm, ObjPattern **out) {
    double x;
    if (!get_num(q, a[0], "degradeBy's amount", &x)) return false;
    ObjPattern *r = keep(q, pat_signal(q->heap, SIG_RAND));
    *out = degrade_with(q, sub, x, false, r);
    drop(q, 1);
    return true;
}
static bool b_undegradeby(Query *q, const Value *a, ObjPattern *sub, Value pm, ObjPattern **out) {
    double x;
    if (!get_num(q, a[0], "undegradeBy's amount", &x)) return false;
    ObjPattern *r = keep(q, pat_signal(q->heap, SIG_RAND));
    *out = degrade_with(q, sub, x, true, r);
    drop(q, 1);
    return true;
}
REGISTER(degradeBy, b_degradeby)

/* seed(n): the pattern's random numbers drawn as with seed n (Strudel's:
 * at time + n) */
static bool b_seed(Query *q, const Value *a, ObjPattern *sub, Value pm, ObjPattern **out) {
    (void)pm;
    double n;
    if (!get_num(q, a[0], "seed", &n)) return false;
    *out = pat_seed(q->heap, n, sub);
    return true;
}
REGISTER(seed, b_seed)
REGISTER(undegradeBy, b_undegradeby)

NATIVE(degrade) {
    Value a2[2] = {NUM_VAL(0.5), args[0]};
    (void)argc;
    return patterned(vm, b_degradeby, a2, 2, NIL_VAL, BIND_INNER, out);
}
NATIVE(undegrade) {
    Value a2[2] = {NUM_VAL(0.5), args[0]};
    (void)argc;
    return patterned(vm, b_undegradeby, a2, 2, NIL_VAL, BIND_INNER, out);
}

/* sometimesBy(x, f) = stack(pat.degradeBy(x), f(pat.undegradeBy(1 - x))) */
static bool sometimes_build(Query *q, double x, Value f, ObjPattern *sub, ObjPattern **out) {
    ObjPattern *r = keep(q, pat_signal(q->heap, SIG_RAND));
    ObjPattern *kept = keep(q, degrade_with(q, sub, x, false, r));
    ObjPattern *other = keep(q, degrade_with(q, sub, 1 - x, true, r));
    ObjPattern *fo;
    if (!call_on_pattern(q, f, other, &fo)) {
        drop(q, 3);
        return false;
    }
    ObjPattern *k[2] = {kept, keep(q, fo)};
    *out = pat_stack(q->heap, k, 2);
    drop(q, 4);
    return true;
}
static bool b_sometimesby(Query *q, const Value *a, ObjPattern *sub, Value pm, ObjPattern **out) {
    double x;
    if (!get_num(q, a[0], "sometimesBy's probability", &x)) return false;
    return sometimes_build(q, x, a[1], sub, out);
}
REGISTER(sometimesBy, b_sometimesby)

/* sometimes, often, rarely, ...: sometimesBy with a fixed probability */
static bool b_fixed(Query *q, const Value *a, ObjPattern *sub, Value pm, ObjPattern **out) {
    return sometimes_build(q, pm.as.num, a[0], sub, out);
}
#define FIXED(name, p)                                                                             \
    NATIVE(name) {                                                                                 \
        return patterned(vm, b_fixed, args, argc, NUM_VAL(p), BIND_INNER, out);                    \
    }
FIXED(sometimes, 0.5)
FIXED(often, 0.75)
FIXED(rarely, 0.25)
FIXED(almostNever, 0.1)
FIXED(almostAlways, 0.9)

NATIVE(always) {
    Query *q = vm_query(vm);
    ObjPattern *p = reify(vm, args[1]), *r;
    (void)argc;
    KEEP(vm, p);
    bool ok = call_on_pattern(q, args[0], p, &r);
    vm_pop_root(vm);
    if (ok) *out = OBJ_VAL(r);
    return ok;
}
NATIVE(never) {
    (void)argc;
    *out = OBJ_VAL(reify(vm, args[1]));
    return true;
}

/* someCyclesBy(x, f): whole cycles chosen at random (rand at each cycle start) */
static bool b_somecyclesby(Query *q, const Value *a, ObjPattern *sub, Value pm, ObjPattern **out) {
    double x;
    if (!get_num(q, a[0], "someCyclesBy's probability", &x)) return false;
    ObjPattern *r = keep(q, pat_signal(q->heap, SIG_RAND));
    ObjPattern *t = keep(q, pat_pure(q->heap, BOOL_VAL(true)));
    ObjPattern *seg = keep(q, pat_app(q->heap, APP_RIGHT, r, t, pat_keep_if_truthy, NIL_VAL));
    ObjPattern *kept = keep(q, degrade_with(q, sub, x, false, seg));
    ObjPattern *other = keep(q, degrade_with(q, sub, 1 - x, true, seg));
    ObjPattern *fo;
    if (!call_on_pattern(q, a[1], other, &fo)) {
        drop(q, 5);
        return false;
    }
    ObjPattern *k[2] = {kept, keep(q, fo)};
    *out = pat_stack(q->heap, k, 2);
    drop(q, 6);
    return true;
}
REGISTER(someCyclesBy, b_somecyclesby)
NATIVE(someCycles) {
    Value a3[3] = {NUM_VAL(0.5), args[0], args[1]};
    (void)argc;
    return patterned(vm, b_somecyclesby, a3, 3, NIL_VAL, BIND_INNER, out);
}

/* irand(n) = rand.fmap(x => trunc(x * n)) */
static bool irand_map(Query *q, Value r, Value n, Value *out) {
    (void)q;
    *out = NUM_VAL(trunc(r.as.num * n.as.num));
    return true;
}
static bool b_irand(Query *q, const Value *a, ObjPattern *sub, Value pm, ObjPattern **out) {
    double n;
    (void)sub;
    if (!get_num(q, a[0], "irand's range", &n)) return false;
    ObjPattern *r = keep(q, pat_signal(q->heap, SIG_RAND));
    *out = pat_map(q->heap, r, irand_map, NUM_VAL(n));
    drop(q, 1);
    return true;
}
NATIVE(irand) {
    Value a2[2] = {args[0], NIL_VAL};
    (void)argc;
    return patterned(vm, b_irand, a2, 2, NIL_VAL, BIND_INNER, out);
}

/* choose(xs...) = rand.range(0, n) picks xs[floor], joined keeping the
 * structure of where it is used (outerJoin); chooseCycles picks per cycle;
 * chooseIn joins inner (the structure of the values chosen); the ...With
 * forms pick by a pattern of their own (0..1) instead of rand */
typedef enum { CHOOSE_OUTER, CHOOSE_CYCLES, CHOOSE_INNER } ChooseKind;
static bool choose_by(Vm *vm, Value by, Value *args, int argc, ChooseKind kind, Value *out);
static bool choose_nat(Vm *vm, Value *args, int argc, bool cycles, Value *out) {
    return choose_by(vm, NIL_VAL, args, argc, cycles ? CHOOSE_CYCLES : CHOOSE_OUTER, out);
}
static bool choose_by(Vm *vm, Value by, Value *args, int argc, ChooseKind kind, Value *out) {
    Heap *h = vm_heap(vm);
    bool cycles = kind == CHOOSE_CYCLES;
    if (argc == 0) {
        *out = OBJ_VAL(pat_silence(h));
        return true;
    }
    Value items[256];
    if (argc > 256) return vm_error(vm, "at most 256 choices");
    for (int i = 0; i < argc; i++) {
        items[i] = OBJ_VAL(reify(vm, args[i]));
        vm_push_root(vm, items[i]);
    }
    ObjList *l = list_new(h, items, (uint32_t)argc);
    vm_push_root(vm, OBJ_VAL(l));
    ObjPattern *r = IS_NIL(by) ? pat_signal(h, SIG_RAND) : reify(vm, by);
    KEEP(vm, r);
    int extra = 0;
    if (cycles) {
        ObjPattern *t = pat_pure(h, BOOL_VAL(true));
        KEEP(vm, t);
        r = pat_app(h, APP_RIGHT, r, t, pat_keep_if_truthy, NIL_VAL);
        KEEP(vm, r);
        extra = 2;
    }
    ObjPattern *m = pat_map(h, r, pat_pick, OBJ_VAL(l));
    KEEP(vm, m);
    *out = OBJ_VAL(pat_bind(h, kind == CHOOSE_OUTER ? BIND_OUTER : BIND_INNER, m));
    for (int i = 0; i < argc + 3 + extra; i++) vm_pop_root(vm);
    return true;
}
NATIVE(choose) {
    return choose_nat(vm, args, argc, false, out);
}
NATIVE(chooseCycles) {
    return choose_nat(vm, args, argc, true, out);
}
NATIVE(chooseIn) {
    return choose_by(vm, NIL_VAL, args, argc, CHOOSE_INNER, out);
}
static bool bipolar_from(Query *q, Value v, Value pm, Value *out) {
    (void)pm;
    double x;
    if (!js_numeral(v, &x)) return lib_fail(q, NULL, "choose2 needs numbers from -1 to 1");
    *out = NUM_VAL((x + 1) / 2);
    return true;
}

/* chooseWith(pat, xs), chooseInWith(pat, xs): xs a list */
static bool choose_with(Vm *vm, Value *args, ChooseKind kind, Value *out) {
    if (!IS_LIST(args[1])) {
        vm_error(vm, "the choices are a list, got %s", val_type_name(args[1]));
        vm_hint(vm, "write chooseWith(sine, [\"a\", \"b\"])");
        return false;
    }
    ObjList *l = AS_LIST(args[1]);
    return choose_by(vm, args[0], l->items, (int)l->len, kind, out);
}
/* pat.choose2(xs...): chooseWith with pat's values from -1..1 */
NATIVE(choose2) {
    if (argc < 1) return vm_error(vm, "choose2 is a method: sine2.choose2(\"a\", \"b\")");
    Value by;
    if (!map_values(vm, args[0], bipolar_from, NIL_VAL, &by)) return false;
    vm_push_root(vm, by);
    bool ok = choose_by(vm, by, args + 1, argc - 1, CHOOSE_OUTER, out);
    vm_pop_root(vm);
    return ok;
}
NATIVE(chooseWith) {
    (void)argc;
    return choose_with(vm, args, CHOOSE_OUTER, out);
}
NATIVE(chooseInWith) {
    (void)argc;
    return choose_with(vm, args, CHOOSE_INNER, out);
}

/* wchoose([value, weight], ...): a weighted choice by rand */
static bool wpick(Query *q, Value r, Value pairs, Value *out) {
    ObjList *l = AS_LIST(pairs); /* [v0, cum0, v1, cum1, ...] cumulative weights */
    double total = AS_LIST(pairs)->items[l->len - 1].as.num;
    double find = total * r.as.num;
    (void)q;
    for (uint32_t i = 0; i + 1 < l->len; i += 2)
        if (l->items[i + 1].as.num > find) {
            *out = l->items[i];
            return true;
        }
    *out = l->items[l->len - 2];
    return true;
}
/* wchoose: rand picks by weight, joined keeping the structure of where it is
 * used; wchooseCycles (wrandcat): once a cycle (rand.segment(1)), inner join */
static bool wchoose_nat(Vm *vm, Value *args, int argc, bool cycles, Value *out) {
    Heap *h = vm_heap(vm);
    Value items[256];
    if (argc == 0) {
        *out = OBJ_VAL(pat_silence(h));
        return true;
    }
    if (argc > 128) return vm_error(vm, "at most 128 weighted choices");
    double total = 0;
    for (int i = 0; i < argc; i++) {
        if (!IS_LIST(args[i]) || AS_LIST(args[i])->len != 2 ||
            !IS_NUM(AS_LIST(args[i])->items[1])) {
            vm_error(vm, "wchoose takes pairs [value, weight]");
            vm_hint(vm, "write wchoose([\"bd\", 3], [\"sn\", 1])");
            return false;
        }
        items[2 * i] = OBJ_VAL(reify(vm, AS_LIST(args[i])->items[0]));
        vm_push_root(vm, items[2 * i]);
        total += AS_LIST(args[i])->items[1].as.num;
        items[2 * i + 1] = NUM_VAL(total);
    }
    ObjList *l = list_new(h, items, (uint32_t)(2 * argc));
    vm_push_root(vm, OBJ_VAL(l));
    ObjPattern *r = pat_signal(h, SIG_RAND);
    KEEP(vm, r);
    int extra = 0;
    if (cycles) { /* rand.segment(1): its value at each cycle's start */
        ObjPattern *t = pat_pure(h, BOOL_VAL(true));
        KEEP(vm, t);
        r = pat_app(h, APP_RIGHT, r, t, pat_keep_if_truthy, NIL_VAL);
        KEEP(vm, r);
        extra = 2;
    }
    ObjPattern *m = pat_map(h, r, wpick, OBJ_VAL(l));
    KEEP(vm, m);
    *out = OBJ_VAL(pat_bind(h, cycles ? BIND_INNER : BIND_OUTER, m));
    for (int i = 0; i < argc + 3 + extra; i++) vm_pop_root(vm);
    return true;
}
NATIVE(wchoose) {
    return wchoose_nat(vm, args, argc, false, out);
}
NATIVE(wchooseCycles) {
    return wchoose_nat(vm, args, argc, true, out);
}

/* randrun(n): each cycle the numbers 0..n-1 in a random order, n a cycle
 * (Strudel's: the order of n random numbers drawn at the cycle's middle) */
static bool randrun_map(Query *q, Value t, Value nv, Value *out) {
    int n = (int)nv.as.num;
    double x = t.as.num, rands[256];
    int idx[256];
    pat_rands_at(floor(x) + 0.5 + q->seed, n, rands);
    for (int i = 0; i < n; i++) idx[i] = i;
    for (int i = 1; i < n; i++) { /* a stable sort, as JavaScript's */
        int k = idx[i], j = i;
        while (j > 0 && rands[idx[j - 1]] > rands[k]) {
            idx[j] = idx[j - 1];
            j--;
        }
        idx[j] = k;
    }
    double pos = x - floor(x);
    int i = (int)floor(pos * n) % n;
    *out = NUM_VAL(idx[i]);
    return true;
}

/* randrun(n) or irand(n), segmented into n events a cycle */
static ObjPattern *index_pattern(Query *q, int n, bool run) {
    Heap *h = q->heap;
    ObjPattern *src = run ? keep(q, pat_signal(h, SIG_TIME)) : keep(q, pat_signal(h, SIG_RAND));
    ObjPattern *m = keep(q, pat_map(h, src, run ? randrun_map : irand_map, NUM_VAL(n)));
    ObjPattern *t = keep(q, pat_pure(h, BOOL_VAL(true)));
    ObjPattern *f = keep(q, pat_fast(h, rat_int(n), t));
    ObjPattern *r = pat_app(h, APP_RIGHT, m, f, combine_keep_if, NIL_VAL);
    drop(q, 4);
    return r;
}

static bool b_randrun(Query *q, const Value *a, ObjPattern *sub, Value pm, ObjPattern **out) {
    (void)sub, (void)pm;
    int n;
    if (!get_int(q, a[0], "randrun's count", &n)) return false;
    if (n < 1 || n > 256) {
        *out = pat_silence(q->heap);
        return n < 1 || lib_fail(q, NULL, "randrun: at most 256");
    }
    *out = index_pattern(q, n, true);
    return true;
}
NATIVE(randrun) {
    Value a2[2] = {args[0], NIL_VAL};
    (void)argc;
    return patterned(vm, b_randrun, a2, 2, NIL_VAL, BIND_INNER, out);
}

/* randL(n): a list of n random numbers (0..1) at each moment, as a signal
 * (Strudel's: drawn at the time itself, with no seed) */
static bool randl_map(Query *q, Value t, Value nv, Value *out) {
    int n = (int)nv.as.num;
    double rands[256];
    Value items[256];
    pat_rands_at(t.as.num, n, rands);
    for (int i = 0; i < n; i++) items[i] = NUM_VAL(fabs(rands[i]));
    *out = OBJ_VAL(list_new(q->heap, items, (uint32_t)n));
    return true;
}
static bool b_randl(Query *q, const Value *a, ObjPattern *sub, Value pm, ObjPattern **out) {
    (void)sub, (void)pm;
    int n;
    if (!get_int(q, a[0], "randL's count", &n)) return false;
    if (n < 1 || n > 256) {
        *out = pat_silence(q->heap);
        return n < 1 || lib_fail(q, NULL, "randL: at most 256");
    }
    ObjPattern *t = keep(q, pat_signal(q->heap, SIG_TIME));
    *out = pat_map(q->heap, t, randl_map, NUM_VAL(n));
    drop(q, 1);
    return true;
}
NATIVE(randL) {
    Value a2[2] = {args[0], NIL_VAL};
    (void)argc;
    return patterned(vm, b_randl, a2, 2, NIL_VAL, BIND_INNER, out);
}

/* shuffle(n) and scramble(n): the cycle cut in n parts, played in the order of
 * randrun(n) (each part once a cycle) or of irand(n) (parts may repeat) */
static bool rearrange_map(Query *q, Value i, Value parts, Value *out) {
    ObjList *l = AS_LIST(parts);
    int n = (int)l->len;
    int k = IS_NUM(i) ? (int)i.as.num : 0;
    if (k < 0 || k >= n) {
        *out = NIL_VAL;
        return true;
    }
    ObjPattern *r = keep(q, pat_repeat_cycles(q->heap, rat_int(n), AS_PATTERN(l->items[k])));
    *out = OBJ_VAL(pat_fast(q->heap, rat_int(n), r));
    drop(q, 1);
    return true;
}

static bool b_rearrange(Query *q, const Value *a, ObjPattern *sub, Value run, ObjPattern **out) {
    int n;
    if (!get_int(q, a[0], "the number of parts", &n)) return false;
    if (n < 1) {
        *out = pat_silence(q->heap);
        return true;
    }
    if (n > 256) return lib_fail(q, NULL, "at most 256 parts");
    Heap *h = q->heap;
    Value items[256];
    for (int i = 0; i < n; i++) {
        items[i] = OBJ_VAL(pat_zoom(h, rat_make(i, n), rat_make(i + 1, n), sub));
        heap_push(h, items[i]);
    }
    Value parts = OBJ_VAL(list_new(h, items, (uint32_t)n));
    heap_pop(h, (unsigned)n);
    heap_push(h, parts);
    ObjPattern *ip = keep(q, index_pattern(q, n, run.kind == VAL_BOOL && run.as.b));
    ObjPattern *m = keep(q, pat_map(h, ip, rearrange_map, parts));
    *out = pat_bind(h, BIND_INNER, m);
    drop(q, 3);
    return true;
}
NATIVE(shuffle) {
    (void)argc;
    return patterned(vm, b_rearrange, args, 2, BOOL_VAL(true), BIND_INNER, out);
}
NATIVE(scramble) {
    (void)argc;
    return patterned(vm, b_rearrange, args, 2, BOOL_VAL(false), BIND_INNER, out);
}
