/*
 * state.c - the session state a program sets, beside its globals: the tempo,
 * the tracks of the last `play`, the synths (instruments), the effect chains
 * of `bus NAME = chain` and `master = chain`, and the settings of
 * `mix NAME { ... }`. The engine reads it after an evaluation. A live
 * evaluation is a transaction: vm_save keeps the globals and this state,
 * vm_restore puts them back when it fails. Control thread only.
 */
#include "vm_impl.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* tempo BPM: the value on the stack top. */
bool vm_op_tempo(Vm *vm) {
    Value t = *--vm->sp;
    if (!IS_NUM(t) || !(t.as.num > 0) || t.as.num > 10000) {
        vm_error(vm, "tempo must be a number of beats per minute, like 120");
        vm_hint(vm, "tempo 120 (beats a minute, above 0; a cycle is a bar of 4 beats)%s",
                IS_NUM(t) ? "" : ": a name here must hold a number");
        return false;
    }
    vm->tempo = t.as.num;
    return true;
}

bool vm_set_tempo(Vm *vm, double bpm) {
    if (!(bpm > 0) || bpm > 10000)
        return vm_error(vm, "the tempo must be above 0 and at most 10000 beats per minute");
    vm->tempo = bpm;
    return true;
}

/* Where a block's pattern is kept: not under the program's own name */
static void block_key(const char *name, char *out, size_t n) {
    snprintf(out, n, "block:%s", name);
}

bool vm_track_pattern(Vm *vm, const ObjString *name, Value *out) {
    Value on;
    if (vm_get_global(vm, "blocks:on", &on) && on.kind == VAL_BOOL && on.as.b) {
        char hidden[96];
        block_key(name->chars, hidden, sizeof hidden);
        return vm_get_global(vm, hidden, out);
    }
    /* a track of a record played (a scene, an arrangement): that field of the
     * record's global as it is now */
    char scene[96];
    Value from, rec;
    snprintf(scene, sizeof scene, "scene:%s", name->chars);
    if (vm_get_global(vm, scene, &from) && IS_STRING(from)) {
        *out = NIL_VAL;
        if (!vm_get_global(vm, AS_STRING(from)->chars, &rec) || !IS_RECORD(rec)) return false;
        for (uint32_t k = 0; k < AS_RECORD(rec)->len; k++)
            if (AS_RECORD(rec)->fields[k].key == name) *out = AS_RECORD(rec)->fields[k].val;
        return !IS_NIL(*out);
    }
    return vm_get_global(vm, name->chars, out);
}

/* Adds a name to the tracks played (once). */
static void played_add(Vm *vm, ObjString *n, uint32_t *cap) {
    for (int i = 0; i < vm->nplayed; i++)
        if (vm->played[i] == n) return;
    if ((uint32_t)vm->nplayed == *cap) {
        *cap *= 2;
        vm->played = realloc(vm->played, *cap * sizeof(ObjString *));
        if (!vm->played) abort();
    }
    vm->played[vm->nplayed++] = n;
}

void vm_blocks_stop(Vm *vm) {
    Value on;
    if (!vm_get_global(vm, "blocks:on", &on) || on.kind != VAL_BOOL || !on.as.b) return;
    vm->plays++;
    vm->nplayed = 0;
    vm_set_global(vm, "blocks:on", BOOL_VAL(false));
}

/* play a, b, c: each must be a defined pattern, or a record of patterns (a
 * scene, an arrangement of scenes), whose fields are tracks named by their
 * keys. */
