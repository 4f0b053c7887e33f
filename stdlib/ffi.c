/*
 * ffi.c - C functions called from tala through libffi:
 *
 *     pow = ffi("libm.so.6", "pow", "double(double, double)")
 *     pow(2, 10)                       -- 1024
 *
 * ffi() opens the library (dlopen), finds the symbol and prepares a call
 * interface for the signature once; it returns a function (an ObjNative
 * whose NativeDef is the first member of an FfiFn, kept for the process's
 * life, shared by every ffi() of the same library, symbol and signature).
 * Each call checks the arguments' number and kinds against the signature
 * before anything reaches C, so a type mismatch is a positioned error,
 * never a crash. Pointers are opaque: a C function that returns one gives
 * a value {pointer: N}, N naming it in a table; only those are passed back.
 * Natives run on the control thread (inside the VM), never on the audio
 * thread. Refused in safe mode.
 */
#include "lib.h"
#include "stdlib.h"

#include <ffi.h>

#include <ctype.h>
#include <dlfcn.h>
#include <math.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define FFI_MAX_ARGS 12
#define FFI_MAX_FNS  512
#define FFI_MAX_PTRS 4096

typedef enum { T_VOID, T_INT, T_INT64, T_DOUBLE, T_FLOAT, T_STRING, T_BOOL, T_POINTER } CType;

static const struct {
    const char *name;
    CType t;
} TYPES[] = {{"void", T_VOID},   {"int", T_INT},       {"int64", T_INT64}, {"double", T_DOUBLE},
             {"float", T_FLOAT}, {"string", T_STRING}, {"bool", T_BOOL},   {"pointer", T_POINTER}};

typedef struct {
    NativeDef def; /* first: the native being called is its FfiFn */
    char name[64], sig[160], lib[256], doc[400];
    void (*fn)(void);
    ffi_cif cif;
    ffi_type *ftypes[FFI_MAX_ARGS];
    CType ret, arg[FFI_MAX_ARGS];
    int nargs;
} FfiFn;

static pthread_mutex_t LOCK = PTHREAD_MUTEX_INITIALIZER;
static FfiFn *FNS[FFI_MAX_FNS];
static int NFNS;
static void *PTRS[FFI_MAX_PTRS]; /* pointers C functions returned, by number */
static int NPTRS;

static ffi_type *ffi_of(CType t) {
    switch (t) {
    case T_VOID: return &ffi_type_void;
    case T_INT: return &ffi_type_sint32;
    case T_INT64: return &ffi_type_sint64;
    case T_DOUBLE: return &ffi_type_double;
    case T_FLOAT: return &ffi_type_float;
    case T_BOOL: return &ffi_type_uint8;
    case T_STRING:
    case T_POINTER: return &ffi_type_pointer;
    }
    return &ffi_type_void;
}

/* One type name at *p (spaces around it skipped); false when none is there. */
static bool parse_type(const char **p, CType *out) {
    while (isspace((unsigned char)**p)) (*p)++;
    size_t n = 0;
    while (isalnum((unsigned char)(*p)[n]) || (*p)[n] == '_') n++;
    for (size_t i = 0; i < sizeof TYPES / sizeof TYPES[0]; i++)
        if (strlen(TYPES[i].name) == n && !strncmp(*p, TYPES[i].name, n)) {
            *out = TYPES[i].t;
            *p += n;
            while (isspace((unsigned char)**p)) (*p)++;
            return true;
        }
    return false;
}

