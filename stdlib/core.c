/*
 * core.c - what every native uses: turning values into patterns, applying a
 * function Strudel-register style, argument checks, value combiners, and
 * arithmetic on patterns (the `+ - * /` operators and add/sub/mul/div).
 */
#include "lib.h"

#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>

ObjPattern *reify(Vm *vm, Value v) {
    Heap *h = vm_heap(vm);
    if (IS_PATTERN(v)) return AS_PATTERN(v);
    if (IS_LIST(v)) {
        ObjList *l = AS_LIST(v);
        vm_push_root(vm, v);
        ObjPattern **pats = malloc((l->len ? l->len : 1) * sizeof *pats);
        if (!pats) abort();
        for (uint32_t i = 0; i < l->len; i++) {
            pats[i] = reify(vm, l->items[i]);
            KEEP(vm, pats[i]);
        }
        ObjPattern *p = pat_fastcat(h, pats, l->len);
        for (uint32_t i = 0; i < l->len; i++) vm_pop_root(vm);
        vm_pop_root(vm);
        free(pats);
        return p;
    }
    if (IS_NIL(v)) return pat_silence(h);
    return pat_pure(h, v);
}

bool lib_fail(Query *q, const char *hint, const char *fmt, ...) {
    if (q->err->set) return false;
    char msg[256];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    err_set(q->err, q->vm ? vm_at(q->vm) : (SrcRef){0}, "%s", msg);
    if (hint) err_hint(q->err, "%s", hint);
    return false;
}

bool get_num(Query *q, Value v, const char *what, double *out) {
    if (IS_NUM(v)) {
        *out = v.as.num;
        return true;
    }
    char buf[64], hint[160] = "";
    val_format(v, buf, sizeof buf);
    const char *own = strstr(what, "'s "); /* "fast's factor": the factor is ... */
    if (own)
        snprintf(hint, sizeof hint, "%s is a number or a pattern of numbers, like 2 or \"<1 2>\"",
                 what);
    return lib_fail(q, own ? hint : NULL, "%s must be a number, got %s '%s'", what,
                    val_type_name(v), buf);
}

bool get_rat(Query *q, Value v, const char *what, Rat *out) {
    double d = 0;
    if (!get_num(q, v, what, &d)) return false;
    *out = rat_from_double(d);
    if (!rat_ok(*out)) return lib_fail(q, NULL, "%s must be a finite number, got %g", what, d);
    return true;
}

bool get_int(Query *q, Value v, const char *what, int *out) {
    double d = 0;
    if (!get_num(q, v, what, &d)) return false;
    if (d != floor(d) || fabs(d) > 1e9)
        return lib_fail(q, NULL, "%s must be a whole number, got %g", what, d);
    *out = (int)d;
    return true;
}

bool call_on_pattern(Query *q, Value fn, ObjPattern *arg, ObjPattern **out) {
    if (IS_PATTERN(fn) || IS_RECORD(fn)) {
        /* Controls where a function is expected set their values on the
         * events, like Tidal's `# speed 2`: sometimes(speed(2)) works as
         * sometimes(x => x.speed(2)). (Strudel rejects it.) A control
         * pattern given as an argument arrives here as its record values. */
        ObjPattern *set = IS_PATTERN(fn) ? AS_PATTERN(fn) : pat_pure(q->heap, fn);
        heap_push(q->heap, OBJ_VAL(set));
        *out = pat_app(q->heap, APP_LEFT, arg, set, combine_union, NIL_VAL);
        heap_pop(q->heap, 1);
        return true;
    }
    if (!IS_CALLABLE(fn)) {
        return lib_fail(q, "pass a function, like rev or fast(2) or x => x.slow(2)",
                        "expected a function, got %s", val_type_name(fn));
    }
    Value a = OBJ_VAL(arg), r;
    if (!query_call(q, fn, &a, 1, &r)) return false;
    *out = reify(q->vm, r);
    return true;
}

