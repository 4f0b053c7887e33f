/*
 * ops.c - Strudel's operators with their structure variants: x.add.out(y),
 * x.mul.squeeze(y), x.set.mix(y), ... (the parser reads `add.out` as one
 * method name), and set, keep and keepif themselves.
 *
 * An operator combines the values of two patterns (add: a + b; set: b, a
 * record's fields joined with b's winning; keep: a, a's winning; keepif: a
 * where b is true); the way says where the structure comes from: in (x's,
 * as x.add(y)), out (y's), mix (both: where they overlap), squeeze (y
 * played within each event of x), squeezeout (x within each event of y),
 * reset and restart (x started again at each event of y).
 */
#include "lib.h"
#include "stdlib.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum {
    K_SET = -1,
    K_KEEP = -2,
    K_KEEPIF = -3,
    /* JavaScript's operators, as Strudel's composers apply them */
    K_POW = -10,
    K_LOG2 = -11,
    K_BAND = -12,
    K_BOR = -13,
    K_BXOR = -14,
    K_BLSHIFT = -15,
    K_BRSHIFT = -16,
    K_LT = -17,
    K_GT = -18,
    K_LTE = -19,
    K_GTE = -20,
    K_EQ = -21,
    K_EQT = -22,
    K_NE = -23,
    K_NET = -24,
    K_AND = -25,
    K_OR = -26,
    K_FUNC = -27,
};

/* JavaScript's ToNumber of a plain value (NaN when it is none) */
static double js_number(Value v) {
    if (IS_NUM(v)) return v.as.num;
    if (v.kind == VAL_BOOL) return v.as.b ? 1 : 0;
    if (IS_STRING(v)) {
        const char *s = AS_STRING(v)->chars;
        char *end;
        double x = strtod(s, &end);
        while (*end == ' ') end++;
        return end != s && !*end ? x : NAN;
    }
    return NAN;
}

static int32_t int32(double x) {
    if (!isfinite(x)) return 0;
    double m = fmod(trunc(x), 4294967296.0);
    if (m < 0) m += 4294967296.0;
    return (int32_t)(uint32_t)m;
}

/* JavaScript's a < b (or <=): strings by their code units, else numbers */
static bool js_less(Value a, Value b, bool or_equal) {
    if (IS_STRING(a) && IS_STRING(b)) {
        int c = strcmp(AS_STRING(a)->chars, AS_STRING(b)->chars);
        return or_equal ? c <= 0 : c < 0;
    }
    double x = js_number(a), y = js_number(b);
    return or_equal ? x <= y : x < y;
}

static bool js_loose_equal(Value a, Value b) {
    if (IS_STRING(a) && IS_STRING(b)) return AS_STRING(a) == AS_STRING(b);
    if (IS_NIL(a) || IS_NIL(b)) return IS_NIL(a) && IS_NIL(b);
    return js_number(a) == js_number(b);
}

static bool js_strict_equal(Value a, Value b) {
    if (a.kind != b.kind) return false;
    if (IS_NUM(a)) return a.as.num == b.as.num;
    if (a.kind == VAL_BOOL) return a.as.b == b.as.b;
    return IS_NIL(a) || a.as.obj == b.as.obj; /* strings are interned */
}

/* one JavaScript operator on two plain values (the numeral ones read note names as MIDI) */
static bool js_op(Query *q, int k, Value a, Value b, Value *out) {
    double x = 0, y = 0;
    bool numeral = k <= K_POW && k >= K_BRSHIFT;
    if (numeral && !(js_numeral(a, &x) && (k == K_LOG2 || js_numeral(b, &y)))) {
        char buf[48];
        val_format(js_numeral(a, &x) ? b : a, buf, sizeof buf);
        return lib_fail(q, NULL, "cannot do arithmetic on '%s'", buf);
    }
    switch (k) {
    case K_POW: *out = NUM_VAL(pow(x, y)); break;
    case K_LOG2: *out = NUM_VAL(log2(x)); break;
    case K_BAND: *out = NUM_VAL(int32(x) & int32(y)); break;
    case K_BOR: *out = NUM_VAL(int32(x) | int32(y)); break;
    case K_BXOR: *out = NUM_VAL(int32(x) ^ int32(y)); break;
    case K_BLSHIFT: *out = NUM_VAL((int32_t)((uint32_t)int32(x) << (int32(y) & 31))); break;
    case K_BRSHIFT: *out = NUM_VAL(int32(x) >> (int32(y) & 31)); break;
    case K_LT: *out = BOOL_VAL(js_less(a, b, false)); break;
    case K_GT: *out = BOOL_VAL(js_less(b, a, false)); break;
    case K_LTE: *out = BOOL_VAL(js_less(a, b, true)); break;
    case K_GTE: *out = BOOL_VAL(js_less(b, a, true)); break;
    case K_EQ: *out = BOOL_VAL(js_loose_equal(a, b)); break;
    case K_EQT: *out = BOOL_VAL(js_strict_equal(a, b)); break;
    case K_NE: *out = BOOL_VAL(!js_loose_equal(a, b)); break;
    case K_NET: *out = BOOL_VAL(!js_strict_equal(a, b)); break;
    case K_AND: *out = js_truthy(a) ? b : a; break;
    case K_OR: *out = js_truthy(a) ? a : b; break;
    case K_FUNC: {
        if (!IS_CALLABLE(b))
            return lib_fail(q, NULL, "func needs functions, got %s", val_type_name(b));
        return query_call(q, b, &a, 1, out);
    }
    default: return lib_fail(q, NULL, "%s", "unknown operator");
    }
    return true;
}

