/*
 * vm.h - the bytecode virtual machine: runs compiled tala code.
 *
 * source -> tokens -> AST -> (compiler) bytecode -> (this) values: patterns,
 * functions, and the session state a program sets (tempo, tracks played).
 *
 * A stack machine in the manner of Lua and Wren: one value stack, call
 * frames, closures that capture variables through upvalues (open while the
 * variable is on the stack, closed when it leaves). Functions are called
 * the way Strudel calls them: too few arguments give a function of the rest,
 * `x.f(a)` is `f(a, x)` and always completes the call.
 *
 * The VM knows no library of its own: its creator gives it one (a
 * VmLibrary: stdlib_library() for the whole language), whose natives become
 * globals and whose operator handles + - * / on anything but two numbers
 * (patterns, signals). A native can call back into the VM (vm_call), also
 * from inside a pattern query, where an instruction budget turns an endless
 * loop into an error on that query. Source text becomes code above this
 * layer (lang/eval.h): the VM runs compiled functions.
 *
 * Control thread only. The VM owns its heap.
 */
#ifndef TALA_VM_H
#define TALA_VM_H

#include "error.h"
#include "heap.h"
#include "pattern.h"

typedef struct Vm Vm;

/* ---- function objects ---- */

/* The most parameters a function has (and named arguments a call gives). */
#define FN_MAX_PARAMS 64
/* The most parameters a synth definition has (audio/synth.h's SYN_MAX_PARAMS). */
#define SYNTH_MAX_PARAMS 48

typedef struct {
    Obj obj;
    int arity;
    int nupvals;
    uint8_t *code;
    uint32_t *pos; /* source offset of each code byte */
    int len, cap;
    Value *consts;
    int nconsts, capconsts;
    ObjString *name; /* NULL for the top level */
    const Source *src;
    ObjString **params; /* parameter names, for named arguments */
} ObjFunction;

typedef struct ObjUpvalue {
    Obj obj;
    Value *loc; /* the variable: on the stack while open, else &closed */
    Value closed;
    struct ObjUpvalue *next; /* open upvalues, by stack slot, highest first */
} ObjUpvalue;

typedef struct {
    Obj obj;
    ObjFunction *fn;
    int n;
    ObjUpvalue *up[];
} ObjClosure;

typedef bool (*NativeFn)(Vm *vm, Value *args, int argc, Value *out);

enum {
    NF_VARIADIC = 1,      /* any number of arguments >= arity */
    NF_SUBJECT_FIRST = 2, /* x.f(a) is f(x, a), as Strudel's cat/stack/seq methods */
    NF_CONTROL = 4,       /* a control: x.gain(v) merges into x's values */
    NF_VALUE = 8,         /* not a function: the global is fn's result (sine, silence) */
};

typedef struct {
    const char *name;
    int arity; /* required arguments, the subject included */
    NativeFn fn;
    int flags;
    const char *signature; /* "fast(factor, pat)" */
    const char *doc;       /* one or two sentences */
    const char *example;   /* a runnable example */
    const char *named;     /* optional named parameters: "size, damp" (NULL if none) */
} NativeDef;

typedef struct {
    Obj obj;
    const NativeDef *def;
} ObjNative;

typedef struct {
    Obj obj;
    Value fn;
    int n;
    Value args[];
} ObjPartial;

/* A node of a unit-generator graph: what synth bodies and effect chains
 * evaluate to. The sound engine compiles these descriptions into DSP; the
 * language only builds them. Inputs are numbers, other nodes, or patterns
 * (a parameter driven by a pattern, sampled per event or per block). */
typedef enum {
    GRAPH_UGEN,  /* ugen (spec/ugens.h) applied to inputs */
    GRAPH_PARAM, /* a synth parameter (freq, gate, ...), by name */
    GRAPH_INPUT, /* the signal entering an effect chain */
} GraphKind;

