/*
 * sections.c - Strudel's functions that place patterns in time: within,
 * brak, press and pressBy, plyWith, repeatCycles, focus, cpm, arrange and
 * stepcat (timeCat, timecat, s_cat); and small value maps: pure, nothing,
 * invert (inv), range2, ratio.
 */
#include "lib.h"
#include "stdlib.h"

#include <math.h>
#include <stdio.h>
#include <ctype.h>
#include <string.h>

/* within(a, b, f): f on the events whose onset lies in [a, b] of the cycle */
static bool build_within(Query *q, const Value *a, ObjPattern *sub, Value pm, ObjPattern **out) {
    (void)pm;
    Rat lo, hi;
    if (!get_rat(q, a[0], "within's start", &lo) || !get_rat(q, a[1], "within's end", &hi))
        return false;
    Heap *h = q->heap;
    ObjPattern *in = pat_window(h, lo, hi, true, sub);
    heap_push(h, OBJ_VAL(in));
    ObjPattern *changed;
    if (!call_on_pattern(q, a[2], in, &changed)) {
        heap_pop(h, 1);
        return false;
    }
    heap_push(h, OBJ_VAL(changed));
    ObjPattern *ps[2] = {changed, pat_window(h, lo, hi, false, sub)};
    heap_push(h, OBJ_VAL(ps[1]));
    *out = pat_stack(h, ps, 2);
    heap_pop(h, 3);
    return true;
}

static bool nat_within(Vm *vm, Value *args, int argc, Value *out) {
    (void)argc;
    return patterned(vm, build_within, args, 4, NIL_VAL, BIND_INNER, out);
}

/* brak: every other cycle, the cycle squeezed into its first half and a quarter later */
static bool nat_brak(Vm *vm, Value *args, int argc, Value *out) {
    (void)argc;
    Heap *h = vm_heap(vm);
    ObjPattern *p = reify(vm, args[0]);
    KEEP(vm, p);
    ObjPattern *half[2] = {p, pat_silence(h)};
    KEEP(vm, half[1]);
    ObjPattern *fc = pat_fastcat(h, half, 2);
    KEEP(vm, fc);
    ObjPattern *two[2] = {p, pat_late(h, rat_make(1, 4), fc)};
    KEEP(vm, two[1]);
    *out = OBJ_VAL(pat_slowcat_prime(h, two, 2));
    for (int i = 0; i < 4; i++) vm_pop_root(vm);
    return true;
}

/* pressBy(r): each event's value in the last 1 - r of its own time */
static bool press_map(Query *q, Value v, Value r, Value *out) {
    ObjPattern *p = pat_pure(q->heap, v);
    heap_push(q->heap, OBJ_VAL(p));
    ObjPattern *c = pat_compress(q->heap, rat_from_double(r.as.num), rat_int(1), p);
    heap_pop(q->heap, 1);
    *out = c ? OBJ_VAL(c) : OBJ_VAL(pat_silence(q->heap));
    return true;
}

static bool build_press(Query *q, const Value *a, ObjPattern *sub, Value pm, ObjPattern **out) {
    (void)pm;
    double r;
    if (!get_num(q, a[0], "pressBy's amount", &r)) return false;
    ObjPattern *m = pat_map(q->heap, sub, press_map, NUM_VAL(r));
    heap_push(q->heap, OBJ_VAL(m));
    *out = pat_bind(q->heap, BIND_SQUEEZE, m);
    heap_pop(q->heap, 1);
    return true;
}

static bool nat_pressBy(Vm *vm, Value *args, int argc, Value *out) {
    if (!strcmp(vm_current_native(vm)->name, "press")) {
        Value a[2] = {NUM_VAL(0.5), args[0]};
        return patterned(vm, build_press, a, 2, NIL_VAL, BIND_INNER, out);
    }
    (void)argc;
    return patterned(vm, build_press, args, 2, NIL_VAL, BIND_INNER, out);
}

/* plyWith(n, f): each event n times within itself, copy i given f i times;
 * plyForEach(n, f): copy i is f(pure(value), i) (param: [f, n, each]) */
