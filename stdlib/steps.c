/*
 * steps.c - Strudel's steps ("tactus"): a pattern's steps per cycle (a
 * sequence of three has 3, stepcat adds them up; vm/pattern.h keeps them on
 * every node) and the functions that use them: pace (steps), take and drop
 * (s_add, s_sub), expand, contract and extend, replicate, polymeter (pm,
 * s_polymeter), zip (s_zip), gap, and stackLeft, stackRight, stackCentre and
 * stackBy, which line up patterns of different lengths. A patterned argument of
 * take, drop, expand, contract, extend or replicate joins step-wise (Strudel's
 * stepJoin, vm's BIND_STEP): "a b c d".take("1 2") plays take(1) then take(2),
 * each by its own steps.
 */
#include "lib.h"
#include "stdlib.h"

#include <string.h>

static ObjPattern *keep(Query *q, ObjPattern *p) {
    heap_push(q->heap, OBJ_VAL(p));
    return p;
}

/* Strudel's nothing: silence that takes no steps */
static ObjPattern *nothing(Heap *h) {
    ObjPattern *p = pat_silence(h);
    p->steps = rat_int(0);
    return p;
}

/* p's steps set to s (p as it is when it has none) */
static ObjPattern *with_steps(Heap *h, ObjPattern *p, Rat s) {
    return rat_ok(p->steps) ? pat_with_steps(h, p, s) : p;
}

/* pace(n): sub played at n steps a cycle */
static ObjPattern *pace(Heap *h, ObjPattern *sub, Rat n) {
    if (!rat_ok(sub->steps)) return sub;
    if (rat_is_zero(sub->steps)) return nothing(h);
    heap_push(h, OBJ_VAL(sub));
    ObjPattern *f = pat_fast(h, rat_div(n, sub->steps), sub);
    heap_push(h, OBJ_VAL(f));
    ObjPattern *r = pat_with_steps(h, f, n);
    heap_pop(h, 2);
    return r;
}

static bool b_pace(Query *q, const Value *a, ObjPattern *sub, Value pm, ObjPattern **out) {
    (void)pm;
    Rat n;
    if (!get_rat(q, a[0], "pace's steps", &n)) return false;
    *out = pace(q->heap, sub, n);
    return true;
}

/* take(i): the first i steps (the last -i when negative), as many steps */
static ObjPattern *take(Heap *h, ObjPattern *sub, Rat i) {
    if (!rat_ok(sub->steps) || !rat_gt(sub->steps, rat_int(0)) || rat_is_zero(i)) return nothing(h);
    bool flip = rat_lt(i, rat_int(0));
    if (flip) i = rat_neg(i);
    Rat frac = rat_div(i, sub->steps);
    if (rat_ge(frac, rat_int(1))) return sub;
    return flip ? pat_zoom(h, rat_sub(rat_int(1), frac), rat_int(1), sub)
                : pat_zoom(h, rat_int(0), frac, sub);
}

static bool b_take(Query *q, const Value *a, ObjPattern *sub, Value pm, ObjPattern **out) {
    (void)pm;
    Rat i;
    if (!get_rat(q, a[0], "take's steps", &i)) return false;
    *out = take(q->heap, sub, i);
    return true;
}

/* drop(i): all but the first i steps (the last -i when negative) */
static bool b_drop(Query *q, const Value *a, ObjPattern *sub, Value pm, ObjPattern **out) {
    (void)pm;
    Rat i;
    if (!get_rat(q, a[0], "drop's steps", &i)) return false;
    if (!rat_ok(sub->steps)) {
        *out = nothing(q->heap);
        return true;
    }
    Rat n = rat_lt(i, rat_int(0)) ? rat_add(sub->steps, i) : rat_neg(rat_sub(sub->steps, i));
    *out = take(q->heap, sub, n);
    return true;
}