struct UgenDef;
typedef struct {
    Obj obj;
    uint8_t kind;               /* GraphKind */
    const struct UgenDef *ugen; /* GRAPH_UGEN */
    ObjString *name;            /* GRAPH_PARAM */
    uint32_t n;                 /* inputs; for effects in[0] is the processed signal */
    Value in[];
} ObjGraph;

/* synth NAME(params) = body: the body evaluated once with a GRAPH_PARAM
 * node per parameter; each event instantiates a voice from `graph`. */
typedef struct {
    Obj obj;
    ObjString *name;
    ObjList *params;   /* parameter names */
    Value graph;       /* an ObjGraph (or a number, for a constant) */
    ObjList *defaults; /* a value per parameter when an event gives none (nil: the control's) */
    bool prelude;      /* one of the built-in instruments (stdlib/prelude.tala) */
} ObjSynth;

#define IS_GRAPH(v) IS_KIND(v, OBJ_GRAPH)
#define IS_SYNTH(v) IS_KIND(v, OBJ_SYNTH)
#define AS_GRAPH(v) ((ObjGraph *)(v).as.obj)
#define AS_SYNTH(v) ((ObjSynth *)(v).as.obj)

#define IS_FUNCTION(v) IS_KIND(v, OBJ_FUNCTION)
#define IS_CLOSURE(v)  IS_KIND(v, OBJ_CLOSURE)
#define IS_NATIVE(v)   IS_KIND(v, OBJ_NATIVE)
#define IS_PARTIAL(v)  IS_KIND(v, OBJ_PARTIAL)
#define IS_CALLABLE(v) (IS_CLOSURE(v) || IS_NATIVE(v) || IS_PARTIAL(v))
#define AS_FUNCTION(v) ((ObjFunction *)(v).as.obj)
#define AS_CLOSURE(v)  ((ObjClosure *)(v).as.obj)
#define AS_NATIVE(v)   ((ObjNative *)(v).as.obj)
#define AS_PARTIAL(v)  ((ObjPartial *)(v).as.obj)

/* ---- the machine ---- */

/* Arithmetic and comparison (an OP_ opcode) on values that are not two
 * numbers; false with an error raised (vm_error) when they do not combine. */
typedef bool (*VmBinaryFn)(Vm *vm, int op, Value a, Value b, Value *out);

/* What a VM is given when it is made. The tables must outlive it. */
typedef struct {
    const NativeDef *natives; /* globals, in order */
    int nnatives;
    const NativeDef *hidden; /* globals code cannot name directly ("~lpf": unit generators) */
    int nhidden;
    VmBinaryFn binary; /* NULL: only numbers combine */
    /* load("path") met by the compiler: the extension is loaded then, so the
     * names it defines are known to what follows (NULL: none). False, with
     * why, when it cannot be. */
    bool (*preload)(Vm *vm, const char *path, char *why, size_t n);
} VmLibrary;

/* A VM with lib's natives as globals (lib may be NULL: a bare machine). */
Vm *vm_new(const VmLibrary *lib);
void vm_free(Vm *vm);
Heap *vm_heap(Vm *vm);

/* Keeps a source for the VM's lifetime (errors and patterns refer to it). */
Source *vm_keep_source(Vm *vm, const char *name, const char *text, size_t len);
/* Where word stands as a whole word inside a quoted string (quoted) or
 * outside any (!quoted) in the sources kept, the latest first: to point a
 * warning about a name heard only when the pattern plays (an unknown sound
 * or note, a track that plays nothing) at its place. No source ({0}) when
 * it is not found. */
SrcRef vm_find_word(Vm *vm, const char *word, bool quoted);
/* Runs a compiled top-level function; its errors go to err. *out (may be
 * NULL) is its result, rooted until the next run. */
bool vm_run_function(Vm *vm, ObjFunction *fn, Value *out, Err *err);
/* A live evaluation is a transaction: vm_save keeps the globals and the
 * session state (tempo, play, buses, master, mix); vm_restore puts them
 * back (the evaluation failed), vm_discard forgets them (it succeeded).
 * One save at a time; a new save discards the previous one. */
