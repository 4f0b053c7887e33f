/*
 * ext.c - extensions in C (include/tala_ext.h): load("path/ext.so") opens
 * the library once per process, checks its API version, lets it register
 * builtins and unit generators, and makes them globals of the VM that
 * loaded it (a VM made later that loads it again gets the same ones).
 *
 * A builtin becomes an ObjNative whose NativeDef is the first member of an
 * ExtFn (as ffi.c does); its calls convert tala values to tala_value and
 * back. A unit generator becomes a row of the ugen table (spec/ugens.h,
 * ugen_register) and a "~name" constructor like tala's own; the audio side
 * calls its process function (audio/synth.c, audio/bus.c). Refused in safe
 * mode. Control thread.
 */
#include "lib.h"
#include "stdlib.h"

#include "../include/tala_ext.h"
#include "../spec/ugens.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_EXTS 16
#define MAX_FNS  128

typedef struct {
    NativeDef def; /* first: the native being called is its ExtFn */
    tala_builtin_fn fn;
    int arity; /* -1: any */
    int ext;   /* which library */
} ExtFn;

typedef struct {
    char path[4096];
    int first_fn, nfns; /* its builtins in FNS */
    int ugens[32], nugens;
} Ext;

static pthread_mutex_t LOCK = PTHREAD_MUTEX_INITIALIZER;
static Ext EXTS[MAX_EXTS];
static int NEXTS;
static ExtFn *FNS[MAX_FNS];
static NativeDef FN_DEFS[MAX_FNS]; /* copies, for :help (stdlib_ext_natives) */
static int NFNS;
static char LOAD_WHY[300]; /* what the library's registration got wrong */

static bool nat_ext_call(Vm *vm, Value *args, int argc, Value *out) {
    const ExtFn *f = (const ExtFn *)vm_current_native(vm);
    if (f->arity >= 0 && argc != f->arity) {
        vm_error(vm, "%s takes %d argument%s, got %d", f->def.name, f->arity,
                 f->arity == 1 ? "" : "s", argc);
        vm_hint(vm, "%s", f->def.signature);
        return false;
    }
    tala_value in[16];
    if (argc > 16) return vm_error(vm, "%s: at most 16 arguments", f->def.name);
    for (int i = 0; i < argc; i++) {
        Value v = args[i];
        if (IS_NUM(v))
            in[i] = (tala_value){TALA_NUM, v.as.num, NULL};
        else if (v.kind == VAL_BOOL)
            in[i] = (tala_value){TALA_BOOL, v.as.b, NULL};
        else if (IS_STRING(v))
            in[i] = (tala_value){TALA_TEXT, 0, AS_STRING(v)->chars};
        else if (IS_NIL(v))
            in[i] = (tala_value){TALA_NIL, 0, NULL};
        else {
            vm_error(vm, "%s: argument %d must be a number, a text, true/false or nil, got %s",
                     f->def.name, i + 1, val_type_name(v));
            vm_hint(vm, "%s", f->def.signature);
            return false;
        }
    }
    tala_value r = {TALA_NIL, 0, NULL};
    char err[256] = "";
    if (f->fn(in, argc, &r, err, sizeof err) != 0) {
        vm_error(vm, "%s: %s", f->def.name, err[0] ? err : "failed");
        return false;
    }
    switch (r.kind) {
    case TALA_NUM: *out = NUM_VAL(r.num); break;
    case TALA_BOOL: *out = BOOL_VAL(r.num != 0); break;
    case TALA_TEXT: *out = r.text ? OBJ_VAL(str_c(vm_heap(vm), r.text)) : NIL_VAL; break;
    default: *out = NIL_VAL; break;
    }
    return true;
}