/* expand(f), contract(f): the steps times or over f, the sound as it is */
static bool b_expand(Query *q, const Value *a, ObjPattern *sub, Value pm, ObjPattern **out) {
    Rat f;
    if (!get_rat(q, a[0], "the factor", &f)) return false;
    if (pm.as.num != 0) f = rat_inv(f);
    *out = rat_ok(sub->steps) && rat_ok(f) ? with_steps(q->heap, sub, rat_mul(sub->steps, f)) : sub;
    return true;
}

/* extend(f): f times as fast, with f times the steps */
static bool b_extend(Query *q, const Value *a, ObjPattern *sub, Value pm, ObjPattern **out) {
    (void)pm;
    Rat f;
    if (!get_rat(q, a[0], "extend's factor", &f)) return false;
    ObjPattern *x = keep(q, pat_fast(q->heap, f, sub));
    *out = rat_ok(x->steps) ? pat_with_steps(q->heap, x, rat_mul(x->steps, f)) : x;
    heap_pop(q->heap, 1);
    return true;
}

/* replicate(f): each cycle f times in a cycle, with f times the steps */
static bool b_replicate(Query *q, const Value *a, ObjPattern *sub, Value pm, ObjPattern **out) {
    (void)pm;
    Rat f;
    if (!get_rat(q, a[0], "replicate's factor", &f)) return false;
    ObjPattern *x = keep(q, pat_replicate(q->heap, f, sub));
    *out = rat_ok(x->steps) ? pat_with_steps(q->heap, x, rat_mul(x->steps, f)) : x;
    heap_pop(q->heap, 1);
    return true;
}

/* a step-wise joined result counts the steps of its first cycle */
static bool step_joined(Vm *vm, PatBuildFn fn, Value *args, int argc, Value param, Value *out) {
    if (!patterned(vm, fn, args, argc, param, BIND_STEP, out)) return false;
    ObjPattern *p = AS_PATTERN(*out);
    if (p->kind == PAT_BUILD && p->op == BIND_STEP) {
        vm_push_root(vm, *out);
        p->steps = pat_step_steps(vm_query(vm), p);
        vm_pop_root(vm);
    }
    return true;
}

static bool nat_pace(Vm *vm, Value *args, int argc, Value *out) {
    return patterned(vm, b_pace, args, argc, NIL_VAL, BIND_INNER, out);
}
static bool nat_take(Vm *vm, Value *args, int argc, Value *out) {
    return step_joined(vm, b_take, args, argc, NIL_VAL, out);
}
static bool nat_drop(Vm *vm, Value *args, int argc, Value *out) {
    return step_joined(vm, b_drop, args, argc, NIL_VAL, out);
}
static bool nat_expand(Vm *vm, Value *args, int argc, Value *out) {
    bool contract = strstr(vm_current_native(vm)->name, "contract") != NULL;
    return step_joined(vm, b_expand, args, argc, NUM_VAL(contract), out);
}
static bool nat_extend(Vm *vm, Value *args, int argc, Value *out) {
    return step_joined(vm, b_extend, args, argc, NIL_VAL, out);
}
static bool nat_replicate(Vm *vm, Value *args, int argc, Value *out) {
    return step_joined(vm, b_replicate, args, argc, NIL_VAL, out);
}

/* gap(n): silence of n steps */
static bool nat_gap(Vm *vm, Value *args, int argc, Value *out) {
    (void)argc;
    if (!IS_NUM(args[0])) return vm_error(vm, "gap takes a number of steps");
    ObjPattern *p = pat_silence(vm_heap(vm));
    p->steps = rat_from_double(args[0].as.num);
    *out = OBJ_VAL(p);
    return true;
}

/* the arguments as patterns (rooted: the caller pops n) */
static void reify_all(Vm *vm, Value *args, int n, ObjPattern **ps) {
    for (int i = 0; i < n; i++) {
        ps[i] = reify(vm, args[i]);
        KEEP(vm, ps[i]);
    }
}

#define MAX_PATS 64

/* polymeter(a, b, ...): each paced to the lcm of their steps, played together;
 * polymeter([..], [..]) (lists, Strudel's older form): each list a sequence, paced
 * to the first one's length */
