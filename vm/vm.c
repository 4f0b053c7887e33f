/*
 * vm.c - the machine's setup and teardown, its roots for the collector, the
 * globals (an open-addressing table keyed by interned strings), errors
 * raised by natives, and the sources it keeps (errors and patterns point
 * into them). The rest of the VM: call.c, interp.c, state.c, objects.c,
 * disasm.c (vm_impl.h lists who does what). Control thread only.
 */
#include "vm_impl.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <ctype.h>
#include <string.h>

/* ---------------------------------------------------------------- globals */

void vm_global_store(Vm *vm, ObjString *key, Value v) {
    if ((vm->nglobals + 1) * 2 > vm->capglobals) {
        Global *old = vm->globals;
        size_t oldcap = vm->capglobals;
        vm->capglobals = oldcap ? oldcap * 2 : 512;
        vm->globals = calloc(vm->capglobals, sizeof(Global));
        if (!vm->globals) abort();
        for (size_t i = 0; i < oldcap; i++)
            if (old[i].key) *vm_global_slot(vm, old[i].key) = old[i];
        free(old);
    }
    Global *g = vm_global_slot(vm, key);
    if (!g->key) vm->nglobals++;
    g->key = key;
    g->val = v;
}

bool vm_get_global(Vm *vm, const char *name, Value *out) {
    return vm_global_lookup(vm, str_c(vm->heap, name), out);
}

void vm_set_global(Vm *vm, const char *name, Value v) {
    heap_push(vm->heap, v);
    ObjString *k = str_c(vm->heap, name);
    heap_pop(vm->heap, 1);
    vm_global_store(vm, k, v);
}

int vm_global_names(Vm *vm, const char **out, int max) {
    int n = 0;
    for (size_t i = 0; i < vm->capglobals; i++) {
        ObjString *k = vm->globals[i].key;
        if (!k || strchr(k->chars, ':')) continue;
        if (out && n < max) out[n] = k->chars;
        n++;
    }
    return out && n > max ? max : n;
}

int vm_name_distance(const char *a, size_t la, const char *b, size_t lb) {
    if (la > 40 || lb > 40) return 99;
    int d[41][41];
    for (size_t i = 0; i <= la; i++) d[i][0] = (int)i;
    for (size_t j = 0; j <= lb; j++) d[0][j] = (int)j;
    for (size_t i = 1; i <= la; i++)
        for (size_t j = 1; j <= lb; j++) {
            int c = d[i - 1][j - 1] + (a[i - 1] != b[j - 1]);
            if (d[i - 1][j] + 1 < c) c = d[i - 1][j] + 1;
            if (d[i][j - 1] + 1 < c) c = d[i][j - 1] + 1;
            /* a swap of neighbours counts as one edit */
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] &&
                d[i - 2][j - 2] + 1 < c)
                c = d[i - 2][j - 2] + 1;
            d[i][j] = c;
        }
    return d[la][lb];
}

bool vm_suggest(Vm *vm, const char *name, size_t len, const char **extra, size_t nextra, char *out,
                size_t size) {
    int best = len <= 3 ? 1 : 2;
    const char *pick = NULL;
    best++;
    /* a name of one or two letters is near too many builtins to guess among
     * them (d: ad?); the program's own names may still be meant */
    for (size_t i = 0; len > 2 && i < vm->capglobals; i++) {
        ObjString *k = vm->globals[i].key;
        if (!k) continue;
        int dist = vm_name_distance(name, len, k->chars, k->len);
        if (dist < best || (dist == best && pick && strcmp(k->chars, pick) < 0))
            best = dist, pick = k->chars;
    }
    for (size_t i = 0; i < nextra; i++) {
        int dist = vm_name_distance(name, len, extra[i], strlen(extra[i]));
        if (dist < best) best = dist, pick = extra[i];
    }
    if (!pick) return false;
    snprintf(out, size, "%s", pick);
    return true;
}

int vm_instruments(Vm *vm, const char **out, int max) {
    int n = 0;
    for (size_t i = 0; i < vm->capglobals; i++) {
        ObjString *k = vm->globals[i].key;
        if (!k || strncmp(k->chars, "synth:", 6) != 0 || !IS_SYNTH(vm->globals[i].val)) continue;
        if (out && n < max) out[n] = k->chars + 6;
        n++;
    }
    return out && n > max ? max : n;
}

