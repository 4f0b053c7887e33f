/*
 * vm.c - the interpreter loop, calls, closures and globals.
 *
 * Calls: the callee sits below its arguments on the stack. A closure gets a
 * frame whose slot 0 is the callee and 1.. the arguments; a native is called
 * on the argument slice and its result replaces callee and arguments. Fewer
 * arguments than the callee needs make an ObjPartial (Strudel's curry); a
 * method call x.f(a) moves the subject into place first (last, or first for
 * cat/stack-like functions) and must complete the call.
 */
#include "vm.h"

#include "../lang/compiler.h"
#include "bytecode.h"

#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#define STACK_MAX  16384
#define FRAMES_MAX 256

typedef struct {
    ObjClosure *cl;
    uint8_t *ip;
    Value *slots;
} Frame;

typedef struct {
    ObjString *key; /* NULL = empty */
    Value val;
} Global;

struct Vm {
    Heap *heap;
    Value stack[STACK_MAX];
    Value *sp;
    Frame frames[FRAMES_MAX];
    int nframes;
    ObjUpvalue *open;

    Global *globals;
    size_t nglobals, capglobals;

    Source **sources;
    size_t nsources;

    Err *err;    /* where errors of the current evaluation go */
    Err own_err; /* used when no caller gave one */
    SrcRef at;   /* position of the call in progress, for native errors */
    Query query; /* for natives that query patterns */
    long budget; /* instructions left for code run inside queries */
    long budget_size;
    int in_query; /* > 0 while a pattern query calls into the VM */

    ObjString **named_keys; /* named arguments of the native call in progress */
    Value *named_vals;
    int nnamed;

    double tempo;
    ObjString **played;
    int nplayed;
    ObjString **bus_names; /* bus NAME = chain */
    Value *bus_chains;
    int nbuses;
    Value master;
    ObjString **mix_names; /* mix NAME { ... } */
    ObjRecord **mix_settings;
    int nmix;
    const NativeDef *current; /* the native being called */
    bool in_prelude;          /* defining the built-in instruments */

    Value result; /* last expression value, rooted */

    /* The session state saved by vm_save (a live evaluation in progress),
     * restored when it fails; its values are roots while it exists. */
    struct {
        bool on;
        Global *globals;
        size_t nglobals, capglobals;
        double tempo;
        ObjString **played;
        int nplayed;
        ObjString **bus_names;
        Value *bus_chains;
        int nbuses;
        Value master;
        ObjString **mix_names;
        ObjRecord **mix_settings;
        int nmix;
    } saved;
};

static void vm_mark_roots(Heap *h, void *ud);

/* ---------------------------------------------------------------- objects */

ObjFunction *fn_new(Vm *vm, const Source *src) {
    ObjFunction *f = (ObjFunction *)heap_alloc(vm->heap, sizeof(ObjFunction), OBJ_FUNCTION);
    f->src = src;
    return f;
}

void fn_emit(Vm *vm, ObjFunction *f, uint8_t byte, uint32_t pos) {
    (void)vm;
    if (f->len == f->cap) {
        f->cap = f->cap ? f->cap * 2 : 64;
        f->code = realloc(f->code, (size_t)f->cap);
        f->pos = realloc(f->pos, (size_t)f->cap * sizeof(uint32_t));
        if (!f->code || !f->pos) abort();
    }
    f->code[f->len] = byte;
    f->pos[f->len++] = pos;
}

void fn_const_append(Vm *vm, ObjFunction *f, Value v) {
    (void)vm;
    if (f->nconsts == f->capconsts) {
        f->capconsts = f->capconsts ? f->capconsts * 2 : 16;
        f->consts = realloc(f->consts, (size_t)f->capconsts * sizeof(Value));
        if (!f->consts) abort();
    }
    f->consts[f->nconsts++] = v;
}

int fn_const(Vm *vm, ObjFunction *f, Value v) {
    (void)vm;
    for (int i = 0; i < f->nconsts; i++)
        if (f->consts[i].kind == v.kind && ((v.kind == VAL_NUM && f->consts[i].as.num == v.as.num &&
                                             signbit(f->consts[i].as.num) == signbit(v.as.num)) ||
                                            (v.kind == VAL_OBJ && f->consts[i].as.obj == v.as.obj &&
                                             v.as.obj->kind == OBJ_STRING)))
            return i;
    if (f->nconsts == f->capconsts) {
        f->capconsts = f->capconsts ? f->capconsts * 2 : 16;
        f->consts = realloc(f->consts, (size_t)f->capconsts * sizeof(Value));
        if (!f->consts) abort();
    }
    f->consts[f->nconsts] = v;
    return f->nconsts++;
}