static bool ply_map(Query *q, Value v, Value param, Value *out) {
    ObjList *l = AS_LIST(param);
    Value fn = l->items[0];
    int n = (int)l->items[1].as.num;
    bool each = js_truthy(l->items[2]);
    Heap *h = q->heap;
    ObjPattern *ps[64];
    Value x = each ? OBJ_VAL(pat_pure(h, v)) : v;
    heap_push(h, x);
    int pushed = 1;
    for (int i = 0; i < n; i++) {
        Value y = x;
        if (i > 0) {
            Value args[2] = {x, NUM_VAL(i)};
            if (!query_call(q, fn, args, each ? 2 : 1, &y)) {
                heap_pop(h, (unsigned)pushed);
                return false;
            }
            if (!each) x = y; /* plyWith applies f again to the last copy */
        }
        heap_push(h, y);
        ps[i] = reify(q->vm, y);
        heap_push(h, OBJ_VAL(ps[i]));
        pushed += 2;
    }
    ObjPattern *cat = pat_slowcat(h, ps, (unsigned)n);
    heap_push(h, OBJ_VAL(cat));
    *out = OBJ_VAL(pat_fast(h, rat_int(n), cat));
    heap_pop(h, (unsigned)pushed + 1);
    return true;
}

static bool build_ply(Query *q, const Value *a, ObjPattern *sub, Value each, ObjPattern **out) {
    double f;
    if (!get_num(q, a[0], "ply's factor", &f)) return false;
    int n = f < 1 ? 1 : f > 64 ? 64 : (int)floor(f);
    Value items[3] = {a[1], NUM_VAL(n), each};
    Value param = OBJ_VAL(list_new(q->heap, items, 3));
    heap_push(q->heap, param);
    ObjPattern *m = pat_map(q->heap, sub, ply_map, param);
    heap_push(q->heap, OBJ_VAL(m));
    *out = pat_bind(q->heap, BIND_SQUEEZE, m);
    heap_pop(q->heap, 2);
    return true;
}

static bool nat_plyWith(Vm *vm, Value *args, int argc, Value *out) {
    (void)argc;
    bool each = !strncmp(vm_current_native(vm)->name, "plyF", 4) ||
                !strncmp(vm_current_native(vm)->name, "plyf", 4);
    if (!IS_CALLABLE(args[1])) {
        vm_error(vm, "%s takes a function second, got %s", vm_current_native(vm)->name,
                 val_type_name(args[1]));
        vm_hint(vm, "%s",
                each ? "write plyForEach(4, (p, n) => p.add(n * 2))"
                     : "write plyWith(3, x => x.add(12))");
        return false;
    }
    return patterned(vm, build_ply, args, 3, BOOL_VAL(each), BIND_INNER, out);
}

/* filterWhen(test): the events whose whole begins at a time test gives true for */
static bool filter_when_map(Query *q, Value v, Value test, Value *out) {
    Value at = NUM_VAL(rat_to_double(q->whole_at)), r;
    if (!query_call(q, test, &at, 1, &r)) return false;
    *out = js_truthy(r) ? v : NIL_VAL; /* nil drops the event */
    return true;
}

static bool nat_filterWhen(Vm *vm, Value *args, int argc, Value *out) {
    (void)argc;
    if (!IS_CALLABLE(args[0])) {
        vm_error(vm, "filterWhen takes a function of the time, got %s", val_type_name(args[0]));
        vm_hint(vm, "%s", "write filterWhen(t => t % 1 < 0.5)");
        return false;
    }
    return map_values(vm, args[1], filter_when_map, args[0], out);
}

/* beat(t, div): each event squeezed into step t of div steps of its cycle */
static bool beat_map(Query *q, Value v, Value param, Value *out) {
    ObjList *l = AS_LIST(param);
    ObjPattern *p = pat_pure(q->heap, v);
    heap_push(q->heap, OBJ_VAL(p));
    *out = OBJ_VAL(pat_compress(q->heap, rat_from_double(l->items[0].as.num),
                                rat_from_double(l->items[1].as.num), p));
    heap_pop(q->heap, 1);
    return true;
}

static bool build_beat(Query *q, const Value *a, ObjPattern *sub, Value pm, ObjPattern **out) {
    (void)pm;
    Rat t, div;
    if (!get_rat(q, a[0], "beat's step", &t) || !get_rat(q, a[1], "beat's steps", &div))
        return false;
    if (rat_is_zero(div)) return lib_fail(q, NULL, "beat: no steps (0)");
    t = rat_sub(t, rat_mul(div, rat_floor(rat_div(t, div)))); /* t mod div */
    Value items[2] = {NUM_VAL(rat_to_double(rat_div(t, div))),
                      NUM_VAL(rat_to_double(rat_div(rat_add(t, rat_int(1)), div)))};
    Value param = OBJ_VAL(list_new(q->heap, items, 2));
    heap_push(q->heap, param);
    ObjPattern *m = pat_map(q->heap, sub, beat_map, param);
    heap_push(q->heap, OBJ_VAL(m));
    *out = pat_bind(q->heap, BIND_INNER, m);
    heap_pop(q->heap, 2);
    return true;
}

