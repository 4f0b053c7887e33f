/*
 * signals.c - Strudel's other signals: the bipolar ones (saw2, sine2, ...,
 * from -1 to 1), itri and itri2, time, brand and brandBy (random booleans),
 * signal(f) and steady(v); and toBipolar / fromBipolar on any pattern.
 */
#include "lib.h"
#include "stdlib.h"

#include <math.h>
#include <string.h>

static bool sig(Vm *vm, Signal s, Value *out) {
    *out = OBJ_VAL(pat_signal(vm_heap(vm), s));
    return true;
}

static bool nat_saw2(Vm *vm, Value *a, int n, Value *out) {
    (void)a, (void)n;
    return sig(vm, SIG_SAW2, out);
}
static bool nat_isaw2(Vm *vm, Value *a, int n, Value *out) {
    (void)a, (void)n;
    return sig(vm, SIG_ISAW2, out);
}
static bool nat_sine2(Vm *vm, Value *a, int n, Value *out) {
    (void)a, (void)n;
    return sig(vm, SIG_SINE2, out);
}
static bool nat_cosine2(Vm *vm, Value *a, int n, Value *out) {
    (void)a, (void)n;
    return sig(vm, SIG_COSINE2, out);
}
static bool nat_square2(Vm *vm, Value *a, int n, Value *out) {
    (void)a, (void)n;
    return sig(vm, SIG_SQUARE2, out);
}
static bool nat_rand2(Vm *vm, Value *a, int n, Value *out) {
    (void)a, (void)n;
    return sig(vm, SIG_RAND2, out);
}
static bool nat_time(Vm *vm, Value *a, int n, Value *out) {
    (void)a, (void)n;
    return sig(vm, SIG_TIME, out);
}

/* tri2 = fastcat(saw2, isaw2); itri = fastcat(isaw, saw); itri2 = fastcat(isaw2, saw2) */
static bool two(Vm *vm, Signal a, Signal b, Value *out) {
    Heap *h = vm_heap(vm);
    ObjPattern *p[2];
    p[0] = pat_signal(h, a);
    KEEP(vm, p[0]);
    p[1] = pat_signal(h, b);
    KEEP(vm, p[1]);
    *out = OBJ_VAL(pat_fastcat(h, p, 2));
    vm_pop_root(vm);
    vm_pop_root(vm);
    return true;
}
static bool nat_tri2(Vm *vm, Value *a, int n, Value *out) {
    (void)a, (void)n;
    return two(vm, SIG_SAW2, SIG_ISAW2, out);
}
static bool nat_itri(Vm *vm, Value *a, int n, Value *out) {
    (void)a, (void)n;
    return two(vm, SIG_ISAW, SIG_SAW, out);
}
static bool nat_itri2(Vm *vm, Value *a, int n, Value *out) {
    (void)a, (void)n;
    return two(vm, SIG_ISAW2, SIG_SAW2, out);
}

/* value maps: x * 2 - 1, (x + 1) / 2, x < p (brandBy), a constant (steady) */
static bool bipolar_map(Query *q, Value v, Value kind, Value *out) {
    double x;
    if (!js_numeral(v, &x)) return lib_fail(q, NULL, "%s needs numbers", "toBipolar/fromBipolar");
    *out = NUM_VAL(kind.as.num > 0 ? x * 2 - 1 : (x + 1) / 2);
    return true;
}

static bool nat_toBipolar(Vm *vm, Value *a, int n, Value *out) {
    (void)n;
    bool to = !strcmp(vm_current_native(vm)->name, "toBipolar");
    return map_values(vm, a[0], bipolar_map, NUM_VAL(to ? 1 : -1), out);
}

static bool below_map(Query *q, Value v, Value p, Value *out) {
    (void)q;
    *out = BOOL_VAL(IS_NUM(v) && v.as.num < p.as.num);
    return true;
}

static bool build_brand(Query *q, const Value *a, ObjPattern *sub, Value pm, ObjPattern **out) {
    (void)pm;
    double p;
    if (!get_num(q, a[0], "brandBy's probability", &p)) return false;
    *out = pat_map(q->heap, sub, below_map, NUM_VAL(p));
    return true;
}

/* brandBy(p): a continuous pattern of true with probability p (rand < p) */
static bool nat_brandBy(Vm *vm, Value *a, int n, Value *out) {
    (void)n;
    Value args[2] = {a[0], OBJ_VAL(pat_signal(vm_heap(vm), SIG_RAND))};
    vm_push_root(vm, args[1]);
    bool ok = patterned(vm, build_brand, args, 2, NIL_VAL, BIND_INNER, out);
    vm_pop_root(vm);
    return ok;
}