void vm_trace(Heap *h, Obj *o) {
    switch ((ObjKind)o->kind) {
    case OBJ_FUNCTION: {
        ObjFunction *f = (ObjFunction *)o;
        for (int i = 0; i < f->nconsts; i++) heap_mark(h, f->consts[i]);
        if (f->name) heap_mark_obj(h, &f->name->obj);
        for (int i = 0; f->params && i < f->arity; i++)
            if (f->params[i]) heap_mark_obj(h, &f->params[i]->obj);
        break;
    }
    case OBJ_CLOSURE: {
        ObjClosure *c = (ObjClosure *)o;
        heap_mark_obj(h, &c->fn->obj);
        for (int i = 0; i < c->n; i++)
            if (c->up[i]) heap_mark_obj(h, &c->up[i]->obj);
        break;
    }
    case OBJ_UPVALUE: heap_mark(h, ((ObjUpvalue *)o)->closed); break;
    case OBJ_GRAPH: {
        ObjGraph *g = (ObjGraph *)o;
        if (g->name) heap_mark_obj(h, &g->name->obj);
        for (uint32_t i = 0; i < g->n; i++) heap_mark(h, g->in[i]);
        break;
    }
    case OBJ_SYNTH: {
        ObjSynth *sy = (ObjSynth *)o;
        heap_mark_obj(h, &sy->name->obj);
        heap_mark_obj(h, &sy->params->obj);
        heap_mark(h, sy->graph);
        break;
    }
    case OBJ_PARTIAL: {
        ObjPartial *p = (ObjPartial *)o;
        heap_mark(h, p->fn);
        for (int i = 0; i < p->n; i++) heap_mark(h, p->args[i]);
        break;
    }
    default: break;
    }
}

void vm_finalize(Obj *o) {
    ObjFunction *f = (ObjFunction *)o;
    free(f->code);
    free(f->pos);
    free(f->consts);
    free(f->params);
}

const char *val_type_name(Value v) {
    switch (v.kind) {
    case VAL_NIL: return "nil";
    case VAL_BOOL: return "a boolean";
    case VAL_NUM: return "a number";
    case VAL_OBJ: break;
    }
    switch ((ObjKind)v.as.obj->kind) {
    case OBJ_STRING: return "a text";
    case OBJ_LIST: return "a list";
    case OBJ_RECORD: return "a record";
    case OBJ_PATTERN: return "a pattern";
    case OBJ_GRAPH: return "a sound graph";
    case OBJ_SYNTH: return "a synth";
    default: return "a function";
    }
}

/* ---------------------------------------------------------------- globals */

static Global *global_slot(Vm *vm, ObjString *key) {
    size_t mask = vm->capglobals - 1;
    size_t i = (key->hash ^ (size_t)(uintptr_t)key >> 4) & mask;
    while (vm->globals[i].key && vm->globals[i].key != key) i = (i + 1) & mask;
    return &vm->globals[i];
}

static void global_set(Vm *vm, ObjString *key, Value v) {
    if ((vm->nglobals + 1) * 2 > vm->capglobals) {
        Global *old = vm->globals;
        size_t oldcap = vm->capglobals;
        vm->capglobals = oldcap ? oldcap * 2 : 512;
        vm->globals = calloc(vm->capglobals, sizeof(Global));
        if (!vm->globals) abort();
        for (size_t i = 0; i < oldcap; i++)
            if (old[i].key) *global_slot(vm, old[i].key) = old[i];
        free(old);
    }
    Global *g = global_slot(vm, key);
    if (!g->key) vm->nglobals++;
    g->key = key;
    g->val = v;
}

static bool global_get(Vm *vm, ObjString *key, Value *out) {
    if (!vm->capglobals) return false;
    Global *g = global_slot(vm, key);
    if (!g->key) return false;
    *out = g->val;
    return true;
}

bool vm_get_global(Vm *vm, const char *name, Value *out) {
    return global_get(vm, str_c(vm->heap, name), out);
}