static bool nat_beat(Vm *vm, Value *args, int argc, Value *out) {
    (void)argc;
    return patterned(vm, build_beat, args, 3, NIL_VAL, BIND_INNER, out);
}

/* repeatCycles(n): each cycle played n times */
static bool build_repeat(Query *q, const Value *a, ObjPattern *sub, Value pm, ObjPattern **out) {
    (void)pm;
    Rat n;
    if (!get_rat(q, a[0], "repeatCycles' count", &n)) return false;
    if (!rat_lt(rat_int(0), n)) {
        *out = pat_silence(q->heap);
        return true;
    }
    *out = pat_repeat_cycles(q->heap, n, sub);
    return true;
}

static bool nat_repeatCycles(Vm *vm, Value *args, int argc, Value *out) {
    (void)argc;
    return patterned(vm, build_repeat, args, 2, NIL_VAL, BIND_INNER, out);
}

/* focus(b, e): the span b..e played as a cycle, without compress's gaps */
static bool build_focus(Query *q, const Value *a, ObjPattern *sub, Value pm, ObjPattern **out) {
    (void)pm;
    Rat b, e;
    if (!get_rat(q, a[0], "focus's start", &b) || !get_rat(q, a[1], "focus's end", &e))
        return false;
    Rat len = rat_sub(e, b);
    if (!rat_lt(rat_int(0), len)) return lib_fail(q, NULL, "focus needs its end after its start");
    Heap *h = q->heap;
    ObjPattern *p = pat_early(h, rat_floor(b), sub);
    heap_push(h, OBJ_VAL(p));
    ObjPattern *f = pat_fast(h, rat_div(rat_int(1), len), p);
    heap_push(h, OBJ_VAL(f));
    *out = pat_late(h, b, f);
    heap_pop(h, 2);
    return true;
}

static bool nat_focus(Vm *vm, Value *args, int argc, Value *out) {
    (void)argc;
    return patterned(vm, build_focus, args, 3, NIL_VAL, BIND_INNER, out);
}

/* compressSpan, focusSpan and zoomArc: compress, focus and zoom given a span, a record
 * {begin, end} (what Strudel's TimeSpan holds) */
static bool build_span(Query *q, const Value *a, ObjPattern *sub, Value pm, ObjPattern **out) {
    static const char *const names[] = {"compressSpan", "focusSpan", "zoomArc"};
    int kind = (int)pm.as.num;
    Value two[2] = {NIL_VAL, NIL_VAL};
    if (IS_RECORD(a[0])) {
        rec_get(AS_RECORD(a[0]), "begin", &two[0]);
        rec_get(AS_RECORD(a[0]), "end", &two[1]);
    }
    Rat b, e;
    if (IS_NIL(two[0]) || IS_NIL(two[1]))
        return lib_fail(q, "write a span as {begin: 0.25, end: 0.75}", "%s takes a span, got %s",
                        names[kind], val_type_name(a[0]));
    if (kind == 1) return build_focus(q, two, sub, NIL_VAL, out);
    if (!get_rat(q, two[0], "the span's begin", &b) || !get_rat(q, two[1], "the span's end", &e))
        return false;
    if (kind == 0)
        *out = rat_gt(b, e) || rat_gt(b, rat_int(1)) || rat_gt(e, rat_int(1)) ||
                       rat_lt(b, rat_int(0)) || rat_lt(e, rat_int(0)) || rat_eq(b, e)
                   ? pat_silence(q->heap)
                   : pat_compress(q->heap, b, e, sub);
    else
        *out = rat_ge(b, e) ? pat_silence(q->heap) : pat_zoom(q->heap, b, e, sub);
    return true;
}

static bool nat_span(Vm *vm, Value *args, int argc, Value *out) {
    (void)argc;
    const char *name = vm_current_native(vm)->name;
    int kind = tolower((unsigned char)name[0]) == 'c' ? 0 : name[0] == 'f' ? 1 : 2;
    return patterned(vm, build_span, args, 2, NUM_VAL(kind), BIND_INNER, out);
}

