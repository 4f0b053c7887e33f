/*
 * vm_impl.h - the inside of the VM, shared by the files of vm/ that make it
 * up: vm.c (setup, globals, errors), interp.c (calls, closures, partials
 * and the instruction loop), state.c (the session state a program
 * sets: tempo, play, synths, buses, master, mix, and its save/restore),
 * objects.c (function objects and their tracing), disasm.c. Only vm/
 * includes this header. Control thread only.
 */
#ifndef TALA_VM_IMPL_H
#define TALA_VM_IMPL_H

#include "bytecode.h"
#include "vm.h"

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
    const VmLibrary *lib; /* natives and the operator on non-numbers (never NULL) */
    Value stack[STACK_MAX];
    Value *sp;
    Frame frames[FRAMES_MAX];
    int nframes;
    ObjUpvalue *open;

    Global *globals;
    size_t nglobals, capglobals;
    double inputs[VM_INPUTS]; /* vm_set_input */

    Source **sources;
    size_t nsources;

    Err *err;    /* where errors of the current evaluation go */
    Err own_err; /* used when no caller gave one */
    SrcRef at;   /* position of the call in progress, for native errors */
    Query query; /* for natives that query patterns */
    /* Instruction accounting: the loop only counts `ticks` down; at -1 it
     * calls watch(), which charges what ran to the budget in force (the
     * query's inside a pattern query, else the top level's) and to the
     * yield hook, raises the error of a spent budget, runs the hook when it
     * is due, and sets ticks to the next time anything can happen. */
    long ticks, ticks_set;
    long budget; /* instructions left for code run inside queries */
    long budget_size;
    long top_left; /* instructions left for the outermost call (an evaluation) */
    long top_size;
    int in_query;      /* > 0 while a pattern query calls into the VM */
    bool query_of_top; /* the query was entered from an evaluation: it spends its budget too */
    VmYieldFn yield;   /* called every yield_every instructions outside queries */
    void *yield_ud;
    long yield_every, yield_left;
    bool in_yield; /* the hook is running: no yield inside it */

    ObjString **named_keys; /* named arguments of the native call in progress */
    Value *named_vals;
    int nnamed;

    double tempo;
    ObjString **played;
    int nplayed;
    unsigned plays;        /* play statements run so far */
    ObjString **bus_names; /* bus NAME = chain */
    Value *bus_chains;
    int nbuses;
    Value master;
    ObjString **mix_names; /* mix NAME { ... } */
    ObjRecord **mix_settings;
    int nmix;
    const NativeDef *current; /* the native being called */
    bool safe;                /* safe mode: see vm_set_safe */
    VmSoundFn sound_known;    /* see vm_set_sound_known */
    void *sound_ud;
    bool in_prelude; /* defining the built-in instruments */

    /* Strudel's labelled blocks of the program run in progress (vm_label) */
    ObjString **labels;
    int nlabels, caplabels;
    int anon_labels; /* `$:` blocks so far: `$0`, `$1`, ... */
    bool hushed;     /* hush() ran */
    Value all_fns;   /* all(f): a list of functions, in order (nil: none) */
    Value each_fn;   /* each(f): the last one (nil: none) */
    Value result;    /* last expression value, rooted */
    Err warnings[8]; /* raised by natives (vm_warn), until taken */
    int nwarnings;

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

/* vm.c */
void vm_global_store(Vm *vm, ObjString *key, Value v);

/* The hot paths of the interpreter, inline wherever they are used. */
static inline Global *vm_global_slot(Vm *vm, ObjString *key) {
    size_t mask = vm->capglobals - 1;
    size_t i = (key->hash ^ (size_t)(uintptr_t)key >> 4) & mask;
    while (vm->globals[i].key && vm->globals[i].key != key) i = (i + 1) & mask;
    return &vm->globals[i];
}

static inline bool vm_global_lookup(Vm *vm, ObjString *key, Value *out) {
    if (!vm->capglobals) return false;
    Global *g = vm_global_slot(vm, key);
    if (!g->key) return false;
    *out = g->val;
    return true;
}

static inline bool vm_stack_push(Vm *vm, Value v) {
    if (vm->sp >= vm->stack + STACK_MAX) return vm_error(vm, "stack overflow");
    *vm->sp++ = v;
    return true;
}

/* interp.c: calls */
ObjUpvalue *vm_capture(Vm *vm, Value *local);
void vm_close_upvalues(Vm *vm, Value *last);
/* Calls the callee at sp[-argc-1] (a frame is pushed for a closure). */
bool vm_call_value(Vm *vm, int argc, ObjString **keys, int nnamed);
/* Rearranges [subject, args...] into [f, args..., subject] and calls. */
bool vm_call_method(Vm *vm, Value f, int argc, ObjString **keys, int nnamed);
/* Runs a compiled top-level function; its result is kept as vm->result. */
bool vm_run_top(Vm *vm, ObjFunction *fn, Value *out);

/* interp.c: charges the instructions run since the last watch to the
 * budget in force and sets the next watch (before the context changes). */
void vm_account(Vm *vm);
/* interp.c: runs frames until the frame count drops to stop. */
bool vm_run(Vm *vm, int stop);

/* state.c: the statements that set the session state, at vm->at; the
 * operand is on the stack top (popped on success) except for play. */
bool vm_op_tempo(Vm *vm);
bool vm_op_play(Vm *vm, ObjList *names);
/* Before and after a program run: the labelled blocks it recorded become what
 * plays (a `play` of them, the program's value dropped), with all/each applied. */
void vm_labels_begin(Vm *vm);
bool vm_labels_finish(Vm *vm, Value *result);
bool vm_op_synth(Vm *vm, ObjString *name);
bool vm_op_chain(Vm *vm, ObjString *bus); /* bus NAME = chain; NULL: master = chain */
bool vm_op_mix(Vm *vm, ObjString *name);

/* objects.c: the heap's tracing of the VM's object kinds */
void vm_trace(Heap *h, Obj *o);
void vm_finalize(Obj *o);

#endif
