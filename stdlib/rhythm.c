/*
 * rhythm.c - rhythms made from lists of steps, as Strudel's: bjork (a
 * euclidean rhythm from one value "pulses:steps:rotation"), morph (from one
 * list of steps to another: each onset moved part of the way to its partner)
 * and euclidish / eish (a euclidean rhythm morphed towards even pulses).
 */
#include "lib.h"
#include "stdlib.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* roots p on the heap's stack, counting in *n */
static ObjPattern *keep(Query *q, ObjPattern *p, unsigned *n) {
    heap_push(q->heap, OBJ_VAL(p));
    ++*n;
    return p;
}

/* bjork([pulses, steps, rotation]): pat's values on that euclidean rhythm */
static bool b_bjork(Query *q, const Value *a, ObjPattern *sub, Value pm, ObjPattern **out) {
    (void)pm;
    const Value *x = IS_LIST(a[0]) ? AS_LIST(a[0])->items : a;
    uint32_t n = IS_LIST(a[0]) ? AS_LIST(a[0])->len : 1;
    int k, steps, rot = 0;
    if (n < 1 || !get_int(q, x[0], "bjork's pulses", &k)) return false;
    if (n < 2)
        steps = k;
    else if (!get_int(q, x[1], "bjork's steps", &steps))
        return false;
    if (n >= 3 && !get_int(q, x[2], "bjork's rotation", &rot)) return false;
    if (steps < 1 || steps > 65536) return lib_fail(q, NULL, "bjork: %d steps", steps);
    *out = pat_euclid(q->heap, k, steps, rot, sub);
    return true;
}

/* The events of Strudel's _morph: for the i-th true step of from (at a / len) and
 * of to (at b / len), an event of length 1 / len (from's) at a + by (b - a), each
 * cycle, cut at the cycle's end (the next cycle does not hear its tail). */
static bool morph_steps(Query *q, const uint8_t *from, int nf, const uint8_t *to, int nt, Rat by,
                        ObjPattern **out) {
    Heap *h = q->heap;
    Rat dur = rat_make(1, nf);
    int ia = 0, ib = 0, n = 0;
    unsigned kept = 0;
    ObjPattern **ps = malloc(sizeof *ps * (size_t)(nf < nt ? nf : nt) + sizeof *ps);
    if (!ps) abort();
    ObjPattern *unit = keep(q, pat_pure(h, BOOL_VAL(true)), &kept);
    unit = keep(q, pat_compress(h, rat_int(0), dur, unit), &kept);
    for (;;) {
        while (ia < nf && !from[ia]) ia++;
        while (ib < nt && !to[ib]) ib++;
        if (ia >= nf || ib >= nt) break;
        Rat pa = rat_make(ia, nf), pb = rat_make(ib, nt);
        Rat at = rat_add(pa, rat_mul(by, rat_sub(pb, pa)));
        ObjPattern *ev = keep(q, pat_late(h, at, unit), &kept);
        /* only the part in the event's own cycle: kept where a window from at to the
         * cycle's end is */
        Rat start = rat_sub(at, rat_floor(at));
        if (rat_cmp(start, rat_int(0)) > 0) {
            Rat w[2] = {start, rat_sub(rat_int(1), start)};
            ObjPattern *two[2];
            two[0] = keep(q, pat_silence(h), &kept);
            two[1] = keep(q, pat_pure(h, BOOL_VAL(true)), &kept);
            ObjPattern *win = keep(q, pat_timecat(h, w, two, 2), &kept);
            ev = keep(q, pat_app(h, APP_LEFT, ev, win, combine_keep_if, NIL_VAL), &kept);
        }
        ps[n++] = ev;
        ia++, ib++;
    }
    *out = pat_stack(h, ps, (unsigned)n);
    heap_pop(h, kept);
    free(ps);
    return true;
}

/* a list of 0/1 (or true/false) values as steps */
static int list_steps(Query *q, Value v, uint8_t *out, int cap, const char *what) {
    if (!IS_LIST(v))
        return lib_fail(q, NULL, "%s takes a list of steps, such as [1, 0, 1]", what), -1;
    ObjList *l = AS_LIST(v);
    if ((int)l->len > cap || l->len == 0)
        return lib_fail(q, NULL, "%s: 1 to %d steps, got %u", what, cap, l->len), -1;
    for (uint32_t i = 0; i < l->len; i++) out[i] = js_truthy(l->items[i]);
    return (int)l->len;
}

#define MAX_STEPS 1024