/* cpm(x): x cycles a minute at the program's tempo (Strudel's pat.fast(cpm / 60 / cps)) */
static bool build_cpm(Query *q, const Value *a, ObjPattern *sub, Value cps, ObjPattern **out) {
    double c;
    if (!get_num(q, a[0], "cpm", &c)) return false;
    Rat f = rat_from_double(c / 60 / cps.as.num);
    *out = rat_lt(rat_int(0), f) ? pat_fast(q->heap, f, sub) : pat_silence(q->heap);
    return true;
}

static bool nat_cpm(Vm *vm, Value *args, int argc, Value *out) {
    (void)argc;
    double cps = vm_tempo(vm) > 0 ? vm_tempo(vm) / 240 : 0.5;
    return patterned(vm, build_cpm, args, 2, NUM_VAL(cps), BIND_INNER, out);
}

/* stepcat([w, pat], ...) (timeCat, timecat, s_cat): each pattern gets w of
 * the cycle; a bare pattern counts 1 (Strudel counts its steps). arrange([n,
 * pat], ...): each section n cycles long, in turn. */
/* The parts of stepcat or arrange: [weight, pattern] pairs, or (stepcat) a
 * pattern that counts its own steps (as Strudel's: one without steps takes the
 * others' average; *none is set when no part has steps). */
static bool weighted(Vm *vm, Value *args, int argc, Rat *w, ObjPattern **ps, const char *name,
                     int *kept, bool *none) {
    bool arrange = !strcmp(name, "arrange");
    Rat sum = rat_int(0);
    int known = 0;
    for (int i = 0; i < argc; i++) {
        Value x = args[i];
        bool pair = IS_LIST(x) && AS_LIST(x)->len == 2 && IS_NUM(AS_LIST(x)->items[0]);
        if (pair) {
            w[i] = rat_from_double(AS_LIST(x)->items[0].as.num);
            x = AS_LIST(x)->items[1];
        } else if (arrange) {
            vm_error(vm, "arrange takes [cycles, pattern] pairs");
            vm_hint(vm, "write arrange([4, intro], [8, verse])");
            return false;
        }
        ps[i] = reify(vm, x);
        KEEP(vm, ps[i]);
        (*kept)++;
        if (!pair) w[i] = ps[i]->steps; /* its own steps (NaR: none) */
        if (rat_ok(w[i]) && (arrange ? !rat_lt(rat_int(0), w[i]) : rat_lt(w[i], rat_int(0))))
            return vm_error(vm, "%s: each part needs a length above 0", name);
        if (rat_ok(w[i])) sum = rat_add(sum, w[i]), known++;
    }
    *none = known == 0;
    for (int i = 0; i < argc && known > 0; i++)
        if (!rat_ok(w[i])) w[i] = rat_div(sum, rat_int(known));
    return true;
}

/* arrange's pattern of sections ps[i], each w[i] cycles, in turn. */
static ObjPattern *arranged(Vm *vm, const Rat *w, ObjPattern **ps, int argc) {
    Heap *h = vm_heap(vm);
    Rat total = rat_int(0);
    ObjPattern *fast[64];
    for (int i = 0; i < argc; i++) {
        total = rat_add(total, w[i]);
        fast[i] = pat_fast(h, w[i], ps[i]);
        KEEP(vm, fast[i]);
    }
    ObjPattern *r = pat_timecat(h, w, fast, (unsigned)argc);
    KEEP(vm, r);
    r = pat_slow(h, total, r);
    for (int i = 0; i <= argc; i++) vm_pop_root(vm);
    return r;
}

/* The song's form for the session (its sections and their lengths: `:jump`,
 * a render's length): the last arrangement the program made. */
static void keep_form(Vm *vm, Value *args, int argc) {
    ObjList *form = list_new(vm_heap(vm), args, (uint32_t)argc);
    vm_set_global(vm, "arrange:form", OBJ_VAL(form));
}

/* arrange of scenes, [cycles, { track: pattern, ... }] each: a record with
 * each track's own arrangement (silent in the sections without it), which
 * `play` plays as one track a field. */
