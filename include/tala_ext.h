/*
 * tala_ext.h - the C extension API of tala (version 1).
 *
 * A shared library extends tala with builtin functions and unit generators.
 * It defines two symbols:
 *
 *     const int tala_ext_api = TALA_EXT_API;
 *     int tala_ext_init(const tala_host *host);
 *
 * and a program loads it with load("path/to/ext.so"). tala checks
 * tala_ext_api first (a library built against another version of this
 * header is refused, saying which), then calls tala_ext_init once per
 * process, which registers what the library offers through `host` and
 * returns 0 (anything else: the load fails). Names must not clash with
 * tala's own.
 *
 * Builtins run on tala's control thread, inside the VM, on numbers, texts
 * and booleans. Unit generators run on the audio thread: their process
 * function must not allocate, lock, block or print, and must finish
 * quickly; its state is zeroed when a voice (or a chain) starts, at most
 * TALA_EXT_STATE bytes. In a voice it is called 64 samples at a time; in an
 * effect chain too, on whole blocks, one block late (its output never
 * depends on how the audio device cuts its buffers). Inputs may be constants, synth parameters or
 * other unit generators, as for tala's own.
 */
#ifndef TALA_EXT_H
#define TALA_EXT_H

#include <stddef.h>

#define TALA_EXT_API 1

/* ---- builtins ---- */

typedef enum { TALA_NIL, TALA_NUM, TALA_BOOL, TALA_TEXT } tala_kind;

typedef struct {
    tala_kind kind;
    double num;       /* TALA_NUM; TALA_BOOL: 0 or 1 */
    const char *text; /* TALA_TEXT: valid during the call; a result's is copied at once */
} tala_value;

/* A builtin: args[0..argc-1] in, *out set (nil when left alone). Returns 0,
 * or nonzero with a message in err (tala adds the call's position). */
typedef int (*tala_builtin_fn)(const tala_value *args, int argc, tala_value *out, char *err,
                               size_t errlen);

/* ---- unit generators ---- */

#define TALA_EXT_INPUTS 6  /* at most, besides an effect's processed signal */
#define TALA_EXT_STATE  64 /* bytes of state a unit generator may keep, per voice or side */

typedef struct {
    const char *name; /* as written in synth bodies and chains: sine(...), x.fold(...) */
    int effect;       /* 1: processes a signal (in[0], x.name() in chains), 0: makes one */
    int ninputs;      /* inputs after the processed signal */
    const char *inputs[TALA_EXT_INPUTS];
    double defaults[TALA_EXT_INPUTS];
    const char *doc; /* one or two sentences, for :help */
    /* n samples (at most 64) into out: in[k][0..n-1] is input k (for an effect,
     * in[0] is the signal and in[1..] the inputs above); state is this
     * instance's TALA_EXT_STATE bytes. Audio thread. */
    void (*process)(void *state, const float *const *in, float *out, int n, double rate);
} tala_ugen;

/* ---- registering ---- */

typedef struct tala_host {
    int api; /* TALA_EXT_API of the tala loading the library */
    void *host_data;
    /* A builtin named `name` taking `arity` arguments (-1: any number). The
     * texts are kept by pointer: give string literals or static storage. */
    int (*builtin)(const struct tala_host *h, const char *name, int arity, tala_builtin_fn fn,
                   const char *signature, const char *doc, const char *example);
    /* A unit generator (`u` and what it points to must live as long as the
     * process: make it static). */
    int (*ugen)(const struct tala_host *h, const tala_ugen *u);
} tala_host;

/* What the library defines (see above). */
extern const int tala_ext_api;
int tala_ext_init(const tala_host *host);

#endif
