/*
 * controls.c - control functions: patterns of records that say how an event
 * sounds (s, note, gain, pan, cutoff, ...).
 *
 * `gain("0.4 0.8")` is a pattern of {gain: x}; used as a method,
 * `x.gain("0.4 0.8")` merges those values into x's events with x's structure
 * (Strudel's set.in). Aliases map to the canonical key Strudel uses (lpf is
 * cutoff), so the same events come out. The functions are made from the
 * control table (spec/controls.h): one per name and alias, all sharing one
 * C function that finds its row from the native being called.
 */
#include "lib.h"

#include "stdlib.h"

#include "../spec/controls.h"

#include <ctype.h>
#include <math.h>
#include <pthread.h>
#include <stdlib.h>
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

/* A control's value: a list given to a control of several keys (lpf([300, 5]))
 * is one value filling them, as Strudel's reify makes an array a pure value,
 * and so is the list zzfx takes; tala's lists are sequences elsewhere. */
static ObjPattern *control_value(Vm *vm, Value v, bool several) {
    return several && IS_LIST(v) ? pat_pure(vm_heap(vm), v) : reify(vm, v);
}

static bool apply_control(Vm *vm, const char *const *keys, Value *args, int argc, Value *out) {
    Heap *h = vm_heap(vm);
    ObjPattern *p = control_value(vm, args[0], keys[1] != NULL || !strcmp(keys[0], "zzfx"));
    KEEP(vm, p);
    Value ks[CTL_MAX_KEYS];
    uint32_t nk = 0;
    for (; nk < CTL_MAX_KEYS && keys[nk]; nk++) {
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

/* ---- Strudel's envelope shorthands and control() ---- */

/* adsr("a:d:s:r"), ad("a:d"), ds("d:s"), ar("a:r"), control("ccn:ccv"): a value
 * (or a list of them) sets these keys in order; a second value not given is
 * the first (ad, ar) or 0 (ds's sustain), as Strudel's. */
static const struct {
    const char *name, *keys[4];
    int second; /* the second value when not given: 1 the first, 0 zero, -1 none */
    const char *doc, *example;
    bool algo; /* a distortion: the values, then the function's name as distorttype */
} SHORTHAND[] = {
    {"adsr",
     {"attack", "decay", "sustain", "release"},
     -1,
     "attack, decay, sustain and release at once: adsr(\".1:.1:.5:.2\")",
     "note(\"[c3 bb2 f3 eb3]*2\").s(\"sawtooth\").lpf(600).adsr(\".1:.1:.5:.2\")",
     false},
    {"ad",
     {"attack", "decay", NULL, NULL},
     1,
     "attack and decay at once (one value: both)",
     "s(\"hh*8\").ad(\"<.01 .05>:.1\")",
     false},
    {"ds",
     {"decay", "sustain", NULL, NULL},
     0,
     "decay and sustain at once (sustain 0 unless given)",
     "note(\"c3 e3 g3\").s(\"sawtooth\").ds(\".2:.3\")",
     false},
    {"ar",
     {"attack", "release", NULL, NULL},
     1,
     "attack and release at once (one value: both)",
     "note(\"c3 e3 g3\").s(\"sawtooth\").ar(\".05:.4\")",
     false},
    {"control",
     {"ccn", "ccv", NULL, NULL},
     -1,
     "a MIDI control change: control(\"74:0.5\") is ccn(74).ccv(0.5)",
     "note(\"c3 e3\").control(\"74:<0.2 0.8>\").midi()",
     false},
#define DISTORTION(name, what)                                                                     \
    {name,                                                                                         \
     {"distort", "distortvol", "distorttype", NULL},                                               \
     -1,                                                                                           \
     "the distortion " what ": " name "(\"3:0.5\") is distort(\"3:0.5:" name "\")",                \
     "s(\"bd*2 sn\")." name "(\"<1 3>\")",                                                         \
     true},
    DISTORTION("soft", "of a tanh") DISTORTION("hard", "of a hard clip")
        DISTORTION("cubic", "of a cubic curve") DISTORTION("diode", "of a diode pair")
            DISTORTION("asym", "of one diode") DISTORTION("fold", "that folds the wave back")
                DISTORTION("sinefold", "that folds it through a sine")
                    DISTORTION("chebyshev", "of Chebyshev polynomials' even harmonics")
#undef DISTORTION
};

static bool shorthand_map(Query *q, Value v, Value which, Value *out) {
    int w = (int)which.as.num;
    const Value *x = IS_LIST(v) ? AS_LIST(v)->items : &v;
    uint32_t nx = IS_LIST(v) ? AS_LIST(v)->len : 1, n = 0;
    Value algo[3];
    if (SHORTHAND[w].algo) { /* [v, 1, name], or the list and the name, as Strudel's */
        Value name = OBJ_VAL(str_c(q->heap, SHORTHAND[w].name));
        bool list = IS_LIST(v);
        if (nx > 3) nx = 3;
        for (uint32_t i = 0; i < nx; i++) algo[i] = x[i];
        if (!list) algo[nx++] = NUM_VAL(1);
        if (nx < 3) algo[nx++] = name;
        x = algo;
        heap_push(q->heap, name);
    }
    RecField fs[4];
    for (uint32_t i = 0; i < 4 && SHORTHAND[w].keys[i]; i++) {
        Value val = i < nx ? x[i] : NIL_VAL;
        if (i == 1 && i >= nx && SHORTHAND[w].second >= 0)
            val = SHORTHAND[w].second ? x[0] : NUM_VAL(0);
        if (IS_NIL(val)) continue; /* (Strudel's undefined: not set) */
        fs[n++] = (RecField){str_c(q->heap, SHORTHAND[w].keys[i]), val};
        heap_push(q->heap, OBJ_VAL(fs[n - 1].key));
    }
    *out = OBJ_VAL(rec_new(q->heap, fs, n));
    heap_pop(q->heap, n + SHORTHAND[w].algo);
    return true;
}

static bool nat_shorthand(Vm *vm, Value *args, int argc, Value *out) {
    const char *name = vm_current_native(vm)->name;
    int w = 0;
    while (strcmp(SHORTHAND[w].name, name)) w++;
    if (argc > 2) return vm_error(vm, "%s takes 1 argument, got %d", name, argc - 1);
    Heap *h = vm_heap(vm);
    ObjPattern *p = control_value(vm, args[0], true);
    KEEP(vm, p);
    ObjPattern *cp = pat_map(h, p, shorthand_map, NUM_VAL(w));
    KEEP(vm, cp);
    if (argc == 2) {
        ObjPattern *subj = reify(vm, args[1]);
        KEEP(vm, subj);
        cp = pat_app(h, APP_LEFT, subj, cp, combine_union, NIL_VAL);
        vm_pop_root(vm);
    }
    vm_pop_root(vm), vm_pop_root(vm);
    *out = OBJ_VAL(cp);
    return true;
}

/* ---- the control functions, one per name and alias of spec/controls.h ---- */

/* the rows' names and aliases, the numbered families and the FM matrix */
#define MAX_CONTROL_NATIVES 640
static NativeDef NATIVES[MAX_CONTROL_NATIVES];
static const ControlDef *ROW[MAX_CONTROL_NATIVES]; /* the row of NATIVES[i] */
static char SIG[MAX_CONTROL_NATIVES][48], DOC[MAX_CONTROL_NATIVES][320],
    EXAMPLE[MAX_CONTROL_NATIVES][112], NAME[MAX_CONTROL_NATIVES][32],
    KEYBUF[MAX_CONTROL_NATIVES][CTL_MAX_KEYS][24];
static const char *KEYS[MAX_CONTROL_NATIVES][CTL_MAX_KEYS + 1]; /* the record keys it sets */
static int NNATIVES;

/* x.gain(v) and gain(v): the row is found from the native being called. */
static bool nat_control(Vm *vm, Value *args, int argc, Value *out) {
    /* the library copies NativeDefs into its table, but each keeps its name,
     * which is NAME[i] */
    const char *name = vm_current_native(vm)->name;
    ptrdiff_t i = (name - NAME[0]) / (ptrdiff_t)sizeof NAME[0];
    if (i < 0 || i >= NNATIVES || name != NAME[i]) abort(); /* not one of ours */
    /* note(a, b, c): Strudel's control takes (value, pat) and ignores the rest; b must
     * be a pattern there too */
    if (argc > 2 && !IS_PATTERN(args[1])) {
        vm_error(vm, "%s takes 1 argument, got %d", name, argc);
        vm_hint(vm,
                "%s takes one value: %s(1.5) (a decimal is written with a dot), or a pattern "
                "of them: %s(\"1 0.5\")",
                name, name, name);
        return false;
    }
    return apply_control(vm, KEYS[i], args, argc > 2 ? 2 : argc, out);
}

/* A function of row c: its name (len bytes of name), the keys it sets with
 * suffix appended to each ("" for the row's own), its doc and example (NULL:
 * the row's, as an alias of the row when the name is not the row's). */
static void add_native(const ControlDef *c, const char *name, size_t len, const char *suffix,
                       const char *doc, const char *example) {
    if (NNATIVES == MAX_CONTROL_NATIVES || len >= sizeof NAME[0]) abort(); /* grow the arrays */
    int i = NNATIVES++;
    memcpy(NAME[i], name, len);
    NAME[i][len] = 0;
    for (int k = 0; k < CTL_MAX_KEYS && c->keys[k]; k++) {
        snprintf(KEYBUF[i][k], sizeof KEYBUF[i][k], "%s%s", c->keys[k], suffix);
        KEYS[i][k] = KEYBUF[i][k];
    }
    bool alias = strcmp(NAME[i], c->name) != 0;
    snprintf(SIG[i], sizeof SIG[i], "%s(value)", NAME[i]);
    if (doc)
        snprintf(DOC[i], sizeof DOC[i], "Control: sets %s on every event.", doc);
    else
        snprintf(DOC[i], sizeof DOC[i], "Control: sets %s on every event.%s%s%s", c->doc,
                 alias ? " An alias of " : "", alias ? c->name : "", alias ? "." : "");
    /* an alias shows the row's example with its own name in place of the row's */
    const char *at = NULL;
    if (alias && !example) { /* its call, .name( (else the name's first appearance) */
        char call[64];
        snprintf(call, sizeof call, ".%s(", c->name);
        at = strstr(c->example, call);
        at = at ? at + 1 : strstr(c->example, c->name);
    }
    if (example)
        snprintf(EXAMPLE[i], sizeof EXAMPLE[i], "%s", example);
    else if (at)
        snprintf(EXAMPLE[i], sizeof EXAMPLE[i], "%.*s%s%s", (int)(at - c->example), c->example,
                 NAME[i], at + strlen(c->name));
    else
        snprintf(EXAMPLE[i], sizeof EXAMPLE[i], "%s", c->example);
    ROW[i] = c;
    NATIVES[i] = (NativeDef){NAME[i], 1,      nat_control, NF_CONTROL | NF_VARIADIC,
                             SIG[i],  DOC[i], EXAMPLE[i],  NULL};
}

/* Strudel's numbered families: name2 ... name8 (and their aliases) of a row */
static void add_family(ControlId id, const char *aliases) {
    const ControlDef *c = control(id);
    static const struct {
        ControlId id;
        const char *what, *value;
    } WHAT[] = {{CTL_FMH, "the frequency ratio", "1.5"},
                {CTL_FMATTACK, "the attack", "0.3"},
                {CTL_FMDECAY, "the decay", "0.2"},
                {CTL_FMSUSTAIN, "the sustain", "0.3"},
                {CTL_FMRELEASE, "the release", "0.5"},
                {CTL_FMENV, "the envelope's ramps", "\"<exp lin>\""},
                {CTL_FMWAVE, "the waveform", "\"<square sawtooth>\""}};
    const char *what = NULL, *value = NULL;
    for (size_t w = 0; w < sizeof WHAT / sizeof WHAT[0]; w++)
        if (WHAT[w].id == id) what = WHAT[w].what, value = WHAT[w].value;
    for (int n = 2; n <= CONTROL_FAMILY_MAX; n++) {
        char suffix[4], name[32], doc[200], example[112], route[16] = "";
        snprintf(suffix, sizeof suffix, "%d", n);
        if (id == CTL_FMI) {
            snprintf(doc, sizeof doc,
                     "fmi%d, how far FM operator %d swings operator %d's frequency (in its own "
                     "frequency, see fmi; fm%d(\"4:2\") also sets fmh%d)",
                     n, n, n - 1, n, n);
            if (n > 2) snprintf(route, sizeof route, ".fm%d0(1)", n - 1); /* n-1 heard */
            snprintf(example, sizeof example, "note(\"c3 e3\").s(\"sine\").fm(2)%s.fm%d(3)", route,
                     n);
        } else {
            snprintf(doc, sizeof doc, "%s%d, %s of FM operator %d (see %s)", c->keys[0], n, what, n,
                     c->name);
            bool decay = id == CTL_FMSUSTAIN || id == CTL_FMENV; /* heard with a decay */
            snprintf(example, sizeof example,
                     "note(\"c3 e3\").s(\"sine\").fm(2).fm%d0(1.5).%s%d(%s)%s%.0d%s", n, c->name, n,
                     value, decay ? ".fmdecay" : "", decay ? n : 0, decay ? "(0.2)" : "");
        }
        int len = snprintf(name, sizeof name, "%s%d", c->name, n);
        add_native(c, name, (size_t)len, suffix, doc, example);
        for (const char *a = aliases; *a;) {
            size_t k = strcspn(a, " ");
            len = snprintf(name, sizeof name, "%.*s%d", (int)k, a, n);
            add_native(c, name, (size_t)len, suffix, doc, example);
            a += k + (a[k] == ' ');
        }
    }
}

/* the FM matrix: fmiIJ and fmIJ set fmiIJ, how far operator I moves J */
static void add_fm_matrix(void) {
    static const ControlDef *row;
    static ControlDef cell[9][9];
    static char keys[9][9][8], docs[9][9][160];
    row = control(CTL_FMI);
    for (int i = 0; i <= 8; i++)
        for (int j = 0; j <= 8; j++) {
            ControlDef *c = &cell[i][j];
            *c = *row;
            snprintf(keys[i][j], sizeof keys[i][j], "fmi%d%d", i, j);
            c->keys[0] = keys[i][j], c->keys[1] = NULL;
            c->name = keys[i][j];
            if (i == 0 || i == j + 1) /* operator 0 is the note; I into I - 1 is fmI */
                snprintf(docs[i][j], sizeof docs[i][j],
                         "%s, a route superdough does not read (%s), so it changes nothing",
                         keys[i][j], i ? "operator I into I - 1 is fmI" : "operator 0 is the note");
            else
                snprintf(docs[i][j], sizeof docs[i][j],
                         "%s, how far FM operator %d swings %s%.0d's frequency, in its own "
                         "frequency (the FM matrix; see fmi)",
                         keys[i][j], i, j ? "operator " : "the note", j);
            char name[8], example[112], route[16] = "";
            if (j > 1) snprintf(route, sizeof route, ".fm%d0(1)", j); /* j heard */
            snprintf(example, sizeof example, "note(\"c3 e3\").s(\"sine\").fm(2)%s.fm%d%d(1.5)",
                     route, i, j);
            int len = snprintf(name, sizeof name, "fmi%d%d", i, j);
            add_native(c, name, (size_t)len, "", docs[i][j], example);
            len = snprintf(name, sizeof name, "fm%d%d", i, j);
            add_native(c, name, (size_t)len, "", docs[i][j], example);
        }
}

/* x.midi() and x.midi(port): x's events go to a MIDI port (tala's own
 * virtual port "tala" when none is named), as Strudel's .midi(). */
static bool nat_midi(Vm *vm, Value *args, int argc, Value *out) {
    static const char *const keys[] = {"midiport", NULL};
    if (argc > 2) {
        vm_error(vm, "midi takes a port and a pattern (x.midi() or x.midi('name')), got %d", argc);
        return false;
    }
    Value a[2];
    if (argc == 1) {
        a[0] = OBJ_VAL(str_c(vm_heap(vm), "tala"));
        a[1] = args[0];
    } else {
        a[0] = args[0], a[1] = args[1];
    }
    vm_push_root(vm, a[0]);
    bool ok = apply_control(vm, keys, a, 2, out);
    vm_pop_root(vm);
    return ok;
}

/* cc(n) and cc(n, channel): the latest value of MIDI controller n (on any
 * channel, or on that one), 0..1, as a continuous pattern: it is read when
 * the pattern is queried (the session sets it from --midi-in and logs each
 * change, so a replay reads the same values). */
static bool cc_value(Query *q, Value v, Value param, Value *out) {
    (void)v;
    *out = NUM_VAL(vm_input(q->vm, (int)param.as.num));
    return true;
}

static bool nat_cc(Vm *vm, Value *args, int argc, Value *out) {
    double n = 0, ch = 0;
    if (argc > 2 || !IS_NUM(args[0]) || (argc == 2 && !IS_NUM(args[1]))) {
        vm_error(vm, "cc takes a controller number and, if you like, a channel: cc(74), cc(74, 2)");
        return false;
    }
    n = args[0].as.num, ch = argc == 2 ? args[1].as.num : 0;
    if (!(n >= 0 && n <= 127 && n == floor(n)) || !(ch >= 0 && ch <= 16 && ch == floor(ch))) {
        vm_error(vm, "cc(%g%s%.0f): controllers are 0..127 and channels 1..16", n,
                 argc == 2 ? ", " : "", argc == 2 ? ch : 0);
        return false;
    }
    ObjPattern *base = pat_signal(vm_heap(vm), SIG_SAW);
    KEEP(vm, base);
    *out = OBJ_VAL(pat_map(vm_heap(vm), base, cc_value, NUM_VAL(ch * 128 + n)));
    vm_pop_root(vm);
    return true;
}

/* midiin() and midiin(channel): a continuous pattern (no onsets of its own)
 * that the session plays with the keys of a --midi-in keyboard; its
 * controls are the keys' sound. Its value is {midiin: channel}, 0 for any. */
static bool const_value(Query *q, Value v, Value param, Value *out) {
    (void)q, (void)v;
    *out = param;
    return true;
}

static bool nat_midiin(Vm *vm, Value *args, int argc, Value *out) {
    static const char *const keys[] = {"midiin", NULL};
    double ch = argc == 1 && IS_NUM(args[0]) ? args[0].as.num : 0;
    if (argc > 1 || (argc == 1 && !IS_NUM(args[0])) || !(ch >= 0 && ch <= 16 && ch == floor(ch))) {
        vm_error(vm, "midiin takes nothing or a channel 1..16: midiin(), midiin(2)");
        return false;
    }
    ObjPattern *base = pat_signal(vm_heap(vm), SIG_SAW);
    KEEP(vm, base);
    Value chan = OBJ_VAL(pat_map(vm_heap(vm), base, const_value, NUM_VAL(ch)));
    vm_push_root(vm, chan);
    bool ok = apply_control(vm, keys, &chan, 1, out);
    vm_pop_root(vm);
    vm_pop_root(vm);
    return ok;
}

static const NativeDef MIDIIN_NATIVE = {
    "midiin",
    0,
    nat_midiin,
    NF_VARIADIC,
    "midiin([channel])",
    "The keys of a --midi-in keyboard (on any channel, or on `channel`) as a track: each key "
    "plays its note through the controls chained after it (sound, envelope, filter, effects), "
    "from the moment it is pressed until it is let go, velocity as strength. The controls may be "
    "patterns: a key takes their value at its moment. Played keys are logged; a replay plays "
    "them on the same frames.",
    "midiin().s(\"sawtooth\").lpf(1200).attack(0.01).release(0.4)",
    NULL};

static const NativeDef CC_NATIVE = {
    "cc",
    1,
    nat_cc,
    NF_VARIADIC,
    "cc(number, [channel])",
    "The latest value of MIDI controller `number` from --midi-in (on any channel, or on "
    "`channel`), 0..1, as a continuous pattern: `.lpf(cc(74).range(200, 5000))`. 0 until the "
    "knob moves; a replay of the session log gets the same values at the same places.",
    "note(\"c2*8\").s(\"saw\").lpf(cc(74).range(300, 3000))",
    NULL};

static const NativeDef MIDI_NATIVE = {
    "midi",
    1,
    nat_midi,
    NF_VARIADIC,
    "midi([port], pat)",
    "Sends the pattern's events to a MIDI port: tala's own virtual port 'tala' when none is "
    "named, else a port's number or part of its name (tala midi lists them). Notes go with "
    "their velocity, channel (midichan) and length; ccn/ccv, progNum, midibend, miditouch and "
    "midicmd send their messages. An event that also names a sound (s) sounds as well.",
    "note(\"c4 e4 g4 b4\").velocity(0.8).midi()",
    NULL};

/* A control's record key by its name or an alias ("lpf" -> "cutoff"); other
 * names as they are (Strudel's getControlName). */
static const char *control_key(const char *name) {
    int n;
    stdlib_control_natives(&n);
    for (int i = 0; i < n; i++)
        if (ROW[i] && !strcmp(NAME[i], name)) return KEYS[i][0];
    return name;
}

/* as(mapping): each value (a list: a:b:c) as a record of those controls */
static bool as_map(Query *q, Value v, Value mapping, Value *out) {
    ObjList *names = AS_LIST(mapping);
    const Value *vals = IS_LIST(v) ? AS_LIST(v)->items : &v;
    uint32_t nv = IS_LIST(v) ? AS_LIST(v)->len : 1;
    RecField fs[64];
    uint32_t n = 0;
    for (uint32_t i = 0; i < names->len && i < nv && n < 64; i++)
        if (IS_STRING(names->items[i]))
            fs[n++] =
                (RecField){str_c(q->heap, control_key(AS_STRING(names->items[i])->chars)), vals[i]};
    /* (the keys are interned control names, kept alive by the library's globals) */
    *out = OBJ_VAL(rec_new(q->heap, fs, n));
    return true;
}

static bool build_as(Query *q, const Value *a, ObjPattern *sub, Value pm, ObjPattern **out) {
    (void)pm;
    Value m = a[0];
    if (!IS_LIST(m)) m = OBJ_VAL(list_new(q->heap, &m, 1));
    heap_push(q->heap, m);
    *out = pat_map(q->heap, sub, as_map, m);
    heap_pop(q->heap, 1);
    return true;
}

static bool nat_as(Vm *vm, Value *args, int argc, Value *out) {
    (void)argc;
    return patterned(vm, build_as, args, 2, NIL_VAL, BIND_INNER, out);
}

static const NativeDef AS_NATIVE = {
    "as",
    2,
    nat_as,
    0,
    "as(mapping, pat)",
    "Each value (a list a:b:c) as the controls named in mapping: \"c:.5 a:1\".as(\"note:clip\").",
    "\"c:.5 a:1 f:.25 e:.8\".as(\"note:clip\")",
    NULL};

static void make_natives(void) {
    NATIVES[NNATIVES] = AS_NATIVE;
    snprintf(NAME[NNATIVES], sizeof NAME[0], "as");
    NATIVES[NNATIVES].name = NAME[NNATIVES];
    ROW[NNATIVES++] = NULL;
    NATIVES[NNATIVES] = MIDI_NATIVE;
    snprintf(NAME[NNATIVES], sizeof NAME[0], "midi");
    NATIVES[NNATIVES].name = NAME[NNATIVES];
    ROW[NNATIVES++] = NULL;
    NATIVES[NNATIVES] = CC_NATIVE;
    snprintf(NAME[NNATIVES], sizeof NAME[0], "cc");
    NATIVES[NNATIVES].name = NAME[NNATIVES];
    ROW[NNATIVES++] = NULL;
    NATIVES[NNATIVES] = MIDIIN_NATIVE;
    snprintf(NAME[NNATIVES], sizeof NAME[0], "midiin");
    NATIVES[NNATIVES].name = NAME[NNATIVES];
    ROW[NNATIVES++] = NULL;
    for (size_t w = 0; w < sizeof SHORTHAND / sizeof SHORTHAND[0]; w++) {
        int i = NNATIVES++;
        snprintf(NAME[i], sizeof NAME[0], "%s", SHORTHAND[w].name);
        snprintf(SIG[i], sizeof SIG[i], "%s(values)", NAME[i]);
        snprintf(DOC[i], sizeof DOC[i], "Control: sets %s on every event.", SHORTHAND[w].doc);
        NATIVES[i] = (NativeDef){NAME[i], 1,      nat_shorthand,        NF_CONTROL | NF_VARIADIC,
                                 SIG[i],  DOC[i], SHORTHAND[w].example, NULL};
        ROW[i] = NULL;
    }
    const ControlDef *t = control_table();
    for (int r = 0; r < CTL_COUNT; r++) {
        add_native(&t[r], t[r].name, strlen(t[r].name), "", NULL, NULL);
        for (const char *a = t[r].aliases; *a;) {
            size_t n = strcspn(a, " ");
            if (n) add_native(&t[r], a, n, "", NULL, NULL);
            a += n + (a[n] == ' ');
        }
    }
#define FAMILY(id, aliases) add_family(CTL_##id, aliases);
    CONTROL_FAMILIES(FAMILY)
#undef FAMILY
    add_fm_matrix();
}

const NativeDef *stdlib_control_natives(int *count) {
    static pthread_once_t once = PTHREAD_ONCE_INIT; /* any thread may ask first */
    pthread_once(&once, make_natives);
    *count = NNATIVES;
    return NATIVES;
}

/* setcps(x), setCps(x), setcpm(x): Strudel's tempo, cycles a second or a
 * minute; a cycle is 4 beats (setcps(0.5) is tempo 120). As the tempo
 * statement, from the next bar. */
bool nat_setcps(Vm *vm, Value *args, int argc, Value *out) {
    (void)argc;
    const char *name = vm_current_native(vm)->name;
    bool minute = !strcmp(name, "setcpm") || !strcmp(name, "setCpm");
    *out = NIL_VAL;
    if (!IS_NUM(args[0]) || !(args[0].as.num > 0)) {
        vm_error(vm, "%s takes a number of cycles a %s above 0, got %s", name,
                 minute ? "minute" : "second", val_type_name(args[0]));
        vm_hint(vm, "%s",
                minute ? "setcpm(30) is tempo 120 (a cycle is 4 beats)"
                       : "setcps(0.5) is tempo 120 (a cycle is 4 beats)");
        return false;
    }
    return vm_set_tempo(vm, args[0].as.num * (minute ? 4 : 240));
}

/* samples("dir"): a folder of sample folders for the renderer to load
 * (relative to the program's folder). Returns nil. */
static bool is_url(const char *s) {
    return !strncmp(s, "github:", 7) || !strncmp(s, "http://", 7) || !strncmp(s, "https://", 8) ||
           !strncmp(s, "shabda:", 7);
}

/* samples({name: files, ...}, base) or with URLs: what would come from the
 * network is not fetched; a warning names the sounds it would have given. */
static bool samples_from_network(Vm *vm, Value *args, int argc, Value *out) {
    *out = NIL_VAL;
    char names[200] = "", have[200] = "";
    size_t k = 0, kh = 0;
    bool remote = argc > 1 && IS_STRING(args[1]) && is_url(AS_STRING(args[1])->chars);
    if (IS_RECORD(args[0])) {
        ObjRecord *r = AS_RECORD(args[0]);
        for (uint32_t i = 0; i < r->len; i++) { /* those tala lacks, and those it has */
            const char *key = r->fields[i].key->chars;
            bool known = vm_sound_known(vm, key);
            char *to = known ? have : names;
            size_t *at = known ? &kh : &k;
            if (*at < sizeof names - 40)
                *at += (size_t)snprintf(to + *at, sizeof names - *at, "%s%s", *at ? ", " : "", key);
        }
        if (!remote) /* files given by URL */
            for (uint32_t i = 0; i < r->len && !remote; i++) {
                Value v = r->fields[i].val;
                remote = IS_STRING(v) && is_url(AS_STRING(v)->chars);
                if (IS_LIST(v))
                    for (uint32_t j = 0; j < AS_LIST(v)->len && !remote; j++)
                        remote = IS_STRING(AS_LIST(v)->items[j]) &&
                                 is_url(AS_STRING(AS_LIST(v)->items[j])->chars);
                if (IS_RECORD(v))
                    for (uint32_t j = 0; j < AS_RECORD(v)->len && !remote; j++)
                        remote = IS_STRING(AS_RECORD(v)->fields[j].val) &&
                                 is_url(AS_STRING(AS_RECORD(v)->fields[j].val)->chars);
            }
        if (!remote) {
            vm_error(vm, "samples({...}) maps sounds to files: give it the folder they are in");
            vm_hint(vm, "write samples({bass: ['bass1.wav']}, 'my-samples'), or put them in "
                        "my-samples/bass/ and write samples('my-samples')");
            return false;
        }
        if (k && kh)
            vm_warn(vm,
                    "tala does not download; put the files in a folder and load it with "
                    "samples('folder')",
                    "samples from the network are not loaded: %s (silent here); %s: tala's own",
                    names, have);
        else if (k)
            vm_warn(vm,
                    "tala does not download; put the files in a folder and load it with "
                    "samples('folder')",
                    "samples from the network are not loaded: %s (silent here)", names);
        else
            vm_warn(vm, NULL,
                    "note: samples from the network are not loaded: %s play tala's own (tala "
                    "sounds)",
                    have);
        /* said here: the session does not say it again for each sound */
        Value old, items[256];
        uint32_t n = 0;
        if (vm_get_global(vm, "samples:network", &old) && IS_LIST(old))
            for (uint32_t i = 0; i < AS_LIST(old)->len && n < 200; i++)
                items[n++] = AS_LIST(old)->items[i];
        for (uint32_t i = 0; i < r->len && n < 256; i++) items[n++] = OBJ_VAL(r->fields[i].key);
        vm_set_global(vm, "samples:network", OBJ_VAL(list_new(vm_heap(vm), items, n)));
        return true;
    }
    const char *url = AS_STRING(args[0])->chars;
    if (!strcmp(url, "github:tidalcycles/dirt-samples") ||
        !strcmp(url, "github:tidalcycles/Dirt-Samples")) {
        vm_warn(vm, NULL,
                "note: the Dirt names play Sonic Pi's samples and Hydrogen's kits here (tala "
                "sounds; docs/sound.md)");
        return true;
    }
    vm_warn(vm,
            "tala does not download; put the files in a folder and load it with "
            "samples('folder')",
            "samples from the network are not loaded (%s)", url);
    return true;
}

bool nat_samples(Vm *vm, Value *args, int argc, Value *out) {
    if (IS_RECORD(args[0]) || (IS_STRING(args[0]) && is_url(AS_STRING(args[0])->chars)))
        return samples_from_network(vm, args, argc, out);
    if (!IS_STRING(args[0])) {
        vm_error(vm, "samples needs a folder name in quotes, got %s", val_type_name(args[0]));
        vm_hint(vm, "write samples('drums') with the folder in single quotes");
        return false;
    }
    const char *d = AS_STRING(args[0])->chars;
    if (vm_safe(vm) &&
        (d[0] == '/' || !strcmp(d, "..") || !strncmp(d, "../", 3) || strstr(d, "/../") ||
         (strlen(d) >= 3 && !strcmp(d + strlen(d) - 3, "/..")))) {
        vm_error(vm,
                 "samples('%s'): a folder outside the working directory is not allowed in safe "
                 "mode",
                 d);
        vm_hint(vm, "put the samples in a folder here, like samples('drums')");
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

/* record("name", bars): a take of the audio input from the next bar, bars
 * long (the session does it: engine/takes.c); here it is only asked for,
 * in the global "record:requests" ([name, bars] pairs), which the session
 * takes after the evaluation. */
bool nat_record(Vm *vm, Value *args, int argc, Value *out) {
    char name[80];
    if (!stdlib_word(vm, args[0], name, sizeof name) || !name[0]) {
        vm_error(vm, "record needs the take's name in quotes, got %s", val_type_name(args[0]));
        vm_hint(vm, "write record(\"vox\", 4): four bars of the input, played as s(\"vox\")");
        return false;
    }
    for (const char *c = name; *c; c++)
        if (!(isalnum((unsigned char)*c) || *c == '_' || *c == '-') || c - name > 60) {
            vm_error(vm, "record(\"%s\"): a take's name is letters, digits, _ and - (at most 60)",
                     name);
            return false;
        }
    double bars = argc < 2 ? 1 : IS_NUM(args[1]) ? args[1].as.num : -1;
    if (!(bars > 0 && bars <= 64)) {
        vm_error(vm, "record(\"%s\", ...): the length is a number of bars, above 0 and at most 64",
                 name);
        return false;
    }
    Value old, items[16];
    uint32_t n = 0;
    if (vm_get_global(vm, "record:requests", &old) && IS_LIST(old))
        for (uint32_t i = 0; i < AS_LIST(old)->len && n < 15; i++)
            items[n++] = AS_LIST(old)->items[i];
    Value pair[2] = {OBJ_VAL(str_c(vm_heap(vm), name)), NUM_VAL(bars)};
    vm_push_root(vm, pair[0]);
    items[n++] = OBJ_VAL(list_new(vm_heap(vm), pair, 2));
    vm_push_root(vm, items[n - 1]);
    vm_set_global(vm, "record:requests", OBJ_VAL(list_new(vm_heap(vm), items, n)));
    vm_pop_root(vm);
    vm_pop_root(vm);
    *out = NIL_VAL;
    return true;
}