static bool arrange_scenes(Vm *vm, Value *args, int argc, Value *out) {
    ObjString *keys[64];
    int nk = 0;
    Rat w[64];
    for (int i = 0; i < argc; i++) {
        ObjList *pair = AS_LIST(args[i]);
        w[i] = rat_from_double(pair->items[0].as.num);
        if (!rat_lt(rat_int(0), w[i]))
            return vm_error(vm, "arrange: each part needs a length above 0");
        ObjRecord *r = AS_RECORD(pair->items[1]);
        for (uint32_t k = 0; k < r->len; k++) {
            int j = 0;
            while (j < nk && keys[j] != r->fields[k].key) j++;
            if (j < nk) continue;
            if (nk == 64) return vm_error(vm, "arrange: at most 64 tracks in its scenes");
            keys[nk++] = r->fields[k].key;
        }
    }
    RecField fields[64];
    for (int j = 0; j < nk; j++) {
        ObjPattern *ps[64];
        for (int i = 0; i < argc; i++) {
            ObjRecord *r = AS_RECORD(AS_LIST(args[i])->items[1]);
            Value v = NIL_VAL;
            for (uint32_t k = 0; k < r->len; k++)
                if (r->fields[k].key == keys[j]) v = r->fields[k].val;
            ps[i] = IS_NIL(v) ? pat_silence(vm_heap(vm)) : reify(vm, v);
            if (!ps[i]) {
                for (int k = 0; k < i + j; k++) vm_pop_root(vm);
                return false;
            }
            KEEP(vm, ps[i]);
        }
        ObjPattern *a = arranged(vm, w, ps, argc);
        for (int i = 0; i < argc; i++) vm_pop_root(vm);
        KEEP(vm, a);
        fields[j] = (RecField){keys[j], OBJ_VAL(a)};
    }
    ObjRecord *rec = rec_new(vm_heap(vm), fields, (uint32_t)nk);
    for (int j = 0; j < nk; j++) vm_pop_root(vm);
    *out = OBJ_VAL(rec);
    KEEP(vm, rec);
    keep_form(vm, args, argc);
    vm_pop_root(vm);
    return true;
}

static bool nat_stepcat(Vm *vm, Value *args, int argc, Value *out) {
    const char *name = vm_current_native(vm)->name;
    bool scenes = !strcmp(name, "arrange") && argc > 0;
    for (int i = 0; i < argc && scenes; i++)
        scenes = IS_LIST(args[i]) && AS_LIST(args[i])->len == 2 &&
                 IS_NUM(AS_LIST(args[i])->items[0]) && IS_RECORD(AS_LIST(args[i])->items[1]);
    if (scenes && argc <= 64) return arrange_scenes(vm, args, argc, out);
    if (argc > 64) return vm_error(vm, "%s takes at most 64 parts", name);
    if (argc == 0) {
        *out = OBJ_VAL(pat_silence(vm_heap(vm)));
        return true;
    }
    Rat w[64];
    ObjPattern *ps[64];
    int kept = 0;
    bool none = false;
    if (!weighted(vm, args, argc, w, ps, name, &kept, &none)) {
        for (int i = 0; i < kept; i++) vm_pop_root(vm);
        return false;
    }
    Heap *h = vm_heap(vm);
    if (none) { /* no part counts steps: a sequence, as Strudel's */
        *out = OBJ_VAL(pat_fastcat(h, ps, (unsigned)argc));
        for (int i = 0; i < kept; i++) vm_pop_root(vm);
        return true;
    }
    if (argc == 1 && strcmp(name, "arrange")) { /* one part: itself, with its steps */
        *out = OBJ_VAL(pat_with_steps(h, ps[0], w[0]));
        for (int i = 0; i < kept; i++) vm_pop_root(vm);
        return true;
    }
    if (!strcmp(name, "arrange")) {
        ObjPattern *r = arranged(vm, w, ps, argc);
        *out = OBJ_VAL(r);
        KEEP(vm, r);
        keep_form(vm, args, argc);
        for (int i = 0; i <= kept; i++) vm_pop_root(vm);
        return true;
    }
    ObjPattern *r = pat_timecat(h, w, ps, (unsigned)argc);
    for (int i = 0; i < kept; i++) vm_pop_root(vm);
    *out = OBJ_VAL(r);
    return true;
}

/* value maps */
static bool invert_map(Query *q, Value v, Value pm, Value *out) {
    (void)q, (void)pm;
    *out = BOOL_VAL(!js_truthy(v));
    return true;
}

static bool range2_map(Query *q, Value v, Value mm, Value *out) {
    double x, lo = AS_LIST(mm)->items[0].as.num, hi = AS_LIST(mm)->items[1].as.num;
    if (!js_numeral(v, &x)) return lib_fail(q, NULL, "range2 needs numbers");
    *out = NUM_VAL((x + 1) / 2 * (hi - lo) + lo);
    return true;
}

