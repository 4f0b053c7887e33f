/*
 * compiler.c - emits bytecode for the AST (see compiler.h and opcodes.h).
 *
 * Functions being compiled are rooted on the heap's root stack, so a
 * collection triggered by a constant (a mini-notation pattern) cannot free
 * them. Jumps are forward-only u16 offsets patched when their target is
 * known.
 */
#include "compiler.h"
#include "mini.h"
#include "../vm/bytecode.h"
#include "../spec/ugens.h"

#include <stdlib.h>
#include <ctype.h>
#include <string.h>

#define MAX_LOCALS 250

typedef struct {
    ObjString *name;
    bool captured;
} Local;

typedef struct {
    uint8_t index;
    bool local;
} Upval;

#define CONST_SLOTS 512 /* open-addressing index of a function's constants */

typedef struct FnState {
    struct FnState *up;
    ObjFunction *fn;
    bool ugens;                 /* unit-generator names win (synth bodies, effect chains) */
    int32_t cslot[CONST_SLOTS]; /* constant index + 1, 0 = empty */
    Local locals[MAX_LOCALS + 1];
    int nlocals;
    Upval ups[MAX_LOCALS];
} FnState;

typedef struct {
    Vm *vm;
    Heap *h;
    const Source *src;
    Err *err;
    FnState *fs;
    const char **defs; /* names defined at the top level of this program */
    size_t ndefs;
    char (*defbuf)[64];
    uint32_t *deflen;
    bool ugen_next; /* the next lambda compiled is a synth body */
} C;

static bool failed(C *c) {
    return c->err->set;
}

static bool error_at(C *c, Ast *n, const char *hint, const char *fmt, const char *arg) {
    if (failed(c)) return false;
    err_set(c->err, srcref(c->src, n->off, n->len ? n->len : 1), fmt, arg);
    if (hint) err_hint(c->err, "%s", hint);
    return false;
}

static void emit(C *c, Ast *n, uint8_t b) {
    fn_emit(c->vm, c->fs->fn, b, n->off);
}

static void emit16(C *c, Ast *n, unsigned v) {
    emit(c, n, (uint8_t)(v & 0xff));
    emit(c, n, (uint8_t)(v >> 8));
}

/* Numbers and names are shared by every use in a function; a small hash
 * index keeps that lookup constant-time in long programs. */
static uint32_t const_hash(Value v) {
    uint64_t bits;
    if (v.kind == VAL_NUM) {
        memcpy(&bits, &v.as.num, sizeof bits);
    } else {
        bits = (uint64_t)(uintptr_t)v.as.obj;
    }
    bits ^= bits >> 29;
    bits *= 0xbf58476d1ce4e5b9ULL;
    return (uint32_t)(bits ^ (bits >> 32));
}

static bool constant(C *c, Ast *n, Value v, unsigned *out) {
    FnState *fs = c->fs;
    bool shareable = v.kind == VAL_NUM || IS_STRING(v);
    uint32_t h = 0;
    if (shareable) {
        h = const_hash(v) & (CONST_SLOTS - 1);
        for (int probes = 0; probes < 16 && fs->cslot[h];
             probes++, h = (h + 1) & (CONST_SLOTS - 1)) {
            Value k = fs->fn->consts[fs->cslot[h] - 1];
            if (k.kind == v.kind &&
                (v.kind == VAL_NUM ? memcmp(&k.as.num, &v.as.num, sizeof(double)) == 0
                                   : k.as.obj == v.as.obj)) {
                *out = (unsigned)(fs->cslot[h] - 1);
                return true;
            }
        }
    }
    heap_push(c->h, v);
    int i = fs->fn->nconsts;
    fn_const_append(c->vm, fs->fn, v);
    heap_pop(c->h, 1);
    if (shareable && !fs->cslot[h]) fs->cslot[h] = i + 1;
    if (i > 0xffff)
        return error_at(c, n, "split the program into smaller parts", "%s", "too many constants");
    *out = (unsigned)i;
    return true;
}

static bool emit_const(C *c, Ast *n, Value v) {
    unsigned i;
    if (!constant(c, n, v, &i)) return false;
    emit(c, n, OP_CONST);
    emit16(c, n, i);
    return true;
}