static bool nat_polymeter(Vm *vm, Value *args, int argc, Value *out) {
    Heap *h = vm_heap(vm);
    if (argc > MAX_PATS) return vm_error(vm, "polymeter: at most %d patterns", MAX_PATS);
    ObjPattern *ps[MAX_PATS], *paced[MAX_PATS];
    reify_all(vm, args, argc, ps);
    Rat steps = RAT_NAR;
    if (argc > 0 && IS_LIST(args[0]))
        steps = rat_int(AS_LIST(args[0])->len);
    else
        for (int i = 0; i < argc; i++) steps = rat_lcm(steps, ps[i]->steps);
    int n = 0;
    if (rat_ok(steps) && !rat_is_zero(steps))
        for (int i = 0; i < argc; i++) {
            if (!rat_ok(ps[i]->steps) || rat_is_zero(ps[i]->steps)) continue;
            paced[n] = pace(h, ps[i], steps);
            KEEP(vm, paced[n]);
            n++;
        }
    ObjPattern *r = n                ? pat_stack(h, paced, (unsigned)n)
                    : !rat_ok(steps) ? pat_silence(h)
                                     : nothing(h);
    if (n) {
        KEEP(vm, r);
        r = pat_with_steps(h, r, steps);
        vm_pop_root(vm);
    }
    for (int i = 0; i < argc + n; i++) vm_pop_root(vm);
    *out = OBJ_VAL(r);
    return true;
}

/* zip(a, b, ...): a step of each in turn (those with steps) */
static bool nat_zip(Vm *vm, Value *args, int argc, Value *out) {
    Heap *h = vm_heap(vm);
    if (argc > MAX_PATS) return vm_error(vm, "zip: at most %d patterns", MAX_PATS);
    ObjPattern *ps[MAX_PATS], *slowed[MAX_PATS];
    reify_all(vm, args, argc, ps);
    Rat steps = RAT_NAR;
    int n = 0;
    for (int i = 0; i < argc; i++) {
        if (!rat_ok(ps[i]->steps)) continue;
        steps = rat_lcm(steps, ps[i]->steps);
        slowed[n] = pat_slow(h, ps[i]->steps, ps[i]);
        KEEP(vm, slowed[n]);
        n++;
    }
    ObjPattern *r = pat_silence(h);
    if (n && rat_ok(steps) && !rat_is_zero(steps)) {
        r = pat_slowcat(h, slowed, (unsigned)n);
        KEEP(vm, r);
        r = pat_fast(h, steps, r);
        KEEP(vm, r);
        r = pat_with_steps(h, r, steps);
        vm_pop_root(vm), vm_pop_root(vm);
    }
    for (int i = 0; i < argc + n; i++) vm_pop_root(vm);
    *out = OBJ_VAL(r);
    return true;
}

typedef enum { ALIGN_LEFT, ALIGN_RIGHT, ALIGN_CENTRE, ALIGN_EXPAND, ALIGN_REPEAT } Align;

/* ps lined up at the most steps any has: padded with gaps after (left), before
 * (right) or around (centre); played as they are (expand); or paced (repeat) */
static ObjPattern *stack_aligned(Heap *h, ObjPattern **ps, int n, Align how) {
    Rat most = RAT_NAR;
    for (int i = 0; i < n; i++)
        if (rat_ok(ps[i]->steps) && (!rat_ok(most) || rat_gt(ps[i]->steps, most)))
            most = ps[i]->steps;
    ObjPattern *parts[MAX_PATS];
    int pushed = 0;
    for (int i = 0; i < n; i++) {
        ObjPattern *p = ps[i];
        if (how == ALIGN_REPEAT && rat_ok(most)) {
            p = pace(h, p, most);
        } else if (how <= ALIGN_CENTRE && rat_ok(most) && rat_ok(p->steps) &&
                   !rat_eq(p->steps, most)) {
            Rat pad = rat_sub(most, p->steps);
            if (how == ALIGN_CENTRE) pad = rat_div(pad, rat_int(2));
            ObjPattern *g = pat_silence(h);
            heap_push(h, OBJ_VAL(g));
            Rat w[3] = {pad, p->steps, pad};
            ObjPattern *three[3] = {g, p, g};
            if (how == ALIGN_LEFT)
                p = pat_timecat(h, w + 1, three + 1, 2);
            else if (how == ALIGN_RIGHT)
                p = pat_timecat(h, w, three, 2);
            else
                p = pat_timecat(h, w, three, 3);
            heap_pop(h, 1);
        }
        parts[i] = p;
        heap_push(h, OBJ_VAL(p));
        pushed++;
    }
    ObjPattern *r = pat_stack(h, parts, (unsigned)n);
    heap_push(h, OBJ_VAL(r));
    r = rat_ok(most) ? pat_with_steps(h, r, most) : r;
    heap_pop(h, (unsigned)pushed + 1);
    return r;
}