void vm_save(Vm *vm);
void vm_restore(Vm *vm);
void vm_discard(Vm *vm);

/* Calls a function value with arguments (from C, also inside a query). */
bool vm_call(Vm *vm, Value fn, Value *args, int argc, Value *out);

/* Numbers the host feeds the program from outside (MIDI controllers: cc()).
 * Pattern functions read them when queried; the host sets them between
 * queries, on the thread that owns the VM, and logs each change so that a
 * replay sets the same ones at the same place. 0 until set. */
#define VM_INPUTS (17 * 128) /* channel 0 (any) and 1..16, controllers 0..127 */
void vm_set_input(Vm *vm, int i, double v);
double vm_input(const Vm *vm, int i);

/* Globals. */
bool vm_get_global(Vm *vm, const char *name, Value *out);
void vm_set_global(Vm *vm, const char *name, Value v);
bool vm_is_defined(Vm *vm, const char *name, size_t len);
/* The names of user-visible globals (not internal "synth:x" keys); writes
 * up to max of them into out (which may be NULL) and returns how many exist. */
int vm_global_names(Vm *vm, const char **out, int max);
/* The instruments (built-in and defined by `synth`); writes up to max names. */
int vm_instruments(Vm *vm, const char **out, int max);
/* Edits (insert, delete, change, swap neighbours) between two names; 99 past 40 chars. */
int vm_name_distance(const char *a, size_t la, const char *b, size_t lb);
/* The defined name (or one of extra) closest to name, for "did you mean". */
bool vm_suggest(Vm *vm, const char *name, size_t len, const char **extra, size_t nextra, char *out,
                size_t size);
/* Brackets user code run from inside a pattern query (starts the budget). */
void vm_enter_query(Vm *vm);
void vm_leave_query(Vm *vm);

/* A warning raised by a native (something dropped, not an error: an unknown
 * scale), positioned at the call being made; kept (eight at most, one per
 * message) until vm_take_warnings hands them over. A message beginning "note: "
 * is said as a note (something ignored on purpose), not as a warning. */