/* "double(double, double)", "void()", "int(void)": false with why. */
static bool parse_sig(const char *sig, FfiFn *f, char *why, size_t n) {
    const char *p = sig;
    if (!parse_type(&p, &f->ret) || *p != '(') {
        snprintf(why, n, "the signature '%s' must be like \"double(double, int)\"", sig);
        return false;
    }
    p++;
    f->nargs = 0;
    while (isspace((unsigned char)*p)) p++;
    for (;;) {
        if (*p == ')' && f->nargs == 0) break; /* void f() */
        CType t;
        if (!parse_type(&p, &t)) {
            snprintf(why, n,
                     "the signature '%s' names an unknown type (types: int, int64, double, float, "
                     "string, bool, pointer, void)",
                     sig);
            return false;
        }
        if (t == T_VOID) {
            if (f->nargs == 0 && *p == ')') break; /* int(void) */
            snprintf(why, n, "in the signature '%s', void is not an argument type", sig);
            return false;
        }
        if (f->nargs == FFI_MAX_ARGS) {
            snprintf(why, n, "the signature '%s' has more than %d arguments", sig, FFI_MAX_ARGS);
            return false;
        }
        f->arg[f->nargs++] = t;
        if (*p == ',') {
            p++;
            continue;
        }
        if (*p == ')') break;
        snprintf(why, n, "the signature '%s' must separate its arguments with commas", sig);
        return false;
    }
    p++;
    if (p[strspn(p, " \t")]) {
        snprintf(why, n, "the signature '%s' has something after its ')'", sig);
        return false;
    }
    return true;
}

/* The argument as the C type t wants it, into *slot; false with a
 * positioned error when it is not of that kind. */
static bool to_c(Vm *vm, const FfiFn *f, int i, Value v, void *slot) {
    CType t = f->arg[i];
    double x = IS_NUM(v) ? v.as.num : NAN;
    switch (t) {
    case T_INT:
        if (IS_NUM(v) && x == floor(x) && x >= INT32_MIN && x <= INT32_MAX) {
            *(int32_t *)slot = (int32_t)x;
            return true;
        }
        break;
    case T_INT64:
        if (IS_NUM(v) && x == floor(x) && fabs(x) <= 9007199254740992.0) {
            *(int64_t *)slot = (int64_t)x;
            return true;
        }
        break;
    case T_DOUBLE:
        if (IS_NUM(v)) {
            *(double *)slot = x;
            return true;
        }
        break;
    case T_FLOAT:
        if (IS_NUM(v)) {
            *(float *)slot = (float)x;
            return true;
        }
        break;
    case T_BOOL:
        if (v.kind == VAL_BOOL) {
            *(uint8_t *)slot = v.as.b;
            return true;
        }
        break;
    case T_STRING:
        if (IS_STRING(v)) {
            *(const char **)slot = AS_STRING(v)->chars;
            return true;
        }
        break;
    case T_POINTER: {
        if (IS_NIL(v)) {
            *(void **)slot = NULL;
            return true;
        }
        bool is_ptr = IS_RECORD(v) && AS_RECORD(v)->len == 1 &&
                      !strcmp(AS_RECORD(v)->fields[0].key->chars, "pointer") &&
                      IS_NUM(AS_RECORD(v)->fields[0].val);
        double k = is_ptr ? AS_RECORD(v)->fields[0].val.as.num : -1;
        if (is_ptr && k == floor(k) && k >= 0) {
            pthread_mutex_lock(&LOCK);
            bool ok = k < NPTRS;
            if (ok) *(void **)slot = PTRS[(int)k];
            pthread_mutex_unlock(&LOCK);
            if (ok) return true;
        }
        break;
    }
    case T_VOID: break;
    }
    static const char *const WANT[] = {[T_INT] = "a whole number (int)",
                                       [T_INT64] = "a whole number (int64)",
                                       [T_DOUBLE] = "a number",
                                       [T_FLOAT] = "a number",
                                       [T_BOOL] = "true or false",
                                       [T_STRING] = "a string",
                                       [T_POINTER] = "a pointer a C function returned (or nil)",
                                       [T_VOID] = "nothing"};
    char got[48];
    if (IS_NUM(v))
        snprintf(got, sizeof got, "%g", x);
    else
        snprintf(got, sizeof got, "%s", val_type_name(v));
    vm_error(vm, "%s: argument %d must be %s, got %s", f->name, i + 1, WANT[t], got);
    char word[64];
    if (IS_PATTERN(v) && t == T_STRING && stdlib_word(vm, v, word, sizeof word))
        vm_hint(vm, "double quotes make a pattern: write the string in single quotes, '%s'", word);
    else
        vm_hint(vm, "its signature is %s", f->sig);
    return false;
}

