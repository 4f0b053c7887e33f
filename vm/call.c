/*
 * call.c - calls, the way Strudel calls: the callee sits below its
 * arguments on the stack. A closure gets a frame whose slot 0 is the callee
 * and 1.. the arguments; a native is called on the argument slice and its
 * result replaces callee and arguments. Fewer arguments than the callee
 * needs make an ObjPartial (Strudel's curry); a method call x.f(a) moves the
 * subject into place first (last, or first for cat/stack-like functions) and
 * must complete the call. Upvalues are open while their variable is on the
 * stack and closed when it leaves. Control thread only.
 */
#include "vm_impl.h"

#include <stdlib.h>
#include <string.h>

bool vm_stack_push(Vm *vm, Value v) {
    if (vm->sp >= vm->stack + STACK_MAX) return vm_error(vm, "stack overflow");
    *vm->sp++ = v;
    return true;
}

ObjUpvalue *vm_capture(Vm *vm, Value *local) {
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

void vm_close_upvalues(Vm *vm, Value *last) {
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
    return vm_stack_push(vm, OBJ_VAL(p));
}

/* Calls the callee at sp[-argc-1]. Named arguments (nnamed of them, the
 * last ones, keys given) go to natives as such and to closures by name. For
 * closures a frame is pushed; everything else completes here. */
bool vm_call_value(Vm *vm, int argc, ObjString **keys, int nnamed) {
    Value *base = vm->sp - argc - 1;
    Value f = base[0];
    if (IS_PARTIAL(f)) {
        ObjPartial *p = AS_PARTIAL(f);
        if (vm->sp + p->n > vm->stack + STACK_MAX) return vm_error(vm, "stack overflow");
        memmove(base + 1 + p->n, base + 1, argc * sizeof(Value));
        memcpy(base + 1, p->args, p->n * sizeof(Value));
        base[0] = p->fn;
        vm->sp += p->n;
        return vm_call_value(vm, argc + p->n, keys, nnamed);
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
        return vm_stack_push(vm, out);
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
bool vm_call_method(Vm *vm, Value f, int argc, ObjString **keys, int nnamed) {
    Value *base = vm->sp - argc - 1;
    Value subject = base[0];
    int flags;
    int arity = fn_arity(f, &flags);
    if (!IS_CALLABLE(f)) {
        vm_error(vm, "%s is not a function", val_type_name(f));
        return false;
    }
    if (!vm_stack_push(vm, NIL_VAL)) return false;
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
    return vm_call_value(vm, argc + 1, keys, nnamed);
}

bool vm_call(Vm *vm, Value fn, Value *args, int argc, Value *out) {
    Value *base = vm->sp;
    int frames = vm->nframes;
    if (!vm_stack_push(vm, fn)) return false;
    for (int i = 0; i < argc; i++)
        if (!vm_stack_push(vm, args[i])) return false;
    bool ok = vm_call_value(vm, argc, NULL, 0);
    if (ok && vm->nframes > frames) ok = vm_run(vm, frames);
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
bool vm_run_top(Vm *vm, ObjFunction *fn, Value *out) {
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