static bool nat_stack_aligned(Vm *vm, Value *args, int argc, Value *out) {
    const char *name = vm_current_native(vm)->name;
    Align how = !strcmp(name, "stackLeft")    ? ALIGN_LEFT
                : !strcmp(name, "stackRight") ? ALIGN_RIGHT
                                              : ALIGN_CENTRE;
    if (argc > MAX_PATS) return vm_error(vm, "%s: at most %d patterns", name, MAX_PATS);
    if (argc == 0) {
        *out = OBJ_VAL(pat_silence(vm_heap(vm)));
        return true;
    }
    ObjPattern *ps[MAX_PATS];
    reify_all(vm, args, argc, ps);
    *out = OBJ_VAL(argc == 1 ? ps[0] : stack_aligned(vm_heap(vm), ps, argc, how));
    for (int i = 0; i < argc; i++) vm_pop_root(vm);
    return true;
}

/* stackBy(by, a, b, ...): by names the alignment cycle by cycle (left, right,
 * centre, expand, repeat) */
static bool stackby_map(Query *q, Value v, Value pats, Value *out) {
    static const char *const NAMES[] = {"left", "right", "centre", "expand", "repeat"};
    char name[16];
    val_format(v, name, sizeof name);
    ObjList *l = AS_LIST(pats);
    ObjPattern *ps[MAX_PATS];
    for (uint32_t i = 0; i < l->len; i++) ps[i] = AS_PATTERN(l->items[i]);
    for (int k = 0; k < 5; k++)
        if (!strcmp(NAMES[k], name)) {
            *out = OBJ_VAL(stack_aligned(q->heap, ps, (int)l->len, (Align)k));
            return true;
        }
    *out = NIL_VAL; /* another word: no events */
    return true;
}

static bool nat_stackBy(Vm *vm, Value *args, int argc, Value *out) {
    Heap *h = vm_heap(vm);
    if (argc - 1 > MAX_PATS) return vm_error(vm, "stackBy: at most %d patterns", MAX_PATS);
    ObjPattern *by = reify(vm, args[0]);
    KEEP(vm, by);
    Value items[MAX_PATS];
    for (int i = 1; i < argc; i++) {
        items[i - 1] = OBJ_VAL(reify(vm, args[i]));
        vm_push_root(vm, items[i - 1]);
    }
    Rat most = RAT_NAR;
    for (int i = 0; i < argc - 1; i++) {
        Rat s = AS_PATTERN(items[i])->steps;
        if (rat_ok(s) && (!rat_ok(most) || rat_gt(s, most))) most = s;
    }
    Value list = OBJ_VAL(list_new(h, items, (uint32_t)(argc - 1)));
    vm_push_root(vm, list);
    ObjPattern *m = pat_map(h, by, stackby_map, list);
    KEEP(vm, m);
    ObjPattern *r = pat_bind(h, BIND_INNER, m);
    KEEP(vm, r);
    *out = OBJ_VAL(rat_ok(most) ? pat_with_steps(h, r, most) : r);
    for (int i = 0; i < argc + 3; i++) vm_pop_root(vm);
    return true;
}