/* A call of a function ffi() made. */
static bool nat_ffi_call(Vm *vm, Value *args, int argc, Value *out) {
    const FfiFn *f = (const FfiFn *)vm_current_native(vm);
    if (argc != f->nargs) {
        vm_error(vm, "%s takes %d argument%s, got %d", f->name, f->nargs, f->nargs == 1 ? "" : "s",
                 argc);
        vm_hint(vm, "its signature is %s", f->sig);
        return false;
    }
    union {
        int32_t i;
        int64_t l;
        double d;
        float f;
        uint8_t b;
        void *p;
    } slots[FFI_MAX_ARGS];
    void *values[FFI_MAX_ARGS];
    for (int i = 0; i < argc; i++) {
        if (!to_c(vm, f, i, args[i], &slots[i])) return false;
        values[i] = &slots[i];
    }
    union {
        ffi_arg word; /* integer results come widened to a register */
        int64_t l;
        double d;
        float f;
        void *p;
    } r;
    memset(&r, 0, sizeof r);
    ffi_call((ffi_cif *)&f->cif, f->fn, &r, values);
    switch (f->ret) {
    case T_VOID: *out = NIL_VAL; break;
    case T_INT: *out = NUM_VAL((double)(int32_t)r.word); break;
    case T_INT64: *out = NUM_VAL((double)r.l); break;
    case T_DOUBLE: *out = NUM_VAL(r.d); break;
    case T_FLOAT: *out = NUM_VAL((double)r.f); break;
    case T_BOOL: *out = BOOL_VAL((uint8_t)r.word != 0); break;
    case T_STRING: *out = r.p ? OBJ_VAL(str_c(vm_heap(vm), (const char *)r.p)) : NIL_VAL; break;
    case T_POINTER: {
        if (!r.p) {
            *out = NIL_VAL;
            break;
        }
        int k = -1;
        pthread_mutex_lock(&LOCK);
        for (int i = 0; i < NPTRS && k < 0; i++)
            if (PTRS[i] == r.p) k = i;
        if (k < 0 && NPTRS < FFI_MAX_PTRS) PTRS[k = NPTRS++] = r.p;
        pthread_mutex_unlock(&LOCK);
        if (k < 0) {
            vm_error(vm, "%s: too many pointers from C (%d)", f->name, FFI_MAX_PTRS);
            return false;
        }
        Heap *h = vm_heap(vm);
        ObjString *key = str_c(h, "pointer");
        vm_push_root(vm, OBJ_VAL(key));
        RecField field = {key, NUM_VAL(k)};
        *out = OBJ_VAL(rec_new(h, &field, 1));
        vm_pop_root(vm);
        break;
    }
    }
    return true;
}

