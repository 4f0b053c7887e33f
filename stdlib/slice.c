/*
 * slice.c - Strudel's sample slicing: slice(n, indices) plays part i of n of
 * each sample (begin and end set), splice does the same and sets speed so
 * each part fills its event, fit sets speed so the whole sample (or its
 * begin..end) fills the event. Speeds are in unit "c" at the program's tempo
 * (Strudel's scheduler cps), as loopAt's.
 */
#include "lib.h"
#include "stdlib.h"

#include <math.h>
#include <string.h>

/* one value of the sliced pattern: {begin, end, _slices: n, ...o}; param [n] */
static int slice_combine(Query *q, Value i, Value o, Value n, Value *out) {
    double x, b, e;
    if (!js_numeral(i, &x)) return lib_fail(q, NULL, "slice needs numbers to pick parts"), -1;
    if (IS_LIST(n)) { /* explicit cut points */
        ObjList *l = AS_LIST(n);
        long k = (long)x;
        if (k < 0 || k + 1 >= (long)l->len || !js_numeral(l->items[k], &b) ||
            !js_numeral(l->items[k + 1], &e))
            return 0; /* no such part: the event is dropped */
    } else {
        double cnt;
        if (!js_numeral(n, &cnt) || cnt == 0) return lib_fail(q, NULL, "slice needs a count"), -1;
        b = x / cnt;
        e = (x + 1) / cnt;
    }
    Heap *h = q->heap;
    RecField fs[131];
    uint32_t k = 0;
    fs[k++] = (RecField){str_c(h, "begin"), NUM_VAL(b)};
    fs[k++] = (RecField){str_c(h, "end"), NUM_VAL(e)};
    fs[k].key = str_c(h, "_slices");
    heap_push(h, OBJ_VAL(fs[k].key));
    fs[k++].val = n;
    if (IS_RECORD(o)) { /* its own keys win, as ...o */
        ObjRecord *r = AS_RECORD(o);
        for (uint32_t j = 0; j < r->len && k < 130; j++) fs[k++] = r->fields[j];
    } else {
        fs[k++] = (RecField){str_c(h, "s"), o};
    }
    *out = OBJ_VAL(rec_new(h, fs, k));
    heap_pop(h, 1);
    return 1;
}

/* param [ipat, opat]; n one value of the count pattern: ipat's events with opat's values */
static bool slice_map(Query *q, Value n, Value param, Value *out) {
    ObjList *l = AS_LIST(param);
    *out = OBJ_VAL(pat_app(q->heap, APP_LEFT, AS_PATTERN(l->items[0]), AS_PATTERN(l->items[1]),
                           slice_combine, n));
    return true;
}

/* speed for splice (cps / slices / event length * speed) and fit (cps / event length *
 * (end - begin)), unit "c"; param: cps */
static bool speed_map(Query *q, Value v, Value param, Value *out) {
    ObjList *pl = AS_LIST(param);
    double cps = pl->items[0].as.num;
    bool fit = pl->items[1].as.num != 0;
    if (!IS_RECORD(v) || rat_is_zero(q->whole)) {
        *out = v;
        return true;
    }
    ObjRecord *r = AS_RECORD(v);
    double dur = rat_to_double(q->whole), speed = 1, b = 0, e = 1, slices = 1;
    bool has_speed = false;
    for (uint32_t i = 0; i < r->len; i++) {
        const char *k = r->fields[i].key->chars;
        Value x = r->fields[i].val;
        if (!IS_NUM(x)) continue;
        if (!strcmp(k, "speed")) speed = x.as.num, has_speed = true;
        if (!strcmp(k, "begin")) b = x.as.num;
        if (!strcmp(k, "end")) e = x.as.num;
        if (!strcmp(k, "_slices")) slices = x.as.num;
    }
    Heap *h = q->heap;
    RecField fs[132];
    uint32_t k = 0;
    double sp = fit ? cps / dur * (e - b) : cps / slices / dur * (has_speed ? speed : 1);
    (void)has_speed;
    fs[k++] = (RecField){str_c(h, "speed"), NUM_VAL(sp)};
    fs[k].key = str_c(h, "unit");
    heap_push(h, OBJ_VAL(fs[k].key));
    fs[k].val = OBJ_VAL(str_c(h, "c"));
    heap_push(h, fs[k++].val);
    /* splice: the event's own keys win (...v after); fit: its speed and unit are replaced */
    for (uint32_t i = 0; i < r->len && k < 130; i++) {
        const char *key = r->fields[i].key->chars;
        if (fit && (!strcmp(key, "speed") || !strcmp(key, "unit"))) continue;
        fs[k++] = r->fields[i]; /* (a speed of the event's own wins over splice's) */
    }
    *out = OBJ_VAL(rec_new(h, fs, k));
    heap_pop(h, 2);
    return true;
}