/* records: the operator field by field where both have the key, the rest
 * joined; a record and a plain value: the record as it is (Strudel warns) */
static bool js_compose(Query *q, int k, Value a, Value b, Value *out) {
    if (!IS_RECORD(a) && !IS_RECORD(b)) return js_op(q, k, a, b, out);
    if (!IS_RECORD(a) || !IS_RECORD(b)) {
        *out = a;
        return true;
    }
    ObjRecord *ra = AS_RECORD(a), *rb = AS_RECORD(b);
    RecField fs[128];
    uint32_t n = 0, pushed = 0;
    if (ra->len + rb->len > 128) return lib_fail(q, NULL, "record too large");
    for (uint32_t i = 0; i < ra->len; i++) fs[n++] = ra->fields[i];
    bool ok = true;
    for (uint32_t j = 0; ok && j < rb->len; j++) {
        uint32_t i = 0;
        while (i < ra->len && ra->fields[i].key != rb->fields[j].key) i++;
        if (i == ra->len) {
            fs[n++] = rb->fields[j];
            continue;
        }
        ok = js_op(q, k, ra->fields[i].val, rb->fields[j].val, &fs[i].val);
        if (ok) heap_push(q->heap, fs[i].val), pushed++;
    }
    if (ok) *out = OBJ_VAL(rec_new(q->heap, fs, n));
    heap_pop(q->heap, pushed);
    return ok;
}

static int combine_op(Query *q, Value a, Value b, Value kind, Value *out) {
    int k = (int)kind.as.num;
    if (k == K_SET) return combine_union(q, a, b, NIL_VAL, out);
    if (k == K_KEEP) return combine_union(q, b, a, NIL_VAL, out);
    if (k == K_KEEPIF) return combine_keep_if(q, a, b, NIL_VAL, out);
    if (k <= K_POW) return js_compose(q, k, a, b, out) ? 1 : -1;
    return combine_num(q, a, b, kind, out);
}

typedef enum { W_IN, W_OUT, W_MIX, W_SQUEEZE, W_SQUEEZEOUT, W_RESET, W_RESTART } Way;

/* param: [other, kind, way]; v a value of the pattern mapped over; the inner
 * pattern of the join */
static bool inner_map(Query *q, Value v, Value param, Value *out) {
    ObjList *l = AS_LIST(param);
    ObjPattern *other = AS_PATTERN(l->items[0]);
    Value kind = l->items[1];
    Way w = (Way)l->items[2].as.num;
    Heap *h = q->heap;
    ObjPattern *pure = pat_pure(h, v);
    heap_push(h, OBJ_VAL(pure));
    ObjPattern *r;
    if (w == W_SQUEEZE) /* other's events, each value a op b (a the outer value) */
        r = pat_app(h, APP_RIGHT, pure, other, combine_op, kind);
    else /* this pattern's events, each value a op b (b the outer value) */
        r = pat_app(h, APP_LEFT, other, pure, combine_op, kind);
    heap_pop(h, 1);
    *out = OBJ_VAL(r);
    return true;
}

static bool op_way(Vm *vm, int kind, Way w, Value *args, Value *out) {
    Heap *h = vm_heap(vm);
    ObjPattern *other = reify(vm, args[0]);
    KEEP(vm, other);
    ObjPattern *self = reify(vm, args[1]);
    KEEP(vm, self);
    ObjPattern *r;
    if (w <= W_MIX) {
        AppStructure st = w == W_IN ? APP_LEFT : w == W_OUT ? APP_RIGHT : APP_BOTH;
        r = pat_app(h, st, self, other, combine_op, NUM_VAL(kind));
    } else {
        /* squeeze maps over this pattern (the inner being the other); the rest map over
         * the other (the inner being this pattern) */
        ObjPattern *outer = w == W_SQUEEZE ? self : other, *inner = w == W_SQUEEZE ? other : self;
        Value items[3] = {OBJ_VAL(inner), NUM_VAL(kind), NUM_VAL(w)};
        Value param = OBJ_VAL(list_new(h, items, 3));
        vm_push_root(vm, param);
        ObjPattern *m = pat_map(h, outer, inner_map, param);
        KEEP(vm, m);
        BindKind b = w == W_RESET ? BIND_RESET : w == W_RESTART ? BIND_RESTART : BIND_SQUEEZE;
        r = pat_bind(h, b, m);
        vm_pop_root(vm);
        vm_pop_root(vm);
    }
    vm_pop_root(vm);
    vm_pop_root(vm);
    *out = OBJ_VAL(r);
    return true;
}