void vm_set_global(Vm *vm, const char *name, Value v) {
    heap_push(vm->heap, v);
    ObjString *k = str_c(vm->heap, name);
    heap_pop(vm->heap, 1);
    global_set(vm, k, v);
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

static int edit_distance(const char *a, size_t la, const char *b, size_t lb) {
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
    for (size_t i = 0; i < vm->capglobals; i++) {
        ObjString *k = vm->globals[i].key;
        if (!k) continue;
        int dist = edit_distance(name, len, k->chars, k->len);
        if (dist < best || (dist == best && pick && strcmp(k->chars, pick) < 0))
            best = dist, pick = k->chars;
    }
    for (size_t i = 0; i < nextra; i++) {
        int dist = edit_distance(name, len, extra[i], strlen(extra[i]));
        if (dist < best) best = dist, pick = extra[i];
    }
    if (!pick) return false;
    snprintf(out, size, "%s", pick);
    return true;
}

bool vm_is_defined(Vm *vm, const char *name, size_t len) {
    ObjString *k = str_intern(vm->heap, name, len);
    Value v;
    return global_get(vm, k, &v);
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

const NativeDef *stdlib_natives(int *count);      /* stdlib/ */
const NativeDef *stdlib_ugen_natives(int *count); /* stdlib/graph.c */

Vm *vm_new(void) {
    Vm *vm = calloc(1, sizeof *vm);
    if (!vm) return NULL;
    vm->heap = heap_new();
    if (!vm->heap) {
        free(vm);
        return NULL;
    }
    if (getenv("TALA_GC_STRESS")) heap_set_stress(vm->heap, true);
    vm->sp = vm->stack;
    vm->err = &vm->own_err;
    vm->budget_size = 10 * 1000 * 1000;
    vm->result = NIL_VAL;
    vm->master = NIL_VAL;
    vm->query = (Query){.heap = vm->heap, .err = vm->err, .budget = 50 * 1000 * 1000};
    vm->query.vm = vm;
    heap_add_marker(vm->heap, vm_mark_roots, vm);
    int n;
    const NativeDef *defs = stdlib_natives(&n);
    for (int i = 0; i < n; i++) {
        if (defs[i].flags & NF_VALUE) {
            Value v = NIL_VAL;
            defs[i].fn(vm, NULL, 0, &v);
            vm_set_global(vm, defs[i].name, v);
            continue;
        }
        ObjNative *nat = (ObjNative *)heap_alloc(vm->heap, sizeof(ObjNative), OBJ_NATIVE);
        nat->def = &defs[i];
        vm_set_global(vm, defs[i].name, OBJ_VAL(nat));
    }
    /* unit generators, as hidden globals "~name" (synth bodies, chains) */
    defs = stdlib_ugen_natives(&n);
    for (int i = 0; i < n; i++) {
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
    free(vm->bus_names);
    free(vm->bus_chains);
    free(vm->mix_names);
    free(vm->mix_settings);
    free(vm);
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

ObjGraph *graph_new(Vm *vm, GraphKind kind, const struct UgenDef *ugen, ObjString *name,
                    const Value *in, uint32_t n) {
    /* in may point into a rooted place (the stack); name is rooted by caller */
    ObjGraph *g = (ObjGraph *)heap_alloc(vm->heap, sizeof(ObjGraph) + n * sizeof(Value), OBJ_GRAPH);
    g->kind = (uint8_t)kind;
    g->ugen = ugen;
    g->name = name;
    g->n = n;
    if (n) memcpy(g->in, in, n * sizeof(Value));
    return g;
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

int vm_played(Vm *vm, ObjString ***names) {
    *names = vm->played;
    return vm->nplayed;
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

static Source *keep_source(Vm *vm, const char *name, const char *text, size_t len) {
    Source *s = source_new(name, text, len);
    if (!s) abort();
    vm->sources = realloc(vm->sources, (vm->nsources + 1) * sizeof *vm->sources);
    if (!vm->sources) abort();
    vm->sources[vm->nsources++] = s;
    return s;
}

/* ---------------------------------------------------------------- calls */

static bool push(Vm *vm, Value v) {
    if (vm->sp >= vm->stack + STACK_MAX) return vm_error(vm, "stack overflow");
    *vm->sp++ = v;
    return true;
}

static ObjUpvalue *capture(Vm *vm, Value *local) {
    ObjUpvalue *prev = NULL, *u = vm->open;
    while (u && u->loc > local) prev = u, u = u->next;
    if (u && u->loc == local) return u;
    ObjUpvalue *n = (ObjUpvalue *)heap_alloc(vm->heap, sizeof(ObjUpvalue), OBJ_UPVALUE);
    n->loc = local;
    n->closed = NIL_VAL;
    n->next = u;
    if (prev)
        prev->next = n;
    else
        vm->open = n;
    return n;
}

static void close_upvalues(Vm *vm, Value *last) {
    while (vm->open && vm->open->loc >= last) {
        ObjUpvalue *u = vm->open;
        u->closed = *u->loc;
        u->loc = &u->closed;
        vm->open = u->next;
    }
}

static const char *fn_name(Value f) {
    if (IS_NATIVE(f)) return AS_NATIVE(f)->def->name;
    if (IS_CLOSURE(f)) return AS_CLOSURE(f)->fn->name ? AS_CLOSURE(f)->fn->name->chars : "function";
    if (IS_PARTIAL(f)) return fn_name(AS_PARTIAL(f)->fn);
    return "value";
}

static int fn_arity(Value f, int *flags) {
    *flags = 0;
    if (IS_NATIVE(f)) {
        *flags = AS_NATIVE(f)->def->flags;
        return AS_NATIVE(f)->def->arity;
    }
    if (IS_CLOSURE(f)) return AS_CLOSURE(f)->fn->arity;
    if (IS_PARTIAL(f)) return fn_arity(AS_PARTIAL(f)->fn, flags) - AS_PARTIAL(f)->n;
    return 0;
}

/* Replaces callee + argc arguments on the stack with a partial application. */
static bool make_partial(Vm *vm, int argc) {
    Value *base = vm->sp - argc - 1;
    ObjPartial *p =
        (ObjPartial *)heap_alloc(vm->heap, sizeof(ObjPartial) + argc * sizeof(Value), OBJ_PARTIAL);
    p->fn = base[0];
    p->n = argc;
    memcpy(p->args, base + 1, argc * sizeof(Value));
    vm->sp = base;
    return push(vm, OBJ_VAL(p));
}

/* Calls the callee at sp[-argc-1]. Named arguments (nnamed of them, the
 * last ones, keys given) go to natives as such and to closures by name. For
 * closures a frame is pushed; everything else completes here. */
static bool call_value(Vm *vm, int argc, ObjString **keys, int nnamed) {
    Value *base = vm->sp - argc - 1;
    Value f = base[0];
    if (IS_PARTIAL(f)) {
        ObjPartial *p = AS_PARTIAL(f);
        if (vm->sp + p->n > vm->stack + STACK_MAX) return vm_error(vm, "stack overflow");
        memmove(base + 1 + p->n, base + 1, argc * sizeof(Value));
        memcpy(base + 1, p->args, p->n * sizeof(Value));
        base[0] = p->fn;
        vm->sp += p->n;
        return call_value(vm, argc + p->n, keys, nnamed);
    }
    if (IS_NATIVE(f)) {
        const NativeDef *d = AS_NATIVE(f)->def;
        int positional = argc - nnamed;
        if (positional < d->arity && nnamed == 0) return make_partial(vm, argc);
        if (positional < d->arity)
            return vm_error(vm, "%s needs %d argument%s, got %d", d->name, d->arity,
                            d->arity == 1 ? "" : "s", positional);
        if (positional > d->arity && !(d->flags & NF_VARIADIC) &&
            !((d->flags & NF_CONTROL) && positional == d->arity + 1)) {
            vm_error(vm, "%s takes %d argument%s, got %d", d->name, d->arity,
                     d->arity == 1 ? "" : "s", positional);
            vm_hint(vm, "%s", d->signature);
            return false;
        }
        ObjString **ok = vm->named_keys;
        Value *ov = vm->named_vals;
        int on = vm->nnamed;
        vm->named_keys = keys;
        vm->named_vals = base + 1 + positional;
        vm->nnamed = nnamed;
        Value out = NIL_VAL;
        const NativeDef *prev = vm->current;
        vm->current = d;
        bool ok_ = d->fn(vm, base + 1, positional, &out);
        vm->current = prev;
        vm->named_keys = ok;
        vm->named_vals = ov;
        vm->nnamed = on;
        if (!ok_) {
            if (!vm->err->set) vm_error(vm, "%s failed", d->name);
            return false;
        }
        vm->sp = base;
        return push(vm, out);
    }
    if (IS_CLOSURE(f)) {
        ObjFunction *fn = AS_CLOSURE(f)->fn;
        if (nnamed) {
            /* Put named arguments in their parameter slots. */
            Value tmp[32];
            int positional = argc - nnamed;
            if (fn->arity > 32) return vm_error(vm, "too many parameters");
            for (int i = 0; i < fn->arity; i++) tmp[i] = i < positional ? base[1 + i] : NIL_VAL;
            bool given[32] = {0};
            for (int i = 0; i < positional && i < 32; i++) given[i] = true;
            for (int k = 0; k < nnamed; k++) {
                int i;
                for (i = 0; i < fn->arity; i++)
                    if (fn->params[i] == keys[k]) break;
                if (i == fn->arity)
                    return vm_error(vm, "%s has no parameter named '%s'", fn_name(f),
                                    keys[k]->chars);
                tmp[i] = base[1 + positional + k];
                given[i] = true;
            }
            for (int i = 0; i < fn->arity; i++)
                if (!given[i])
                    return vm_error(vm, "%s: missing argument '%s'", fn_name(f),
                                    fn->params[i]->chars);
            memcpy(base + 1, tmp, fn->arity * sizeof(Value));
            vm->sp = base + 1 + fn->arity;
            argc = fn->arity;
        }
        if (argc < fn->arity) return make_partial(vm, argc);
        if (argc > fn->arity)
            return vm_error(vm, "%s takes %d argument%s, got %d", fn_name(f), fn->arity,
                            fn->arity == 1 ? "" : "s", argc);
        if (vm->nframes == FRAMES_MAX) {
            vm_error(vm, "too many nested calls (is a function calling itself forever?)");
            return false;
        }
        Frame *fr = &vm->frames[vm->nframes++];
        fr->cl = AS_CLOSURE(f);
        fr->ip = fn->code;
        fr->slots = base;
        return true;
    }
    vm_error(vm, "%s is not a function", val_type_name(f));
    if (IS_PATTERN(f)) vm_hint(vm, "to chain a function on a pattern write x.f(...)");
    return false;
}

/* Rearranges [subject, args...] into [f, args..., subject] (or subject
 * first) and calls. */
static bool call_method(Vm *vm, Value f, int argc, ObjString **keys, int nnamed) {
    Value *base = vm->sp - argc - 1;
    Value subject = base[0];
    int flags;
    int arity = fn_arity(f, &flags);
    if (!IS_CALLABLE(f)) {
        vm_error(vm, "%s is not a function", val_type_name(f));
        return false;
    }
    if (!push(vm, NIL_VAL)) return false;
    int positional = argc - nnamed;
    if (flags & NF_SUBJECT_FIRST) {
        memmove(base + 2, base + 1, argc * sizeof(Value));
        base[1] = subject;
    } else {
        /* subject goes after the positional arguments, before named ones */
        memmove(base, base + 1, positional * sizeof(Value));
        memmove(base + positional + 2, base + positional + 1, nnamed * sizeof(Value));
        base[positional] = subject;
        memmove(base + 1, base, (positional + 1) * sizeof(Value));
    }
    base[0] = f;
    if (!(flags & (NF_VARIADIC | NF_CONTROL)) && positional + 1 < arity) {
        vm_error(vm, "%s needs %d argument%s, got %d", fn_name(f), arity, arity == 1 ? "" : "s",
                 positional + 1);
        vm_hint(vm, "in x.f(...), x is the last argument: f's others go in the brackets");
        return false;
    }
    return call_value(vm, argc + 1, keys, nnamed);
}

/* ---------------------------------------------------------------- run */

static uint32_t frame_pos(Frame *fr) {
    ObjFunction *fn = fr->cl->fn;
    ptrdiff_t i = fr->ip - fn->code - 1;
    if (i < 0) i = 0;
    return fn->pos[i];
}

static bool truthy(Value v) {
    return !(IS_NIL(v) || (v.kind == VAL_BOOL && !v.as.b));
}

bool stdlib_binary(Vm *vm, int op, Value a, Value b, Value *out); /* stdlib: patterns too */

static bool arith(Vm *vm, uint8_t op, Value a, Value b, Value *out) {
    if (IS_NUM(a) && IS_NUM(b)) {
        double x = a.as.num, y = b.as.num;
        switch (op) {
        case OP_ADD: *out = NUM_VAL(x + y); return true;
        case OP_SUB: *out = NUM_VAL(x - y); return true;
        case OP_MUL: *out = NUM_VAL(x * y); return true;
        case OP_DIV: *out = NUM_VAL(x / y); return true;
        case OP_MOD: *out = NUM_VAL(x - y * floor(x / y)); return true;
        case OP_LT: *out = BOOL_VAL(x < y); return true;
        case OP_LE: *out = BOOL_VAL(x <= y); return true;
        case OP_GT: *out = BOOL_VAL(x > y); return true;
        case OP_GE: *out = BOOL_VAL(x >= y); return true;
        }
    }
    return stdlib_binary(vm, op, a, b, out);
}

/* Runs frames until the frame count drops to `stop`. */
static bool run(Vm *vm, int stop) {
    Frame *fr = &vm->frames[vm->nframes - 1];
#define READ8()  (*fr->ip++)
#define READ16() (fr->ip += 2, (uint16_t)(fr->ip[-2] | fr->ip[-1] << 8))
#define CONST(i) (fr->cl->fn->consts[i])
#define FAIL()                                                                                     \
    do {                                                                                           \
        if (!vm->err->set) vm_error(vm, "runtime error");                                          \
        return false;                                                                              \
    } while (0)
#define HERE() (vm->at = srcref(fr->cl->fn->src, frame_pos(fr), 1))
    for (;;) {
        if (vm->in_query && --vm->budget < 0) {
            HERE();
            ObjFunction *fn = fr->cl->fn;
            int line, col;
            src_linecol(fn->src, frame_pos(fr), &line, &col);
            vm_error(vm, "'%s' ran too long inside a pattern (stopped after %ld steps)",
                     fn->name ? fn->name->chars : "code", vm->budget_size);
            vm_hint(vm, "an endless loop? the function starts at line %d", line);
            return false;
        }
        uint8_t op = READ8();
        switch (op) {
        case OP_CONST: {
            if (!push(vm, CONST(READ16()))) FAIL();
            break;
        }
        case OP_NIL: push(vm, NIL_VAL); break;
        case OP_TRUE: push(vm, BOOL_VAL(true)); break;
        case OP_FALSE: push(vm, BOOL_VAL(false)); break;
        case OP_POP: vm->sp--; break;
        case OP_GET_LOCAL: push(vm, fr->slots[READ8()]); break;
        case OP_SET_LOCAL: fr->slots[READ8()] = vm->sp[-1]; break;
        case OP_GET_UPVAL: push(vm, *fr->cl->up[READ8()]->loc); break;
        case OP_GET_GLOBAL: {
            ObjString *name = AS_STRING(CONST(READ16()));
            Value v;
            if (!global_get(vm, name, &v)) {
                HERE();
                vm_error(vm, "'%s' is not defined", name->chars);
                FAIL();
            }
            push(vm, v);
            break;
        }
        case OP_DEF_GLOBAL: {
            ObjString *name = AS_STRING(CONST(READ16()));
            global_set(vm, name, vm->sp[-1]);
            vm->sp--;
            break;
        }
        case OP_CALL:
        case OP_CALL_NAMED: {
            int argc = READ8();
            ObjString *kb[32];
            int nnamed = 0;
            if (op == OP_CALL_NAMED) {
                ObjList *names = AS_LIST(CONST(READ16()));
                nnamed = (int)names->len;
                for (int i = 0; i < nnamed && i < 32; i++) kb[i] = AS_STRING(names->items[i]);
            }
            HERE();
            int before = vm->nframes;
            if (!call_value(vm, argc, kb, nnamed)) FAIL();
            if (vm->nframes > before) fr = &vm->frames[vm->nframes - 1];
            break;
        }
        case OP_METHOD:
        case OP_METHOD_NAMED: {
            ObjString *name = AS_STRING(CONST(READ16()));
            int argc = READ8();
            ObjString *kb[32];
            int nnamed = 0;
            if (op == OP_METHOD_NAMED) {
                ObjList *names = AS_LIST(CONST(READ16()));
                nnamed = (int)names->len;
                for (int i = 0; i < nnamed && i < 32; i++) kb[i] = AS_STRING(names->items[i]);
            }
            HERE();
            Value f;
            if (!global_get(vm, name, &f)) {
                vm_error(vm, "unknown function '%s'", name->chars);
                FAIL();
            }
            int before = vm->nframes;
            if (!call_method(vm, f, argc, kb, nnamed)) FAIL();
            if (vm->nframes > before) fr = &vm->frames[vm->nframes - 1];
            break;
        }
        case OP_CLOSURE: {
            ObjFunction *fn = AS_FUNCTION(CONST(READ16()));
            ObjClosure *cl = (ObjClosure *)heap_alloc(
                vm->heap, sizeof(ObjClosure) + fn->nupvals * sizeof(ObjUpvalue *), OBJ_CLOSURE);
            cl->fn = fn;
            cl->n = fn->nupvals;
            push(vm, OBJ_VAL(cl));
            for (int i = 0; i < fn->nupvals; i++) {
                uint8_t local = READ8(), index = READ8();
                cl->up[i] = local ? capture(vm, fr->slots + index) : fr->cl->up[index];
            }
            break;
        }
        case OP_LET_END: {
            Value *slot = fr->slots + READ8();
            close_upvalues(vm, slot);
            *slot = vm->sp[-1];
            vm->sp = slot + 1;
            break;
        }
        case OP_RETURN: {
            Value r = vm->sp[-1];
            close_upvalues(vm, fr->slots);
            vm->sp = fr->slots;
            vm->nframes--;
            push(vm, r);
            if (vm->nframes == stop) return true;
            fr = &vm->frames[vm->nframes - 1];
            break;
        }
        case OP_JUMP: {
            uint16_t off = READ16();
            fr->ip += off;
            break;
        }
        case OP_JUMP_IF_FALSE: {
            uint16_t off = READ16();
            if (!truthy(*--vm->sp)) fr->ip += off;
            break;
        }
        case OP_AND: {
            uint16_t off = READ16();
            if (!truthy(vm->sp[-1]))
                fr->ip += off;
            else
                vm->sp--;
            break;
        }
        case OP_OR: {
            uint16_t off = READ16();
            if (truthy(vm->sp[-1]))
                fr->ip += off;
            else
                vm->sp--;
            break;
        }
        case OP_LIST: {
            int n = READ16();
            ObjList *l = list_new(vm->heap, vm->sp - n, (uint32_t)n);
            vm->sp -= n;
            push(vm, OBJ_VAL(l));
            break;
        }
        case OP_RECORD: {
            ObjList *keys = AS_LIST(CONST(READ16()));
            int n = (int)keys->len;
            RecField fs[64];
            if (n > 64) {
                HERE();
                vm_error(vm, "a record has at most 64 fields");
                FAIL();
            }
            for (int i = 0; i < n; i++)
                fs[i] = (RecField){AS_STRING(keys->items[i]), vm->sp[-n + i]};
            ObjRecord *r = rec_new(vm->heap, fs, (uint32_t)n);
            vm->sp -= n;
            push(vm, OBJ_VAL(r));
            break;
        }
        case OP_ADD:
        case OP_SUB:
        case OP_MUL:
        case OP_DIV:
        case OP_MOD:
        case OP_LT:
        case OP_LE:
        case OP_GT:
        case OP_GE: {
            Value b = vm->sp[-1], a = vm->sp[-2], r;
            HERE();
            if (!arith(vm, op, a, b, &r)) FAIL();
            vm->sp -= 2;
            push(vm, r);
            break;
        }
        case OP_EQ:
        case OP_NE: {
            Value b = *--vm->sp, a = *--vm->sp;
            bool eq = val_equal(a, b);
            push(vm, BOOL_VAL(op == OP_EQ ? eq : !eq));
            break;
        }
        case OP_NEG: {
            Value a = vm->sp[-1], r;
            HERE();
            if (IS_NUM(a)) {
                vm->sp[-1] = NUM_VAL(-a.as.num);
                break;
            }
            if (!stdlib_binary(vm, OP_MUL, a, NUM_VAL(-1), &r)) FAIL();
            vm->sp[-1] = r;
            break;
        }
        case OP_NOT: vm->sp[-1] = BOOL_VAL(!truthy(vm->sp[-1])); break;
        case OP_TEMPO: {
            Value t = *--vm->sp;
            HERE();
            if (!IS_NUM(t) || !(t.as.num > 0) || t.as.num > 10000) {
                vm_error(vm, "tempo must be a number of beats per minute, like 120");
                FAIL();
            }
            vm->tempo = t.as.num;
            break;
        }
        case OP_PLAY: {
            ObjList *names = AS_LIST(CONST(READ16()));
            free(vm->played);
            vm->nplayed = 0;
            vm->played = malloc((names->len + 1) * sizeof(ObjString *));
            if (!vm->played) abort();
            for (uint32_t i = 0; i < names->len; i++) {
                ObjString *n = AS_STRING(names->items[i]);
                Value v;
                HERE();
                if (!global_get(vm, n, &v)) {
                    vm_error(vm, "cannot play '%s': it is not defined", n->chars);
                    FAIL();
                }
                if (!IS_PATTERN(v)) {
                    vm_error(vm, "cannot play '%s': it is %s, not a pattern", n->chars,
                             val_type_name(v));
                    FAIL();
                }
                vm->played[vm->nplayed++] = n;
            }
            break;
        }
        case OP_SYNTH: {
            ObjString *name = AS_STRING(CONST(READ16()));
            HERE();
            Value fn = vm->sp[-1]; /* stays on the stack (rooted) while it runs */
            ObjFunction *f = AS_CLOSURE(fn)->fn;
            Value params[32];
            if (f->arity > 32) {
                vm_error(vm, "a synth has at most 32 parameters");
                FAIL();
            }
            for (int i = 0; i < f->arity; i++) {
                params[i] = OBJ_VAL(graph_new(vm, GRAPH_PARAM, NULL, f->params[i], NULL, 0));
                push(vm, params[i]); /* rooted */
            }
            Value body;
            bool ok = vm_call(vm, fn, params, f->arity, &body);
            vm->sp -= f->arity;
            if (!ok) FAIL();
            if (!IS_GRAPH(body) && !IS_NUM(body)) {
                vm_error(vm, "synth %s: the body gives %s, not a sound", name->chars,
                         val_type_name(body));
                vm_hint(vm, "a synth body is made of unit generators: saw(freq).lpf(800) * env()");
                FAIL();
            }
            push(vm, body);
            Value names[32];
            for (int i = 0; i < f->arity; i++) names[i] = OBJ_VAL(f->params[i]);
            ObjList *pl = list_new(vm->heap, names, (uint32_t)f->arity);
            push(vm, OBJ_VAL(pl));
            ObjSynth *sy = (ObjSynth *)heap_alloc(vm->heap, sizeof(ObjSynth), OBJ_SYNTH);
            sy->name = name;
            sy->params = pl;
            sy->graph = body;
            vm->sp -= 3; /* pl, body, fn */
            push(vm, OBJ_VAL(sy));
            {
                /* every synth is an instrument, found by s("name"); it is also
                 * a global, unless that would hide a built-in (sine, saw, ...
                 * stay the pattern signals; use s("sine") for the synth) */
                char key[80];
                snprintf(key, sizeof key, "synth:%s", name->chars);
                ObjString *k = str_c(vm->heap, key);
                global_set(vm, k, OBJ_VAL(sy));
                Value old;
                bool builtin = global_get(vm, name, &old) && !IS_SYNTH(old);
                if (!builtin && !vm->in_prelude) global_set(vm, name, OBJ_VAL(sy));
            }
            vm->sp--;
            break;
        }
        case OP_BUS:
        case OP_MASTER: {
            ObjString *name = op == OP_BUS ? AS_STRING(CONST(READ16())) : NULL;
            Value chain = vm->sp[-1];
            HERE();
            if (!IS_GRAPH(chain)) {
                vm_error(vm, "%s needs an effect chain, got %s", op == OP_BUS ? "a bus" : "master",
                         val_type_name(chain));
                vm_hint(vm, "for example: reverb(size: 0.8) or comp(-14dB, 3).limit(-1dB)");
                FAIL();
            }
            if (op == OP_MASTER) {
                vm->master = chain;
            } else {
                int i;
                for (i = 0; i < vm->nbuses; i++)
                    if (vm->bus_names[i] == name) break;
                if (i == vm->nbuses) {
                    vm->bus_names = realloc(vm->bus_names, (size_t)(i + 1) * sizeof(ObjString *));
                    vm->bus_chains = realloc(vm->bus_chains, (size_t)(i + 1) * sizeof(Value));
                    if (!vm->bus_names || !vm->bus_chains) abort();
                    vm->bus_names[i] = name;
                    vm->nbuses++;
                }
                vm->bus_chains[i] = chain;
            }
            vm->sp--;
            break;
        }
        case OP_MIX: {
            ObjString *name = AS_STRING(CONST(READ16()));
            Value rec = vm->sp[-1];
            HERE();
            if (!IS_RECORD(rec)) {
                vm_error(vm, "mix %s: expected settings like { gain: -6, pan: 0.3 }", name->chars);
                FAIL();
            }
            static const char *known[] = {"gain", "pan", "mute",  "solo",
                                          "send", "fx",  "quant", NULL};
            ObjRecord *r = AS_RECORD(rec);
            for (uint32_t k = 0; k < r->len; k++) {
                int j;
                for (j = 0; known[j]; j++)
                    if (!strcmp(r->fields[k].key->chars, known[j])) break;
                if (!known[j]) {
                    vm_error(vm, "mix %s: unknown setting '%s'", name->chars,
                             r->fields[k].key->chars);
                    vm_hint(vm,
                            "settings are gain, pan, mute, solo, send { bus: amount }, fx, quant");
                    FAIL();
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
            break;
        }
        default:
            HERE();
            vm_error(vm, "bad instruction %d", op);
            FAIL();
        }
    }
#undef READ8
#undef READ16
#undef CONST
#undef FAIL
#undef HERE
}

bool vm_call(Vm *vm, Value fn, Value *args, int argc, Value *out) {
    Value *base = vm->sp;
    int frames = vm->nframes;
    if (!push(vm, fn)) return false;
    for (int i = 0; i < argc; i++)
        if (!push(vm, args[i])) return false;
    bool ok = call_value(vm, argc, NULL, 0);
    if (ok && vm->nframes > frames) ok = run(vm, frames);
    if (!ok) {
        vm->sp = base;
        vm->nframes = frames;
        return false;
    }
    *out = vm->sp[-1];
    vm->sp = base;
    return true;
}

/* Runs a compiled top-level function. */
static bool run_top(Vm *vm, ObjFunction *fn, Value *out) {
    heap_push(vm->heap, OBJ_VAL(fn));
    ObjClosure *cl = (ObjClosure *)heap_alloc(vm->heap, sizeof(ObjClosure), OBJ_CLOSURE);
    cl->fn = fn;
    heap_pop(vm->heap, 1);
    Value r;
    bool ok = vm_call(vm, OBJ_VAL(cl), NULL, 0, &r);
    if (ok) vm->result = r;
    if (ok && out) *out = r;
    return ok;
}

static bool evaluate(Vm *vm, const char *name, const char *text, size_t len, bool expr, Value *out,
                     Err *err) {
    Source *src = keep_source(vm, name, text, len);
    vm->err = err;
    vm->query.err = err;
    Program prog;
    bool ok = expr ? parse_expression(src, &prog, err) : parse_program(src, &prog, err);
    if (!ok) {
        vm->err = &vm->own_err;
        return false;
    }
    ObjFunction *fn = compile_program(vm, &prog, expr, err);
    program_free(&prog);
    ok = fn && run_top(vm, fn, out);
    vm->err = &vm->own_err;
    vm->own_err.set = false;
    return ok;
}

bool vm_check(Vm *vm, const char *name, const char *text, size_t len, Err *err) {
    /* Kept like every evaluated source: the error (and any pattern
     * constants made) point into it. */
    Source *src = keep_source(vm, name, text, len);
    vm->err = err;
    vm->query.err = err;
    Program prog;
    bool ok = parse_program(src, &prog, err);
    if (ok) {
        ok = compile_program(vm, &prog, false, err) != NULL;
        program_free(&prog);
    }
    vm->err = &vm->own_err;
    vm->query.err = vm->err;
    return ok;
}

bool vm_run_source(Vm *vm, const char *name, const char *text, size_t len, Err *err) {
    return evaluate(vm, name, text, len, false, NULL, err);
}

bool vm_eval_expr(Vm *vm, const char *name, const char *text, size_t len, Value *out, Err *err) {
    return evaluate(vm, name, text, len, true, out, err);
}

/* Called by the pattern engine around user code run inside a query. */
void vm_enter_query(Vm *vm) {
    if (vm->in_query++ == 0) vm->budget = vm->budget_size;
}
void vm_leave_query(Vm *vm) {
    vm->in_query--;
}

const NativeDef *vm_natives(int *count) {
    return stdlib_natives(count);
}

/* ---------------------------------------------------------------- disasm */

static const struct {
    const char *name;
    int operands;
} OPINFO[] = {
#define OP(name, n, doc) {#name, n},
#include "opcodes.h"
#undef OP
};

static void disasm_fn(ObjFunction *fn, FILE *f) {
    fprintf(f, "== %s (%d parameter%s, %d constant%s) ==\n", fn->name ? fn->name->chars : "<top>",
            fn->arity, fn->arity == 1 ? "" : "s", fn->nconsts, fn->nconsts == 1 ? "" : "s");
    int last_line = -1;
    for (int i = 0; i < fn->len;) {
        int line, col;
        src_linecol(fn->src, fn->pos[i], &line, &col);
        if (line != last_line) {
            const char *s = fn->src->text;
            uint32_t b = fn->pos[i];
            while (b > 0 && s[b - 1] != '\n') b--;
            uint32_t e = b;
            while (s[e] && s[e] != '\n') e++;
            fprintf(f, "%4d | %.*s\n", line, (int)(e - b), s + b);
            last_line = line;
        }
        uint8_t op = fn->code[i];
        fprintf(f, "     %04d %-14s", i, OPINFO[op].name);
        int n = OPINFO[op].operands;
        if (op == OP_CALL_NAMED) {
            fprintf(f, " %d  ; named ", fn->code[i + 1]);
            char buf[64];
            val_format(fn->consts[fn->code[i + 2] | fn->code[i + 3] << 8], buf, sizeof buf);
            fprintf(f, "%s\n", buf);
            i += 4;
            continue;
        }
        if (n == 1) fprintf(f, " %d", fn->code[i + 1]);
        if (n >= 2) {
            int a = fn->code[i + 1] | fn->code[i + 2] << 8;
            fprintf(f, " %d", a);
            if (op == OP_CONST || op == OP_GET_GLOBAL || op == OP_DEF_GLOBAL || op == OP_SYNTH ||
                op == OP_BUS || op == OP_MIX || op == OP_METHOD || op == OP_METHOD_NAMED) {
                char buf[48];
                val_format(fn->consts[a], buf, sizeof buf);
                fprintf(f, "  ; %s", IS_FUNCTION(fn->consts[a]) ? "<function>" : buf);
            }
        }
        if (n == 3) fprintf(f, " %d", fn->code[i + 3]);
        if (n == 5) fprintf(f, " %d %d", fn->code[i + 3], fn->code[i + 4] | fn->code[i + 5] << 8);
        i += 1 + n;
        if (op == OP_CLOSURE) {
            ObjFunction *inner = AS_FUNCTION(fn->consts[fn->code[i - 2] | fn->code[i - 1] << 8]);
            for (int k = 0; k < inner->nupvals; k++) {
                fprintf(f, " %s%d", fn->code[i] ? "local:" : "up:", fn->code[i + 1]);
                i += 2;
            }
        }
        fputc('\n', f);
    }
    for (int i = 0; i < fn->nconsts; i++)
        if (IS_FUNCTION(fn->consts[i])) disasm_fn(AS_FUNCTION(fn->consts[i]), f);
}

bool vm_disasm(Vm *vm, const char *name, const char *text, size_t len, FILE *f, Err *err) {
    Source *src = keep_source(vm, name, text, len);
    vm->err = err;
    Program prog;
    if (!parse_program(src, &prog, err)) return false;
    ObjFunction *fn = compile_program(vm, &prog, false, err);
    program_free(&prog);
    vm->err = &vm->own_err;
    if (!fn) return false;
    heap_push(vm->heap, OBJ_VAL(fn));
    disasm_fn(fn, f);
    heap_pop(vm->heap, 1);
    return true;
}
