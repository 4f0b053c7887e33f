/*
 * engine.h - the thin layer that wires vm/ and audio/: turns the language's
 * sound descriptions into synth definitions, schedules pattern events onto
 * exact frames, and drives the audio side — offline against a virtual clock
 * (render), later live against the audio clock.
 *
 * Control thread only; the audio side is reached only through AudioEngine's
 * ring.
 */
#ifndef TALA_ENGINE_H
#define TALA_ENGINE_H

#include "../audio/mixer.h"
#include "../vm/vm.h"

/* Compiles a synth (ObjSynth) into a SynthDef the audio side can run.
 * False with err set (positioned where possible) when it uses something a
 * voice cannot do (a bus-only unit, a pattern input). */
bool engine_compile_synth(Vm *vm, ObjSynth *sy, SynthDef *out, Err *err);

/* Compiles an effect chain (a bus, the master, a track's fx). */
bool engine_compile_chain(Vm *vm, const char *name, Value chain, SynthDef *out, Err *err);

/* Defines the built-in instruments (bd, sn, hh, ..., sine, saw, pluck, ...)
 * in vm, as tala synth definitions. */
bool engine_load_prelude(Vm *vm, Err *err);

typedef struct {
    double rate;         /* frames per second */
    double seconds;      /* length; used when bars <= 0 */
    double bars;         /* length in cycles */
    double tempo;        /* beats per minute when the program sets none (4 per cycle) */
    int voices;          /* voice pool */
    const char *format;  /* "wav" or "flac" */
    const char *stems;   /* folder for one file per track, or NULL */
    const char *samples; /* a folder of sample folders (--samples), or NULL */
    const char *base;    /* the program's folder: samples('dir') is relative to it */
} RenderOpts;

typedef struct {
    uint64_t frames;
    AudioStats audio;
    int tracks;
    double peak; /* of the output */
    double rms;
} RenderReport;

/* Renders what the program in vm plays (its `play` tracks, or `pattern` when
 * not NULL) to a sound file. Deterministic: same input, same bytes. */
bool engine_render(Vm *vm, Value pattern, const char *path, const RenderOpts *opts,
                   RenderReport *rep, Err *err);

#endif