bool map_values(Vm *vm, Value pat, PatMapFn fn, Value param, Value *out) {
    ObjPattern *p = reify(vm, pat);
    KEEP(vm, p);
    vm_push_root(vm, param);
    *out = OBJ_VAL(pat_map(vm_heap(vm), p, fn, param));
    vm_pop_root(vm);
    vm_pop_root(vm);
    return true;
}

bool query_call(Query *q, Value fn, Value *args, int n, Value *out) {
    bool inside = q->depth > 0;
    if (inside) vm_enter_query(q->vm);
    Err *old = vm_swap_err(q->vm, q->err);
    bool ok = vm_call(q->vm, fn, args, n, out);
    vm_swap_err(q->vm, old);
    if (inside) vm_leave_query(q->vm);
    return ok;
}

bool js_truthy(Value v) {
    if (IS_NIL(v)) return false;
    if (v.kind == VAL_BOOL) return v.as.b;
    if (IS_NUM(v)) return v.as.num != 0 && !isnan(v.as.num);
    if (IS_STRING(v)) return AS_STRING(v)->len > 0;
    return true;
}

bool rec_get(const ObjRecord *r, const char *key, Value *out) {
    for (uint32_t i = 0; r && i < r->len; i++)
        if (strcmp(r->fields[i].key->chars, key) == 0) {
            *out = r->fields[i].val;
            return true;
        }
    return false;
}

bool patterned(Vm *vm, PatBuildFn fn, Value *args, int n, Value param, BindKind join, Value *out) {
    Heap *h = vm_heap(vm);
    Query *q = vm_query(vm);
    ObjPattern *pats[8];
    if (n > 8) return vm_error(vm, "too many arguments");
    for (int i = 0; i < n; i++) {
        pats[i] = reify(vm, args[i]);
        KEEP(vm, pats[i]);
    }
    bool all_pure = true;
    for (int i = 0; i < n - 1; i++) all_pure &= pats[i]->kind == PAT_PURE;
    ObjPattern *r = NULL;
    bool ok = true;
    if (all_pure) {
        Value vals[8];
        for (int i = 0; i < n - 1; i++) vals[i] = pats[i]->value;
        ok = fn(q, vals, pats[n - 1], param, &r);
    } else {
        Err *e = vm_err(vm);
        SrcRef where = e->at; /* no error yet: use the call position */
        (void)where;
        r = pat_build(h, fn, pats, (unsigned)(n - 1), pats[n - 1], param, join, (SrcRef){0});
    }
    for (int i = 0; i < n; i++) vm_pop_root(vm);
    if (!ok) return false;
    *out = OBJ_VAL(r);
    return true;
}

/* ---------------------------------------------------------------- values */

static bool arith_values(Query *q, int op, Value a, Value b, Value *out);
static bool compose(Query *q, int op, Value a, Value b, Value *out);

/* Strudel's _composeOp: records combine field by field where both have the
 * key, the rest is their union; a plain value meeting a record takes the key
 * "value"; a record meeting a plain value stays as it is (Strudel warns
 * "can't do arithmetic on control pattern"). */
static bool union_op(Query *q, int op, ObjRecord *a, ObjRecord *b, Value *out) {
    RecField fs[128];
    uint32_t n = 0;
    if (a->len + b->len > 128) return lib_fail(q, NULL, "record too large");
    for (uint32_t i = 0; i < a->len; i++) fs[n++] = a->fields[i];
    for (uint32_t j = 0; j < b->len; j++) {
        uint32_t i;
        for (i = 0; i < a->len; i++)
            if (a->fields[i].key == b->fields[j].key) break;
        if (i < a->len) {
            Value v;
            if (op < 0)
                v = b->fields[j].val; /* set: the right side wins */
            else if (!arith_values(q, op, a->fields[i].val, b->fields[j].val, &v))
                return false;
            fs[i].val = v;
        } else {
            fs[n++] = b->fields[j];
        }
    }
    *out = OBJ_VAL(rec_new(q->heap, fs, n));
    return true;
}

