/*
 * compiler.h - AST -> bytecode.
 *
 * One pass over the tree of a Program, emitting into ObjFunctions (one per
 * lambda, one for the top level). Names resolve to locals, captured
 * variables (upvalues) or globals; a name that is none of these, nor defined
 * anywhere in the program, is an error with a "did you mean" hint. Pattern
 * strings are parsed as mini-notation here, so their errors are compile
 * errors with file positions, and the finished patterns are constants.
 */
#ifndef TALA_COMPILER_H
#define TALA_COMPILER_H

#include "../vm/vm.h"
#include "ast.h"

/* Compiles prog. For an expression program the function returns the
 * expression's value; otherwise the value of the last expression statement
 * (nil if none). NULL with *err set on an error. */
ObjFunction *compile_program(Vm *vm, Program *prog, bool expr, Err *err);

#endif
