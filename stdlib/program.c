/*
 * program.c - what Strudel's REPL gives a whole program: labelled blocks
 * (`name: pat` compiles to the hidden "label:", `pat.p('name')`, `pat.d1`),
 * hush(), all(f) and each(f); and the calls of strudel.cc's browser (visuals,
 * loaders of browser sound engines, sliders), accepted and ignored with one
 * note each, so that a tune pasted from strudel.cc runs unchanged.
 */
#include "lib.h"
#include "stdlib.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

static Value silence(Vm *vm) {
    return OBJ_VAL(pat_silence(vm_heap(vm)));
}

/* label:(name, pat), the compiled form of `name: pat` */
static bool nat_label(Vm *vm, Value *args, int argc, Value *out) {
    (void)argc;
    return vm_label(vm, AS_STRING(args[0])->chars, args[1], out);
}

/* p(id, pat): id a name or a number */
static bool nat_p(Vm *vm, Value *args, int argc, Value *out) {
    (void)argc;
    char id[64];
    if (IS_NUM(args[0]))
        snprintf(id, sizeof id, "%.17g", args[0].as.num);
    else if (!stdlib_word(vm, args[0], id, sizeof id)) {
        vm_error(vm, "p takes the block's name, got %s", val_type_name(args[0]));
        vm_hint(vm, "write s(\"bd sd\").p('drums') (or drums: s(\"bd sd\"))");
        return false;
    }
    return vm_label(vm, id, args[1], out);
}

/* d1 .. d9, p1 .. p9: pat.d1 is pat.p(1) */
static bool nat_dn(Vm *vm, Value *args, int argc, Value *out) {
    (void)argc;
    const char *name = vm_current_native(vm)->name;
    char id[2] = {name[1], 0};
    return vm_label(vm, id, args[0], out);
}

/* q(id, pat), q1 .. q9: the block is silent */
static bool nat_q(Vm *vm, Value *args, int argc, Value *out) {
    (void)args, (void)argc;
    *out = silence(vm);
    return true;
}

/* hush(): nothing recorded so far plays; pat.hush(): pat is silent */
static bool nat_hush(Vm *vm, Value *args, int argc, Value *out) {
    (void)args;
    if (argc == 0) vm_labels_hush(vm);
    *out = silence(vm);
    return true;
}

static bool is_function(Value v) {
    return IS_CLOSURE(v) || IS_NATIVE(v) || IS_PARTIAL(v);
}

static bool nat_all(Vm *vm, Value *args, int argc, Value *out) {
    (void)argc;
    const char *name = vm_current_native(vm)->name;
    if (!is_function(args[0])) {
        vm_error(vm, "%s takes a function, got %s", name, val_type_name(args[0]));
        vm_hint(vm, "write %s(x => x.room(0.3)) or %s(fast(2))", name, name);
        return false;
    }
    if (!strcmp(name, "all"))
        vm_labels_all(vm, args[0]);
    else
        vm_labels_each(vm, args[0]);
    *out = silence(vm);
    return true;
}

/* A visual of strudel.cc (pianoroll, scope, color, ...): the pattern (the
 * last argument) unchanged; .animate() is silence, as there. */
static bool nat_visual(Vm *vm, Value *args, int argc, Value *out) {
    const char *name = vm_current_native(vm)->name;
    vm_warn(vm, NULL, "note: %s is a visual of Strudel's browser editor; tala ignores it", name);
    *out = argc > 0 && IS_PATTERN(args[argc - 1]) && strcmp(name, "animate") ? args[argc - 1]
                                                                             : silence(vm);
    return true;
}

/* A loader or setting of strudel.cc's browser sound engines and editor
 * (loadCsound, registerSoundfonts, theme, ...): nothing to do here. */
static bool nat_browser(Vm *vm, Value *args, int argc, Value *out) {
    (void)args, (void)argc;
    vm_warn(vm, NULL, "note: %s belongs to Strudel's browser; tala ignores it",
            vm_current_native(vm)->name);
    *out = NIL_VAL;
    return true;
}

/* slider(value, min, max, step), sliderWithID(id, value, ...): the value */
static bool nat_slider(Vm *vm, Value *args, int argc, Value *out) {
    int i = strcmp(vm_current_native(vm)->name, "sliderWithID") == 0 ? 1 : 0;
    if (argc <= i) return vm_error(vm, "%s needs a value", vm_current_native(vm)->name);
    *out = args[i];
    return true;
}

/* strudel.cc's .piano() (its prebake): s("piano"), clip 1 unless set, release
 * 0.1, and panned by pitch: C8 and above right of centre by a quarter. */
