/*
 * eval.c - source text -> (parser) AST -> (compiler) bytecode -> the VM.
 * See eval.h. The compiled top-level function is rooted while the program
 * is freed and until the VM runs it.
 */
#include "eval.h"

#include "compiler.h"

/* Parses and compiles text as a program (or one expression). NULL with err set. */
static ObjFunction *compile(Vm *vm, const char *name, const char *text, size_t len, bool expr,
                            Err *err) {
    Source *src = vm_keep_source(vm, name, text, len);
    Err *outer = vm_swap_err(vm, err); /* natives run while compiling report here too */
    Program prog;
    ObjFunction *fn = NULL;
    if (expr ? parse_expression(src, &prog, err) : parse_program(src, &prog, err)) {
        fn = compile_program(vm, &prog, expr, err);
        program_free(&prog);
    }
    vm_swap_err(vm, outer);
    return fn;
}

static bool run(Vm *vm, const char *name, const char *text, size_t len, bool expr, Value *out,
                Err *err) {
    ObjFunction *fn = compile(vm, name, text, len, expr, err);
    return fn && vm_run_function(vm, fn, out, err);
}

bool eval_program(Vm *vm, const char *name, const char *text, size_t len, Err *err) {
    return run(vm, name, text, len, false, NULL, err);
}

bool eval_expr(Vm *vm, const char *name, const char *text, size_t len, Value *out, Err *err) {
    return run(vm, name, text, len, true, out, err);
}

bool eval_check(Vm *vm, const char *name, const char *text, size_t len, Err *err) {
    return compile(vm, name, text, len, false, err) != NULL;
}

bool eval_disasm(Vm *vm, const char *name, const char *text, size_t len, FILE *f, Err *err) {
    ObjFunction *fn = compile(vm, name, text, len, false, err);
    if (!fn) return false;
    vm_push_root(vm, OBJ_VAL(fn));
    vm_disasm(fn, f);
    vm_pop_root(vm);
    return true;
}