static int reg_builtin(const tala_host *h, const char *name, int arity, tala_builtin_fn fn,
                       const char *signature, const char *doc, const char *example) {
    int ext = (int)(intptr_t)h->host_data;
    if (!name || !fn || !*name) {
        snprintf(LOAD_WHY, sizeof LOAD_WHY, "a builtin without a name or a function");
        return -1;
    }
    for (int i = 0; i < NFNS; i++)
        if (!strcmp(FNS[i]->def.name, name)) {
            snprintf(LOAD_WHY, sizeof LOAD_WHY, "a second builtin named '%s'", name);
            return -1;
        }
    int nd;
    const NativeDef *own = stdlib_natives(&nd);
    for (int i = 0; i < nd; i++)
        if (!strcmp(own[i].name, name)) {
            snprintf(LOAD_WHY, sizeof LOAD_WHY, "a builtin named '%s', as one of tala's own", name);
            return -1;
        }
    if (NFNS == MAX_FNS) {
        snprintf(LOAD_WHY, sizeof LOAD_WHY, "more than %d builtins from extensions", MAX_FNS);
        return -1;
    }
    ExtFn *f = calloc(1, sizeof *f);
    if (!f) abort();
    f->fn = fn;
    f->arity = arity;
    f->ext = ext;
    f->def = (NativeDef){name,
                         0,
                         nat_ext_call,
                         NF_VARIADIC,
                         signature ? signature : name,
                         doc ? doc : "",
                         example ? example : "",
                         NULL};
    FN_DEFS[NFNS] = f->def;
    FNS[NFNS++] = f;
    EXTS[ext].nfns++;
    return 0;
}

static int reg_ugen(const tala_host *h, const tala_ugen *u) {
    int ext = (int)(intptr_t)h->host_data;
    bool inputs_named = u && u->ninputs >= 0 && u->ninputs <= TALA_EXT_INPUTS;
    for (int i = 0; inputs_named && i < u->ninputs; i++) inputs_named = u->inputs[i] != NULL;
    if (!u || !u->name || !u->process || !inputs_named || strlen(u->name) > 32 ||
        EXTS[ext].nugens == 32) {
        snprintf(LOAD_WHY, sizeof LOAD_WHY, "a unit generator '%s' that cannot be used",
                 u && u->name ? u->name : "?");
        return -1;
    }
    UgenDef *d = calloc(1, sizeof *d);
    if (!d) abort();
    d->name = u->name;
    d->kind = u->effect ? UG_EFFECT : UG_SOURCE;
    d->ninputs = u->ninputs;
    for (int i = 0; i < u->ninputs; i++)
        d->inputs[i] = u->inputs[i], d->defaults[i] = u->defaults[i];
    d->doc = u->doc ? u->doc : "";
    d->ext = u;
    int id = ugen_register(d);
    if (id < 0) {
        free(d);
        snprintf(LOAD_WHY, sizeof LOAD_WHY,
                 "a unit generator named '%s', which exists already (or too many)", u->name);
        return -1;
    }
    EXTS[ext].ugens[EXTS[ext].nugens++] = id;
    return 0;
}

/* Its builtins and unit generators as globals of vm. */
static void define_globals(Vm *vm, const Ext *e) {
    for (int i = e->first_fn; i < e->first_fn + e->nfns; i++) {
        ObjNative *nat = (ObjNative *)heap_alloc(vm_heap(vm), sizeof(ObjNative), OBJ_NATIVE);
        nat->def = &FNS[i]->def;
        vm_set_global(vm, FNS[i]->def.name, OBJ_VAL(nat));
    }
    for (int i = 0; i < e->nugens; i++) {
        const UgenDef *u = ugen_by_id(e->ugens[i]);
        static NativeDef CTORS[UGEN_MAX_ID + 1];
        static char NAMES[UGEN_MAX_ID + 1][40];
        int id = e->ugens[i];
        snprintf(NAMES[id], sizeof NAMES[id], "~%s", u->name);
        CTORS[id] = (NativeDef){NAMES[id], 0, nat_ugen, NF_VARIADIC, u->name, u->doc, "", NULL};
        ObjNative *nat = (ObjNative *)heap_alloc(vm_heap(vm), sizeof(ObjNative), OBJ_NATIVE);
        nat->def = &CTORS[id];
        vm_set_global(vm, NAMES[id], OBJ_VAL(nat));
    }
}

/* Loads the extension at `given` (once a process) and defines what it
 * offers in vm; false with why. */