bool vm_is_defined(Vm *vm, const char *name, size_t len) {
    ObjString *k = str_intern(vm->heap, name, len);
    Value v;
    return vm_global_lookup(vm, k, &v);
}

/* ---------------------------------------------------------------- setup */

static void vm_mark_roots(Heap *h, void *ud) {
    Vm *vm = ud;
    for (Value *v = vm->stack; v < vm->sp; v++) heap_mark(h, *v);
    for (int i = 0; i < vm->nframes; i++) heap_mark_obj(h, &vm->frames[i].cl->obj);
    for (ObjUpvalue *u = vm->open; u; u = u->next) heap_mark_obj(h, &u->obj);
    for (size_t i = 0; i < vm->capglobals; i++)
        if (vm->globals[i].key) {
            heap_mark_obj(h, &vm->globals[i].key->obj);
            heap_mark(h, vm->globals[i].val);
        }
    for (int i = 0; i < vm->nnamed; i++) {
        heap_mark_obj(h, &vm->named_keys[i]->obj);
        heap_mark(h, vm->named_vals[i]);
    }
    for (int i = 0; i < vm->nplayed; i++) heap_mark_obj(h, &vm->played[i]->obj);
    for (int i = 0; i < vm->nbuses; i++) {
        heap_mark_obj(h, &vm->bus_names[i]->obj);
        heap_mark(h, vm->bus_chains[i]);
    }
    heap_mark(h, vm->master);
    for (int i = 0; i < vm->nmix; i++) {
        heap_mark_obj(h, &vm->mix_names[i]->obj);
        heap_mark_obj(h, &vm->mix_settings[i]->obj);
    }
    heap_mark(h, vm->result);
    for (int i = 0; i < vm->nlabels; i++) heap_mark_obj(h, &vm->labels[i]->obj);
    heap_mark(h, vm->all_fns);
    heap_mark(h, vm->each_fn);
    if (vm->saved.on) {
        for (size_t i = 0; i < vm->saved.capglobals; i++)
            if (vm->saved.globals[i].key) {
                heap_mark_obj(h, &vm->saved.globals[i].key->obj);
                heap_mark(h, vm->saved.globals[i].val);
            }
        for (int i = 0; i < vm->saved.nplayed; i++) heap_mark_obj(h, &vm->saved.played[i]->obj);
        for (int i = 0; i < vm->saved.nbuses; i++) {
            heap_mark_obj(h, &vm->saved.bus_names[i]->obj);
            heap_mark(h, vm->saved.bus_chains[i]);
        }
        heap_mark(h, vm->saved.master);
        for (int i = 0; i < vm->saved.nmix; i++) {
            heap_mark_obj(h, &vm->saved.mix_names[i]->obj);
            heap_mark_obj(h, &vm->saved.mix_settings[i]->obj);
        }
    }
}

static const VmLibrary NO_LIBRARY = {0};

void vm_set_input(Vm *vm, int i, double v) {
    if (i >= 0 && i < VM_INPUTS) vm->inputs[i] = v;
}

double vm_input(const Vm *vm, int i) {
    return vm && i >= 0 && i < VM_INPUTS ? vm->inputs[i] : 0;
}