static bool build_range2(Query *q, const Value *a, ObjPattern *sub, Value pm, ObjPattern **out) {
    (void)pm;
    double lo, hi;
    if (!get_num(q, a[0], "range2's minimum", &lo) || !get_num(q, a[1], "range2's maximum", &hi))
        return false;
    Value items[2] = {NUM_VAL(lo), NUM_VAL(hi)};
    Value mm = OBJ_VAL(list_new(q->heap, items, 2));
    heap_push(q->heap, mm);
    *out = pat_map(q->heap, sub, range2_map, mm);
    heap_pop(q->heap, 1);
    return true;
}

static bool nat_range2(Vm *vm, Value *args, int argc, Value *out) {
    (void)argc;
    return patterned(vm, build_range2, args, 3, NIL_VAL, BIND_INNER, out);
}

static bool ratio_map(Query *q, Value v, Value pm, Value *out) {
    (void)pm;
    if (!IS_LIST(v)) {
        *out = v;
        return true;
    }
    ObjList *l = AS_LIST(v);
    double x;
    if (l->len == 0 || !js_numeral(l->items[0], &x))
        return lib_fail(q, NULL, "ratio needs numbers");
    for (uint32_t i = 1; i < l->len; i++) {
        double d;
        if (!js_numeral(l->items[i], &d)) return lib_fail(q, NULL, "ratio needs numbers");
        x /= d;
    }
    *out = NUM_VAL(x);
    return true;
}

static bool nat_invert(Vm *vm, Value *args, int argc, Value *out) {
    (void)argc;
    return map_values(vm, args[0], invert_map, NIL_VAL, out);
}
static bool nat_ratio(Vm *vm, Value *args, int argc, Value *out) {
    (void)argc;
    return map_values(vm, args[0], ratio_map, NIL_VAL, out);
}
static bool nat_pure(Vm *vm, Value *args, int argc, Value *out) {
    (void)argc;
    *out = OBJ_VAL(pat_pure(vm_heap(vm), args[0]));
    return true;
}
/* seqPLoop([start, stop, pat], ...) (or [stop, pat], from the last stop): each pat
 * from start to stop cycles, the whole looping over the last stop */
static bool nat_seqPLoop(Vm *vm, Value *args, int argc, Value *out) {
    Heap *h = vm_heap(vm);
    if (argc < 1 || argc > 64) return vm_error(vm, "seqPLoop takes 1 to 64 parts");
    Rat start[64], stop[64], total = rat_int(0);
    Value pat[64];
    for (int i = 0; i < argc; i++) {
        ObjList *l = IS_LIST(args[i]) ? AS_LIST(args[i]) : NULL;
        if (!l || (l->len != 2 && l->len != 3) || !IS_NUM(l->items[0]) ||
            !IS_NUM(l->items[l->len - 2])) {
            vm_error(vm, "seqPLoop takes [start, stop, pattern] or [stop, pattern] parts");
            vm_hint(vm, "write seqPLoop([0, 2, \"bd(3,8)\"], [1, 3, \"cp(3,8)\"])");
            return false;
        }
        start[i] = l->len == 3 ? rat_from_double(l->items[0].as.num) : total;
        stop[i] = rat_from_double(l->items[l->len - 2].as.num);
        pat[i] = l->items[l->len - 1];
        total = stop[i];
    }
    if (!rat_gt(total, rat_int(0))) return vm_error(vm, "seqPLoop: the last part must end after 0");
    ObjPattern *ps[64];
    for (int i = 0; i < argc; i++) {
        ObjPattern *inner = reify(vm, pat[i]);
        KEEP(vm, inner);
        ObjPattern *pp = pat_pure(h, OBJ_VAL(inner));
        KEEP(vm, pp);
        ps[i] = pat_compress(h, rat_div(start[i], total), rat_div(stop[i], total), pp);
        KEEP(vm, ps[i]);
    }
    ObjPattern *r = pat_stack(h, ps, (unsigned)argc);
    KEEP(vm, r);
    r = pat_slow(h, total, r);
    KEEP(vm, r);
    *out = OBJ_VAL(pat_bind(h, BIND_INNER, r));
    for (int i = 0; i < argc * 3 + 2; i++) vm_pop_root(vm);
    return true;
}

/* parray([a, b, ...]): a pattern of lists, one value of each (the structure of all) */
static int append_value(Query *q, Value a, Value b, Value pm, Value *out) {
    (void)pm;
    ObjList *l = AS_LIST(a);
    Value items[64];
    uint32_t n = l->len < 63 ? l->len : 63;
    for (uint32_t i = 0; i < n; i++) items[i] = l->items[i];
    items[n++] = b;
    *out = OBJ_VAL(list_new(q->heap, items, n));
    return 1;
}

