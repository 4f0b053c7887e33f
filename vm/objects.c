/*
 * objects.c - the VM's object kinds: compiled functions (code, source
 * positions, constants), closures, upvalues, partial applications, sound
 * graph nodes and synths; what each references (for the collector) and what
 * a function owns outside the heap (freed with it). Control thread only.
 */
#include "vm_impl.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

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
        if (sy->defaults) heap_mark_obj(h, &sy->defaults->obj);
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