bool vm_op_play(Vm *vm, ObjList *names) {
    vm_set_global(vm, "blocks:on", BOOL_VAL(false)); /* the tracks are globals again */
    vm->plays++;
    free(vm->played);
    vm->nplayed = 0;
    uint32_t cap = names->len + 1;
    vm->played = malloc(cap * sizeof(ObjString *));
    if (!vm->played) abort();
    char scene[96];
    for (uint32_t i = 0; i < names->len; i++) {
        ObjString *n = AS_STRING(names->items[i]);
        Value v;
        if (!vm_global_lookup(vm, n, &v))
            return vm_error(vm, "cannot play '%s': it is not defined", n->chars);
        if (IS_RECORD(v)) {
            ObjRecord *r = AS_RECORD(v);
            for (uint32_t k = 0; k < r->len; k++)
                if (!IS_PATTERN(r->fields[k].val)) {
                    vm_error(vm, "cannot play '%s': its %s is %s, not a pattern", n->chars,
                             r->fields[k].key->chars, val_type_name(r->fields[k].val));
                    vm_hint(vm,
                            "a scene is a record of patterns: { drums: s(\"bd*4\"), bass: line }");
                    return false;
                }
            for (uint32_t k = 0; k < r->len; k++) {
                snprintf(scene, sizeof scene, "scene:%s", r->fields[k].key->chars);
                vm_set_global(vm, scene, OBJ_VAL(n));
                played_add(vm, r->fields[k].key, &cap);
            }
            continue;
        }
        if (!IS_PATTERN(v))
            return vm_error(vm, "cannot play '%s': it is %s, not a pattern", n->chars,
                            val_type_name(v));
        snprintf(scene, sizeof scene, "scene:%s", n->chars);
        Value was;
        if (vm_get_global(vm, scene, &was)) vm_set_global(vm, scene, NIL_VAL);
        played_add(vm, n, &cap);
    }
    return true;
}

/* synth NAME(params) = body: the body (a closure on the stack top) is run
 * once with a GRAPH_PARAM node per parameter; the result is an ObjSynth. */
bool vm_op_synth(Vm *vm, ObjString *name) {
    ObjList *defaults = AS_LIST(vm->sp[-1]); /* the parameters' defaults (nil: none) */
    Value fn = vm->sp[-2];                   /* both stay on the stack (rooted) while it runs */
    ObjFunction *f = AS_CLOSURE(fn)->fn;
    Value params[SYNTH_MAX_PARAMS];
    if (f->arity > SYNTH_MAX_PARAMS)
        return vm_error(vm, "a synth has at most %d parameters", SYNTH_MAX_PARAMS);
    for (int i = 0; i < f->arity; i++) {
        params[i] = OBJ_VAL(graph_new(vm, GRAPH_PARAM, NULL, f->params[i], NULL, 0));
        vm_stack_push(vm, params[i]); /* rooted */
    }
    Value body;
    bool ok = vm_call(vm, fn, params, f->arity, &body);
    vm->sp -= f->arity;
    if (!ok) return false;
    if (!IS_GRAPH(body) && !IS_NUM(body)) {
        vm_error(vm, "synth %s: the body gives %s, not a sound", name->chars, val_type_name(body));
        vm_hint(vm, "a synth body is made of unit generators: saw(freq).lpf(800) * env()");
        return false;
    }
    vm_stack_push(vm, body);
    Value names[SYNTH_MAX_PARAMS];
    for (int i = 0; i < f->arity; i++) names[i] = OBJ_VAL(f->params[i]);
    ObjList *pl = list_new(vm->heap, names, (uint32_t)f->arity);
    vm_stack_push(vm, OBJ_VAL(pl));
    ObjSynth *sy = (ObjSynth *)heap_alloc(vm->heap, sizeof(ObjSynth), OBJ_SYNTH);
    sy->name = name;
    sy->params = pl;
    sy->graph = body;
    sy->defaults = defaults;
    sy->prelude = vm->in_prelude;
    vm->sp -= 4; /* pl, body, defaults, fn */
    vm_stack_push(vm, OBJ_VAL(sy));
    /* every synth is an instrument, found by s("name"); it is also a global,
     * unless that would hide a built-in (sine, saw, ... stay the pattern
     * signals; use s("sine") for the synth) */
    char key[80];
    snprintf(key, sizeof key, "synth:%s", name->chars);
    ObjString *k = str_c(vm->heap, key);
    vm_global_store(vm, k, OBJ_VAL(sy));
    Value old;
    bool builtin = vm_global_lookup(vm, name, &old) && !IS_SYNTH(old);
    if (!builtin && !vm->in_prelude) vm_global_store(vm, name, OBJ_VAL(sy));
    vm->sp--;
    return true;
}