static ObjString *name_of(C *c, uint32_t off, uint32_t len) {
    return str_intern(c->h, c->src->text + off, len);
}

static bool name_const(C *c, Ast *n, uint32_t off, uint32_t len, unsigned *out) {
    return constant(c, n, OBJ_VAL(name_of(c, off, len)), out);
}

/* A list of names (keys of named args or of a record) as one constant. */
static bool names_const(C *c, Ast *n, uint32_t *offs, uint32_t *lens, unsigned k, unsigned *out) {
    Value items[64];
    if (k > 64) return error_at(c, n, NULL, "%s", "at most 64 names here");
    for (unsigned i = 0; i < k; i++) {
        items[i] = OBJ_VAL(name_of(c, offs[i], lens[i]));
        heap_push(c->h, items[i]);
    }
    ObjList *l = list_new(c->h, items, k);
    heap_pop(c->h, k);
    return constant(c, n, OBJ_VAL(l), out);
}

static int emit_jump(C *c, Ast *n, uint8_t op) {
    emit(c, n, op);
    emit16(c, n, 0xffff);
    return c->fs->fn->len - 2;
}

static bool patch(C *c, Ast *n, int at) {
    int off = c->fs->fn->len - at - 2;
    if (off > 0xffff)
        return error_at(c, n, "split it into smaller functions", "%s",
                        "code too long to jump over");
    c->fs->fn->code[at] = (uint8_t)(off & 0xff);
    c->fs->fn->code[at + 1] = (uint8_t)(off >> 8);
    return true;
}

static void fnstate_init(FnState *fs) {
    fs->up = NULL;
    fs->fn = NULL;
    fs->ugens = false;
    fs->nlocals = 0;
    memset(fs->cslot, 0, sizeof fs->cslot);
}

/* ---- names ---- */

static int resolve_local(FnState *fs, ObjString *name) {
    for (int i = fs->nlocals - 1; i >= 0; i--)
        if (fs->locals[i].name == name) return i;
    return -1;
}

static int add_upval(C *c, Ast *n, FnState *fs, uint8_t index, bool local) {
    for (int i = 0; i < fs->fn->nupvals; i++)
        if (fs->ups[i].index == index && fs->ups[i].local == local) return i;
    if (fs->fn->nupvals == MAX_LOCALS) {
        error_at(c, n, NULL, "%s", "a function captures too many variables");
        return -1;
    }
    fs->ups[fs->fn->nupvals] = (Upval){index, local};
    return fs->fn->nupvals++;
}

static int resolve_upval(C *c, Ast *n, FnState *fs, ObjString *name) {
    if (!fs->up) return -1;
    int l = resolve_local(fs->up, name);
    if (l >= 0) {
        fs->up->locals[l].captured = true;
        return add_upval(c, n, fs, (uint8_t)l, true);
    }
    int u = resolve_upval(c, n, fs->up, name);
    if (u >= 0) return add_upval(c, n, fs, (uint8_t)u, false);
    return -1;
}

static bool defined_here(C *c, uint32_t off, uint32_t len) {
    for (size_t i = 0; i < c->ndefs; i++)
        if (c->deflen[i] == len && memcmp(c->defs[i], c->src->text + off, len) == 0) return true;
    return false;
}

