/*
 * interp.c - the instruction loop: a stack machine in the manner of Lua and
 * Wren. Each opcode's case is a line or a few; what is longer is a named
 * function (calls in call.c, the session-state statements in state.c).
 * Arithmetic on anything but two numbers (patterns, signals) goes to the
 * library's operator (VmLibrary.binary). Inside a pattern query every
 * instruction spends the budget, so an endless loop becomes an error on the
 * query, never a hung scheduler. Control thread only.
 */
#include "vm_impl.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

static uint32_t frame_pos(Frame *fr) {
    ObjFunction *fn = fr->cl->fn;
    ptrdiff_t i = fr->ip - fn->code - 1;
    if (i < 0) i = 0;
    return fn->pos[i];
}

static bool truthy(Value v) {
    return !(IS_NIL(v) || (v.kind == VAL_BOOL && !v.as.b));
}

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
    if (vm->lib->binary) return vm->lib->binary(vm, op, a, b, out);
    return vm_error(vm, "cannot combine %s and %s", val_type_name(a), val_type_name(b));
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
            ObjString *kb[32];
            int nnamed = 0;
            if (op == OP_CALL_NAMED) {
                ObjList *names = AS_LIST(CONST(READ16()));
                nnamed = (int)names->len;
                for (int i = 0; i < nnamed && i < 32; i++) kb[i] = AS_STRING(names->items[i]);
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
            ObjString *kb[32];
            int nnamed = 0;
            if (op == OP_METHOD_NAMED) {
                ObjList *names = AS_LIST(CONST(READ16()));
                nnamed = (int)names->len;
                for (int i = 0; i < nnamed && i < 32; i++) kb[i] = AS_STRING(names->items[i]);
            }
            HERE();
            Value f;
            if (!vm_global_lookup(vm, name, &f)) {
                vm_error(vm, "unknown function '%s'", name->chars);
                FAIL();
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