/* bus NAME = chain, or master = chain (bus NULL): the chain on the stack top. */
bool vm_op_chain(Vm *vm, ObjString *bus) {
    Value chain = vm->sp[-1];
    if (!IS_GRAPH(chain)) {
        vm_error(vm, "%s needs an effect chain, got %s", bus ? "a bus" : "master",
                 val_type_name(chain));
        vm_hint(vm, "for example: reverb(size: 0.8) or comp(-14dB, 3).limit(-1dB)");
        return false;
    }
    if (!bus) {
        vm->master = chain;
    } else {
        int i;
        for (i = 0; i < vm->nbuses; i++)
            if (vm->bus_names[i] == bus) break;
        if (i == vm->nbuses) {
            vm->bus_names = realloc(vm->bus_names, (size_t)(i + 1) * sizeof(ObjString *));
            vm->bus_chains = realloc(vm->bus_chains, (size_t)(i + 1) * sizeof(Value));
            if (!vm->bus_names || !vm->bus_chains) abort();
            vm->bus_names[i] = bus;
            vm->nbuses++;
        }
        vm->bus_chains[i] = chain;
    }
    vm->sp--;
    return true;
}

/* mix NAME { settings }: the record on the stack top. */
bool vm_op_mix(Vm *vm, ObjString *name) {
    Value rec = vm->sp[-1];
    if (!IS_RECORD(rec))
        return vm_error(vm, "mix %s: expected settings like { gain: -6, pan: 0.3 }", name->chars);
    static const char *known[] = {"gain", "pan", "mute", "solo", "send", "fx", "quant", NULL};
    ObjRecord *r = AS_RECORD(rec);
    for (uint32_t k = 0; k < r->len; k++) {
        int j;
        for (j = 0; known[j]; j++)
            if (!strcmp(r->fields[k].key->chars, known[j])) break;
        if (!known[j]) {
            vm_error(vm, "mix %s: unknown setting '%s'", name->chars, r->fields[k].key->chars);
            vm_hint(vm, "settings are gain, pan, mute, solo, send { bus: amount }, fx, quant");
            return false;
        }
    }
    int i;
    for (i = 0; i < vm->nmix; i++)
        if (vm->mix_names[i] == name) break;
    if (i == vm->nmix) {
        vm->mix_names = realloc(vm->mix_names, (size_t)(i + 1) * sizeof(ObjString *));
        vm->mix_settings = realloc(vm->mix_settings, (size_t)(i + 1) * sizeof(ObjRecord *));
        if (!vm->mix_names || !vm->mix_settings) abort();
        vm->mix_names[i] = name;
        vm->nmix++;
    }
    vm->mix_settings[i] = r;
    vm->sp--;
    return true;
}

static void *dup_array(const void *p, size_t n, size_t size) {
    if (!n) return NULL;
    void *q = malloc(n * size);
    if (!q) abort();
    memcpy(q, p, n * size);
    return q;
}

void vm_save(Vm *vm) {
    vm_discard(vm);
    vm->saved.globals = vm->capglobals ? calloc(vm->capglobals, sizeof(Global)) : NULL;
    if (vm->capglobals && !vm->saved.globals) abort();
    if (vm->capglobals) memcpy(vm->saved.globals, vm->globals, vm->capglobals * sizeof(Global));
    vm->saved.nglobals = vm->nglobals;
    vm->saved.capglobals = vm->capglobals;
    vm->saved.tempo = vm->tempo;
    vm->saved.played = dup_array(vm->played, (size_t)vm->nplayed, sizeof(ObjString *));
    vm->saved.nplayed = vm->nplayed;
    vm->saved.bus_names = dup_array(vm->bus_names, (size_t)vm->nbuses, sizeof(ObjString *));
    vm->saved.bus_chains = dup_array(vm->bus_chains, (size_t)vm->nbuses, sizeof(Value));
    vm->saved.nbuses = vm->nbuses;
    vm->saved.master = vm->master;
    vm->saved.mix_names = dup_array(vm->mix_names, (size_t)vm->nmix, sizeof(ObjString *));
    vm->saved.mix_settings = dup_array(vm->mix_settings, (size_t)vm->nmix, sizeof(ObjRecord *));
    vm->saved.nmix = vm->nmix;
    vm->saved.on = true;
}