static const struct {
    const char *name;
    int kind;
} OPS[] = {{"add", OP_ADD},  {"sub", OP_SUB},        {"mul", OP_MUL},        {"div", OP_DIV},
           {"mod", OP_MOD},  {"set", K_SET},         {"keep", K_KEEP},       {"keepif", K_KEEPIF},
           {"pow", K_POW},   {"log2", K_LOG2},       {"band", K_BAND},       {"bor", K_BOR},
           {"bxor", K_BXOR}, {"blshift", K_BLSHIFT}, {"brshift", K_BRSHIFT}, {"lt", K_LT},
           {"gt", K_GT},     {"lte", K_LTE},         {"gte", K_GTE},         {"eq", K_EQ},
           {"eqt", K_EQT},   {"ne", K_NE},           {"net", K_NET},         {"and", K_AND},
           {"or", K_OR},     {"func", K_FUNC}};
static const char *const WAYS[] = {"in", "out", "mix", "squeeze", "squeezeout", "reset", "restart"};

/* Strudel's names for keep in a way: structAll is keep.out, maskAll keep.in,
 * resetAll keep.reset, restartAll keep.restart (struct, mask, reset and restart
 * are keepif's) */
static const struct {
    const char *name;
    Way way;
} ALL[] = {
    {"structAll", W_OUT}, {"maskAll", W_IN}, {"resetAll", W_RESET}, {"restartAll", W_RESTART}};

static bool nat_op(Vm *vm, Value *args, int argc, Value *out) {
    (void)argc;
    const char *name = vm_current_native(vm)->name;
    for (size_t i = 0; i < sizeof ALL / sizeof ALL[0]; i++)
        if (!strcmp(ALL[i].name, name)) return op_way(vm, K_KEEP, ALL[i].way, args, out);
    const char *dot = strchr(name, '.');
    size_t ol = dot ? (size_t)(dot - name) : strlen(name);
    int kind = 0;
    for (size_t i = 0; i < sizeof OPS / sizeof OPS[0]; i++)
        if (strlen(OPS[i].name) == ol && !strncmp(OPS[i].name, name, ol)) kind = OPS[i].kind;
    Way w = W_IN;
    for (int i = 0; dot && i < (int)(sizeof WAYS / sizeof WAYS[0]); i++)
        if (!strcmp(WAYS[i], dot + 1)) w = (Way)i;
    return op_way(vm, kind, w, args, out);
}

#define OPW(op, way, doc)                                                                          \
    {                                                                                              \
        op "." way, 2, nat_op, 0, op "." way "(other, pat)", doc,                                  \
            "n(\"0 2\")." op "." way "(\"<1 2> 3\")", NULL                                         \
    }
#define OP_WAYS(op)                                                                                \
    OPW(op, "in", "pat." op "(other): the structure from pat."),                                   \
        OPW(op, "out", "pat." op " other, the structure from other."),                             \
        OPW(op, "mix", "pat." op " other, the structure from both (where events overlap)."),       \
        OPW(op, "squeeze", "pat." op " other, other played within each event of pat."),            \
        OPW(op, "squeezeout", "pat." op " other, pat played within each event of other."),         \
        OPW(op, "reset",                                                                           \
            "pat." op " other, pat started again from its cycle at each event of "                 \
            "other."),                                                                             \
        OPW(op, "restart",                                                                         \
            "pat." op " other, pat started again from cycle 0 at each event of "                   \
            "other.")

