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

#include <stdio.h>
#include <string.h>

enum { K_SET = -1, K_KEEP = -2, K_KEEPIF = -3 };

static int combine_op(Query *q, Value a, Value b, Value kind, Value *out) {
    int k = (int)kind.as.num;
    if (k == K_SET) return combine_union(q, a, b, NIL_VAL, out);
    if (k == K_KEEP) return combine_union(q, b, a, NIL_VAL, out);
    if (k == K_KEEPIF) return combine_keep_if(q, a, b, NIL_VAL, out);
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
} OPS[] = {{"add", OP_ADD}, {"sub", OP_SUB}, {"mul", OP_MUL},  {"div", OP_DIV},
           {"mod", OP_MOD}, {"set", K_SET},  {"keep", K_KEEP}, {"keepif", K_KEEPIF}};
static const char *const WAYS[] = {"in", "out", "mix", "squeeze", "squeezeout", "reset", "restart"};

static bool nat_op(Vm *vm, Value *args, int argc, Value *out) {
    (void)argc;
    const char *name = vm_current_native(vm)->name;
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
    {"set", 2, nat_op, 0, "set(other, pat)",
     "The values of other on pat's events (records: fields joined, other's winning).",
     "s(\"bd sd\").set(gain(\"0.5 1\"))", NULL},
    {"keep", 2, nat_op, 0, "keep(other, pat)",
     "pat's values on pat's events (records: fields joined, pat's winning).",
     "s(\"bd sd\").keep(s(\"hh\").gain(0.5))", NULL},
    {"keepif", 2, nat_op, 0, "keepif(bools, pat)", "pat's events where bools is true.",
     "s(\"bd*4\").keepif(\"1 0 1 1\")", NULL},
    OP_WAYS("add"),
    OP_WAYS("sub"),
    OP_WAYS("mul"),
    OP_WAYS("div"),
    OP_WAYS("mod"),
    OP_WAYS("set"),
    OP_WAYS("keep"),
    OP_WAYS("keepif"),
};

const NativeDef *stdlib_ops_natives(int *count) {
    *count = (int)(sizeof NATIVES / sizeof NATIVES[0]);
    return NATIVES;
}