static bool unknown_name(C *c, Ast *n, uint32_t off, uint32_t len, const char *what) {
    char name[64], sugg[64], msg[200], hint[256];
    snprintf(name, sizeof name, "%.*s", (int)(len < 60 ? len : 60), c->src->text + off);
    snprintf(msg, sizeof msg, "unknown %s '%s'", what, name);
    const char *t = c->src->text, *after = t + off + len, *before = t + off;
    while (*after == ' ' || *after == '\t') after++;
    while (before > t && (before[-1] == ' ' || before[-1] == '\t')) before--;
    /* the call a bare word is an argument of: s(piano) */
    const char *call = before > t && before[-1] == '(' ? before - 1 : NULL;
    size_t clen = 0;
    bool quoted_arg = call && quoted_call(c->src, (uint32_t)(call - t), &clen);
    static const struct {
        const char *habit, *name;
    } HABITS[] = {{"sawtooth", "saw"}, {"sin", "sine"},     {"osc", "sine"},    {"lowpass", "lpf"},
                  {"highpass", "hpf"}, {"bandpass", "bpf"}, {"reverb", "room"}, {"volume", "gain"},
                  {"vol", "gain"},     {"bpm", "tempo"},    {"cps", "setcps"},  {"sample", "s"},
                  {"sounds", "s"},     {"print", "log"}};
    const char *habit = NULL;
    for (size_t i = 0; i < sizeof HABITS / sizeof *HABITS; i++)
        if (strlen(HABITS[i].habit) == len && !strncmp(HABITS[i].habit, t + off, len))
            habit = HABITS[i].name;
    static const char *STATEMENTS[][2] = {{"tempo", "tempo 120"},
                                          {"play", "play drums, bass"},
                                          {"synth", "synth name(freq, gate) = saw(freq) * env()"},
                                          {"bus", "bus verb = reverb(size: 0.8)"},
                                          {"mix", "mix drums { gain: -3 }"}};
    const char *statement = NULL;
    for (size_t i = 0; i < sizeof STATEMENTS / sizeof *STATEMENTS; i++)
        if (strlen(STATEMENTS[i][0]) == len && !strncmp(STATEMENTS[i][0], t + off, len))
            statement = STATEMENTS[i][1];
    if (statement)
        snprintf(hint, sizeof hint, "%s is a statement, without brackets: %s", name, statement);
    else if (after[0] == '=' && after[1] == '=')
        snprintf(hint, sizeof hint, "'==' compares; to define %s write one '=': %s = ...", name,
                 name);
    else if (quoted_arg && (*after == ')' || *after == ','))
        snprintf(hint, sizeof hint, "names of sounds and notes go in double quotes: %.*s(\"%s\")",
                 (int)clen, call - clen, name);
    else if (habit && vm_is_defined(c->vm, habit, strlen(habit)))
        snprintf(hint, sizeof hint, "tala calls it '%s'", habit);
    else if (vm_suggest(c->vm, c->src->text + off, len, c->defs, c->ndefs, sugg, sizeof sugg))
        snprintf(hint, sizeof hint, "did you mean '%s'?", sugg);
    else
        snprintf(hint, sizeof hint, "define it first (%s = ...), or see :help for the built-ins",
                 name);
    Ast at = *n;
    at.off = off;
    at.len = len;
    return error_at(c, &at, hint, "%s", msg);
}

/* Pushes the unit generator constructor of that name (registered as the
 * hidden global "~name"). */
static bool ugen_get(C *c, Ast *n, uint32_t off, uint32_t len) {
    char buf[64];
    snprintf(buf, sizeof buf, "~%.*s", (int)(len < 60 ? len : 60), c->src->text + off);
    unsigned k;
    if (!constant(c, n, OBJ_VAL(str_c(c->h, buf)), &k)) return false;
    emit(c, n, OP_GET_GLOBAL);
    emit16(c, n, k);
    return true;
}

/* Pushes the value a name refers to. */
static bool name_get(C *c, Ast *n, uint32_t off, uint32_t len) {
    ObjString *name = name_of(c, off, len);
    int i = resolve_local(c->fs, name);
    if (i >= 0) {
        emit(c, n, OP_GET_LOCAL);
        emit(c, n, (uint8_t)i);
        return true;
    }
    i = resolve_upval(c, n, c->fs, name);
    if (failed(c)) return false;
    if (i >= 0) {
        emit(c, n, OP_GET_UPVAL);
        emit(c, n, (uint8_t)i);
        return true;
    }
    if (c->fs->ugens && ugen_find(c->src->text + off, len)) return ugen_get(c, n, off, len);
    if (!vm_is_defined(c->vm, c->src->text + off, len) && !defined_here(c, off, len))
        return unknown_name(c, n, off, len, "name");
    unsigned k;
    if (!name_const(c, n, off, len, &k)) return false;
    emit(c, n, OP_GET_GLOBAL);
    emit16(c, n, k);
    return true;
}

static bool add_local(C *c, Ast *n, ObjString *name) {
    if (c->fs->nlocals == MAX_LOCALS) return error_at(c, n, NULL, "%s", "too many local names");
    c->fs->locals[c->fs->nlocals++] = (Local){name, false};
    return true;
}