static bool piano_map(Query *q, Value v, Value param, Value *out) {
    (void)param;
    if (!IS_RECORD(v)) return lib_fail(q, "write note(\"c3 e3\").piano()", "piano needs notes");
    ObjRecord *r = AS_RECORD(v);
    Value freq = NIL_VAL, note = NIL_VAL, clip = NIL_VAL, pan = NIL_VAL;
    RecField fs[134];
    uint32_t n = 0;
    for (uint32_t i = 0; i < r->len && n < 128; i++) {
        const char *k = r->fields[i].key->chars;
        if (!strcmp(k, "freq")) freq = r->fields[i].val;
        if (!strcmp(k, "note")) note = r->fields[i].val;
        if (!strcmp(k, "clip")) clip = r->fields[i].val;
        if (!strcmp(k, "pan")) pan = r->fields[i].val;
        fs[n++] = r->fields[i];
    }
    double midi;
    if (IS_NUM(freq))
        midi = 12 * log(freq.as.num / 440) / M_LN2 + 69;
    else if (!js_numeral(note, &midi))
        return lib_fail(q, "write note(\"c3 e3\").piano()", "piano needs a note or freq");
    double p = fmin(floor(midi + 0.5) / 108, 1) * 0.5 + 0.25; /* C8 is 108 */
    double had = IS_NUM(pan) && pan.as.num != 0 ? pan.as.num : 1;
    Heap *h = q->heap;
    fs[n++] = (RecField){str_c(h, "s"), OBJ_VAL(str_c(h, "piano"))};
    fs[n++] = (RecField){str_c(h, "release"), NUM_VAL(0.1)};
    if (IS_NIL(clip)) fs[n++] = (RecField){str_c(h, "clip"), NUM_VAL(1)};
    fs[n++] = (RecField){str_c(h, "pan"), NUM_VAL(had * p)};
    *out = OBJ_VAL(rec_new(h, fs, n));
    return true;
}

static bool nat_piano(Vm *vm, Value *args, int argc, Value *out) {
    (void)argc;
    return map_values(vm, args[0], piano_map, NIL_VAL, out);
}

#define V  NF_VARIADIC
#define SF NF_SUBJECT_FIRST
#define VISUAL(n)                                                                                  \
    {                                                                                              \
        n, 0, nat_visual, V, n "(...)",                                                            \
            "A visual of strudel.cc: accepted and ignored (the pattern plays unchanged).",         \
            "s(\"bd sd\")." n "()", NULL                                                           \
    }
#define BROWSER(n)                                                                                 \
    {                                                                                              \
        n, 0, nat_browser, V, n "(...)", "Part of strudel.cc's browser: accepted and ignored.",    \
            n "()", NULL                                                                           \
    }
#define DN(n)                                                                                      \
    {                                                                                              \
        n, 1, nat_dn, 0, "pat." n, "A labelled block named by its digit: pat.d1 is pat.p(1).",     \
            "s(\"bd sd\")." n, NULL                                                                \
    }
#define QN(n)                                                                                      \
    { n, 1, nat_q, V, "pat." n, "A muted block: silence.", "s(\"bd sd\")." n, NULL }

/* x[i] (JavaScript's): item i of a list (from 0; nil past either end), the
 * field of a record, the character of a string */
static bool nat_index(Vm *vm, Value *args, int argc, Value *out) {
    (void)argc;
    Value x = args[0], i = args[1];
    *out = NIL_VAL;
    if (IS_RECORD(x) && IS_STRING(i)) {
        rec_get(AS_RECORD(x), AS_STRING(i)->chars, out);
        return true;
    }
    if (IS_RECORD(x)) {
        vm_error(vm, "a record's field is read with its name in single quotes, got %s",
                 val_type_name(i));
        vm_hint(vm, "write x['name'] (double quotes make a pattern)");
        return false;
    }
    double d = IS_NUM(i) ? i.as.num : -1;
    if (d != floor(d) || d < 0) {
        if (IS_LIST(x) || IS_STRING(x)) return true; /* as JavaScript's: undefined */
        vm_error(vm, "cannot index %s", val_type_name(x));
        vm_hint(vm, "x[i] reads item i of a list (from 0) or field i of a record");
        return false;
    }
    if (IS_LIST(x)) {
        if (d < AS_LIST(x)->len) *out = AS_LIST(x)->items[(uint32_t)d];
    } else if (IS_STRING(x)) {
        if (d < AS_STRING(x)->len)
            *out = OBJ_VAL(str_intern(vm_heap(vm), AS_STRING(x)->chars + (size_t)d, 1));
    } else {
        vm_error(vm, "cannot index %s", val_type_name(x));
        vm_hint(vm, "x[i] reads item i of a list (from 0) or field i of a record");
        return false;
    }
    return true;
}