static bool compose(Query *q, int op, Value a, Value b, Value *out) {
    if (!IS_RECORD(a) && !IS_RECORD(b)) {
        if (op < 0) {
            *out = b;
            return true;
        }
        return arith_values(q, op, a, b, out);
    }
    if (IS_RECORD(a) && !IS_RECORD(b)) {
        *out = a;
        return true;
    }
    if (!IS_RECORD(a)) {
        RecField f = {str_c(q->heap, "value"), a};
        heap_push(q->heap, OBJ_VAL(f.key));
        ObjRecord *ra = rec_new(q->heap, &f, 1);
        heap_push(q->heap, OBJ_VAL(ra));
        bool ok = union_op(q, op, ra, AS_RECORD(b), out);
        heap_pop(q->heap, 2);
        return ok;
    }
    return union_op(q, op, AS_RECORD(a), AS_RECORD(b), out);
}

/* Strudel's parseNumeral: numbers as they are, numeric text as its number,
 * note names (c, eb3, f#2, with s/f for sharp/flat too) as MIDI numbers
 * (octave 3 when none is written): "c e".add(12) is 60 64. */
bool js_numeral(Value v, double *out) {
    if (IS_NUM(v)) {
        *out = v.as.num;
        return true;
    }
    if (v.kind == VAL_BOOL) {
        *out = v.as.b ? 1 : 0;
        return true;
    }
    if (!IS_STRING(v)) return false;
    const char *s = AS_STRING(v)->chars;
    size_t len = AS_STRING(v)->len;
    if (num_parse_js(s, len, out)) return true;
    if (len == 0) {
        *out = 0; /* Number("") */
        return true;
    }
    static const int chroma[7] = {9, 11, 0, 2, 4, 5, 7}; /* a b c d e f g */
    int c = s[0] | 32;
    if (c < 'a' || c > 'g') return false;
    size_t i = 1;
    int acc = 0;
    for (; i < len && strchr("#bsf", s[i]); i++) acc += (s[i] == '#' || s[i] == 's') ? 1 : -1;
    double oct = 3;
    if (i < len) {
        size_t j = i + (s[i] == '-');
        if (j >= len || len - j > 6) return false;
        for (size_t k = j; k < len; k++)
            if (s[k] < '0' || s[k] > '9') return false;
        oct = atof(s + i);
    }
    *out = (oct + 1) * 12 + chroma[c - 'a'] + acc;
    return true;
}

static bool arith_values(Query *q, int op, Value a, Value b, Value *out) {
    if (IS_RECORD(a) || IS_RECORD(b)) return compose(q, op, a, b, out);
    double x, y;
    bool numeric = op == OP_ADD || op == OP_SUB || op == OP_MUL || op == OP_DIV || op == OP_MOD;
    if (numeric ? !js_numeral(a, &x) : !IS_NUM(a)) {
        char buf[64];
        val_format(a, buf, sizeof buf);
        return lib_fail(q, "arithmetic works on numbers and note names (c4, eb3)",
                        "cannot use '%s' as a number", buf);
    }
    if (numeric ? !js_numeral(b, &y) : !IS_NUM(b)) {
        char buf[64];
        val_format(b, buf, sizeof buf);
        return lib_fail(q, "arithmetic works on numbers and note names (c4, eb3)",
                        "cannot use '%s' as a number", buf);
    }
    if (!numeric) x = a.as.num, y = b.as.num;
    double r = 0;
    switch (op) {
    case OP_ADD: r = x + y; break;
    case OP_SUB: r = x - y; break;
    case OP_MUL: r = x * y; break;
    case OP_DIV: r = x / y; break;
    case OP_MOD: r = x - y * floor(x / y); break;
    case OP_LT: *out = BOOL_VAL(x < y); return true;
    case OP_LE: *out = BOOL_VAL(x <= y); return true;
    case OP_GT: *out = BOOL_VAL(x > y); return true;
    case OP_GE: *out = BOOL_VAL(x >= y); return true;
    }
    *out = NUM_VAL(r);
    return true;
}