/* morph(from, to, by): a[0] from, a[1] to, a[2] by; the subject is not used */
static bool b_morph(Query *q, const Value *a, ObjPattern *sub, Value pm, ObjPattern **out) {
    (void)sub, (void)pm;
    static uint8_t from[MAX_STEPS], to[MAX_STEPS];
    int nf = list_steps(q, a[0], from, MAX_STEPS, "morph");
    if (nf < 0) return false;
    int nt = list_steps(q, a[1], to, MAX_STEPS, "morph");
    Rat by;
    if (nt < 0 || !get_rat(q, a[2], "morph's amount", &by)) return false;
    return morph_steps(q, from, nf, to, nt, by, out);
}

/* euclidish(pulses, steps, groove): pat's values on the euclidean rhythm morphed
 * towards even pulses by groove (0: euclid, 1: pulses evenly spread) */
static bool b_euclidish(Query *q, const Value *a, ObjPattern *sub, Value pm, ObjPattern **out) {
    (void)pm;
    int k, n;
    Rat by;
    if (!get_int(q, a[0], "euclidish's pulses", &k) || !get_int(q, a[1], "euclidish's steps", &n) ||
        !get_rat(q, a[2], "euclidish's groove", &by))
        return false;
    if (k < 1 || n < 1 || k > n || n > MAX_STEPS)
        return lib_fail(q, NULL, "euclidish (%d,%d): 1 to %d steps, no more pulses than steps", k,
                        n, MAX_STEPS);
    static uint8_t bits[MAX_STEPS], ones[MAX_STEPS];
    euclid_bools(k, n, bits);
    memset(ones, 1, (size_t)k);
    ObjPattern *m;
    if (!morph_steps(q, bits, n, ones, k, by, &m)) return false;
    heap_push(q->heap, OBJ_VAL(m));
    *out = pat_app(q->heap, APP_RIGHT, sub, m, combine_keep_if, NIL_VAL); /* struct */
    heap_pop(q->heap, 1);
    return true;
}

static bool nat_bjork(Vm *vm, Value *args, int argc, Value *out) {
    return patterned(vm, b_bjork, args, argc, NIL_VAL, BIND_INNER, out);
}

static bool nat_euclidish(Vm *vm, Value *args, int argc, Value *out) {
    return patterned(vm, b_euclidish, args, argc, NIL_VAL, BIND_INNER, out);
}

/* morph's lists are values, as Strudel's reify makes an array (tala's lists are
 * sequences elsewhere) */
static bool nat_morph(Vm *vm, Value *args, int argc, Value *out) {
    Heap *h = vm_heap(vm);
    Value a[4];
    for (int i = 0; i < 3; i++) {
        a[i] = i < argc && IS_LIST(args[i]) ? OBJ_VAL(pat_pure(h, args[i])) : args[i];
        vm_push_root(vm, a[i]);
    }
    a[3] = OBJ_VAL(pat_silence(h));
    vm_push_root(vm, a[3]);
    bool ok = patterned(vm, b_morph, a, 4, NIL_VAL, BIND_INNER, out);
    for (int i = 0; i < 4; i++) vm_pop_root(vm);
    return ok;
}

static const NativeDef NATIVES[] = {
    {"bjork", 2, nat_bjork, 0, "bjork(\"pulses:steps:rotation\", pat)",
     "A euclidean rhythm from one value: pulses, steps (pulses when not given) and a rotation "
     "(0), as Strudel's bjork.",
     "s(\"bd\").bjork(\"<3:8 5:8:2>\")", NULL},
    {"euclidish", 4, nat_euclidish, 0, "euclidish(pulses, steps, groove, pat)",
     "A euclidean rhythm morphed towards evenly spaced pulses: groove 0 is euclid(pulses, steps), "
     "1 is pulses evenly over the cycle.",
     "s(\"hh\").euclidish(3, 8, \"<0 0.5 1>\")", NULL},
    {"eish", 4, nat_euclidish, 0, "eish(pulses, steps, groove, pat)", "Another name for euclidish.",
     "s(\"hh\").eish(5, 8, \"<0 0.5>\")", NULL},
    {"morph", 3, nat_morph, 0, "morph(from, to, by)",
     "A rhythm between two lists of steps: each true step of from moves by (0..1) of the way "
     "to the matching true step of to; the events are true (struct with it).",
     "s(\"bd\").struct(morph([1, 0, 0, 1, 0, 0, 1, 0], [1, 0, 1, 0, 1, 0, 1, 0], \"<0 0.5 1>\"))",
     NULL},
};

const NativeDef *stdlib_rhythm_natives(int *count) {
    *count = (int)(sizeof NATIVES / sizeof NATIVES[0]);
    return NATIVES;
}