static const NativeDef HIDDEN[] = {
    {"label:", 2, nat_label, 0, "label:(name, pat)", "The compiled form of `name: pat`.", "", NULL},
    {"index:", 2, nat_index, 0, "index:(x, i)", "The compiled form of `x[i]`.", "", NULL},
};

static const NativeDef NATIVES[] = {
    {"p", 2, nat_p, 0, "p(name, pat)",
     "A labelled block, as `name: pat` (Strudel): the program plays its blocks, each a track.",
     "s(\"bd sd\").p('drums')", NULL},
    {"q", 2, nat_q, 0, "q(name, pat)", "A muted block: silence.", "s(\"bd sd\").q('drums')", NULL},
    DN("d1"),
    DN("d2"),
    DN("d3"),
    DN("d4"),
    DN("d5"),
    DN("d6"),
    DN("d7"),
    DN("d8"),
    DN("d9"),
    DN("p1"),
    DN("p2"),
    DN("p3"),
    DN("p4"),
    DN("p5"),
    DN("p6"),
    DN("p7"),
    DN("p8"),
    DN("p9"),
    QN("q1"),
    QN("q2"),
    QN("q3"),
    QN("q4"),
    QN("q5"),
    QN("q6"),
    QN("q7"),
    QN("q8"),
    QN("q9"),
    {"piano", 1, nat_piano, 0, "piano(pat)",
     "strudel.cc's piano: s(\"piano\") with clip 1 (unless set), release 0.1, panned by pitch.",
     "note(\"c3 e3 g3 c5\").piano()", NULL},
    {"hush", 0, nat_hush, V, "hush() | pat.hush()",
     "hush(): the blocks recorded before it do not play. pat.hush(): pat is silent.",
     "s(\"bd sd\").hush()", NULL},
    {"all", 1, nat_all, 0, "all(f)",
     "Applies f to everything the program plays (each of its blocks, or its value).",
     "all(x => x.room(0.2))", NULL},
    {"each", 1, nat_all, 0, "each(f)", "Applies f to each block the program plays.",
     "each(fast(2))", NULL},
    {"slider", 1, nat_slider, V, "slider(value, min, max, step)",
     "strudel.cc's slider widget: its value.", "s(\"bd*4\").gain(slider(0.8, 0, 1))", NULL},
    {"sliderWithID", 2, nat_slider, V, "sliderWithID(id, value, ...)",
     "strudel.cc's slider widget: its value.", "s(\"bd*4\").gain(sliderWithID('s1', 0.8, 0, 1))",
     NULL},
    VISUAL("pianoroll"),
    VISUAL("_pianoroll"),
    VISUAL("punchcard"),
    VISUAL("_punchcard"),
    VISUAL("wordfall"),
    VISUAL("spiral"),
    VISUAL("_spiral"),
    VISUAL("pitchwheel"),
    VISUAL("_pitchwheel"),
    VISUAL("scope"),
    VISUAL("_scope"),
    VISUAL("tscope"),
    VISUAL("fscope"),
    VISUAL("spectrum"),
    VISUAL("_spectrum"),
    VISUAL("draw"),
    VISUAL("onPaint"),
    VISUAL("color"),
    VISUAL("colour"),
    VISUAL("analyze"),
    VISUAL("animate"),
    VISUAL("markcss"),
    VISUAL("csound"),
    VISUAL("csoundm"),
    VISUAL("osc"),
    VISUAL("serial"),
    VISUAL("dough"),
    VISUAL("supradough"),
    BROWSER("aliasBank"),
    BROWSER("registerSynthSounds"),
    BROWSER("registerZZFXSounds"),
    BROWSER("registerSoundfonts"),
    BROWSER("loadCsound"),
    BROWSER("loadcsound"),
    BROWSER("loadCSound"),
    BROWSER("loadOrc"),
    BROWSER("initHydra"),
    BROWSER("theme"),
    BROWSER("fontFamily"),
    BROWSER("fontSize"),
};

const NativeDef *stdlib_program_natives(int *count) {
    *count = (int)(sizeof NATIVES / sizeof NATIVES[0]);
    return NATIVES;
}

const NativeDef *stdlib_program_hidden(int *count) {
    *count = (int)(sizeof HIDDEN / sizeof HIDDEN[0]);
    return HIDDEN;
}
