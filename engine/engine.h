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

/* What a chain depends on besides itself: the tempo it starts under (a
 * synced delay's time is in cycles) and the tracks (a compressor's side:
 * "kick" is that track's strip; track() gives -1 for no such track). */
typedef struct {
    double bpm;
    int (*track)(void *ud, const char *name);
    void *ud;
    double rate; /* the session's: an LV2 plugin is tried at it when the chain compiles */
} ChainEnv;

/* Compiles an effect chain (a bus, the master, a track's fx). */
bool engine_compile_chain(Vm *vm, const char *name, Value chain, const ChainEnv *env, SynthDef *out,
                          Err *err);

/* Defines the built-in instruments (bd, sn, hh, ..., sine, saw, pluck, ...)
 * in vm, as tala synth definitions. */
bool engine_load_prelude(Vm *vm, Err *err);

typedef struct {
    double rate;        /* frames per second */
    double seconds;     /* length; used when bars <= 0 */
    double bars;        /* length in cycles */
    const char *format; /* "wav", "flac", "ogg" or "mp3" (engine_sound_format) */
    const char *stems;  /* folder for one file per track, or NULL */
    const char *midi;   /* a Standard MIDI File of the MIDI events (.midi()), or NULL */
    bool safe;          /* a replay in safe mode (also when its log says it was) */
    int bits;           /* the file's samples (engine_sound_bits): 0, 16, 24 or 32 (float) */
    bool bypass_master; /* the master chain and the protection left out: the pre-master mix */
    bool no_loudness;   /* no EBU R128 measurement (the report's lufs, lra, true_peak NAN) */
    /* Mastering: the mix goes through a lookahead true-peak limiter at `ceiling`
     * dBTP (in place of the protection), turned up or down first so that it
     * measures `lufs` LUFS integrated when that is not NAN (mastering.h). */
    bool limit;
    double ceiling, lufs;
} RenderOpts;

typedef struct {
    uint64_t frames;
    AudioStats audio;
    int tracks;
    double peak; /* of the output */
    double rms;
    /* EBU R128 (libebur128) of what was written: integrated loudness (LUFS; -inf
     * for silence), loudness range (LU) and true peak (dBTP, the louder channel);
     * NAN with RenderOpts.no_loudness */
    double lufs, lra, true_peak;
    /* with RenderOpts.limit: the gain before the limiter, the most it took
     * (dB), and the measuring passes it needed */
    double gain_db, reduction_db;
    int passes;
} RenderReport;

/* A scripted performance: evaluations and commands at given cycles (the
 * horizon when they happened), read from a session log. */
typedef struct {
    Rat at;
    bool cmd;   /* a performer command (text is "hush", "mute drums", ...) */
    char *name; /* the source's name (an evaluation) */
    char *text;
    size_t len;
    char *base; /* the folder samples("dir") was relative to, or NULL */
    bool key;   /* a key played on a keyboard (session_key): */
    uint64_t key_frame;
    int key_input, key_channel, key_number, key_velocity; /* velocity 0: let go */
} ScriptItem;

typedef struct {
    ScriptItem *items;
    int n;
    double rate, tempo;
    int voices;
    char *samples;
    uint64_t end;     /* the frame the session ended on (0: not recorded) */
    uint64_t reached; /* the last progress record ("at FRAME"): where a session that
                         ended without an end record (killed, crashed) had got to */
    int cut_line;     /* > 0: the log ends inside a block at this line; what came
                         before is read, the cut block is not */
    bool safe;        /* the session ran in safe mode: so does its replay */
    LateNote *lates;  /* notes the live run played late, in frame order */
    int nlates;
    char *libraries[4]; /* the sound library's packages that played, "NAME VERSION" */
    int nlibraries;
} Script;

/* The sound file format for path: `format` when given (it must agree with
 * the path's extension), else the extension's (wav when there is none).
 * tala writes wav (32-bit float), flac (24-bit), ogg (Vorbis) and mp3 (where
 * libsndfile can). False with why when the extension is unknown or the two
 * disagree: a usage error. */
bool engine_sound_format(const char *path, const char *format, const char **out, char *why,
                         size_t n);
/* Opens path for writing stereo sound at rate in a format named by
 * engine_sound_format; NULL with why when it cannot. */
typedef struct sf_private_tag SNDFILE; /* as <sndfile.h> names it */
SNDFILE *engine_sound_open(const char *path, double rate, const char *format, int bits, char *why,
                           size_t n);
/* bits: 0 (the format's own: 32-bit float wav, 24-bit flac), 16, 24 or 32
 * (float, wav only). False with why when the format cannot hold it. */
bool engine_sound_bits(const char *format, int bits, char *why, size_t n);
/* The bits a file of format and bits (as above) holds: 16, 24 or 32. */
int engine_sound_depth(const char *format, int bits);
/* Writes n interleaved stereo frames. At 16 or 24 bits each sample is
 * rounded with TPDF dither (from the generator state *seed) and frames[] is
 * left holding what was written; else they go as floats. False when the
 * write failed. */
bool engine_sound_write(SNDFILE *sf, int bits, uint64_t *seed, float *frames, uint64_t n);
/* Closes a file of engine_sound_open (NULL is fine) so that sox and ffmpeg
 * read it without a warning; false when the last write failed. */
bool engine_sound_close(SNDFILE *sf, const char *path);

/* A sound file's loudness, EBU R128 (libebur128): integrated (LUFS, -inf
 * for silence), range (LU), true peak and sample peak (dB, the loudest
 * channel). False with why when the file cannot be read. */
typedef struct {
    double lufs, lra, true_peak, peak;
    double seconds, rate;
    int channels;
} Loudness;
bool engine_loudness(const char *path, Loudness *out, char *why, size_t n);

/* Reads a session log (the format is in docs/live.md). False with err set
 * (file:line) when it is not one. */
bool script_load(const char *path, Script *out, Err *err);
void script_free(Script *sc);

struct Session;
/* Renders what the session plays (what was evaluated in it so far, then
 * the script's items on their cycles, when script is not NULL) to a sound
 * file. Deterministic: same input, same bytes. */
bool engine_render(struct Session *s, const char *path, const RenderOpts *opts,
                   const Script *script, RenderReport *rep, Err *err);

/* Renders a session log: a fresh session with the log's settings, its items
 * on their cycles. opts->rate is the log's. */
bool engine_replay(const Script *sc, const char *path, RenderOpts *opts, RenderReport *rep,
                   Err *err);

#endif
