/*
 * stdlib.h - the library of the tala language, as the VM is given it: every
 * builtin function and control (natives.c, the one table that :help,
 * completion and docs/reference.md also read), the unit generators of synth
 * bodies and effect chains (graph.c), and the operators on patterns and
 * signals (core.c). The table is data: any thread may read it; the natives
 * themselves run on the control thread, inside the VM.
 */
#ifndef TALA_STDLIB_H
#define TALA_STDLIB_H

#include "../vm/vm.h"

/* The whole library, for vm_new. */
const VmLibrary *stdlib_library(void);
/* The section of the reference a builtin of the later tables belongs in
 * ("Structure", "Harmony", ...), or NULL for those the reference sorts itself. */
const char *stdlib_section(const char *name);
/* The builtins' table, in registration order; *count set. */
const NativeDef *stdlib_natives(int *count);
/* A word given as a string, or as the one-word pattern double quotes make
 * of it ("kick", "now"): true with it in out. */
bool stdlib_word(Vm *vm, Value v, char *out, size_t n);
/* The builtins of the extensions loaded so far (load("ext.so")); *count set. */
const NativeDef *stdlib_ext_natives(int *count);

#endif
