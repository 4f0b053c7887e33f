/*
 * pick.c - Strudel's pick family: a pattern of indices (or names) picks,
 * event by event, from a list (or record) of patterns: pick (inner join),
 * pickOut, pickReset, pickRestart, inhabit (pickSqueeze: the picked pattern
 * squeezed into the event), the pickmod variants (indices wrap around
 * instead of being held to the ends), pickF / pickmodF (picking functions
 * to apply), and squeeze(indices, [patterns]).
 */
#include "lib.h"
#include "stdlib.h"

#include <math.h>
#include <string.h>

/* param: [lookup (list or record of patterns), modulo] */
static bool pick_map(Query *q, Value i, Value param, Value *out) {
    ObjList *p = AS_LIST(param);
    Value lookup = p->items[0];
    bool modulo = p->items[1].as.num != 0;
    if (IS_RECORD(lookup)) {
        ObjRecord *r = AS_RECORD(lookup);
        char key[64];
        val_format(i, key, sizeof key);
        for (uint32_t k = 0; k < r->len; k++)
            if (!strcmp(r->fields[k].key->chars, key)) {
                *out = r->fields[k].val;
                return true;
            }
        *out = NIL_VAL; /* no such name: the event is dropped */
        return true;
    }
    ObjList *l = AS_LIST(lookup);
    double x;
    if (!js_numeral(i, &x)) return lib_fail(q, NULL, "pick needs numbers to pick with");
    long k = (long)floor(x + 0.5); /* JavaScript's Math.round */
    long n = (long)l->len;
    if (modulo)
        k = ((k % n) + n) % n;
    else
        k = k < 0 ? 0 : k >= n ? n - 1 : k;
    *out = l->items[k];
    return true;
}

/* the lookup with its values made patterns (a list or a record) */
static bool lookup_of(Vm *vm, Value v, Value *out) {
    Heap *h = vm_heap(vm);
    if (IS_LIST(v)) {
        ObjList *l = AS_LIST(v);
        Value items[256];
        if (l->len > 256) return vm_error(vm, "pick: at most 256 patterns to pick from");
        for (uint32_t i = 0; i < l->len; i++) {
            items[i] = OBJ_VAL(reify(vm, l->items[i]));
            vm_push_root(vm, items[i]);
        }
        *out = OBJ_VAL(list_new(h, items, l->len));
        for (uint32_t i = 0; i < l->len; i++) vm_pop_root(vm);
        return true;
    }
    if (IS_RECORD(v)) {
        ObjRecord *r = AS_RECORD(v);
        RecField fs[128];
        if (r->len > 128) return vm_error(vm, "pick: at most 128 names to pick from");
        for (uint32_t i = 0; i < r->len; i++) {
            fs[i] = (RecField){r->fields[i].key, OBJ_VAL(reify(vm, r->fields[i].val))};
            vm_push_root(vm, fs[i].val);
        }
        *out = OBJ_VAL(rec_new(h, fs, r->len));
        for (uint32_t i = 0; i < r->len; i++) vm_pop_root(vm);
        return true;
    }
    return false;
}

static bool pick_with(Vm *vm, Value lookup, Value indices, bool modulo, BindKind join, Value *out) {
    const char *name = vm_current_native(vm)->name;
    Value lk;
    if (!lookup_of(vm, lookup, &lk)) {
        vm_error(vm, "%s picks from a list or a record of patterns, got %s", name,
                 val_type_name(lookup));
        vm_hint(vm, "write \"<0 1>\".%s([s(\"bd sn\"), s(\"hh*4\")])", name);
        return false;
    }
    if ((IS_LIST(lk) && AS_LIST(lk)->len == 0) || (IS_RECORD(lk) && AS_RECORD(lk)->len == 0)) {
        *out = OBJ_VAL(pat_silence(vm_heap(vm)));
        return true;
    }
    vm_push_root(vm, lk);
    Value items[2] = {lk, NUM_VAL(modulo ? 1 : 0)};
    Value param = OBJ_VAL(list_new(vm_heap(vm), items, 2));
    vm_push_root(vm, param);
    ObjPattern *ip = reify(vm, indices);
    KEEP(vm, ip);
    ObjPattern *m = pat_map(vm_heap(vm), ip, pick_map, param);
    KEEP(vm, m);
    *out = OBJ_VAL(pat_bind(vm_heap(vm), join, m));
    for (int i = 0; i < 4; i++) vm_pop_root(vm);
    return true;
}