static const NativeDef NATIVES[] = {
    {"structAll", 2, nat_op, 0, "structAll(other, pat)",
     "pat's values on other's structure, every event of other kept (keep.out; struct keeps only "
     "other's true ones).",
     "note(\"c e g\".structAll(\"x ~ x x\")).s(\"pluck\")", NULL},
    {"maskAll", 2, nat_op, 0, "maskAll(other, pat)",
     "pat's events where other has events, whatever their values (keep.in; mask keeps only "
     "other's true ones).",
     "note(\"c e g b\".maskAll(\"1 ~ 0 1\")).s(\"pluck\")", NULL},
    {"resetAll", 2, nat_op, 0, "resetAll(trigger, pat)",
     "pat started again from its cycle at each event of trigger, whatever its value (keep.reset).",
     "note(\"c e g b\".resetAll(\"<x@3 x(3,8)>\")).s(\"pluck\")", NULL},
    {"restartAll", 2, nat_op, 0, "restartAll(trigger, pat)",
     "pat started again from cycle 0 at each event of trigger, whatever its value "
     "(keep.restart).",
     "note(\"<c a> e\".restartAll(\"<x@3 x(3,8)>\")).s(\"pluck\")", NULL},
    {"set", 2, nat_op, 0, "set(other, pat)",
     "The values of other on pat's events (records: fields joined, other's winning).",
     "s(\"bd*2 [~ sd] hh*4\").set(pan(\"<0.2 0.8>\"))", NULL},
    {"keep", 2, nat_op, 0, "keep(other, pat)",
     "pat's values on pat's events (records: fields joined, pat's winning).",
     "s(\"bd sd\").keep(s(\"hh\").gain(0.5))", NULL},
    {"keepif", 2, nat_op, 0, "keepif(bools, pat)", "pat's events where bools is true.",
     "s(\"bd*4\").keepif(\"1 0 1 1\")", NULL},
#define JSOP(op, doc, ex)                                                                          \
    { op, 2, nat_op, 0, op "(other, pat)", doc, ex, NULL }
    JSOP("pow", "Each value to the power of other's.", "n(\"1 2 3\".pow(2))"),
    JSOP("log2", "The base-2 logarithm of each value (other is not used).", "n(\"1 2 8\".log2(0))"),
    JSOP("band", "Bitwise and of the values (as 32-bit integers).", "n(\"3 5 6\".band(5))"),
    JSOP("bor", "Bitwise or of the values.", "n(\"1 2 4\".bor(1))"),
    JSOP("bxor", "Bitwise exclusive or of the values.", "n(\"1 2 3\".bxor(1))"),
    JSOP("blshift", "Each value shifted left by other's bits.", "n(\"1 2 3\".blshift(1))"),
    JSOP("brshift", "Each value shifted right by other's bits.", "n(\"4 8 16\".brshift(1))"),
    JSOP("lt", "true where the value is less than other's.", "s(\"hh*4\").mask(\"0 1 2 3\".lt(2))"),
    JSOP("gt", "true where the value is greater than other's.",
         "s(\"hh*4\").mask(\"0 1 2 3\".gt(1))"),
    JSOP("lte", "true where the value is at most other's.", "s(\"hh*4\").mask(\"0 1 2 3\".lte(1))"),
    JSOP("gte", "true where the value is at least other's.",
         "s(\"hh*4\").mask(\"0 1 2 3\".gte(2))"),
    JSOP("eq", "true where the value equals other's (JavaScript's ==).",
         "s(\"hh*4\").mask(\"0 1 2 1\".eq(1))"),
    JSOP("eqt", "true where the value is other's, of the same type (JavaScript's ===).",
         "s(\"hh*4\").mask(\"0 1 2 1\".eqt(1))"),
    JSOP("ne", "true where the value differs from other's (JavaScript's !=).",
         "s(\"hh*4\").mask(\"0 1 2 1\".ne(1))"),
    JSOP("net", "true where the value is not other's (JavaScript's !==).",
         "s(\"hh*4\").mask(\"0 1 2 1\".net(1))"),
    JSOP("and", "JavaScript's a && b: other's value where the value is true, else the value.",
         "s(\"hh*4\").mask(\"1 0 1 1\".and(\"<1 0>\"))"),
    JSOP("or", "JavaScript's a || b: the value where it is true, else other's.",
         "s(\"hh*4\").mask(\"0 1 0 1\".or(\"<0 1>\"))"),
    JSOP("func", "Each value given to other's function.", "n(\"0 1 2\".func(x => x * 3))"),
    OP_WAYS("add"),
    OP_WAYS("sub"),
    OP_WAYS("mul"),
    OP_WAYS("div"),
    OP_WAYS("mod"),
    OP_WAYS("set"),
    OP_WAYS("keep"),
    OP_WAYS("keepif"),
    OP_WAYS("pow"),
    OP_WAYS("log2"),
    OP_WAYS("band"),
    OP_WAYS("bor"),
    OP_WAYS("bxor"),
    OP_WAYS("blshift"),
    OP_WAYS("brshift"),
    OP_WAYS("lt"),
    OP_WAYS("gt"),
    OP_WAYS("lte"),
    OP_WAYS("gte"),
    OP_WAYS("eq"),
    OP_WAYS("eqt"),
    OP_WAYS("ne"),
    OP_WAYS("net"),
    OP_WAYS("and"),
    OP_WAYS("or"),
    OP_WAYS("func"),
};

const NativeDef *stdlib_ops_natives(int *count) {
    *count = (int)(sizeof NATIVES / sizeof NATIVES[0]);
    return NATIVES;
}