Vm *vm_new(const VmLibrary *lib) {
    Vm *vm = calloc(1, sizeof *vm);
    if (!vm) return NULL;
    vm->heap = heap_new();
    if (!vm->heap) {
        free(vm);
        return NULL;
    }
    if (getenv("TALA_GC_STRESS")) heap_set_stress(vm->heap, true);
    pat_heap_kinds(vm->heap);
    heap_set_limit(vm->heap, VM_HEAP_LIMIT);
    for (int k = OBJ_FUNCTION; k <= OBJ_SYNTH; k++)
        heap_set_kind(vm->heap, (ObjKind)k, vm_trace, k == OBJ_FUNCTION ? vm_finalize : NULL);
    vm->sp = vm->stack;
    vm->err = &vm->own_err;
    vm->budget_size = 10 * 1000 * 1000;
    vm->top_size = VM_TOP_BUDGET;
    vm->top_left = vm->top_size;
    vm->result = NIL_VAL;
    vm->all_fns = vm->each_fn = NIL_VAL;
    vm->master = NIL_VAL;
    vm->query = (Query){
        .heap = vm->heap, .err = vm->err, .budget = PAT_EVENT_LIMIT, .limit = PAT_EVENT_LIMIT};
    vm->query.vm = vm;
    heap_add_marker(vm->heap, vm_mark_roots, vm);
    vm->lib = lib ? lib : &NO_LIBRARY;
    const NativeDef *defs = vm->lib->natives;
    for (int i = 0; i < vm->lib->nnatives; i++) {
        if (defs[i].flags & NF_VALUE) {
            Value v = NIL_VAL;
            defs[i].fn(vm, NULL, 0, &v);
            vm_set_global(vm, defs[i].name, v);
            continue;
        }
        ObjNative *nat = (ObjNative *)heap_alloc(vm->heap, sizeof(ObjNative), OBJ_NATIVE);
        nat->def = &defs[i];
        vm_set_global(vm, defs[i].name, OBJ_VAL(nat));
        /* kept for x.name(...) where the program's own name is no function */
        char key[96];
        snprintf(key, sizeof key, "builtin:%.80s", defs[i].name);
        vm_set_global(vm, key, OBJ_VAL(nat));
    }
    /* hidden globals: unit generators as "~name" (synth bodies, chains) */
    defs = vm->lib->hidden;
    for (int i = 0; i < vm->lib->nhidden; i++) {
        ObjNative *nat = (ObjNative *)heap_alloc(vm->heap, sizeof(ObjNative), OBJ_NATIVE);
        nat->def = &defs[i];
        vm_set_global(vm, defs[i].name, OBJ_VAL(nat));
    }
    return vm;
}

void vm_free(Vm *vm) {
    if (!vm) return;
    vm_discard(vm);
    heap_remove_marker(vm->heap, vm_mark_roots, vm);
    heap_free(vm->heap);
    for (size_t i = 0; i < vm->nsources; i++) source_free(vm->sources[i]);
    free(vm->sources);
    free(vm->globals);
    free(vm->played);
    free(vm->labels);
    free(vm->bus_names);
    free(vm->bus_chains);
    free(vm->mix_names);
    free(vm->mix_settings);
    free(vm);
}

Heap *vm_heap(Vm *vm) {
    return vm->heap;
}
SrcRef vm_at(Vm *vm) {
    return vm->at;
}
Err *vm_swap_err(Vm *vm, Err *to) {
    Err *old = vm->err;
    vm->err = to;
    return old;
}
Err *vm_err(Vm *vm) {
    return vm->err;
}
Query *vm_query(Vm *vm) {
    vm->query.err = vm->err;
    return &vm->query;
}
double vm_tempo(Vm *vm) {
    return vm->tempo;
}
void vm_set_yield(Vm *vm, VmYieldFn fn, void *ud, long every) {
    vm->yield = fn;
    vm->yield_ud = ud;
    vm->yield_every = every > 0 ? every : 10000;
    vm->yield_left = vm->yield_every;
    vm_account(vm);
}

void vm_set_top_budget(Vm *vm, long n) {
    vm_account(vm);
    vm->top_size = n;
    vm->top_left = n;
    vm_account(vm);
}

void vm_set_budget(Vm *vm, long n) {
    vm->budget_size = n;
}
void vm_push_root(Vm *vm, Value v) {
    heap_push(vm->heap, v);
}
void vm_pop_root(Vm *vm) {
    heap_pop(vm->heap, 1);
}

const NativeDef *vm_current_native(Vm *vm) {
    return vm->current;
}

bool vm_preload(Vm *vm, const char *path, char *why, size_t n) {
    return !vm->lib->preload || vm->lib->preload(vm, path, why, n);
}

void vm_set_safe(Vm *vm, bool safe) {
    vm->safe = safe;
}

bool vm_safe(const Vm *vm) {
    return vm->safe;
}

void vm_set_sound_known(Vm *vm, VmSoundFn fn, void *ud) {
    vm->sound_known = fn;
    vm->sound_ud = ud;
}

bool vm_sound_known(Vm *vm, const char *name) {
    return vm->sound_known && vm->sound_known(vm->sound_ud, name);
}

bool vm_error(Vm *vm, const char *fmt, ...) {
    if (vm->err->set) return false;
    char msg[256];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    err_set(vm->err, vm->at, "%s", msg);
    return false;
}