/* pick(lookup, pat) and the others; pat.pick(lookup) is pick(lookup, pat); the old order
 * (a list second) is read too, as Strudel does */
static bool nat_pick(Vm *vm, Value *args, int argc, Value *out) {
    (void)argc;
    const char *name = vm_current_native(vm)->name;
    bool modulo = strstr(name, "mod") != NULL;
    BindKind join = BIND_INNER;
    if (strstr(name, "Out")) join = BIND_OUTER;
    if (strstr(name, "Reset")) join = BIND_RESET;
    if (strstr(name, "Restart")) join = BIND_RESTART;
    if (strstr(name, "Squeeze") || !strncmp(name, "inhabit", 7)) join = BIND_SQUEEZE;
    Value lookup = args[0], pat = args[1];
    if ((IS_LIST(pat) || IS_RECORD(pat)) && !IS_LIST(lookup) && !IS_RECORD(lookup))
        lookup = args[1], pat = args[0];
    return pick_with(vm, lookup, pat, modulo, join, out);
}

/* squeeze(indices, [patterns]): each index's pattern squeezed into its event
 * (indices wrap around); pat.squeeze(other) is pat.set.squeeze(other) */
static bool nat_squeeze(Vm *vm, Value *args, int argc, Value *out) {
    (void)argc;
    if (IS_LIST(args[1])) return pick_with(vm, args[1], args[0], true, BIND_SQUEEZE, out);
    if (IS_LIST(args[0])) return pick_with(vm, args[0], args[1], true, BIND_SQUEEZE, out);
    Value f;
    if (!vm_get_global(vm, "set.squeeze", &f)) return vm_error(vm, "squeeze: set.squeeze missing");
    return vm_call(vm, f, args, 2, out);
}

/* pickF(indices, [functions], pat): the function each index picks, applied to pat */
static bool pickf_map(Query *q, Value i, Value param, Value *out) {
    ObjList *p = AS_LIST(param);
    Value f;
    Value sel[2] = {p->items[0], p->items[2]};
    Value sp = OBJ_VAL(list_new(q->heap, sel, 2));
    heap_push(q->heap, sp);
    bool ok = pick_map(q, i, sp, &f);
    heap_pop(q->heap, 1);
    if (!ok) return false;
    if (IS_NIL(f)) {
        *out = NIL_VAL;
        return true;
    }
    ObjPattern *r;
    if (!call_on_pattern(q, f, AS_PATTERN(p->items[1]), &r)) return false;
    *out = OBJ_VAL(r);
    return true;
}

static bool nat_pickF(Vm *vm, Value *args, int argc, Value *out) {
    (void)argc;
    bool modulo = strstr(vm_current_native(vm)->name, "mod") != NULL;
    if (!IS_LIST(args[1])) {
        vm_error(vm, "%s takes a list of functions second", vm_current_native(vm)->name);
        vm_hint(vm, "write pat.pickF(\"<0 1>\", [rev, fast(2)])");
        return false;
    }
    Heap *h = vm_heap(vm);
    ObjPattern *pat = reify(vm, args[2]);
    KEEP(vm, pat);
    Value items[3] = {args[1], OBJ_VAL(pat), NUM_VAL(modulo ? 1 : 0)};
    Value param = OBJ_VAL(list_new(h, items, 3));
    vm_push_root(vm, param);
    ObjPattern *ip = reify(vm, args[0]);
    KEEP(vm, ip);
    ObjPattern *m = pat_map(h, ip, pickf_map, param);
    KEEP(vm, m);
    *out = OBJ_VAL(pat_bind(h, BIND_INNER, m));
    for (int i = 0; i < 4; i++) vm_pop_root(vm);
    return true;
}

/* pat.in(x), out, mix, squeezeout: pat.set.in(x) and so on, as Strudel's default op */
static bool nat_set_way(Vm *vm, Value *args, int argc, Value *out) {
    (void)argc;
    char name[32];
    snprintf(name, sizeof name, "set.%s", vm_current_native(vm)->name);
    Value f;
    if (!vm_get_global(vm, name, &f)) return vm_error(vm, "%s missing", name);
    return vm_call(vm, f, args, 2, out);
}

