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

/* A list value (bd:3) fills s, n and gain in order for the sound control,
 * as Strudel's registerControl(['s', 'n', 'gain']) does. */
static const char *const SOUND_KEYS[] = {"s", "n", "gain"};

static bool control_map(Query *q, Value v, Value keyv, Value *out) {
    ObjString *key = AS_STRING(keyv);
    RecField fs[3];
    uint32_t n = 0;
    if (IS_RECORD(v)) {
        *out = v; /* already controls */
        return true;
    }
    if (IS_LIST(v) && strcmp(key->chars, "s") == 0) {
        ObjList *l = AS_LIST(v);
        for (uint32_t i = 0; i < l->len && i < 3; i++) {
            fs[n].key = str_c(q->heap, SOUND_KEYS[i]);
            heap_push(q->heap, OBJ_VAL(fs[n].key));
            fs[n].val = l->items[i];
            n++;
        }
        *out = OBJ_VAL(rec_new(q->heap, fs, n));
        heap_pop(q->heap, n);
        return true;
    }
    fs[0] = (RecField){key, v};
    *out = OBJ_VAL(rec_new(q->heap, fs, 1));
    return true;
}

static bool control(Vm *vm, const char *key, Value *args, int argc, Value *out) {
    Heap *h = vm_heap(vm);
    ObjPattern *p = reify(vm, args[0]);
    KEEP(vm, p);
    ObjString *k = str_c(h, key);
    vm_push_root(vm, OBJ_VAL(k));
    ObjPattern *c = pat_map(h, p, control_map, OBJ_VAL(k));
    KEEP(vm, c);
    if (argc == 2) {
        ObjPattern *subj = reify(vm, args[1]);
        KEEP(vm, subj);
        c = pat_app(h, APP_LEFT, subj, c, combine_union, NIL_VAL);
        vm_pop_root(vm);
    }
    for (int i = 0; i < 3; i++) vm_pop_root(vm);
    *out = OBJ_VAL(c);
    return true;
}

#define CONTROL(fname, key, ...)                                                                   \
    bool nat_##fname(Vm *vm, Value *args, int argc, Value *out) {                                  \
        return control(vm, key, args, argc, out);                                                  \
    }

CONTROL(s, "s", "s", "n", "gain")
CONTROL(sound, "s", "s", "n", "gain")
CONTROL(n, "n", NULL)
CONTROL(note, "note", NULL)
CONTROL(freq, "freq", NULL)
CONTROL(gain, "gain", NULL)
CONTROL(velocity, "velocity", NULL)
CONTROL(pan, "pan", NULL)
CONTROL(speed, "speed", NULL)
CONTROL(begin, "begin", NULL)
CONTROL(end, "end", NULL)
CONTROL(cut, "cut", NULL)
CONTROL(legato, "legato", NULL)
CONTROL(sustain, "sustain", NULL)
CONTROL(attack, "attack", NULL)
CONTROL(decay, "decay", NULL)
CONTROL(release, "release", NULL)
CONTROL(cutoff, "cutoff", NULL)
CONTROL(lpf, "cutoff", NULL)
CONTROL(resonance, "resonance", NULL)
CONTROL(lpq, "resonance", NULL)
CONTROL(hpf, "hcutoff", NULL)
CONTROL(hpq, "hresonance", NULL)
CONTROL(bandf, "bandf", NULL)
CONTROL(bpf, "bandf", NULL)
CONTROL(room, "room", NULL)
CONTROL(size, "size", NULL)
CONTROL(delay, "delay", NULL)
CONTROL(delaytime, "delaytime", NULL)
CONTROL(delayfeedback, "delayfeedback", NULL)
CONTROL(crush, "crush", NULL)
CONTROL(shape, "shape", NULL)
CONTROL(orbit, "orbit", NULL)
CONTROL(nudge, "nudge", NULL)
CONTROL(vowel, "vowel", NULL)
CONTROL(coarse, "coarse", NULL)