/* shrinklist(amount): the pattern, then with amount more steps left out each time
 * (from its start, or its end when amount is negative), as many times as it has steps
 * (or [amount, times]) */
static int shrink_list(Heap *h, ObjPattern *pat, Value amount, ObjPattern **out, int cap) {
    out[0] = pat;
    if (!rat_ok(pat->steps) || rat_is_zero(pat->steps)) return 1;
    Value av = amount;
    double times = rat_to_double(pat->steps);
    if (IS_LIST(amount) && AS_LIST(amount)->len >= 2) {
        av = AS_LIST(amount)->items[0];
        if (IS_NUM(AS_LIST(amount)->items[1])) times = AS_LIST(amount)->items[1].as.num;
    }
    if (!IS_NUM(av) || av.as.num == 0 || times == 0) return 1;
    Rat a = rat_from_double(av.as.num);
    bool fromstart = rat_gt(a, rat_int(0));
    if (!fromstart) a = rat_neg(a);
    Rat seg = rat_mul(rat_div(rat_int(1), pat->steps), a);
    int n = 0;
    for (int i = 0; i < times && n < cap; i++) {
        Rat x = rat_mul(seg, rat_int(i));
        if (fromstart ? rat_gt(x, rat_int(1)) : rat_lt(rat_sub(rat_int(1), x), rat_int(0))) break;
        out[n] = fromstart ? pat_zoom(h, x, rat_int(1), pat)
                           : pat_zoom(h, rat_int(0), rat_sub(rat_int(1), x), pat);
        heap_push(h, OBJ_VAL(out[n]));
        n++;
    }
    heap_pop(h, (unsigned)n);
    return n;
}

/* a stepcat of parts, its steps their sum */
static ObjPattern *stepcat_of(Heap *h, ObjPattern **ps, int n) {
    Rat w[MAX_PATS * 4], sum = rat_int(0);
    ObjPattern *kept[MAX_PATS * 4];
    int m = 0;
    for (int i = 0; i < n; i++) {
        if (!rat_ok(ps[i]->steps) || rat_is_zero(ps[i]->steps)) continue;
        w[m] = ps[i]->steps, kept[m++] = ps[i];
        sum = rat_add(sum, ps[i]->steps);
    }
    if (!m) return nothing(h);
    if (m == 1) return kept[0];
    ObjPattern *r = pat_timecat(h, w, kept, (unsigned)m);
    r->steps = sum;
    return r;
}

static bool b_shrink(Query *q, const Value *a, ObjPattern *sub, Value pm, ObjPattern **out) {
    bool grow = pm.as.num != 0;
    if (!rat_ok(sub->steps)) {
        *out = nothing(q->heap);
        return true;
    }
    Value amount = a[0];
    if (grow && IS_NUM(amount)) amount = NUM_VAL(-amount.as.num);
    ObjPattern *list[MAX_PATS * 4];
    int n = shrink_list(q->heap, sub, amount, list, MAX_PATS * 4);
    for (int i = 0; i < n; i++) heap_push(q->heap, OBJ_VAL(list[i]));
    if (grow)
        for (int i = 0; i < n / 2; i++) {
            ObjPattern *t = list[i];
            list[i] = list[n - 1 - i], list[n - 1 - i] = t;
        }
    *out = stepcat_of(q->heap, list, n);
    heap_pop(q->heap, (unsigned)n);
    return true;
}

static bool nat_shrink(Vm *vm, Value *args, int argc, Value *out) {
    bool grow = !strcmp(vm_current_native(vm)->name, "grow");
    if (argc < 2 || !IS_LIST(args[0]))
        return step_joined(vm, b_shrink, args, argc, NUM_VAL(grow), out);
    /* [amount, times] is one value, as Strudel's arrays are */
    Value a[2] = {OBJ_VAL(pat_pure(vm_heap(vm), args[0])), args[1]};
    vm_push_root(vm, a[0]);
    bool ok = step_joined(vm, b_shrink, a, 2, NUM_VAL(grow), out);
    vm_pop_root(vm);
    return ok;
}