static double program_cps(Vm *vm) {
    return vm_tempo(vm) > 0 ? vm_tempo(vm) / 240 : 0.5;
}

static bool sliced(Vm *vm, Value *args, Value *out) {
    Heap *h = vm_heap(vm);
    ObjPattern *np = reify(vm, IS_LIST(args[0]) ? NIL_VAL : args[0]);
    if (IS_LIST(args[0])) np = pat_pure(h, args[0]); /* a list of cut points: one value */
    KEEP(vm, np);
    ObjPattern *ip = reify(vm, args[1]);
    KEEP(vm, ip);
    ObjPattern *op = reify(vm, args[2]);
    KEEP(vm, op);
    Value items[2] = {OBJ_VAL(ip), OBJ_VAL(op)};
    Value param = OBJ_VAL(list_new(h, items, 2));
    vm_push_root(vm, param);
    ObjPattern *m = pat_map(h, np, slice_map, param);
    KEEP(vm, m);
    *out = OBJ_VAL(pat_bind(h, BIND_INNER, m));
    for (int i = 0; i < 5; i++) vm_pop_root(vm);
    return true;
}

static bool with_speed(Vm *vm, Value pat, bool fit, Value *out) {
    Heap *h = vm_heap(vm);
    vm_push_root(vm, pat);
    Value items[2] = {NUM_VAL(program_cps(vm)), NUM_VAL(fit ? 1 : 0)};
    Value param = OBJ_VAL(list_new(h, items, 2));
    vm_push_root(vm, param);
    ObjPattern *p = reify(vm, pat);
    KEEP(vm, p);
    *out = OBJ_VAL(pat_map(h, p, speed_map, param));
    for (int i = 0; i < 3; i++) vm_pop_root(vm);
    return true;
}

static bool nat_slice(Vm *vm, Value *args, int argc, Value *out) {
    (void)argc;
    if (!sliced(vm, args, out)) return false;
    if (strcmp(vm_current_native(vm)->name, "splice") != 0) return true;
    return with_speed(vm, *out, false, out);
}

static bool nat_fit(Vm *vm, Value *args, int argc, Value *out) {
    (void)argc;
    return with_speed(vm, args[0], true, out);
}

static const NativeDef NATIVES[] = {
    {"slice", 3, nat_slice, 0, "slice(n, indices, pat)",
     "Each sample cut in n parts (or at a list of points from 0 to 1); each index plays its "
     "part (sets begin and end).",
     "s(\"bev\").slice(4, \"0 2 1 3\")", NULL},
    {"splice", 3, nat_slice, 0, "splice(n, indices, pat)",
     "slice, with the speed that makes each part fill its event.",
     "s(\"bev\").splice(4, \"0 2 1 3\")", NULL},
    {"fit", 1, nat_fit, 0, "fit(pat)",
     "The speed that makes each sample (or its begin..end) fill its event.", "s(\"bev\").fit()",
     NULL},
};

const NativeDef *stdlib_slice_natives(int *count) {
    *count = (int)(sizeof NATIVES / sizeof NATIVES[0]);
    return NATIVES;
}