int combine_num(Query *q, Value a, Value b, Value op, Value *out) {
    return arith_values(q, (int)op.as.num, a, b, out) ? 1 : -1;
}

int combine_union(Query *q, Value a, Value b, Value param, Value *out) {
    (void)param;
    return compose(q, -1, a, b, out) ? 1 : -1;
}

int combine_keep_if(Query *q, Value a, Value b, Value param, Value *out) {
    return pat_keep_if_truthy(q, a, b, param, out);
}

/* a + b where either may be a pattern: numbers stay numbers; otherwise the
 * result is a pattern with the left side's structure (Strudel's add.in). */
bool graph_binary(Vm *vm, int op, Value a, Value b, Value *out); /* graph.c */

bool stdlib_binary(Vm *vm, int op, Value a, Value b, Value *out) {
    Query *q = vm_query(vm);
    if (IS_GRAPH(a) || IS_GRAPH(b)) return graph_binary(vm, op, a, b, out);
    if (!IS_PATTERN(a) && !IS_PATTERN(b) && !IS_LIST(a) && !IS_LIST(b))
        return arith_values(q, op, a, b, out);
    vm_push_root(vm, a);
    vm_push_root(vm, b);
    ObjPattern *l = reify(vm, a);
    KEEP(vm, l);
    ObjPattern *r = reify(vm, b);
    KEEP(vm, r);
    *out = OBJ_VAL(pat_app(vm_heap(vm), APP_LEFT, l, r, combine_num, NUM_VAL(op)));
    for (int i = 0; i < 4; i++) vm_pop_root(vm);
    return true;
}

static bool arith_native(Vm *vm, int op, Value *args, int argc, Value *out) {
    (void)argc;
    /* add(x, pat) is pat + x with pat's structure */
    return stdlib_binary(vm, op, args[1], args[0], out);
}

bool nat_add(Vm *vm, Value *args, int argc, Value *out) {
    return arith_native(vm, OP_ADD, args, argc, out);
}
bool nat_sub(Vm *vm, Value *args, int argc, Value *out) {
    return arith_native(vm, OP_SUB, args, argc, out);
}
bool nat_mul(Vm *vm, Value *args, int argc, Value *out) {
    return arith_native(vm, OP_MUL, args, argc, out);
}
bool nat_div(Vm *vm, Value *args, int argc, Value *out) {
    return arith_native(vm, OP_DIV, args, argc, out);
}
bool nat_mod(Vm *vm, Value *args, int argc, Value *out) {
    return arith_native(vm, OP_MOD, args, argc, out);
}

/* range(min, max, pat) = pat * (max - min) + min, in doubles as Strudel. */
static bool build_range(Query *q, const Value *a, ObjPattern *sub, Value param, ObjPattern **out) {
    (void)param;
    double lo = 0, hi = 0;
    if (!get_num(q, a[0], "range's minimum", &lo) || !get_num(q, a[1], "range's maximum", &hi))
        return false;
    Heap *h = q->heap;
    ObjPattern *m = pat_pure(h, NUM_VAL(hi - lo));
    heap_push(h, OBJ_VAL(m));
    ObjPattern *x = pat_app(h, APP_LEFT, sub, m, combine_num, NUM_VAL(OP_MUL));
    heap_push(h, OBJ_VAL(x));
    ObjPattern *lo_p = pat_pure(h, NUM_VAL(lo));
    heap_push(h, OBJ_VAL(lo_p));
    *out = pat_app(h, APP_LEFT, x, lo_p, combine_num, NUM_VAL(OP_ADD));
    heap_pop(h, 3);
    return true;
}

bool nat_range(Vm *vm, Value *args, int argc, Value *out) {
    return patterned(vm, build_range, args, argc, NIL_VAL, BIND_INNER, out);
}
