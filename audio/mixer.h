/*
 * mixer.h - the audio side of the engine: voices, channel strips, master.
 *
 * The control thread creates an AudioEngine (all memory is allocated here,
 * once), registers synth definitions, and sends AudioEvents through the
 * event ring. audio_render() runs on the audio thread (or the offline
 * loop): it starts voices on their exact frames, renders every voice into
 * its track's strip, mixes strips into the master, and protects the output
 * so it never exceeds 0 dBFS. It never allocates, locks, blocks or prints.
 *
 * Processing runs in 64-frame blocks aligned to frame 0 whatever the caller
 * asks for, so a live run, an offline render and a replay compute the same
 * samples.
 */
#ifndef TALA_MIXER_H
#define TALA_MIXER_H

#include "bus.h"
#include "ring.h"
#include "synth.h"

#include <stdint.h>

#define AUDIO_BLOCK      64
#define AUDIO_MAX_SYNTHS 256
#define AUDIO_MAX_TRACKS 64
#define AUDIO_MAX_BUSES  16

typedef struct {
    const Sample *sample; /* for sampler synths: loaded by the control thread */
    uint64_t frame;       /* onset, absolute */
    int16_t synth;        /* registered synth index */
    int16_t track;
    float amp, pan;
    float gate;  /* the note's length in seconds */
    int32_t cut; /* > 0: a new voice in this cut group silences the group's others */
    uint32_t seed;
    float params[SYN_MAX_PARAMS];
} AudioEvent;

typedef struct {
    float gain; /* linear */
    float pan;  /* 0..1, 0.5 centre */
    bool mute, solo;
    Bus *insert;                 /* the track's own effect chain, or NULL */
    float send[AUDIO_MAX_BUSES]; /* post-fader send levels to the buses */
    float peak;                  /* meters, since the last read */
    double sumsq;
    uint64_t frames;
} Strip;

typedef struct {
    uint64_t voices_started;
    uint64_t voices_stolen;
    uint64_t events_late;   /* arrived after their frame: started at once */
    uint64_t voices_killed; /* non-finite output */
    int peak_voices;
} AudioStats;

typedef struct AudioEngine AudioEngine;

/* Control thread: creation, registration, settings. */
AudioEngine *audio_new(double rate, int max_voices, int max_events);
void audio_free(AudioEngine *a);
int audio_add_synth(AudioEngine *a, const SynthDef *def); /* index, or -1 when full */
Strip *audio_strip(AudioEngine *a, int track);
bool audio_send(AudioEngine *a, const AudioEvent *e); /* false when the ring is full */
/* Buses and the master chain (owned by the caller, set before rendering). */
void audio_set_bus(AudioEngine *a, int index, Bus *bus);
void audio_set_master(AudioEngine *a, Bus *master);
AudioStats audio_stats(const AudioEngine *a);
uint64_t audio_frame(const AudioEngine *a); /* the next frame to render */

/* Audio thread: renders `frames` stereo frames (non-interleaved), from the
 * current frame on. Optionally also the pre-master mix of each track
 * (stems[t][0..1], may be NULL). */
void audio_render(AudioEngine *a, float *left, float *right, int frames, float *(*stems)[2]);

#endif