/* ---- expressions ---- */

static bool expr(C *c, Ast *n);

/* Whether the name n refers to something of the program's own (a local, a
 * definition of this block, or a global that is no builtin of that name),
 * rather than the builtin. */
static bool shadowed(C *c, const Ast *n) {
    if (defined_here(c, n->name_off, n->name_len) ||
        resolve_local(c->fs, name_of(c, n->name_off, n->name_len)) >= 0)
        return true;
    char name[64];
    snprintf(name, sizeof name, "%.*s", (int)(n->name_len < 63 ? n->name_len : 63),
             c->src->text + n->name_off);
    Value v;
    return vm_get_global(c->vm, name, &v) &&
           !(IS_NATIVE(v) && !strcmp(AS_NATIVE(v)->def->name, name));
}

/* Builtins whose arguments are names, not patterns (a library, a file, a
 * signature): ffi("libm.so.6", ...) takes its double-quoted strings as
 * text, as Strudel's samples("...") does, not as mini-notation. */
static void text_args(C *c, Ast *n) {
    static const char *const TEXT_ARGS[] = {"ffi", "load", "samples", "lv2"};
    if (n->a->kind != A_NAME || shadowed(c, n->a)) return; /* a name of the program's own */
    for (size_t i = 0; i < sizeof TEXT_ARGS / sizeof TEXT_ARGS[0]; i++)
        if (strlen(TEXT_ARGS[i]) == n->a->name_len &&
            !memcmp(c->src->text + n->a->name_off, TEXT_ARGS[i], n->a->name_len))
            for (unsigned k = 0; k < n->nkids; k++)
                if (n->kids[k]->kind == A_MINI) n->kids[k]->kind = A_TEXT;
}

static bool args(C *c, Ast *n) {
    for (unsigned i = 0; i < n->nkids; i++)
        if (!expr(c, n->kids[i])) return false;
    for (unsigned i = 0; i < n->nnamed; i++)
        if (!expr(c, n->named[i])) return false;
    if (n->nkids + n->nnamed > 255) return error_at(c, n, NULL, "%s", "too many arguments");
    if (n->nnamed > FN_MAX_PARAMS)
        return error_at(c, n, NULL, "%s", "a call takes at most 64 named arguments");
    return true;
}

static bool lambda(C *c, Ast *n, ObjString *name) {
    FnState fs; /* large: only what must start empty is cleared */
    fnstate_init(&fs);
    fs.up = c->fs;
    fs.ugens = c->fs->ugens || c->ugen_next;
    c->ugen_next = false;
    if (name) heap_push(c->h, OBJ_VAL(name));
    fs.fn = fn_new(c->vm, c->src);
    if (name) heap_pop(c->h, 1);
    heap_push(c->h, OBJ_VAL(fs.fn));
    fs.fn->name = name;
    fs.fn->arity = (int)n->nnamed;
    if (n->nnamed > FN_MAX_PARAMS)
        return error_at(c, n, NULL, "%s", "a function takes at most 64 parameters");
    fs.fn->params = calloc(n->nnamed ? n->nnamed : 1, sizeof(ObjString *));
    if (!fs.fn->params) abort();
    c->fs = &fs;
    fs.locals[fs.nlocals++] = (Local){NULL, false}; /* slot 0: the callee */
    bool ok = true;
    for (unsigned i = 0; ok && i < n->nnamed; i++) {
        ObjString *p = name_of(c, n->names[i], n->name_lens[i]);
        for (int k = 1; k < fs.nlocals; k++)
            if (fs.locals[k].name == p) {
                Ast at = *n;
                at.off = n->names[i];
                at.len = n->name_lens[i];
                ok = error_at(c, &at, NULL, "parameter '%s' appears twice", p->chars);
            }
        fs.fn->params[i] = p;
        ok = ok && add_local(c, n, p);
    }
    ok = ok && expr(c, n->a);
    if (ok) emit(c, n, OP_RETURN);
    c->fs = fs.up;
    if (ok) {
        unsigned k;
        ok = constant(c, n, OBJ_VAL(fs.fn), &k);
        if (ok) {
            emit(c, n, OP_CLOSURE);
            emit16(c, n, k);
            for (int i = 0; i < fs.fn->nupvals; i++) {
                emit(c, n, fs.ups[i].local ? 1 : 0);
                emit(c, n, fs.ups[i].index);
            }
        }
    }
    heap_pop(c->h, 1);
    return ok;
}