static bool nat_parray(Vm *vm, Value *args, int argc, Value *out) {
    (void)argc;
    Heap *h = vm_heap(vm);
    if (!IS_LIST(args[0])) return vm_error(vm, "parray takes a list of patterns");
    ObjList *l = AS_LIST(args[0]);
    vm_push_root(vm, args[0]);
    ObjPattern *acc = pat_pure(h, OBJ_VAL(list_new(h, NULL, 0)));
    KEEP(vm, acc);
    for (uint32_t i = 0; i < l->len; i++) {
        ObjPattern *p = reify(vm, l->items[i]);
        KEEP(vm, p);
        acc = pat_app(h, APP_BOTH, acc, p, append_value, NIL_VAL);
        KEEP(vm, acc);
    }
    *out = OBJ_VAL(acc);
    for (uint32_t i = 0; i < 2 * l->len + 2; i++) vm_pop_root(vm);
    return true;
}

static bool nat_nothing(Vm *vm, Value *args, int argc, Value *out) {
    (void)args, (void)argc;
    ObjPattern *p = pat_silence(vm_heap(vm));
    p->steps = rat_int(0);
    *out = OBJ_VAL(p);
    return true;
}

#define V NF_VARIADIC
static const NativeDef NATIVES[] = {
    {"within", 4, nat_within, 0, "within(start, end, f, pat)",
     "f applied to the events that begin between start and end of each cycle (0..1).",
     "n(\"0 1 2 3\").within(0, 0.5, x => x.fast(2))", NULL},
    {"brak", 1, nat_brak, 0, "brak(pat)",
     "Every other cycle, the cycle squeezed into its first half and played a quarter later "
     "(a breakbeat).",
     "s(\"bd sn\").brak()", NULL},
    {"press", 1, nat_pressBy, 0, "press(pat)", "Each event moved half-way into its own time.",
     "s(\"bd mt sd ht\").press()", NULL},
    {"pressBy", 2, nat_pressBy, 0, "pressBy(amount, pat)",
     "Each event moved the given part of the way into its own time.",
     "s(\"bd mt sd ht\").pressBy(\"<0 0.5 0.25>\")", NULL},
    {"plyWith", 3, nat_plyWith, 0, "plyWith(n, f, pat)",
     "Each event played n times within itself, copy i with f applied i times.",
     "n(\"0 2\".plyWith(3, x => x.add(1)))", NULL},
    {"plywith", 3, nat_plyWith, 0, "plywith(n, f, pat)", "Same as plyWith.",
     "n(\"0 2\".plywith(3, x => x.add(1)))", NULL},
    {"plyForEach", 3, nat_plyWith, 0, "plyForEach(n, f, pat)",
     "Each event played n times within itself, copy i as f(the event's value as a pattern, i).",
     "n(\"<0 [2 4]>\".plyForEach(4, (p, i) => p.add(i * 2)))", NULL},
    {"plyforeach", 3, nat_plyWith, 0, "plyforeach(n, f, pat)", "Same as plyForEach.",
     "n(\"0 2\".plyforeach(2, (p, i) => p.add(i)))", NULL},
    {"filterWhen", 2, nat_filterWhen, 0, "filterWhen(test, pat)",
     "Only the events whose start (in cycles) test gives true for.",
     "s(\"bd*8\").filterWhen(t => t % 1 < 0.5)", NULL},
    {"beat", 3, nat_beat, 0, "beat(step, steps, pat)",
     "Each cycle's event played at step of steps (a pattern of steps: several at once).",
     "s(\"bd\").beat(\"0,7,10\", 16)", NULL},
    {"repeatCycles", 2, nat_repeatCycles, 0, "repeatCycles(n, pat)",
     "Each cycle of the pattern played n times.", "n(\"<0 1 2 3>\").repeatCycles(2)", NULL},
    {"focus", 3, nat_focus, 0, "focus(start, end, pat)",
     "The span start..end played as one cycle (like compress, without the gaps).",
     "s(\"bd hh sd hh\").focus(1/4, 3/4)", NULL},
    {"compressSpan", 2, nat_span, 0, "compressSpan(span, pat)",
     "compress given a span {begin, end}: each cycle squeezed into it, silence around.",
     "s(\"bd hh sd hh\").compressSpan({begin: 0.25, end: 0.75})", NULL},
    {"compressspan", 2, nat_span, 0, "compressspan(span, pat)", "Same as compressSpan.",
     "s(\"bd hh sd hh\").compressspan({begin: 0.25, end: 0.75})", NULL},
    {"focusSpan", 2, nat_span, 0, "focusSpan(span, pat)",
     "focus given a span {begin, end}: the span played as one cycle, without gaps.",
     "s(\"bd hh sd hh\").focusSpan({begin: 0.25, end: 0.75})", NULL},
    {"focusspan", 2, nat_span, 0, "focusspan(span, pat)", "Same as focusSpan.",
     "s(\"bd hh sd hh\").focusspan({begin: 0.25, end: 0.75})", NULL},
    {"zoomArc", 2, nat_span, 0, "zoomArc(span, pat)",
     "zoom given a span {begin, end}: that part of each cycle stretched to the cycle.",
     "s(\"bd hh sd hh\").zoomArc({begin: 0.25, end: 0.75})", NULL},
    {"zoomarc", 2, nat_span, 0, "zoomarc(span, pat)", "Same as zoomArc.",
     "s(\"bd hh sd hh\").zoomarc({begin: 0.25, end: 0.75})", NULL},
    {"cpm", 2, nat_cpm, 0, "cpm(cycles_per_minute, pat)",
     "The pattern at that many cycles a minute, at the program's tempo.", "s(\"bd sn\").cpm(60)",
     NULL},
    {"stepcat", 0, nat_stepcat, V, "stepcat([weight, pat], ...)",
     "The patterns one after another within a cycle, each taking its weight (a bare pattern "
     "counts 1; Strudel counts its steps).",
     "stepcat([1, s(\"bd\")], [2, s(\"sn hh\")])", NULL},
    {"timeCat", 0, nat_stepcat, V, "timeCat([weight, pat], ...)", "Same as stepcat.",
     "timeCat([1, s(\"bd\")], [2, s(\"sn hh\")])", NULL},
    {"timecat", 0, nat_stepcat, V, "timecat([weight, pat], ...)", "Same as stepcat.",
     "timecat([1, s(\"bd\")], [2, s(\"sn hh\")])", NULL},
    {"s_cat", 0, nat_stepcat, V, "s_cat([weight, pat], ...)", "Same as stepcat.",
     "s_cat([1, s(\"bd\")], [2, s(\"sn hh\")])", NULL},
    {"arrange", 0, nat_stepcat, V, "arrange([cycles, pat], ...)",
     "Song form: each section plays for its number of cycles, in turn, then again. A section "
     "may be a scene, a record of tracks ({drums: beat, bass: line}): then the result is a "
     "record of each track's arrangement, which `play` plays as tracks. The last arrangement "
     "is the song's form: `:jump NAME` moves to a section, a render lasts one pass.",
     "arrange([2, s(\"bd sn\")], [1, s(\"hh*4\")])", NULL},
    {"invert", 1, nat_invert, 0, "invert(pat)", "true for false and false for true.",
     "s(\"bd*4\").struct(\"1 0 1 1\".invert())", NULL},
    {"inv", 1, nat_invert, 0, "inv(pat)", "Same as invert.",
     "s(\"bd*4\").struct(\"1 0 1 1\".inv())", NULL},
    {"range2", 3, nat_range2, 0, "range2(min, max, pat)",
     "Values from -1..1 (sine2 and the like) scaled to min..max.",
     "sine2.segment(4).range2(200, 800)", NULL},
    {"ratio", 1, nat_ratio, 0, "ratio(pat)", "Values written a:b become a / b.",
     "\"1 5:4 3:2\".ratio().mul(110)", NULL},
    {"pure", 1, nat_pure, 0, "pure(value)", "The value once a cycle.", "n(pure(3))", NULL},
    {"seqPLoop", 1, nat_seqPLoop, V, "seqPLoop([start, stop, pat], ...)",
     "Each pattern from its start to its stop cycle (a part [stop, pat] starts where the last "
     "stopped), the whole looping over the last stop.",
     "s(seqPLoop([0, 2, \"bd(3,8)\"], [1, 3, \"cp(3,8)\"]))", NULL},
    {"parray", 1, nat_parray, 0, "parray([pat, ...])",
     "A pattern of lists: a value of each pattern together, where they all have events.",
     "note(parray([\"c e\", \"g a b\"]).fmap(xs => xs[0])).s(\"pluck\")", NULL},
    {"nothing", 0, nat_nothing, NF_VALUE, "nothing", "Silence that takes no steps.",
     "stack(nothing, s(\"bd sn\"))", NULL},
};

const NativeDef *stdlib_sections_natives(int *count) {
    *count = (int)(sizeof NATIVES / sizeof NATIVES[0]);
    return NATIVES;
}
