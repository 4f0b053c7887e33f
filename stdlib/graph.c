/*
 * graph.c - building unit-generator graphs: the values synth bodies and
 * effect chains evaluate to (see ObjGraph in vm.h, the table in
 * spec/ugens.h). Inside a synth body or a bus/master chain, unit-generator
 * names resolve to these constructors; elsewhere sine, saw, ... stay the
 * 0..1 signals of the pattern library.
 */
#include "lib.h"

#include "../spec/ugens.h"

#include <stdlib.h>
#include <string.h>

/* One filter of mastereq's, after `x`. */
static Value stage(Vm *vm, const char *name, Value x, Value a, Value b, Value c, int n) {
    Value in[4] = {x, a, b, c};
    vm_push_root(vm, x);
    ObjGraph *g =
        graph_new(vm, GRAPH_UGEN, ugen_find(name, (unsigned)strlen(name)), NULL, in, (uint32_t)n);
    vm_pop_root(vm);
    return OBJ_VAL(g);
}

/* mastereq(low, mid, high, lowfreq, midfreq, highfreq, cut) is tala's own
 * filters in a row (in[0] the signal, then the inputs in that order). */
static bool mastereq(Vm *vm, const Value *in, Value *out) {
    Value x = stage(vm, "hpf", in[0], in[7], NUM_VAL(0.7), NIL_VAL, 3);
    x = stage(vm, "lowshelf", x, in[4], in[1], NIL_VAL, 3);
    x = stage(vm, "peak", x, in[5], in[2], NUM_VAL(0.7), 4);
    *out = stage(vm, "highshelf", x, in[6], in[3], NIL_VAL, 3);
    return true;
}

/* One constructor serves every unit generator: its NativeDef's name is
 * "~" + the ugen's name. Positional arguments fill the inputs in order,
 * named ones by input name, the rest take their defaults; `in` (given by
 * x.lpf(...)) is the signal an effect processes, else the chain's input. */
bool nat_ugen(Vm *vm, Value *args, int argc, Value *out) {
    const NativeDef *d = vm_current_native(vm);
    const UgenDef *u = ugen_find(d->name + 1, (unsigned)strlen(d->name + 1));
    if (!u) return vm_error(vm, "unknown unit generator '%s'", d->name + 1);
    int off = u->kind == UG_EFFECT ? 1 : 0;
    Value in[UGEN_MAX_INPUTS + 1];
    bool given[UGEN_MAX_INPUTS + 1] = {0};
    if (argc > u->ninputs) {
        vm_error(vm, "%s takes %d input%s, got %d", u->name, u->ninputs, u->ninputs == 1 ? "" : "s",
                 argc);
        return false;
    }
    for (int i = 0; i < argc; i++) {
        in[off + i] = args[i];
        given[off + i] = true;
    }
    Value v;
    bool has_in = vm_named_arg(vm, "in", &v);
    if (has_in) {
        if (u->kind != UG_EFFECT) {
            vm_error(vm, "%s makes a sound; it does not process one", u->name);
            vm_hint(vm, "write %s(...) on its own, or combine sounds with + and *", u->name);
            return false;
        }
        in[0] = v;
    }
    for (int i = 0; i < u->ninputs; i++)
        if (vm_named_arg(vm, u->inputs[i], &v)) {
            in[off + i] = v;
            given[off + i] = true;
        }
    for (int i = 0; i < u->ninputs; i++) {
        if (given[off + i]) {
            Value x = in[off + i];
            bool track = IS_STRING(x) && strcmp(u->inputs[i], "side") == 0; /* a track name */
            bool lv2 = !strcmp(u->name, "lv2") && (IS_STRING(x) || IS_RECORD(x));
            if (!IS_NUM(x) && !IS_GRAPH(x) && !IS_PATTERN(x) && !track && !lv2) {
                vm_error(vm, "%s's %s must be a number, a sound or a pattern, got %s", u->name,
                         u->inputs[i], val_type_name(x));
                return false;
            }
        } else {
            in[off + i] = NUM_VAL(u->defaults[i]);
        }
    }
    if (off && !has_in) {
        in[0] = OBJ_VAL(graph_new(vm, GRAPH_INPUT, NULL, NULL, NULL, 0));
    }
    if (!strcmp(u->name, "mastereq")) return mastereq(vm, in, out);
    vm_push_root(vm, in[0]);
    ObjGraph *g = graph_new(vm, GRAPH_UGEN, u, NULL, in, (uint32_t)(off + u->ninputs));
    vm_pop_root(vm);
    *out = OBJ_VAL(g);
    return true;
}

/* a + b, a * b, ... where either side is a graph: a math node. */
bool graph_binary(Vm *vm, int op, Value a, Value b, Value *out) {
    const char *name = op == OP_ADD   ? "add"
                       : op == OP_SUB ? "sub"
                       : op == OP_MUL ? "mul"
                       : op == OP_DIV ? "div"
                                      : NULL;
    if (!name) return vm_error(vm, "sounds can be combined with + - * / only");
    if (!(IS_NUM(a) || IS_GRAPH(a)) || !(IS_NUM(b) || IS_GRAPH(b))) {
        vm_error(vm, "cannot combine %s and %s in a sound", val_type_name(a), val_type_name(b));
        return false;
    }
    Value in[2] = {a, b};
    *out = OBJ_VAL(graph_new(vm, GRAPH_UGEN, ugen_find(name, (unsigned)strlen(name)), NULL, in, 2));
    return true;
}

/* The NativeDefs of the ugen constructors, one per row of spec/ugens.h,
 * named "~" + the ugen's name. */
#define UGEN_NATIVE_ROW(id, name, kind, inputs, defaults, required, doc)                           \
    {"~" name, 0, nat_ugen, NF_VARIADIC, name, doc, "", NULL},
static const NativeDef UGEN_NATIVES[UGEN_COUNT] = {UGEN_LIST(UGEN_NATIVE_ROW)};

const NativeDef *stdlib_ugen_natives(int *count) {
    *count = UGEN_COUNT;
    return UGEN_NATIVES;
}

/* The graph as text: "mul(saw(freq), env(0.005, 0.3))", for tests, the
 * REPL and teaching. Returns the length needed (like snprintf). */
static size_t gfmt(Value v, char *buf, size_t size, size_t at) {
    char tmp[64];
    size_t n;
    if (IS_GRAPH(v)) {
        ObjGraph *g = AS_GRAPH(v);
        if (g->kind == GRAPH_PARAM) {
            n = (size_t)snprintf(tmp, sizeof tmp, "%s", g->name->chars);
        } else if (g->kind == GRAPH_INPUT) {
            n = (size_t)snprintf(tmp, sizeof tmp, "in");
        } else {
            n = (size_t)snprintf(tmp, sizeof tmp, "%s(", g->ugen->name);
            if (at < size) snprintf(buf + at, size - at, "%s", tmp);
            at += n;
            for (uint32_t i = 0; i < g->n; i++) {
                if (i) {
                    if (at < size) snprintf(buf + at, size - at, ", ");
                    at += 2;
                }
                at = gfmt(g->in[i], buf, size, at);
            }
            if (at < size) snprintf(buf + at, size - at, ")");
            return at + 1;
        }
    } else {
        n = val_format(v, tmp, sizeof tmp);
    }
    if (at < size) snprintf(buf + at, size - at, "%s", tmp);
    return at + n;
}

size_t graph_format(Value v, char *buf, size_t size) {
    if (size) buf[0] = 0;
    return gfmt(v, buf, size, 0);
}