/* shrinklist(amount, pat): the list of those patterns */
static bool nat_shrinklist(Vm *vm, Value *args, int argc, Value *out) {
    (void)argc;
    Heap *h = vm_heap(vm);
    ObjPattern *pat = reify(vm, args[1]);
    KEEP(vm, pat);
    ObjPattern *list[MAX_PATS * 4];
    int n = shrink_list(h, pat, args[0], list, MAX_PATS * 4);
    Value items[MAX_PATS * 4];
    for (int i = 0; i < n; i++) {
        items[i] = OBJ_VAL(list[i]);
        vm_push_root(vm, items[i]);
    }
    *out = OBJ_VAL(list_new(h, items, (uint32_t)n));
    for (int i = 0; i <= n; i++) vm_pop_root(vm);
    return true;
}

/* tour(pat, a, b, ...): pat taken on a tour through the others: a b pat, a pat b,
 * pat a b, then pat, a, b, one after another by their steps */
static bool nat_tour(Vm *vm, Value *args, int argc, Value *out) {
    Heap *h = vm_heap(vm);
    if (argc > MAX_PATS || argc < 1) return vm_error(vm, "tour: 1 to %d patterns", MAX_PATS);
    ObjPattern *ps[MAX_PATS] = {NULL};
    reify_all(vm, args, argc, ps);
    ObjPattern *pat = ps[0], **many = ps + 1, *seq[MAX_PATS * 4];
    int m = argc - 1, n = 0;
    for (int i = 0; i < m && n + m + 1 <= MAX_PATS * 4; i++) {
        for (int k = 0; k < m - i; k++) seq[n++] = many[k];
        seq[n++] = pat;
        for (int k = m - i; k < m; k++) seq[n++] = many[k];
    }
    if (n + m + 1 <= MAX_PATS * 4) {
        seq[n++] = pat;
        for (int k = 0; k < m; k++) seq[n++] = many[k];
    }
    *out = OBJ_VAL(stepcat_of(h, seq, n));
    for (int i = 0; i < argc; i++) vm_pop_root(vm);
    return true;
}

/* stepalt(a, [b, c], ...): a step-wise alternation: each cycle of the groups' lcm
 * takes the next of each list, all of them one after another by their steps */
static bool nat_stepalt(Vm *vm, Value *args, int argc, Value *out) {
    Heap *h = vm_heap(vm);
    if (argc > MAX_PATS) return vm_error(vm, "stepalt: at most %d groups", MAX_PATS);
    int lens[MAX_PATS], cycles = 1, pushed = 0;
    ObjPattern *g[MAX_PATS][16];
    for (int i = 0; i < argc; i++) {
        if (IS_LIST(args[i])) {
            ObjList *l = AS_LIST(args[i]);
            lens[i] = l->len < 16 ? (int)l->len : 16;
            for (int k = 0; k < lens[i]; k++) {
                g[i][k] = reify(vm, l->items[k]);
                KEEP(vm, g[i][k]);
                pushed++;
            }
        } else {
            lens[i] = 1;
            g[i][0] = reify(vm, args[i]);
            KEEP(vm, g[i][0]);
            pushed++;
        }
        int a = cycles, b = lens[i] ? lens[i] : 1; /* lcm */
        while (b) {
            int t = a % b;
            a = b, b = t;
        }
        cycles = cycles / a * (lens[i] ? lens[i] : 1);
        if (cycles > 64) cycles = 64;
    }
    ObjPattern *seq[MAX_PATS * 4];
    int n = 0;
    for (int c = 0; c < cycles; c++)
        for (int i = 0; i < argc && n < MAX_PATS * 4; i++)
            if (lens[i]) seq[n++] = g[i][c % lens[i]];
    *out = OBJ_VAL(stepcat_of(h, seq, n));
    for (int i = 0; i < pushed; i++) vm_pop_root(vm);
    return true;
}