/* ffi(library, symbol, signature) */
bool nat_ffi(Vm *vm, Value *args, int argc, Value *out) {
    (void)argc;
    if (vm_safe(vm)) {
        vm_error(vm, "ffi is not allowed in safe mode");
        vm_hint(vm, "safe mode (--safe, TALA_SAFE=1) keeps a workshop's programs away from "
                    "native code, files and the network");
        return false;
    }
    for (int i = 0; i < 3; i++)
        if (!IS_STRING(args[i])) {
            vm_error(vm,
                     "ffi takes three strings: the library, the function and its signature, "
                     "got %s as the %s",
                     val_type_name(args[i]),
                     i == 0   ? "library"
                     : i == 1 ? "function"
                              : "signature");
            vm_hint(vm, "ffi(\"libm.so.6\", \"pow\", \"double(double, double)\")");
            return false;
        }
    const char *lib = AS_STRING(args[0])->chars, *sym = AS_STRING(args[1])->chars,
               *sig = AS_STRING(args[2])->chars;
    if (strlen(lib) >= sizeof((FfiFn *)0)->lib || strlen(sym) >= sizeof((FfiFn *)0)->name ||
        strlen(sig) >= sizeof((FfiFn *)0)->sig) {
        vm_error(vm, "ffi: the library, function or signature is too long");
        return false;
    }
    pthread_mutex_lock(&LOCK);
    FfiFn *f = NULL;
    for (int i = 0; i < NFNS && !f; i++)
        if (!strcmp(FNS[i]->lib, lib) && !strcmp(FNS[i]->name, sym) && !strcmp(FNS[i]->sig, sig))
            f = FNS[i];
    pthread_mutex_unlock(&LOCK);
    if (!f) {
        FfiFn tmp;
        memset(&tmp, 0, sizeof tmp);
        char why[300];
        if (!parse_sig(sig, &tmp, why, sizeof why)) {
            vm_error(vm, "ffi: %s", why);
            return false;
        }
        void *h = dlopen(lib, RTLD_NOW | RTLD_LOCAL);
        if (!h) {
            const char *e = dlerror();
            vm_error(vm, "ffi: cannot open the library '%s': %s", lib, e ? e : "not found");
            vm_hint(vm, "give its file name as the system knows it, like \"libm.so.6\", or a path");
            return false;
        }
        dlerror();
        void *fn = dlsym(h, sym);
        const char *e = dlerror();
        if (e || !fn) {
            vm_error(vm, "ffi: no function '%s' in '%s': %s", sym, lib, e ? e : "it is NULL");
            return false;
        }
        for (int i = 0; i < tmp.nargs; i++) tmp.ftypes[i] = ffi_of(tmp.arg[i]);
        if (ffi_prep_cif(&tmp.cif, FFI_DEFAULT_ABI, (unsigned)tmp.nargs, ffi_of(tmp.ret),
                         tmp.ftypes) != FFI_OK) {
            vm_error(vm, "ffi: libffi cannot call a function of signature %s", sig);
            return false;
        }
        pthread_mutex_lock(&LOCK);
        if (NFNS == FFI_MAX_FNS) {
            pthread_mutex_unlock(&LOCK);
            vm_error(vm, "ffi: too many C functions (%d)", FFI_MAX_FNS);
            return false;
        }
        f = malloc(sizeof *f);
        if (!f) abort();
        *f = tmp;
        f->fn = (void (*)(void))fn;
        snprintf(f->name, sizeof f->name, "%s", sym);
        snprintf(f->sig, sizeof f->sig, "%s", sig);
        snprintf(f->lib, sizeof f->lib, "%s", lib);
        snprintf(f->doc, sizeof f->doc, "The C function %s of %s, %s, called through libffi.", sym,
                 lib, sig);
        for (int i = 0; i < f->nargs; i++) f->ftypes[i] = ffi_of(f->arg[i]);
        /* the cif points at ftypes: prepared again where it now lives */
        ffi_prep_cif(&f->cif, FFI_DEFAULT_ABI, (unsigned)f->nargs, ffi_of(f->ret), f->ftypes);
        /* arity 0: every call reaches nat_ffi_call, which checks the count itself */
        f->def = (NativeDef){f->name, 0, nat_ffi_call, NF_VARIADIC, f->sig, f->doc, NULL, NULL};
        FNS[NFNS++] = f;
        pthread_mutex_unlock(&LOCK);
    }
    ObjNative *nat = (ObjNative *)heap_alloc(vm_heap(vm), sizeof(ObjNative), OBJ_NATIVE);
    nat->def = &f->def;
    *out = OBJ_VAL(nat);
    return true;
}