void vm_restore(Vm *vm) {
    if (!vm->saved.on) return;
        /* swap the saved arrays in; the current ones are freed by discard */
#define SWAP(field)                                                                                \
    do {                                                                                           \
        __typeof__(vm->field) t_ = vm->field;                                                      \
        vm->field = vm->saved.field;                                                               \
        vm->saved.field = t_;                                                                      \
    } while (0)
    SWAP(globals);
    SWAP(nglobals);
    SWAP(capglobals);
    SWAP(tempo);
    SWAP(played);
    SWAP(nplayed);
    SWAP(bus_names);
    SWAP(bus_chains);
    SWAP(nbuses);
    SWAP(master);
    SWAP(mix_names);
    SWAP(mix_settings);
    SWAP(nmix);
#undef SWAP
    vm_discard(vm);
}

void vm_discard(Vm *vm) {
    if (!vm->saved.on) return;
    free(vm->saved.globals);
    free(vm->saved.played);
    free(vm->saved.bus_names);
    free(vm->saved.bus_chains);
    free(vm->saved.mix_names);
    free(vm->saved.mix_settings);
    memset(&vm->saved, 0, sizeof vm->saved);
}

bool vm_instrument(Vm *vm, const char *name, Value *out) {
    char key[80];
    snprintf(key, sizeof key, "synth:%s", name);
    return vm_get_global(vm, key, out) && IS_SYNTH(*out);
}

void vm_set_prelude(Vm *vm, bool on) {
    vm->in_prelude = on;
}

int vm_buses(Vm *vm, ObjString ***names, Value **chains) {
    *names = vm->bus_names;
    *chains = vm->bus_chains;
    return vm->nbuses;
}

Value vm_master(Vm *vm) {
    return vm->master;
}

bool vm_mix(Vm *vm, const char *track, ObjRecord **settings) {
    for (int i = 0; i < vm->nmix; i++)
        if (strcmp(vm->mix_names[i]->chars, track) == 0) {
            *settings = vm->mix_settings[i];
            return true;
        }
    return false;
}

Value vm_result(Vm *vm) {
    return vm->result;
}

unsigned vm_plays(Vm *vm) {
    return vm->plays;
}

int vm_played(Vm *vm, ObjString ***names) {
    *names = vm->played;
    return vm->nplayed;
}

/* ---- Strudel's labelled blocks ---- */

void vm_labels_begin(Vm *vm) {
    vm->nlabels = 0;
    vm->anon_labels = 0;
    vm->hushed = false;
    vm->all_fns = vm->each_fn = NIL_VAL;
}

bool vm_label(Vm *vm, const char *name, Value pat, Value *out) {
    size_t len = strlen(name);
    if (len == 0) return vm_error(vm, "a block's label is a name, like drums: or $:");
    if (name[0] == '_' || name[len - 1] == '_') { /* muted: _$: and bass_: */
        *out = OBJ_VAL(pat_silence(vm->heap));
        return true;
    }
    if (!IS_PATTERN(pat))
        return vm_error(vm, "the block '%s:' is %s, not a pattern", name, val_type_name(pat));
    char key[80];
    if (strchr(name, '$')) /* $: blocks are $0, $1, ... as Strudel numbers them */
        snprintf(key, sizeof key, "%.60s%d", name, vm->anon_labels++);
    else
        snprintf(key, sizeof key, "%.60s", name);
    heap_push(vm->heap, pat);
    ObjString *k = str_c(vm->heap, key);
    heap_push(vm->heap, OBJ_VAL(k));
    char hidden[96];
    block_key(key, hidden, sizeof hidden);
    vm_set_global(vm, hidden, pat);
    int i = 0;
    while (i < vm->nlabels && vm->labels[i] != k) i++;
    if (i == vm->nlabels) {
        if (vm->nlabels == vm->caplabels) {
            int cap = vm->caplabels ? vm->caplabels * 2 : 8;
            ObjString **l = realloc(vm->labels, (size_t)cap * sizeof *l);
            if (!l) abort();
            vm->labels = l;
            vm->caplabels = cap;
        }
        vm->labels[vm->nlabels++] = k;
    }
    heap_pop(vm->heap, 2);
    *out = pat;
    return true;
}

void vm_labels_hush(Vm *vm) {
    vm->nlabels = 0;
    vm->anon_labels = 0;
    vm->each_fn = NIL_VAL; /* not the all(f) so far: Strudel's hush keeps them */
    vm->hushed = true;
}