#define V NF_VARIADIC
static const NativeDef NATIVES[] = {
    {"shrink", 2, nat_shrink, 0, "shrink(amount, pat)",
     "pat, then pat without its first amount steps, without 2 amount, ... one after another "
     "(without its last ones when amount is negative; [amount, times] says how many).",
     "note(\"c d e f\".shrink(1)).s(\"pluck\").pace(8)", NULL},
    {"s_taper", 2, nat_shrink, 0, "s_taper(amount, pat)", "Another name for shrink.",
     "note(\"c d e f\".s_taper(-1)).s(\"pluck\").pace(8)", NULL},
    {"grow", 2, nat_shrink, 0, "grow(amount, pat)",
     "shrink backwards: the first amount steps, then 2 amount, ... up to the whole pattern.",
     "note(\"c d e f\".grow(1)).s(\"pluck\").pace(8)", NULL},
    {"shrinklist", 2, nat_shrinklist, 0, "shrinklist(amount, pat)",
     "The list of patterns shrink plays one after another.",
     "note(\"c d e\".shrinklist(1)[1]).s(\"pluck\")", NULL},
    {"s_taperlist", 2, nat_shrinklist, 0, "s_taperlist(amount, pat)",
     "Another name for shrinklist.", "note(\"c d e\".s_taperlist(-1)[2]).s(\"pluck\")", NULL},
    {"tour", 1, nat_tour, V | NF_SUBJECT_FIRST, "tour(pat, ...others)",
     "pat taken on a tour through the others (a b pat, a pat b, pat a b, ...), one after "
     "another by their steps.",
     "note(\"c e\".tour(\"g a\", \"b\")).s(\"pluck\").pace(8)", NULL},
    {"s_tour", 1, nat_tour, V | NF_SUBJECT_FIRST, "s_tour(pat, ...others)",
     "Another name for tour.", "note(\"c e\".s_tour(\"g\")).s(\"pluck\").pace(8)", NULL},
    {"stepalt", 0, nat_stepalt, V, "stepalt(group, ...)",
     "Step-wise alternation: a list takes its next pattern each time round, the rest play "
     "each time, all one after another by their steps.",
     "note(stepalt(\"c d\", [\"e\", \"f g\"])).s(\"pluck\").pace(4)", NULL},
    {"s_alt", 0, nat_stepalt, V, "s_alt(group, ...)", "Another name for stepalt.",
     "note(s_alt(\"c\", [\"e\", \"g\"])).s(\"pluck\").pace(4)", NULL},
    {"pace", 2, nat_pace, 0, "pace(steps, pat)",
     "pat played at that many steps a cycle: \"a b c\".pace(4) is a step a quarter cycle, "
     "whatever the pattern's length (Strudel's steps).",
     "s(\"bd sd hh\").pace(\"<2 4>\")", NULL},
    {"steps", 2, nat_pace, 0, "steps(n, pat)", "Another name for pace.", "s(\"bd sd hh\").steps(4)",
     NULL},
    {"take", 2, nat_take, 0, "take(n, pat)",
     "The first n steps of pat (the last n when negative), as n steps.",
     "note(\"c d e f g\".take(\"<2 3 -2>\")).s(\"pluck\")", NULL},
    {"s_add", 2, nat_take, 0, "s_add(n, pat)", "Another name for take.",
     "note(\"c d e f\".s_add(3)).s(\"pluck\")", NULL},
    {"drop", 2, nat_drop, 0, "drop(n, pat)",
     "pat without its first n steps (its last n when negative).",
     "note(\"c d e f g\".drop(\"<1 2 -1>\")).s(\"pluck\")", NULL},
    {"s_sub", 2, nat_drop, 0, "s_sub(n, pat)", "Another name for drop.",
     "note(\"c d e f\".s_sub(1)).s(\"pluck\")", NULL},
    {"expand", 2, nat_expand, 0, "expand(factor, pat)",
     "pat counted as factor times its steps (it plays as before; pace and stepcat give it more "
     "room).",
     "stepcat(s(\"bd sd\").expand(2), s(\"hh hh hh\"))", NULL},
    {"s_expand", 2, nat_expand, 0, "s_expand(factor, pat)", "Another name for expand.",
     "stepcat(s(\"bd sd\").s_expand(2), s(\"hh\"))", NULL},
    {"contract", 2, nat_expand, 0, "contract(factor, pat)",
     "pat counted as its steps over factor (it plays as before).",
     "stepcat(s(\"bd sd hh cp\").contract(2), s(\"rim\"))", NULL},
    {"s_contract", 2, nat_expand, 0, "s_contract(factor, pat)", "Another name for contract.",
     "stepcat(s(\"bd sd hh cp\").s_contract(2), s(\"rim\"))", NULL},
    {"extend", 2, nat_extend, 0, "extend(factor, pat)",
     "pat factor times as fast, with factor times the steps: the same step length, repeated.",
     "stepcat(s(\"bd sd\").extend(2), s(\"hh hh\"))", NULL},
    {"s_extend", 2, nat_extend, 0, "s_extend(factor, pat)", "Another name for extend.",
     "stepcat(s(\"bd sd\").s_extend(2), s(\"hh\"))", NULL},
    {"replicate", 2, nat_replicate, 0, "replicate(factor, pat)",
     "Each cycle repeated factor times within a cycle, with factor times the steps (the "
     "mini-notation's !).",
     "stepcat(s(\"bd sd\").replicate(2), s(\"cp\"))", NULL},
    {"polymeter", 0, nat_polymeter, V, "polymeter(pat, ...)",
     "The patterns together, each at the same step length: the least common multiple of their "
     "steps a cycle (polymeter(\"a b\", \"c d e\") is six steps a cycle).",
     "polymeter(s(\"bd sd\"), s(\"hh hh oh\"))", NULL},
    {"pm", 0, nat_polymeter, V, "pm(pat, ...)", "Another name for polymeter.",
     "pm(s(\"bd sd\"), s(\"hh hh oh\"))", NULL},
    {"s_polymeter", 0, nat_polymeter, V, "s_polymeter(pat, ...)", "Another name for polymeter.",
     "s_polymeter(s(\"bd sd\"), s(\"hh hh oh\"))", NULL},
    {"zip", 0, nat_zip, V, "zip(pat, ...)",
     "A step of each pattern in turn: their first steps, then their second steps, ...",
     "note(zip(\"c d e\", \"g a\")).s(\"pluck\")", NULL},
    {"s_zip", 0, nat_zip, V, "s_zip(pat, ...)", "Another name for zip.",
     "note(s_zip(\"c d\", \"g a b\")).s(\"pluck\")", NULL},
    {"gap", 1, nat_gap, 0, "gap(steps)", "Silence of that many steps (for stepcat).",
     "stepcat(s(\"bd sd\"), gap(2), s(\"cp\"))", NULL},
    {"stackLeft", 0, nat_stack_aligned, V, "stackLeft(pat, ...)",
     "The patterns together at one step length, the shorter ones padded with silence after "
     "them.",
     "stackLeft(s(\"bd sd bd\"), s(\"hh hh\"))", NULL},
    {"stackRight", 0, nat_stack_aligned, V, "stackRight(pat, ...)",
     "As stackLeft, the silence before the shorter ones.",
     "stackRight(s(\"bd sd bd\"), s(\"hh hh\"))", NULL},
    {"stackCentre", 0, nat_stack_aligned, V, "stackCentre(pat, ...)",
     "As stackLeft, the shorter ones in the middle.",
     "stackCentre(s(\"bd sd bd sd\"), s(\"hh hh\"))", NULL},
    {"stackBy", 1, nat_stackBy, V, "stackBy(by, pat, ...)",
     "The patterns together, lined up by by, cycle by cycle: left, right, centre, expand (each "
     "its own length) or repeat (each paced to the longest).",
     "stackBy(\"<left right centre>\", s(\"bd sd bd sd\"), s(\"hh hh\"))", NULL},
};

const NativeDef *stdlib_steps_natives(int *count) {
    *count = (int)(sizeof NATIVES / sizeof NATIVES[0]);
    return NATIVES;
}