static bool load_ext(Vm *vm, const char *given, char *why, size_t n, const char **hint) {
    char path[4096];
    /* a bare name is a file here, not a search of the system's libraries */
    snprintf(path, sizeof path, "%s%s", strchr(given, '/') ? "" : "./", given);
    char real[4096];
    const char *key = realpath(path, real) ? real : path;
    *hint = NULL;
    pthread_mutex_lock(&LOCK);
    int at = -1;
    for (int i = 0; i < NEXTS && at < 0; i++)
        if (!strcmp(EXTS[i].path, key)) at = i;
    if (at < 0) {
        void *h = dlopen(path, RTLD_NOW | RTLD_LOCAL);
        if (!h) {
            const char *e = dlerror();
            snprintf(why, n, "load: cannot open '%s': %s", given, e ? e : "?");
            pthread_mutex_unlock(&LOCK);
            return false;
        }
        const int *api = dlsym(h, "tala_ext_api");
        int (*init)(const tala_host *) = (int (*)(const tala_host *))dlsym(h, "tala_ext_init");
        if (!api || !init || *api != TALA_EXT_API || NEXTS == MAX_EXTS) {
            if (!api || !init) {
                snprintf(why, n, "load: '%s' is not a tala extension (it has no %s)", given,
                         api ? "tala_ext_init" : "tala_ext_api");
                *hint = "an extension includes tala_ext.h and defines tala_ext_api and "
                        "tala_ext_init (docs/extending.md)";
            } else if (*api != TALA_EXT_API) {
                snprintf(why, n,
                         "load: '%s' was built for version %d of tala's extension API; this "
                         "tala has version %d",
                         given, *api, TALA_EXT_API);
                *hint = "build it again against this tala's include/tala_ext.h";
            } else {
                snprintf(why, n, "load: more than %d extensions", MAX_EXTS);
            }
            dlclose(h);
            pthread_mutex_unlock(&LOCK);
            return false;
        }
        at = NEXTS;
        Ext *e = &EXTS[at];
        memset(e, 0, sizeof *e);
        snprintf(e->path, sizeof e->path, "%s", key);
        e->first_fn = NFNS;
        LOAD_WHY[0] = 0;
        tala_host host = {TALA_EXT_API, (void *)(intptr_t)at, reg_builtin, reg_ugen};
        int rc = init(&host);
        if (rc != 0 || LOAD_WHY[0]) {
            /* its builtins are dropped; its unit generators stay in the table
             * (it never shrinks), unused; the library stays loaded */
            for (int i = e->first_fn; i < NFNS; i++) free(FNS[i]);
            NFNS = e->first_fn;
            snprintf(why, n, "load: '%s' could not start: %s", given,
                     LOAD_WHY[0] ? LOAD_WHY : "its tala_ext_init failed");
            pthread_mutex_unlock(&LOCK);
            return false;
        }
        NEXTS++; /* (the library stays loaded: its functions are in use) */
    }
    define_globals(vm, &EXTS[at]);
    pthread_mutex_unlock(&LOCK);
    return true;
}

/* The compiler loads an extension when it meets load("..."), so the names
 * it defines are known to the code after it (vm.h: VmLibrary.preload). */
bool stdlib_preload(Vm *vm, const char *path, char *why, size_t n) {
    const char *hint;
    if (vm_safe(vm)) {
        snprintf(why, n, "load is not allowed in safe mode");
        return false;
    }
    return load_ext(vm, path, why, n, &hint);
}

/* load("path/ext.so") */
bool nat_load(Vm *vm, Value *args, int argc, Value *out) {
    (void)argc;
    *out = NIL_VAL;
    if (vm_safe(vm)) {
        vm_error(vm, "load is not allowed in safe mode");
        vm_hint(vm, "safe mode (--safe, TALA_SAFE=1) keeps a workshop's programs away from "
                    "native code, files and the network");
        return false;
    }
    if (!IS_STRING(args[0])) {
        vm_error(vm, "load takes the path of an extension, got %s", val_type_name(args[0]));
        vm_hint(vm, "load(\"./ext/fold.so\")");
        return false;
    }
    char why[600];
    const char *hint;
    if (load_ext(vm, AS_STRING(args[0])->chars, why, sizeof why, &hint)) return true;
    vm_error(vm, "%s", why);
    if (hint) vm_hint(vm, "%s", hint);
    return false;
}

const NativeDef *stdlib_ext_natives(int *count) {
    pthread_mutex_lock(&LOCK);
    *count = NFNS;
    pthread_mutex_unlock(&LOCK);
    return FN_DEFS;
}