void vm_warn(Vm *vm, const char *hint, const char *fmt, ...) {
    char msg[256];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    for (int i = 0; i < vm->nwarnings; i++)
        if (!strcmp(vm->warnings[i].msg, msg)) return; /* said already */
    if (vm->nwarnings == (int)(sizeof vm->warnings / sizeof vm->warnings[0])) return;
    Err *w = &vm->warnings[vm->nwarnings++];
    memset(w, 0, sizeof *w);
    err_set(w, vm->at, "%s", msg);
    if (hint) err_hint(w, "%s", hint);
}

void vm_warn_at(Vm *vm, SrcRef at, const char *hint, const char *fmt, ...) {
    SrcRef was = vm->at;
    char msg[256];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    vm->at = at;
    vm_warn(vm, hint, "%s", msg);
    vm->at = was;
}

int vm_take_warnings(Vm *vm, Err *out, int max) {
    int n = vm->nwarnings < max ? vm->nwarnings : max;
    memcpy(out, vm->warnings, (size_t)n * sizeof *out);
    vm->nwarnings = 0;
    return n;
}

void vm_hint(Vm *vm, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(vm->err->hint, sizeof vm->err->hint, fmt, ap);
    va_end(ap);
}

bool vm_named_arg(Vm *vm, const char *name, Value *out) {
    for (int i = 0; i < vm->nnamed; i++)
        if (strcmp(vm->named_keys[i]->chars, name) == 0) {
            *out = vm->named_vals[i];
            return true;
        }
    return false;
}

Source *vm_keep_source(Vm *vm, const char *name, const char *text, size_t len) {
    Source *s = source_new(name, text, len);
    if (!s) abort();
    vm->sources = realloc(vm->sources, (vm->nsources + 1) * sizeof *vm->sources);
    if (!vm->sources) abort();
    vm->sources[vm->nsources++] = s;
    return s;
}

/* A character that may be part of a word of mini-notation. */
static bool word_char(char c) {
    return isalnum((unsigned char)c) || c == '_' || c == '#' || c == '-' || c == '.';
}

SrcRef vm_find_word(Vm *vm, const char *word, bool quoted) {
    size_t w = strlen(word);
    for (size_t i = vm->nsources; w && i-- > 0;) { /* the latest evaluation first */
        const Source *src = vm->sources[i];
        char q = 0; /* the quote of the string k is in */
        const char *t = src->text;
        for (size_t k = 0; k < src->len; k++) {
            char c = t[k];
            if (!q && (c == '"' || c == '\'' || c == '`')) {
                q = c;
                continue;
            }
            if (!q && k + 1 < src->len &&
                ((c == '-' && t[k + 1] == '-') || (c == '/' && t[k + 1] == '/'))) {
                while (k + 1 < src->len && t[k + 1] != '\n') k++; /* a comment */
                continue;
            }
            if (!q && k + 1 < src->len && c == '/' && t[k + 1] == '*') {
                for (k += 2; k + 1 < src->len && !(t[k] == '*' && t[k + 1] == '/');) k++;
                k++;
                continue;
            }
            if (c == q || (c == '\n' && q != '`')) q = 0;
            if (!q != !quoted || k + w > src->len || memcmp(t + k, word, w)) continue;
            if ((k > 0 && word_char(src->text[k - 1])) ||
                (k + w < src->len && word_char(src->text[k + w])))
                continue;
            return srcref(src, k, w);
        }
    }
    return (SrcRef){0};
}

bool vm_run_function(Vm *vm, ObjFunction *fn, Value *out, Err *err) {
    vm->err = err;
    vm->query.err = err;
    bool ok = vm_run_top(vm, fn, out);
    vm->err = &vm->own_err;
    vm->query.err = vm->err;
    vm->own_err.set = false;
    return ok;
}

/* Called by the pattern engine around user code run inside a query. */
void vm_enter_query(Vm *vm) {
    vm_account(vm);
    if (vm->in_query++ == 0) {
        vm->budget = vm->budget_size;
        /* from inside an evaluation (not from the scheduler in its yield hook) */
        vm->query_of_top = vm->nframes > 0 && !vm->in_yield;
    }
    vm_account(vm);
}
void vm_leave_query(Vm *vm) {
    vm_account(vm);
    vm->in_query--;
    vm_account(vm);
}
