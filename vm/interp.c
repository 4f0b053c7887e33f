/*
 * interp.c - calls and the instruction loop, in one file so that the hot
 * paths (a call, a push, a global) inline into the loop.
 *
 * The loop is a stack machine in the manner of Lua and Wren. Each opcode's
 * case is a line or a few; what is longer is a named function (calls here,
 * the session-state statements in state.c). Arithmetic on anything but two
 * numbers (patterns, signals) goes to the library's operator
 * (VmLibrary.binary). Inside a pattern query every instruction spends the
 * budget, so an endless loop becomes an error on the query, never a hung
 * scheduler; outside one, a yield hook lets a long evaluation share its
 * thread with the scheduler.
 *
 * Calls, the way Strudel calls: the callee sits below its arguments on the
 * stack. A closure gets a frame whose slot 0 is the callee and 1.. the
 * arguments; a native is called on the argument slice and its result
 * replaces callee and arguments. Fewer arguments than the callee needs make
 * an ObjPartial (Strudel's curry); a method call x.f(a) moves the subject
 * into place first (last, or first for cat/stack-like functions) and must
 * complete the call. Upvalues are open while their variable is on the stack
 * and closed when it leaves. Control thread only.
 */
#include "vm_impl.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* ---------------------------------------------------------------- calls */

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
        /* a pattern made by this call remembers it, for errors of its queries */
        if (IS_PATTERN(out) && !AS_PATTERN(out)->where.src) AS_PATTERN(out)->where = vm->at;
        vm->sp = base;
        return vm_stack_push(vm, out);
    }
    if (IS_CLOSURE(f)) {
        ObjFunction *fn = AS_CLOSURE(f)->fn;
        if (nnamed) {
            /* Put named arguments in their parameter slots. */
            Value tmp[FN_MAX_PARAMS];
            int positional = argc - nnamed;
            if (fn->arity > FN_MAX_PARAMS) return vm_error(vm, "too many parameters");
            for (int i = 0; i < fn->arity; i++) tmp[i] = i < positional ? base[1 + i] : NIL_VAL;
            bool given[FN_MAX_PARAMS] = {0};
            for (int i = 0; i < positional && i < FN_MAX_PARAMS; i++) given[i] = true;
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
        if (argc > fn->arity) {
            vm_error(vm, "%s takes %d argument%s, got %d", fn_name(f), fn->arity,
                     fn->arity == 1 ? "" : "s", argc);
            char sig[200];
            int k = snprintf(sig, sizeof sig, "%s(", fn_name(f));
            for (int i = 0; i < fn->arity && k < (int)sizeof sig; i++)
                k += snprintf(sig + k, sizeof sig - (size_t)k, "%s%s", i ? ", " : "",
                              fn->params[i]->chars);
            vm_hint(vm, "%.*s)%s", k < (int)sizeof sig ? k : (int)sizeof sig - 1, sig,
                    fn->arity <= 2 ? "; a decimal is written with a dot: 1.5" : "");
            return false;
        }
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
    if (frames == 0 && !vm->in_query) { /* an evaluation starts: its own budget */
        vm->top_left = vm->top_size;
        vm_account(vm);
    }
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
    vm_labels_begin(vm);
    bool ok = vm_call(vm, OBJ_VAL(cl), NULL, 0, &r);
    if (ok) {
        heap_push(vm->heap, r);
        ok = vm_labels_finish(vm, &r);
        heap_pop(vm->heap, 1);
    } else {
        vm_labels_begin(vm); /* forget what the failed run recorded */
    }
    if (ok) vm->result = r;
    if (ok && out) *out = r;
    return ok;
}

/* ---------------------------------------------------------------- the loop */

static uint32_t frame_pos(Frame *fr) {
    ObjFunction *fn = fr->cl->fn;
    ptrdiff_t i = fr->ip - fn->code - 1;
    if (i < 0) i = 0;
    return fn->pos[i];
}

static bool truthy(Value v) {
    return !(IS_NIL(v) || (v.kind == VAL_BOOL && !v.as.b));
}

static inline __attribute__((always_inline)) bool arith(Vm *vm, uint8_t op, Value a, Value b,
                                                        Value *out) {
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
    if (vm->lib->binary) return vm->lib->binary(vm, op, a, b, out);
    return vm_error(vm, "cannot combine %s and %s", val_type_name(a), val_type_name(b));
}

/* Lets the yield hook run between two instructions; what a call in
 * progress keeps in the VM (its position, error destination) is put back. */
static void swap_globals(Vm *vm) {
    Global *g = vm->globals;
    size_t n = vm->nglobals, cap = vm->capglobals;
    vm->globals = vm->saved.globals, vm->nglobals = vm->saved.nglobals;
    vm->capglobals = vm->saved.capglobals;
    vm->saved.globals = g, vm->saved.nglobals = n, vm->saved.capglobals = cap;
}

static bool yield(Vm *vm) {
    vm->yield_left = vm->yield_every;
    SrcRef at = vm->at;
    Err *err = vm->err;
    vm->in_yield = true;
    /* what plays sees the globals from before this evaluation, not its half-made ones
     * (an evaluation that fails is then never heard) */
    bool swapped = vm->saved.on;
    if (swapped) swap_globals(vm);
    bool go_on = vm->yield(vm->yield_ud);
    if (swapped) swap_globals(vm);
    vm->in_yield = false;
    vm->at = at;
    vm->err = err;
    vm->query.err = err;
    if (!go_on) {
        vm_error(vm, "evaluation stopped");
        vm_hint(vm, "the music played on; nothing of this evaluation was kept");
    }
    return go_on;
}

/* Instructions between two looks at the budgets and the heap, at most. */
#define VM_WATCH_EVERY 65536

void vm_account(Vm *vm) {
    long ran = vm->ticks_set - vm->ticks;
    if (vm->in_query) vm->budget -= ran;
    if (!vm->in_query || vm->query_of_top) /* a query an evaluation makes is part of its work */
        vm->top_left -= ran;
    if (vm->yield && !vm->in_query) vm->yield_left -= ran;
    long next = vm->in_query ? vm->budget : vm->top_left;
    if (vm->in_query && vm->query_of_top && vm->top_left < next) next = vm->top_left;
    if (vm->yield && !vm->in_query && !vm->in_yield && vm->yield_left < next) next = vm->yield_left;
    if (next > VM_WATCH_EVERY) next = VM_WATCH_EVERY; /* the heap's bound is looked at too */
    if (next < 0) next = 0;                           /* spent: the next instruction watches */
    vm->ticks = vm->ticks_set = next;
}

/* Between two instructions, when ticks ran out: false (with the error
 * raised) when the budget in force is spent or the yield hook says stop. */
static bool watch(Vm *vm, Frame *fr) {
    vm_account(vm);
    if (heap_over_limit(vm->heap)) heap_collect(vm->heap); /* what is left of an old error? */
    if (heap_over_limit(vm->heap)) {
        vm->at = srcref(fr->cl->fn->src, frame_pos(fr), 1);
        ObjFunction *fn = fr->cl->fn;
        vm_error(vm, "'%s' made more values than tala keeps (over %zu MB)",
                 fn->name ? fn->name->chars : "the program", heap_limit(vm->heap) >> 20);
        vm_hint(vm, "a function that builds ever bigger lists or patterns? nothing of this "
                    "evaluation was kept");
        vm->ticks = vm->ticks_set = 0;
        return false;
    }
    bool query_spent = vm->in_query && vm->budget < 0;
    bool spent = query_spent || ((!vm->in_query || vm->query_of_top) && vm->top_left < 0);
    if (spent) {
        vm->at = srcref(fr->cl->fn->src, frame_pos(fr), 1);
        ObjFunction *fn = fr->cl->fn;
        int line, col;
        src_linecol(fn->src, frame_pos(fr), &line, &col);
        if (query_spent) {
            vm_error(vm, "'%s' ran too long inside a pattern (stopped after %ld steps)",
                     fn->name ? fn->name->chars : "code", vm->budget_size);
            vm_hint(vm, "an endless loop? the function starts at line %d", line);
        } else {
            vm_error(vm, "'%s' ran too long (stopped after %ld steps)",
                     fn->name ? fn->name->chars : "the program", vm->top_size);
            vm_hint(vm,
                    "an endless recursion, or too much work for one evaluation? the function "
                    "starts at line %d",
                    line);
        }
        vm->ticks = vm->ticks_set = 0; /* what unwinds stops at once too */
        return false;
    }
    if (vm->yield && !vm->in_query && !vm->in_yield && vm->yield_left <= 0) {
        vm->at = srcref(fr->cl->fn->src, frame_pos(fr), 1);
        bool go_on = yield(vm);
        vm_account(vm);
        return go_on;
    }
    return true;
}

/* Runs frames until the frame count drops to `stop`. */
bool vm_run(Vm *vm, int stop) {
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
        if (--vm->ticks < 0 && !watch(vm, fr)) FAIL(); /* one count per instruction */
        uint8_t op = READ8();
        switch (op) {
        case OP_CONST: {
            if (!vm_stack_push(vm, CONST(READ16()))) FAIL();
            break;
        }
        case OP_NIL: vm_stack_push(vm, NIL_VAL); break;
        case OP_TRUE: vm_stack_push(vm, BOOL_VAL(true)); break;
        case OP_FALSE: vm_stack_push(vm, BOOL_VAL(false)); break;
        case OP_POP: vm->sp--; break;
        case OP_GET_LOCAL: vm_stack_push(vm, fr->slots[READ8()]); break;
        case OP_SET_LOCAL: fr->slots[READ8()] = vm->sp[-1]; break;
        case OP_GET_UPVAL: vm_stack_push(vm, *fr->cl->up[READ8()]->loc); break;
        case OP_GET_GLOBAL: {
            ObjString *name = AS_STRING(CONST(READ16()));
            Value v;
            if (!vm_global_lookup(vm, name, &v)) {
                HERE();
                vm_error(vm, "'%s' is not defined", name->chars);
                FAIL();
            }
            vm_stack_push(vm, v);
            break;
        }
        case OP_DEF_GLOBAL: {
            ObjString *name = AS_STRING(CONST(READ16()));
            vm_global_store(vm, name, vm->sp[-1]);
            vm->sp--;
            break;
        }
        case OP_CALL:
        case OP_CALL_NAMED: {
            int argc = READ8();
            ObjString *kb[FN_MAX_PARAMS];
            int nnamed = 0;
            if (op == OP_CALL_NAMED) {
                ObjList *names = AS_LIST(CONST(READ16()));
                nnamed = (int)names->len;
                if (nnamed > FN_MAX_PARAMS) {
                    vm_error(vm, "too many named arguments");
                    FAIL();
                }
                for (int i = 0; i < nnamed; i++) kb[i] = AS_STRING(names->items[i]);
            }
            HERE();
            int before = vm->nframes;
            if (!vm_call_value(vm, argc, kb, nnamed)) FAIL();
            if (vm->nframes > before) fr = &vm->frames[vm->nframes - 1];
            break;
        }
        case OP_METHOD:
        case OP_METHOD_NAMED: {
            ObjString *name = AS_STRING(CONST(READ16()));
            int argc = READ8();
            ObjString *kb[FN_MAX_PARAMS];
            int nnamed = 0;
            if (op == OP_METHOD_NAMED) {
                ObjList *names = AS_LIST(CONST(READ16()));
                nnamed = (int)names->len;
                if (nnamed > FN_MAX_PARAMS) {
                    vm_error(vm, "too many named arguments");
                    FAIL();
                }
                for (int i = 0; i < nnamed; i++) kb[i] = AS_STRING(names->items[i]);
            }
            HERE();
            Value f;
            if (!vm_global_lookup(vm, name, &f)) {
                vm_error(vm, "unknown function '%s'", name->chars);
                FAIL();
            }
            if (!IS_CALLABLE(f)) {
                /* as JavaScript's methods, x.scale(s) is the builtin even where the
                 * program has a value named scale */
                char key[96];
                Value b;
                snprintf(key, sizeof key, "builtin:%.80s", name->chars);
                if (vm_get_global(vm, key, &b)) f = b;
            }
            int before = vm->nframes;
            if (!vm_call_method(vm, f, argc, kb, nnamed)) FAIL();
            if (vm->nframes > before) fr = &vm->frames[vm->nframes - 1];
            break;
        }
        case OP_CLOSURE: {
            ObjFunction *fn = AS_FUNCTION(CONST(READ16()));
            ObjClosure *cl = (ObjClosure *)heap_alloc(
                vm->heap, sizeof(ObjClosure) + fn->nupvals * sizeof(ObjUpvalue *), OBJ_CLOSURE);
            cl->fn = fn;
            cl->n = fn->nupvals;
            vm_stack_push(vm, OBJ_VAL(cl));
            for (int i = 0; i < fn->nupvals; i++) {
                uint8_t local = READ8(), index = READ8();
                cl->up[i] = local ? vm_capture(vm, fr->slots + index) : fr->cl->up[index];
            }
            break;
        }
        case OP_LET_END: {
            Value *slot = fr->slots + READ8();
            vm_close_upvalues(vm, slot);
            *slot = vm->sp[-1];
            vm->sp = slot + 1;
            break;
        }
        case OP_RETURN: {
            Value r = vm->sp[-1];
            vm_close_upvalues(vm, fr->slots);
            vm->sp = fr->slots;
            vm->nframes--;
            vm_stack_push(vm, r);
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
            vm_stack_push(vm, OBJ_VAL(l));
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
            vm_stack_push(vm, OBJ_VAL(r));
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
            vm_stack_push(vm, r);
            break;
        }
        case OP_EQ:
        case OP_NE: {
            Value b = *--vm->sp, a = *--vm->sp;
            bool eq = val_equal(a, b);
            vm_stack_push(vm, BOOL_VAL(op == OP_EQ ? eq : !eq));
            break;
        }
        case OP_NEG: {
            Value a = vm->sp[-1], r;
            HERE();
            if (IS_NUM(a)) {
                vm->sp[-1] = NUM_VAL(-a.as.num);
                break;
            }
            if (!arith(vm, OP_MUL, a, NUM_VAL(-1), &r)) FAIL();
            vm->sp[-1] = r;
            break;
        }
        case OP_NOT: vm->sp[-1] = BOOL_VAL(!truthy(vm->sp[-1])); break;
        case OP_TEMPO:
            HERE();
            if (!vm_op_tempo(vm)) FAIL();
            break;
        case OP_PLAY:
            HERE();
            if (!vm_op_play(vm, AS_LIST(CONST(READ16())))) FAIL();
            break;
        case OP_SYNTH: {
            ObjString *name = AS_STRING(CONST(READ16()));
            HERE();
            if (!vm_op_synth(vm, name)) FAIL();
            break;
        }
        case OP_BUS:
        case OP_MASTER: {
            ObjString *name = op == OP_BUS ? AS_STRING(CONST(READ16())) : NULL;
            HERE();
            if (!vm_op_chain(vm, name)) FAIL();
            break;
        }
        case OP_MIX: {
            ObjString *name = AS_STRING(CONST(READ16()));
            HERE();
            if (!vm_op_mix(vm, name)) FAIL();
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