static bool expr(C *c, Ast *n) {
    if (failed(c)) return false;
    switch (n->kind) {
    case A_NUM: return emit_const(c, n, NUM_VAL(n->num));
    case A_TRUE: emit(c, n, OP_TRUE); return true;
    case A_FALSE: emit(c, n, OP_FALSE); return true;
    case A_NIL: emit(c, n, OP_NIL); return true;
    case A_TEXT:
        return emit_const(c, n, OBJ_VAL(str_intern(c->h, c->src->text + n->off + 1, n->len - 2)));
    case A_MINI: {
        ObjPattern *p = mini_parse(c->h, c->src, n->off + 1, n->len - 2, c->err);
        if (!p) return false;
        return emit_const(c, n, OBJ_VAL(p));
    }
    case A_NAME: return name_get(c, n, n->name_off, n->name_len);
    case A_LIST:
        if (!args(c, n)) return false;
        emit(c, n, OP_LIST);
        emit16(c, n, n->nkids);
        return true;
    case A_RECORD: {
        for (unsigned i = 0; i < n->nnamed; i++)
            if (!expr(c, n->named[i])) return false;
        unsigned k;
        if (!names_const(c, n, n->names, n->name_lens, n->nnamed, &k)) return false;
        emit(c, n, OP_RECORD);
        emit16(c, n, k);
        return true;
    }
    case A_CALL: {
        text_args(c, n);
        if (n->a->kind == A_NAME && n->a->name_len == 4 &&
            !memcmp(c->src->text + n->a->name_off, "load", 4) && n->nkids == 1 &&
            n->kids[0]->kind == A_TEXT && !shadowed(c, n->a)) {
            /* an extension: loaded now, so the names it defines are known below */
            char path[1024], why[600];
            const Ast *k = n->kids[0];
            snprintf(path, sizeof path, "%.*s", (int)(k->len - 2), c->src->text + k->off + 1);
            if (!vm_preload(c->vm, path, why, sizeof why)) return error_at(c, n, NULL, "%s", why);
        }
        if (!expr(c, n->a) || !args(c, n)) return false;
        if (n->nnamed) {
            unsigned k;
            if (!names_const(c, n, n->names, n->name_lens, n->nnamed, &k)) return false;
            emit(c, n, OP_CALL_NAMED);
            emit(c, n, (uint8_t)(n->nkids + n->nnamed));
            emit16(c, n, k);
        } else {
            emit(c, n, OP_CALL);
            emit(c, n, (uint8_t)n->nkids);
        }
        return true;
    }
    case A_METHOD: {
        if (c->fs->ugens && ugen_find(c->src->text + n->name_off, n->name_len)) {
            /* x.lpf(800) in a synth or chain: lpf(800, in: x) */
            if (n->name_len == 3 && !memcmp(c->src->text + n->name_off, "lv2", 3))
                for (unsigned k = 0; k < n->nkids; k++) /* a plugin's name, not a pattern */
                    if (n->kids[k]->kind == A_MINI) n->kids[k]->kind = A_TEXT;
            if (!ugen_get(c, n, n->name_off, n->name_len) || !args(c, n) || !expr(c, n->a))
                return false;
            uint32_t offs[65], lens[65];
            if (n->nnamed > 63) return error_at(c, n, NULL, "%s", "too many named arguments");
            for (unsigned i = 0; i < n->nnamed; i++)
                offs[i] = n->names[i], lens[i] = n->name_lens[i];
            /* the name "in" comes from a constant, not the source */
            unsigned k;
            Value items[65];
            for (unsigned i = 0; i < n->nnamed; i++) {
                items[i] = OBJ_VAL(name_of(c, offs[i], lens[i]));
                heap_push(c->h, items[i]);
            }
            items[n->nnamed] = OBJ_VAL(str_c(c->h, "in"));
            heap_push(c->h, items[n->nnamed]);
            ObjList *l = list_new(c->h, items, n->nnamed + 1);
            heap_pop(c->h, n->nnamed + 1);
            if (!constant(c, n, OBJ_VAL(l), &k)) return false;
            emit(c, n, OP_CALL_NAMED);
            emit(c, n, (uint8_t)(n->nkids + n->nnamed + 1));
            emit16(c, n, k);
            return true;
        }
        if (n->a->kind == A_NAME && n->a->name_len == 4 &&
            !memcmp(c->src->text + n->a->name_off, "Math", 4) && !shadowed(c, n->a)) {
            /* JavaScript's Math.pow(x, y): the builtin "Math.pow" */
            char full[64];
            snprintf(full, sizeof full, "Math.%.*s", (int)(n->name_len < 50 ? n->name_len : 50),
                     c->src->text + n->name_off);
            Value f;
            if (!vm_get_global(c->vm, full, &f))
                return error_at(c, n,
                                "tala has Math.pow, abs, floor, ceil, round, sqrt, sin, "
                                "cos, tan, exp, log, log2, sign, min, max, PI and E",
                                "no %s in tala", full);
            unsigned k;
            if (!constant(c, n, OBJ_VAL(str_c(c->h, full)), &k)) return false;
            emit(c, n, OP_GET_GLOBAL);
            emit16(c, n, k);
            if (!args(c, n)) return false;
            emit(c, n, OP_CALL);
            emit(c, n, (uint8_t)n->nkids);
            return true;
        }
        ObjString *name = name_of(c, n->name_off, n->name_len);
        bool local = resolve_local(c->fs, name) >= 0 || resolve_upval(c, n, c->fs, name) >= 0;
        if (local) {
            /* a local function: f(args..., subject) */
            if (!name_get(c, n, n->name_off, n->name_len) || !args(c, n) || !expr(c, n->a))
                return false;
            if (n->nnamed)
                return error_at(c, n, NULL, "%s", "named arguments need a global function");
            emit(c, n, OP_CALL);
            emit(c, n, (uint8_t)(n->nkids + 1));
            return true;
        }
        if (!vm_is_defined(c->vm, c->src->text + n->name_off, n->name_len) &&
            !defined_here(c, n->name_off, n->name_len))
            return unknown_name(c, n, n->name_off, n->name_len, "function");
        if (!expr(c, n->a) || !args(c, n)) return false;
        unsigned k;
        if (!name_const(c, n, n->name_off, n->name_len, &k)) return false;
        Ast at = *n;
        at.off = n->name_off; /* errors of the call point at the method name */
        emit(c, &at, n->nnamed ? OP_METHOD_NAMED : OP_METHOD);
        emit16(c, &at, k);
        emit(c, &at, (uint8_t)(n->nkids + n->nnamed));
        if (n->nnamed) {
            unsigned kn;
            if (!names_const(c, n, n->names, n->name_lens, n->nnamed, &kn)) return false;
            emit16(c, &at, kn);
        }
        return true;
    }
    case A_BINARY: {
        if (n->op == T_LBRACKET) { /* x[i]: the builtin "index:" */
            unsigned k;
            if (!constant(c, n, OBJ_VAL(str_c(c->h, "index:")), &k)) return false;
            emit(c, n, OP_GET_GLOBAL);
            emit16(c, n, k);
            if (!expr(c, n->a) || !expr(c, n->b)) return false;
            emit(c, n, OP_CALL);
            emit(c, n, 2);
            return true;
        }
        if (!expr(c, n->a) || !expr(c, n->b)) return false;
        switch (n->op) {
        case T_PLUS: emit(c, n, OP_ADD); break;
        case T_MINUS: emit(c, n, OP_SUB); break;
        case T_STAR: emit(c, n, OP_MUL); break;
        case T_SLASH: emit(c, n, OP_DIV); break;
        case T_PERCENT: emit(c, n, OP_MOD); break;
        case T_EQ: emit(c, n, OP_EQ); break;
        case T_NE: emit(c, n, OP_NE); break;
        case T_LT: emit(c, n, OP_LT); break;
        case T_LE: emit(c, n, OP_LE); break;
        case T_GT: emit(c, n, OP_GT); break;
        case T_GE: emit(c, n, OP_GE); break;
        default: return error_at(c, n, NULL, "%s", "unknown operator");
        }
        return true;
    }
    case A_UNARY:
        if (!expr(c, n->a)) return false;
        emit(c, n, n->op == T_MINUS ? OP_NEG : OP_NOT);
        return true;
    case A_AND:
    case A_OR: {
        if (!expr(c, n->a)) return false;
        int j = emit_jump(c, n, n->kind == A_AND ? OP_AND : OP_OR);
        return expr(c, n->b) && patch(c, n, j);
    }
    case A_IF: {
        if (!expr(c, n->a)) return false;
        int j = emit_jump(c, n, OP_JUMP_IF_FALSE);
        if (!expr(c, n->b)) return false;
        int e = emit_jump(c, n, OP_JUMP);
        if (!patch(c, n, j) || !expr(c, n->c)) return false;
        return patch(c, n, e);
    }
    case A_LET: {
        if (!expr(c, n->a)) return false;
        int slot = c->fs->nlocals;
        if (!add_local(c, n, name_of(c, n->name_off, n->name_len))) return false;
        if (!expr(c, n->b)) return false;
        c->fs->nlocals--;
        emit(c, n, OP_LET_END);
        emit(c, n, (uint8_t)slot);
        return true;
    }
    case A_LAMBDA: return lambda(c, n, NULL);
    default: return error_at(c, n, NULL, "%s", "not an expression");
    }
}

