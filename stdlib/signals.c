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

static bool nat_cyclesPer(Vm *vm, Value *a, int n, Value *out) {
    (void)a, (void)n;
    return sig(vm, SIG_CYCLESPER, out);
}
static bool nat_per(Vm *vm, Value *a, int n, Value *out) {
    (void)a, (void)n;
    return sig(vm, SIG_PER, out);
}
static bool nat_perx(Vm *vm, Value *a, int n, Value *out) {
    (void)a, (void)n;
    return sig(vm, SIG_PERX, out);
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

/* ---- bits: binary, binaryN, binaryL, binaryNL ---- */

/* JavaScript's ToInt32, which its >> works on. */
static int32_t js_int32(double v) {
    if (!isfinite(v)) return 0;
    double m = fmod(trunc(v), 4294967296.0);
    if (m < 0) m += 4294967296.0;
    return (int32_t)(uint32_t)m;
}

/* The bit count binary() takes for v: floor(log2(v)) + 1. */
static int bits_of(double v) {
    double b = floor(log2(v)) + 1;
    return isfinite(b) && b > 0 ? (b > 64 ? 64 : (int)b) : 0;
}

/* bit (k - 1 - i) of the event's value, i its step in the cycle: the bits
 * from the most significant on (param: k) */
static bool bit_map(Query *q, Value v, Value param, Value *out) {
    int k = (int)param.as.num;
    double x;
    if (!js_numeral(v, &x)) return lib_fail(q, NULL, "binaryN needs numbers");
    Rat at = rat_sub(q->whole_at, rat_floor(q->whole_at));
    int i = (int)rat_floor(rat_mul(at, rat_int(k))).num;
    *out = NUM_VAL((js_int32(x) >> ((k - 1 - i) & 31)) & 1);
    return true;
}

/* n's value in k steps a cycle, each step its bit (Strudel's
 * n.segment(k).brshift(k - 1 - step).band(1)) */
static bool b_bits(Query *q, const Value *a, ObjPattern *sub, Value pm, ObjPattern **out) {
    (void)pm;
    double k;
    if (!get_num(q, a[0], "binaryN's bit count", &k)) return false;
    if (!(k >= 1)) {
        *out = pat_silence(q->heap);
        return true;
    }
    if (k > 64) return lib_fail(q, NULL, "binaryN: at most 64 bits, not %g", k);
    ObjPattern *pulse = pat_fast(q->heap, rat_int((int64_t)k), pat_pure(q->heap, BOOL_VAL(true)));
    heap_push(q->heap, OBJ_VAL(pulse));
    ObjPattern *seg = pat_app(q->heap, APP_RIGHT, sub, pulse, combine_keep_if, NIL_VAL);
    heap_push(q->heap, OBJ_VAL(seg));
    *out = pat_map(q->heap, seg, bit_map, NUM_VAL(floor(k)));
    heap_pop(q->heap, 2);
    return true;
}

static bool b_binary(Query *q, const Value *a, ObjPattern *sub, Value pm, ObjPattern **out) {
    double v;
    if (!js_numeral(a[0], &v)) return lib_fail(q, NULL, "binary needs a number");
    Value k = NUM_VAL(bits_of(v));
    return b_bits(q, &k, sub, pm, out);
}

static bool nat_binaryN(Vm *vm, Value *a, int n, Value *out) {
    Value args[2] = {n > 1 ? a[1] : NUM_VAL(16), a[0]};
    return patterned(vm, b_bits, args, 2, NIL_VAL, BIND_INNER, out);
}

static bool nat_binary(Vm *vm, Value *a, int n, Value *out) {
    (void)n;
    Value args[2] = {a[0], a[0]};
    return patterned(vm, b_binary, args, 2, NIL_VAL, BIND_INNER, out);
}

/* the bits of n's value as a list, most significant first (param: k, or
 * nil for as many as the value has) */
static bool bits_list(Query *q, Value v, Value param, Value *out) {
    double x;
    if (!js_numeral(v, &x)) return lib_fail(q, NULL, "binaryNL needs numbers");
    int k = IS_NUM(param) ? (int)param.as.num : bits_of(x);
    if (k < 0) k = 0;
    if (k > 64) k = 64;
    Value bits[64];
    for (int i = 0; i < k; i++) bits[i] = NUM_VAL((js_int32(x) >> ((k - 1 - i) & 31)) & 1);
    *out = OBJ_VAL(list_new(q->heap, bits, (uint32_t)k));
    return true;
}

static bool nat_binaryNL(Vm *vm, Value *a, int n, Value *out) {
    double k = 16;
    if (n > 1 && !js_numeral(a[1], &k)) {
        vm_error(vm, "binaryNL's bit count is a number");
        return false;
    }
    return map_values(vm, a[0], bits_list, NUM_VAL(floor(k)), out);
}

static bool nat_binaryL(Vm *vm, Value *a, int n, Value *out) {
    (void)n;
    return map_values(vm, a[0], bits_list, NIL_VAL, out);
}

#define VAL NF_VALUE
static const NativeDef NATIVES[] = {
    {"binary", 1, nat_binary, 0, "binary(n)",
     "n's bits, the most significant first, as many steps a cycle as it has bits (1 or 0).",
     "s(\"hh\").struct(binary(5))", NULL},
    {"binaryN", 0, nat_binaryN, NF_VARIADIC, "binaryN(n, bits = 16)",
     "n's lowest bits, the most significant first, bits steps a cycle (1 or 0).",
     "s(\"hh\").struct(binaryN(55532, 16))", NULL},
    {"binaryL", 1, nat_binaryL, 0, "binaryL(n)", "n's bits as a list on each of its events.",
     "binaryL(\"<5 12>\")", NULL},
    {"binaryNL", 0, nat_binaryNL, NF_VARIADIC, "binaryNL(n, bits = 16)",
     "n's lowest bits as a list on each of its events.", "binaryNL(5, 4)", NULL},
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
    {"cyclesPer", 0, nat_cyclesPer, VAL, "cyclesPer",
     "How long each event is, in cycles: no structure of its own, it takes the events of what "
     "it is combined with.",
     "note(\"c [c c] c\".add(cyclesPer.mul(24))).s(\"sawtooth\")", NULL},
    {"per", 0, nat_per, VAL, "per",
     "How short each event is: events a cycle (1 / cyclesPer), from what it is combined with.",
     "s(\"bd [bd bd] bd*4\").gain(\"0.3\".add(per.div(8)))", NULL},
    {"perCycle", 0, nat_per, VAL, "perCycle", "Another name for per.",
     "note(\"c [c c]\".add(perCycle)).s(\"pluck\")", NULL},
    {"perx", 0, nat_perx, VAL, "perx",
     "per on a curve: 1 for a whole cycle, one more each time the event halves.",
     "note(\"c [c [c c]]\".add(perx.mul(2))).s(\"pluck\")", NULL},
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