static bool nat_brand(Vm *vm, Value *a, int n, Value *out) {
    (void)a, (void)n;
    Value half = NUM_VAL(0.5);
    return nat_brandBy(vm, &half, 1, out);
}

static bool const_map(Query *q, Value v, Value c, Value *out) {
    (void)q, (void)v;
    *out = c;
    return true;
}

/* steady(v): a signal that is v everywhere */
static bool nat_steady(Vm *vm, Value *a, int n, Value *out) {
    (void)n;
    Value t = OBJ_VAL(pat_signal(vm_heap(vm), SIG_TIME));
    vm_push_root(vm, t);
    bool ok = map_values(vm, t, const_map, a[0], out);
    vm_pop_root(vm);
    return ok;
}

/* signal(f): a signal whose value at time t is f(t) */
static bool call_map(Query *q, Value t, Value fn, Value *out) {
    return query_call(q, fn, &t, 1, out);
}

static bool nat_signal(Vm *vm, Value *a, int n, Value *out) {
    (void)n;
    if (!IS_CALLABLE(a[0])) {
        vm_error(vm, "signal takes a function of the time, got %s", val_type_name(a[0]));
        vm_hint(vm, "write signal(t => t * 2)");
        return false;
    }
    Value t = OBJ_VAL(pat_signal(vm_heap(vm), SIG_TIME));
    vm_push_root(vm, t);
    bool ok = map_values(vm, t, call_map, a[0], out);
    vm_pop_root(vm);
    return ok;
}

#define VAL NF_VALUE
static const NativeDef NATIVES[] = {
    {"saw2", 0, nat_saw2, VAL, "saw2", "saw from -1 to 1.", "saw2.segment(4)", NULL},
    {"isaw2", 0, nat_isaw2, VAL, "isaw2", "isaw from 1 to -1.", "isaw2.segment(4)", NULL},
    {"sine2", 0, nat_sine2, VAL, "sine2", "A sine from -1 to 1.", "sine2.segment(4)", NULL},
    {"cosine2", 0, nat_cosine2, VAL, "cosine2", "sine2, a quarter cycle earlier.",
     "cosine2.segment(4)", NULL},
    {"square2", 0, nat_square2, VAL, "square2", "square from -1 to 1.", "square2.segment(4)", NULL},
    {"rand2", 0, nat_rand2, VAL, "rand2", "rand from -1 to 1.", "rand2.segment(4)", NULL},
    {"tri2", 0, nat_tri2, VAL, "tri2", "tri from -1 to 1.", "tri2.segment(4)", NULL},
    {"itri", 0, nat_itri, VAL, "itri", "tri upside down: 1 to 0 and back.", "itri.segment(4)",
     NULL},
    {"itri2", 0, nat_itri2, VAL, "itri2", "itri from 1 to -1 and back.", "itri2.segment(4)", NULL},
    {"time", 0, nat_time, VAL, "time", "The cycle time itself, as a signal.", "time.segment(4)",
     NULL},
    {"brand", 0, nat_brand, VAL, "brand", "Random true or false (rand < 0.5).",
     "s(\"hh*8\").struct(brand.segment(8))", NULL},
    {"brandBy", 1, nat_brandBy, 0, "brandBy(probability)",
     "Random booleans, true with the given probability.",
     "s(\"hh*8\").struct(brandBy(0.3).segment(8))", NULL},
    {"toBipolar", 1, nat_toBipolar, 0, "toBipolar(pat)", "Each value x as x * 2 - 1.",
     "sine.segment(4).toBipolar()", NULL},
    {"fromBipolar", 1, nat_toBipolar, 0, "fromBipolar(pat)", "Each value x as (x + 1) / 2.",
     "sine2.segment(4).fromBipolar()", NULL},
    {"steady", 1, nat_steady, 0, "steady(value)", "A signal that is value everywhere.",
     "n(steady(3).segment(2))", NULL},
    {"signal", 1, nat_signal, 0, "signal(f)", "A signal whose value at time t is f(t).",
     "signal(t => t * 2).segment(4)", NULL},
};

const NativeDef *stdlib_signal_natives(int *count) {
    *count = (int)(sizeof NATIVES / sizeof NATIVES[0]);
    return NATIVES;
}
