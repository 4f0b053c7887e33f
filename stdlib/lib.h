/*
 * lib.h - shared helpers of the native library (the files in stdlib/).
 *
 * Natives take Values and return a Value. Pattern functions follow
 * Strudel's `register`: every argument is turned into a pattern (reify);
 * when all the parameters are constants the function is applied directly,
 * otherwise a PAT_BUILD node applies it per combination of parameter
 * values at query time (innerJoin). A builder (PatBuildFn) is the function
 * with concrete parameter values.
 */
#ifndef TALA_STDLIB_LIB_H
#define TALA_STDLIB_LIB_H

#include "../vm/bytecode.h"
#include "../vm/vm.h"

/* value -> pattern: patterns as they are, lists as sequences, anything
 * else as a constant pattern. */
ObjPattern *reify(Vm *vm, Value v);

/* Applies builder to args[0..n-2] (parameters) and args[n-1] (the subject),
 * Strudel-register style. *out is the resulting pattern. */
bool patterned(Vm *vm, PatBuildFn fn, Value *args, int n, Value param, BindKind join, Value *out);

/* Errors from builders and natives, positioned at the call in progress. */
bool lib_fail(Query *q, const char *hint, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* Argument conversions (false with an error naming `what`). */
bool get_num(Query *q, Value v, const char *what, double *out);
bool get_rat(Query *q, Value v, const char *what, Rat *out);
bool get_int(Query *q, Value v, const char *what, int *out);

/* Calls a function value from inside a query (user code under the instruction
 * budget, its errors the query's). */
bool query_call(Query *q, Value fn, Value *args, int n, Value *out);
/* An interval's semitones ("3m" 3, "9M" 14, "12d" 18, "-2M" -2): harmony.c's reading. */
bool harmony_interval_semitones(const char *s, int *out);
/* Strudel's iter (back: iterBack) of sub, a[0] the count (transform.c). */
bool lib_iter(Query *q, const Value *a, ObjPattern *sub, bool back, ObjPattern **out);
/* The value (made a pattern) with fn(value, param) for each event's value. */
bool map_values(Vm *vm, Value pat, PatMapFn fn, Value param, Value *out);
/* JavaScript's truthiness: nil, false, 0, NaN and "" are false. */
bool js_truthy(Value v);
/* A record's field by key name; false when it has none (r may be NULL). */
bool rec_get(const ObjRecord *r, const char *key, Value *out);

/* Calls a function value with one pattern argument and makes the result a
 * pattern (user code inside a query runs under the instruction budget). */
bool call_on_pattern(Query *q, Value fn, ObjPattern *arg, ObjPattern **out);

/* Root helpers: a native keeps what it builds on the heap's root stack. */
#define KEEP(vm, p) vm_push_root((vm), OBJ_VAL(p))

/* Value combiners used by the library (PatCombineFn). */
int combine_num(Query *q, Value a, Value b, Value op, Value *out);        /* op: NUM opcode */
int combine_union(Query *q, Value a, Value b, Value param, Value *out);   /* records, right wins */
int combine_keep_if(Query *q, Value a, Value b, Value param, Value *out); /* a if b truthy */

/* The control key used when a plain value meets a record (note for numbers
 * and note names, s for words), as Strudel's controls do. */
Value as_control(Query *q, const char *key, Value v);

/* Strudel's parseNumeral: numbers, numeric text, note names as MIDI. */
bool js_numeral(Value v, double *out);

/* A sound graph (synth body, effect chain) as text, e.g.
 * "mul(saw(freq), env(0.005, 0.3))"; returns the length needed. */
size_t graph_format(Value v, char *buf, size_t size);

/* The functions of a whole program in Strudel's REPL (program.c). */
const NativeDef *stdlib_program_natives(int *count);
const NativeDef *stdlib_program_hidden(int *count);   /* "label:" */
const NativeDef *stdlib_voicing_natives(int *count);  /* voicing.c */
const NativeDef *stdlib_compose_natives(int *count);  /* compose.c */
const NativeDef *stdlib_ops_natives(int *count);      /* ops.c */
const NativeDef *stdlib_signal_natives(int *count);   /* signals.c */
const NativeDef *stdlib_sections_natives(int *count); /* sections.c */
const NativeDef *stdlib_pick_natives(int *count);     /* pick.c */
const NativeDef *stdlib_slice_natives(int *count);    /* slice.c */
const NativeDef *stdlib_rhythm_natives(int *count);   /* rhythm.c */
const NativeDef *stdlib_steps_natives(int *count);    /* steps.c */
/* The control functions, one per name and alias of spec/controls.h. */
const NativeDef *stdlib_control_natives(int *count);
/* The unit generators' constructors ("~lpf", ...), made once from spec/ugens.h. */
const NativeDef *stdlib_ugen_natives(int *count);
/* The operators on patterns and signals (VmLibrary.binary). */
bool stdlib_binary(Vm *vm, int op, Value a, Value b, Value *out);

/* load(path): an extension in C (ext.c); the compiler's preload; the
 * extensions' builtins (for :help). */
bool nat_load(Vm *vm, Value *args, int argc, Value *out);
bool stdlib_preload(Vm *vm, const char *path, char *why, size_t n);
/* The constructor of every unit generator, "~" + its name (graph.c). */
bool nat_ugen(Vm *vm, Value *args, int argc, Value *out);

#endif