#define PICK(n, doc, ex)                                                                           \
    { n, 2, nat_pick, 0, n "(lookup, pat)", doc, ex, NULL }
#define SETWAY(n, doc)                                                                             \
    { n, 2, nat_set_way, 0, n "(other, pat)", doc, "n(\"0 1\")." n "(n(\"5 6 7\"))", NULL }
static const NativeDef NATIVES[] = {
    PICK("pick",
         "Each value of pat picks a pattern from lookup (a list: by index, held to "
         "its ends; a record: by name), which plays within the event.",
         "\"<0 1> 1\".pick([s(\"bd sn\"), s(\"hh*3\")])"),
    PICK("pickmod", "pick, the indices wrapping around.",
         "\"<0 1 2> 1\".pickmod([s(\"bd sn\"), s(\"hh*3\")])"),
    PICK("pickOut",
         "pick, the structure from pat (each picked pattern's events clipped to "
         "pat's).",
         "\"<0 1> 1\".pickOut([s(\"bd sn\"), s(\"hh*3\")])"),
    PICK("pickmodOut", "pickOut, the indices wrapping around.",
         "\"<0 1 2> 1\".pickmodOut([s(\"bd sn\"), s(\"hh*3\")])"),
    PICK("pickReset", "pick, each picked pattern started again from its cycle's start.",
         "\"<0 1> 1\".pickReset([s(\"bd sn\"), s(\"hh*3\")])"),
    PICK("pickmodReset", "pickReset, the indices wrapping around.",
         "\"<0 1 2> 1\".pickmodReset([s(\"bd sn\"), s(\"hh*3\")])"),
    PICK("pickRestart", "pick, each picked pattern started again from cycle 0.",
         "\"<0 1> 1\".pickRestart([s(\"bd sn\"), s(\"hh*3\")])"),
    PICK("pickmodRestart", "pickRestart, the indices wrapping around.",
         "\"<0 1 2> 1\".pickmodRestart([s(\"bd sn\"), s(\"hh*3\")])"),
    PICK("inhabit", "pick, each picked pattern's cycle squeezed into the event.",
         "\"<a b>\".inhabit({a: s(\"bd sn\"), b: s(\"hh*3\")})"),
    PICK("pickSqueeze", "Same as inhabit.",
         "\"<a b>\".pickSqueeze({a: s(\"bd sn\"), b: s(\"hh*3\")})"),
    PICK("inhabitmod", "inhabit, the indices wrapping around.",
         "\"0 1 2\".inhabitmod([s(\"bd sn\"), s(\"hh*3\")])"),
    PICK("pickmodSqueeze", "Same as inhabitmod.",
         "\"0 1 2\".pickmodSqueeze([s(\"bd sn\"), s(\"hh*3\")])"),
    {"pickF", 3, nat_pickF, 0, "pickF(indices, functions, pat)",
     "The function each index picks from the list, applied to the pattern.",
     "s(\"bd sn\").pickF(\"<0 1>\", [rev, fast(2)])", NULL},
    {"pickmodF", 3, nat_pickF, 0, "pickmodF(indices, functions, pat)",
     "pickF, the indices wrapping around.", "s(\"bd sn\").pickmodF(\"<0 1 2>\", [rev, fast(2)])",
     NULL},
    {"squeeze", 2, nat_squeeze, 0, "squeeze(indices, patterns)",
     "Each index's pattern (wrapping around) squeezed into its event; pat.squeeze(other) is "
     "pat.set.squeeze(other).",
     "squeeze(\"<0 1> 1\", [s(\"bd sn\"), s(\"hh*3\")])", NULL},
    SETWAY("in", "other's values on pat's events (pat.set.in(other))."),
    SETWAY("out", "other's values on other's events (pat.set.out(other))."),
    SETWAY("mix", "other's values where both have events (pat.set.mix(other))."),
    SETWAY("squeezeout",
           "pat squeezed into other's events, other's values (pat.set.squeezeout(other))."),
};

const NativeDef *stdlib_pick_natives(int *count) {
    *count = (int)(sizeof NATIVES / sizeof NATIVES[0]);
    return NATIVES;
}