void vm_warn(Vm *vm, const char *hint, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
/* The same, at a place in the source (the compiler's warnings). */
void vm_warn_at(Vm *vm, SrcRef at, const char *hint, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
int vm_take_warnings(Vm *vm, Err *out, int max);

/* Errors raised by natives: positioned at the call being made. */
bool vm_error(Vm *vm, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void vm_hint(Vm *vm, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
Err *vm_err(Vm *vm);
/* Redirects where errors go (a query's Err while user code runs inside it);
 * returns the previous destination, to be restored. */
Err *vm_swap_err(Vm *vm, Err *to);
/* The source position of the call in progress. */
SrcRef vm_at(Vm *vm);

/* Named arguments of the native call in progress (NULL if none given). */
bool vm_named_arg(Vm *vm, const char *name, Value *out);

/* The Query a native must use to query patterns (it carries the budget). */
Query *vm_query(Vm *vm);

/* Session state a program sets. */
double vm_tempo(Vm *vm); /* beats per minute; 0 if never set */
/* Sets it, as a tempo statement does (1 to 10000 BPM); false with an error raised. */
bool vm_set_tempo(Vm *vm, double bpm);
int vm_played(Vm *vm, ObjString ***names); /* tracks of the last `play` */
/* Strudel's labelled blocks (`name: pat`, `$: pat`, pat.p('name')): records pat
 * as the track name (`$` counted: `$0`, `$1`, ...; a name beginning or ending
 * with `_` is muted: nothing recorded) and gives what the block's value is (pat,
 * or silence when muted). A program run that recorded blocks plays them, as a
 * `play` of them (names of more than one character beginning with `S` solo),
 * and its last value is not played. */
bool vm_label(Vm *vm, const char *name, Value pat, Value *out);
/* The pattern of the track name plays: a block's (kept under a name of its own, so that a
 * block named like a builtin or a variable leaves those alone) when the last run recorded
 * blocks, else the global of that name. */
bool vm_track_pattern(Vm *vm, const ObjString *name, Value *out);
/* A file evaluated again without its blocks: what they played stops. */
void vm_blocks_stop(Vm *vm);
/* hush(): forgets the blocks recorded so far in this run (none left: nothing plays). */
void vm_labels_hush(Vm *vm);
/* all(f) (applied to each block, in order of the calls) and each(f) (the last
 * one, applied before them), or to the program's value when it has no blocks. */
void vm_labels_all(Vm *vm, Value fn);
void vm_labels_each(Vm *vm, Value fn);
unsigned vm_plays(Vm *vm); /* how many `play` statements have run */
/* The value of the last expression statement of the last program run (nil
 * when it had none): a bare pattern plays, anything else is shown. */
Value vm_result(Vm *vm);
/* Effect chains of `bus NAME = chain` and `master = chain`, and the channel
 * settings of `mix NAME { ... }`, as the program last set them. */
int vm_buses(Vm *vm, ObjString ***names, Value **chains);
Value vm_master(Vm *vm); /* nil if never set */
/* The instrument (synth) named name: built-in or defined by `synth`. */
bool vm_instrument(Vm *vm, const char *name, Value *out);
/* While on, synth definitions only become instruments (the prelude). */
void vm_set_prelude(Vm *vm, bool on);
bool vm_mix(Vm *vm, const char *track, ObjRecord **settings);

/* Builds a graph node (for natives and the VM). */
ObjGraph *graph_new(Vm *vm, GraphKind kind, const struct UgenDef *ugen, ObjString *name,
                    const Value *in, uint32_t n);
/* The native being called (for natives shared by many names). */
const NativeDef *vm_current_native(Vm *vm);
/* VmLibrary.preload, when the library has one (else true). */
bool vm_preload(Vm *vm, const char *path, char *why, size_t n);
/* Safe mode (tala --safe, for workshops): natives that reach native code,
 * files outside the working directory or the network refuse to run. */
void vm_set_safe(Vm *vm, bool safe);
bool vm_safe(const Vm *vm);

/* Whether a sound of that name plays here (the engine knows: its synths,
 * sample folders and sound library); natives ask it to say what a program
 * lacks. Without a hook every name is unknown. */
typedef bool (*VmSoundFn)(void *ud, const char *name);
void vm_set_sound_known(Vm *vm, VmSoundFn fn, void *ud);
bool vm_sound_known(Vm *vm, const char *name);

/* A long evaluation shares its thread: every `every` instructions of code
 * run outside a pattern query, fn(ud) is called (the engine advances its
 * scheduler there, so playback never waits for an evaluation). fn may use
 * the VM (query patterns, call functions) and must leave it as it found it.
 * When fn returns false the evaluation stops with an error. fn NULL: none. */
typedef bool (*VmYieldFn)(void *ud);
void vm_set_yield(Vm *vm, VmYieldFn fn, void *ud, long every);

/* Instruction budget of an evaluation (the outermost call, outside pattern
 * queries): past it, "ran too long", positioned. About five seconds. */
#define VM_TOP_BUDGET 1000000000L
/* What the values a program holds may take, at most (heap_set_limit). */
#define VM_HEAP_LIMIT ((size_t)256 << 20)
void vm_set_top_budget(Vm *vm, long instructions);

/* Instruction budget for functions called inside pattern queries. */
void vm_set_budget(Vm *vm, long instructions);

/* Writes the bytecode of fn and every function inside it, with source lines. */
void vm_disasm(ObjFunction *fn, FILE *f);

/* For the compiler and the natives. */
ObjFunction *fn_new(Vm *vm, const Source *src);
void fn_emit(Vm *vm, ObjFunction *f, uint8_t byte, uint32_t pos);
int fn_const(Vm *vm, ObjFunction *f, Value v);
void fn_const_append(Vm *vm, ObjFunction *f, Value v); /* no sharing */
void vm_push_root(Vm *vm, Value v);
void vm_pop_root(Vm *vm);
const char *val_type_name(Value v);

#endif
