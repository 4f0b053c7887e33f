/*
 * eval.h - the front door for source text: parse, compile, then run, check
 * or disassemble, in a VM the caller made (with the library it wants:
 * stdlib_library() for the whole language). Everything that turns text into
 * running code goes through here, so the VM below never sees source.
 *
 * Each call keeps the Source in the VM (errors and patterns point into it)
 * and reports a syntax, compile or runtime error in err, positioned.
 * Control thread only, like the VM.
 */
#ifndef TALA_EVAL_H
#define TALA_EVAL_H

#include "../vm/vm.h"

#include <stdio.h>

/* Compiles and runs a whole program (definitions, tempo, play). */
bool eval_program(Vm *vm, const char *name, const char *text, size_t len, Err *err);
/* Compiles and runs one expression; *out is rooted until the next run. */
bool eval_expr(Vm *vm, const char *name, const char *text, size_t len, Value *out, Err *err);
/* Compiles a program without running it (tala check). */
bool eval_check(Vm *vm, const char *name, const char *text, size_t len, Err *err);
/* Compiles a program and writes its bytecode with source lines to f. */
bool eval_disasm(Vm *vm, const char *name, const char *text, size_t len, FILE *f, Err *err);

#endif