void vm_labels_all(Vm *vm, Value fn) {
    Value items[64];
    uint32_t n = 0;
    if (IS_LIST(vm->all_fns))
        for (uint32_t i = 0; i < AS_LIST(vm->all_fns)->len && n < 63; i++)
            items[n++] = AS_LIST(vm->all_fns)->items[i];
    items[n++] = fn;
    heap_push(vm->heap, fn);
    vm->all_fns = OBJ_VAL(list_new(vm->heap, items, n));
    heap_pop(vm->heap, 1);
}

void vm_labels_each(Vm *vm, Value fn) {
    vm->each_fn = fn;
}

/* A JavaScript object's key order, which Strudel's blocks play in: keys that are
 * array indexes (d1's "1") first, ascending; the others in insertion order. */
static bool index_key(const ObjString *k, unsigned long *v) {
    if (k->len == 0 || k->len > 9 || (k->len > 1 && k->chars[0] == '0')) return false;
    *v = 0;
    for (uint32_t i = 0; i < k->len; i++) {
        if (k->chars[i] < '0' || k->chars[i] > '9') return false;
        *v = *v * 10 + (unsigned long)(k->chars[i] - '0');
    }
    return true;
}

static bool apply_fn(Vm *vm, Value fn, Value *pat) {
    Value r;
    if (!vm_call(vm, fn, pat, 1, &r)) return false;
    if (!IS_PATTERN(r))
        return vm_error(vm, "all/each: the function gave %s, not a pattern", val_type_name(r));
    *pat = r;
    return true;
}

bool vm_labels_finish(Vm *vm, Value *result) {
    bool ok = true;
    if (vm->nlabels > 0 || vm->hushed) {
        ObjString **order = malloc(((size_t)vm->nlabels + 1) * sizeof *order);
        if (!order) abort();
        int n = 0;
        unsigned long a, b;
        for (int i = 0; i < vm->nlabels; i++) /* index keys, ascending */
            if (index_key(vm->labels[i], &a)) {
                int at = n++;
                while (at > 0 && index_key(order[at - 1], &b) && b > a) {
                    order[at] = order[at - 1];
                    at--;
                }
                order[at] = vm->labels[i];
            }
        for (int i = 0; i < vm->nlabels; i++)
            if (!index_key(vm->labels[i], &a)) order[n++] = vm->labels[i];
        bool solo = false;
        for (int i = 0; i < n; i++) solo |= order[i]->len > 1 && order[i]->chars[0] == 'S';
        int kept = 0;
        for (int i = 0; i < n; i++)
            if (!solo || (order[i]->len > 1 && order[i]->chars[0] == 'S')) order[kept++] = order[i];
        for (int i = 0; ok && i < kept; i++) {
            Value v;
            char hidden[96];
            block_key(order[i]->chars, hidden, sizeof hidden);
            vm_get_global(vm, hidden, &v);
            if (!IS_NIL(vm->each_fn)) ok = apply_fn(vm, vm->each_fn, &v);
            for (uint32_t k = 0; ok && IS_LIST(vm->all_fns) && k < AS_LIST(vm->all_fns)->len; k++)
                ok = apply_fn(vm, AS_LIST(vm->all_fns)->items[k], &v);
            if (ok) vm_set_global(vm, hidden, v);
        }
        if (ok && vm->nlabels > 0) *result = NIL_VAL; /* the blocks play, not the value */
        /* hush() and no block after it: all(f) still applies to the value */
        for (uint32_t k = 0; ok && vm->nlabels == 0 && IS_PATTERN(*result) &&
                             IS_LIST(vm->all_fns) && k < AS_LIST(vm->all_fns)->len;
             k++)
            ok = apply_fn(vm, AS_LIST(vm->all_fns)->items[k], result);
        if (ok) {
            vm->plays++;
            free(vm->played);
            vm->played = order;
            vm->nplayed = kept;
            vm_set_global(vm, "blocks:on", BOOL_VAL(vm->nlabels > 0));
        } else {
            free(order);
        }
    } else if (IS_PATTERN(*result)) {
        if (!IS_NIL(vm->each_fn)) ok = apply_fn(vm, vm->each_fn, result);
        for (uint32_t k = 0; ok && IS_LIST(vm->all_fns) && k < AS_LIST(vm->all_fns)->len; k++)
            ok = apply_fn(vm, AS_LIST(vm->all_fns)->items[k], result);
    }
    vm_labels_begin(vm);
    return ok;
}