/* ---- statements ---- */

/* Keeps the names of locals alive while compiling (they are compared by
 * identity, so a collected and re-made string would break resolution). */
static void comp_mark(Heap *h, void *ud) {
    C *c = ud;
    for (FnState *fs = c->fs; fs; fs = fs->up) {
        heap_mark_obj(h, &fs->fn->obj);
        for (int i = 0; i < fs->nlocals; i++)
            if (fs->locals[i].name) heap_mark_obj(h, &fs->locals[i].name->obj);
    }
}

ObjFunction *compile_program(Vm *vm, Program *prog, bool is_expr, Err *err) {
    C c = {0};
    c.vm = vm;
    c.h = vm_heap(vm);
    c.src = prog->src;
    c.err = err;
    /* Names the program defines may be used before their definition (in
     * function bodies) without an "unknown name" error. */
    c.defs = calloc(prog->nstmts + 1, sizeof *c.defs);
    c.defbuf = calloc(prog->nstmts + 1, sizeof *c.defbuf);
    c.deflen = calloc(prog->nstmts + 1, sizeof *c.deflen);
    if (!c.defs || !c.defbuf || !c.deflen) abort();
    for (unsigned i = 0; i < prog->nstmts; i++) {
        Ast *s = prog->stmts[i];
        if (s->kind != S_DEF && s->kind != S_SYNTH) continue;
        snprintf(c.defbuf[c.ndefs], 64, "%.*s", (int)(s->name_len < 63 ? s->name_len : 63),
                 c.src->text + s->name_off);
        c.defs[c.ndefs] = c.defbuf[c.ndefs];
        c.deflen[c.ndefs] = (uint32_t)strlen(c.defbuf[c.ndefs]);
        c.ndefs++;
    }
    FnState fs;
    fnstate_init(&fs);
    fs.fn = fn_new(vm, c.src);
    heap_push(c.h, OBJ_VAL(fs.fn));
    fs.locals[fs.nlocals++] = (Local){NULL, false};
    c.fs = &fs;
    heap_add_marker(c.h, comp_mark, &c);
    bool value_on_top = false;
    for (unsigned i = 0; i < prog->nstmts && !failed(&c); i++) {
        Ast *s = prog->stmts[i];
        if (value_on_top) {
            emit(&c, s, OP_POP);
            value_on_top = false;
        }
        switch (s->kind) {
        case S_EXPR:
            if (expr(&c, s->a)) value_on_top = true;
            break;
        case S_DEF: {
            bool ok;
            if (s->name_len == 5 && !memcmp(c.src->text + s->name_off, "tempo", 5) &&
                s->a->kind == A_NUM) /* tempo = 90: a name, not the tempo */
                vm_warn_at(c.vm, srcref(c.src, s->name_off, s->name_len),
                           "write the statement without '=': tempo 90",
                           "'tempo = ...' defines a name called tempo; the tempo stays as it was");
            if (s->a->kind == A_LAMBDA)
                ok = lambda(&c, s->a, name_of(&c, s->name_off, s->name_len));
            else
                ok = expr(&c, s->a);
            unsigned k;
            if (ok && name_const(&c, s, s->name_off, s->name_len, &k)) {
                emit(&c, s, OP_DEF_GLOBAL);
                emit16(&c, s, k);
            }
            break;
        }
        case S_LABEL: {
            /* name: pat is pat.p('name') (the native behind the hidden "label:", so that a
             * program's own p does not catch it) */
            unsigned k;
            if (expr(&c, s->a) &&
                emit_const(&c, s, OBJ_VAL(name_of(&c, s->name_off, s->name_len))) &&
                constant(&c, s, OBJ_VAL(str_c(c.h, "label:")), &k)) {
                emit(&c, s, OP_METHOD);
                emit16(&c, s, k);
                emit(&c, s, 1);
                value_on_top = true;
            }
            break;
        }
        case S_TEMPO:
            if (expr(&c, s->a)) emit(&c, s, OP_TEMPO);
            break;
        case S_SYNTH: {
            c.ugen_next = true;
            unsigned k;
            bool ok = lambda(&c, s->a, name_of(&c, s->name_off, s->name_len));
            /* the parameters' defaults, a list (nil: none) under the body */
            for (unsigned d = 0; ok && d < s->a->nnamed; d++)
                if (s->a->named[d])
                    ok = expr(&c, s->a->named[d]);
                else
                    emit(&c, s, OP_NIL);
            if (ok) {
                emit(&c, s, OP_LIST);
                emit16(&c, s, s->a->nnamed);
            }
            if (ok && name_const(&c, s, s->name_off, s->name_len, &k)) {
                emit(&c, s, OP_SYNTH);
                emit16(&c, s, k);
            }
            break;
        }
        case S_BUS:
        case S_MASTER: {
            fs.ugens = true; /* effect chains: ugen names win */
            bool ok = expr(&c, s->a);
            fs.ugens = false;
            if (!ok) break;
            if (s->kind == S_MASTER) {
                emit(&c, s, OP_MASTER);
                break;
            }
            unsigned k;
            if (name_const(&c, s, s->name_off, s->name_len, &k)) {
                emit(&c, s, OP_BUS);
                emit16(&c, s, k);
            }
            break;
        }
        case S_MIX: {
            unsigned k;
            fs.ugens = true; /* fx: lpf(900) is the filter here, not the control */
            bool ok = expr(&c, s->a);
            fs.ugens = false;
            if (ok && name_const(&c, s, s->name_off, s->name_len, &k)) {
                emit(&c, s, OP_MIX);
                emit16(&c, s, k);
            }
            break;
        }
        case S_PLAY: {
            uint32_t offs[64], lens[64];
            if (s->nkids > 64) {
                error_at(&c, s, NULL, "%s", "play at most 64 tracks at once");
                break;
            }
            for (unsigned k = 0; k < s->nkids; k++) {
                Ast *nm = s->kids[k];
                offs[k] = nm->name_off;
                lens[k] = nm->name_len;
                if (!vm_is_defined(vm, c.src->text + nm->name_off, nm->name_len) &&
                    !defined_here(&c, nm->name_off, nm->name_len))
                    unknown_name(&c, nm, nm->name_off, nm->name_len, "track");
            }
            unsigned k;
            if (!failed(&c) && names_const(&c, s, offs, lens, s->nkids, &k)) {
                emit(&c, s, OP_PLAY);
                emit16(&c, s, k);
            }
            break;
        }
        default: error_at(&c, s, NULL, "%s", "not a statement");
        }
    }
    (void)is_expr;
    Ast end = {0};
    end.off = (uint32_t)c.src->len;
    if (!value_on_top) emit(&c, &end, OP_NIL);
    emit(&c, &end, OP_RETURN);
    heap_remove_marker(c.h, comp_mark, &c);
    heap_pop(c.h, 1);
    free(c.defs);
    free(c.defbuf);
    free(c.deflen);
    return failed(&c) ? NULL : fs.fn;
}
