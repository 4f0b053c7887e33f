/*
 * controls.c - control functions: patterns of records that say how an event
 * sounds (s, note, gain, pan, cutoff, ...).
 *
 * `gain("0.5 1")` is a pattern of {gain: x}; used as a method,
 * `x.gain("0.5 1")` merges those values into x's events with x's structure
 * (Strudel's set.in). Aliases map to the canonical key Strudel uses (lpf is
 * cutoff), so the same events come out.
 */
#include "lib.h"

#include <string.h>

/* A control's keys travel as a list of strings: the first is its record
 * key; more than one make it a multi-value control whose list value
 * (bd:3:0.5) fills the keys in order, as Strudel's createParam does. */
static bool control_map(Query *q, Value v, Value keys, Value *out) {
    ObjList *names = AS_LIST(keys);
    RecField fs[132];
    uint32_t n = 0;
    /* a record with an unnamed value: keep its fields, name the value */
    if (IS_RECORD(v)) {
        ObjRecord *r = AS_RECORD(v);
        Value inner = NIL_VAL;
        bool has = false;
        for (uint32_t i = 0; i < r->len && n < 128; i++) {
            if (strcmp(r->fields[i].key->chars, "value") == 0) {
                inner = r->fields[i].val;
                has = true;
            } else {
                fs[n++] = r->fields[i];
            }
        }
        if (has)
            v = inner;
        else
            n = 0; /* no unnamed value: the record becomes this control's value */
    }
    if (names->len > 1 && IS_LIST(v)) {
        ObjList *l = AS_LIST(v);
        for (uint32_t i = 0; i < l->len && i < names->len; i++)
            fs[n++] = (RecField){AS_STRING(names->items[i]), l->items[i]};
    } else {
        fs[n++] = (RecField){AS_STRING(names->items[0]), v};
    }
    *out = OBJ_VAL(rec_new(q->heap, fs, n));
    return true;
}

static bool control(Vm *vm, const char *const *keys, Value *args, int argc, Value *out) {
    Heap *h = vm_heap(vm);
    ObjPattern *p = reify(vm, args[0]);
    KEEP(vm, p);
    Value ks[4];
    uint32_t nk = 0;
    for (; nk < 4 && keys[nk]; nk++) {
        ks[nk] = OBJ_VAL(str_c(h, keys[nk]));
        vm_push_root(vm, ks[nk]);
    }
    ObjList *names = list_new(h, ks, nk);
    for (uint32_t i = 0; i < nk; i++) vm_pop_root(vm);
    vm_push_root(vm, OBJ_VAL(names));
    ObjPattern *cp = pat_map(h, p, control_map, OBJ_VAL(names));
    KEEP(vm, cp);
    if (argc == 2) {
        ObjPattern *subj = reify(vm, args[1]);
        KEEP(vm, subj);
        cp = pat_app(h, APP_LEFT, subj, cp, combine_union, NIL_VAL);
        vm_pop_root(vm);
    }
    for (int i = 0; i < 3; i++) vm_pop_root(vm);
    *out = OBJ_VAL(cp);
    return true;
}

/* CONTROL(function name, key, further keys of a multi-value control...) */
#define CONTROL(fname, ...)                                                                        \
    bool nat_##fname(Vm *vm, Value *args, int argc, Value *out) {                                  \
        static const char *const keys[] = {__VA_ARGS__, NULL};                                     \
        return control(vm, keys, args, argc, out);                                                 \
    }

CONTROL(s, "s", "n", "gain")
CONTROL(sound, "s", "n", "gain")
CONTROL(n, "n")
CONTROL(note, "note", "n")
CONTROL(freq, "freq")
CONTROL(gain, "gain")
CONTROL(velocity, "velocity")
CONTROL(pan, "pan")
CONTROL(speed, "speed")
CONTROL(begin, "begin")
CONTROL(end, "end")
CONTROL(cut, "cut")
CONTROL(loop, "loop")
CONTROL(legato, "clip")
CONTROL(clip, "clip")
CONTROL(sustain, "sustain")
CONTROL(attack, "attack")
CONTROL(decay, "decay")
CONTROL(release, "release")
CONTROL(cutoff, "cutoff", "resonance", "lpenv")
CONTROL(lpf, "cutoff", "resonance", "lpenv")
CONTROL(resonance, "resonance")
CONTROL(lpq, "resonance")
CONTROL(hpf, "hcutoff", "hresonance", "hpenv")
CONTROL(hcutoff, "hcutoff", "hresonance", "hpenv")
CONTROL(hpq, "hresonance")
CONTROL(bandf, "bandf", "bandq", "bpenv")
CONTROL(bpf, "bandf", "bandq", "bpenv")
CONTROL(room, "room")
CONTROL(size, "roomsize")
CONTROL(roomsize, "roomsize")
CONTROL(delay, "delay", "delaytime", "delayfeedback")
CONTROL(delaytime, "delaytime")
CONTROL(delayfeedback, "delayfeedback")
CONTROL(crush, "crush")
CONTROL(shape, "shape", "shapevol")
CONTROL(orbit, "orbit")
CONTROL(nudge, "nudge")
CONTROL(vowel, "vowel")
CONTROL(coarse, "coarse")
CONTROL(chord, "chord")
CONTROL(anchor, "anchor")
CONTROL(synth, "s")

/* samples("dir"): a folder of sample folders for the renderer to load
 * (relative to the program's folder). Returns nil. */
bool nat_samples(Vm *vm, Value *args, int argc, Value *out) {
    (void)argc;
    if (!IS_STRING(args[0])) {
        vm_error(vm, "samples needs a folder name in quotes, got %s", val_type_name(args[0]));
        vm_hint(vm, "write samples('drums') with the folder in single quotes");
        return false;
    }
    Value old, items[64];
    uint32_t n = 0;
    if (vm_get_global(vm, "samples:dirs", &old) && IS_LIST(old))
        for (uint32_t i = 0; i < AS_LIST(old)->len && n < 63; i++)
            items[n++] = AS_LIST(old)->items[i];
    items[n++] = args[0];
    vm_set_global(vm, "samples:dirs", OBJ_VAL(list_new(vm_heap(vm), items, n)));
    *out = NIL_VAL;
    return true;
}
