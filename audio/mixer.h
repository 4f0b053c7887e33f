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

/* What the control thread sends the audio side, each stamped with the frame
 * it takes effect on (a note's onset, a swap's bar line). */
typedef enum {
    AEV_NOTE,    /* start a voice */
    AEV_SYNTH,   /* a synth definition for index `synth` (kept for the engine's life) */
    AEV_STRIP,   /* a track's channel settings */
    AEV_CHAIN,   /* a new effect chain for a bus, the master or a track's insert */
    AEV_RELEASE, /* fade out the sounding voices of a track (-1: all tracks) */
    AEV_FADE,    /* fade a track's strip out over `fade.frames` (a track taken out of play);
                    its next AEV_STRIP brings it back */
    AEV_MIDI,    /* a MIDI message: the engine hands it to its MIDI output, in frame order
                    with the rest; never sent to the audio side */
    AEV_KEYUP,   /* a key let go: the voices it holds (`key`) start their release */
    AEV_DUCK,    /* an orbit's level ducked by a note (audio/duck.h), 10 ms before it */
    AEV_DJF,     /* an orbit's DJ filter set (audio/duck.h), from then on */
} AudioEventKind;

/* A key held on a keyboard: its note's gate stays open this long at most,
 * until its AEV_KEYUP gives the real length. */
#define AUDIO_KEY_HOLD_SECONDS 600.0

/* AEV_CHAIN slots */
#define CHAIN_MASTER AUDIO_MAX_BUSES       /* 0..15 are the buses */
#define CHAIN_INSERT (AUDIO_MAX_BUSES + 1) /* the insert of `track` */
/* the reverb (kind 0) and the delay (kind 1) of each orbit, that notes send
 * to with room and delay (Strudel's orbits: a note's `orbit` picks one) */
#define AUDIO_MAX_ORBITS         8
#define CHAIN_ROOM               (AUDIO_MAX_BUSES + 1 + AUDIO_MAX_TRACKS)
#define CHAIN_ORBIT(orbit, kind) (CHAIN_ROOM + 2 * (orbit) + (kind))

typedef struct {
    uint64_t frame; /* absolute */
    uint8_t kind;   /* AudioEventKind */
    int16_t track;
    union {
        struct {                  /* AEV_NOTE */
            const Sample *sample; /* for sampler synths: loaded by the control thread */
            int16_t synth;        /* registered synth index */
            float amp, pan;
            float gate;  /* the note's length in seconds */
            int32_t cut; /* > 0: a new voice in this cut group silences the group's others */
            uint32_t seed;
            /* sends to its orbit's reverb and delay (Strudel's room and delay),
             * with the settings the note asks them for */
            float room, roomsize, echo, echotime, echofeedback;
            float drycut;        /* with sends: how much of the note's direct sound is left out
                                    (Strudel's dry is 1 - drycut; 0: all of it plays) */
            uint8_t orbit;       /* whose reverb and delay: 0 .. AUDIO_MAX_ORBITS-1 */
            uint8_t channel;     /* a stereo sample's voice: 0 left, 1 right */
            uint8_t route;       /* where its sides go (Strudel's channels; 0: as they are):
                                    bits 0-1 the left's, 2-3 the right's, each 0 nowhere,
                                    1 the left output, 2 the right (0xF0: both nowhere) */
            uint16_t key;        /* a played key (AEV_NOTE from audio_send_key, and AEV_KEYUP):
                                    1 + (channel - 1) * 128 + key; 0: not a key */
            const SynthDef *def; /* AEV_SYNTH; a played key's note carries its synth too */
            float params[SYN_MAX_PARAMS];
        };
        struct { /* AEV_STRIP */
            float gain, pan;
            bool mute, solo;
            float send[AUDIO_MAX_BUSES];
        } strip;
        struct { /* AEV_FADE */
            int32_t frames;
        } fade;
        struct {                      /* AEV_MIDI */
            int16_t port;             /* the engine's port number */
            uint8_t len, bytes[3];    /* a channel or system message */
            int64_t on_num, on_den;   /* its exact cycle */
            uint64_t off_frame;       /* a note-on: its note-off's frame (0: none) ... */
            int64_t off_num, off_den; /* ... and cycle */
        } midi;
        struct { /* AEV_DJF */
            uint8_t orbit;
            float value;
        } djf;
        struct {           /* AEV_DUCK */
            uint8_t orbit; /* the orbit ducked */
            uint64_t note; /* the ducking note's frame */
            float onset, attack, depth;
        } duck;
        struct {          /* AEV_CHAIN */
            int16_t slot; /* a bus index, CHAIN_MASTER or CHAIN_INSERT */
            /* keep: the slot's chain has this def's shape; it takes the new
             * settings and keeps its state (delay lines, reverb tail).
             * Otherwise `bus` (NULL: none) replaces it with a crossfade. */
            bool keep;
            bool xfade; /* crossfade from the slot's chain (else a plain switch:
                           nothing was sounding through it) */
            Bus *bus;
            const SynthDef *def;
        } chain;
    };
} AudioEvent;

/* What the audio side hands back to be freed: a chain no longer used, or a
 * chain definition replaced by a same-shape one. */
typedef struct {
    Bus *bus;
    const SynthDef *def;
} Retired;

/* An event that reached the audio side after its frame, and the frame it
 * took effect on instead (the start of the block being rendered). */
typedef struct {
    uint64_t frame, played;
    int16_t track;
    uint32_t seed; /* notes: which one; AEV_KEYUP: its key */
    uint8_t kind;  /* AudioEventKind */
} LateNote;

typedef struct {
    float gain; /* linear */
    float pan;  /* 0..1, 0.5 centre */
    bool mute, solo;
    float send[AUDIO_MAX_BUSES]; /* post-fader send levels to the buses */
} Strip;

typedef struct {
    uint64_t voices_started;
    uint64_t voices_stolen;
    uint64_t events_late;   /* arrived after their frame: started at once */
    uint64_t voices_killed; /* non-finite output */
    int peak_voices;
} AudioStats;

/* Length of the crossfade between two effect chains of different shapes. */
#define AUDIO_XFADE_SECONDS 0.02
/* How fast the protection limiter after the master gives back gain it took (seconds). */
#define AUDIO_GUARD_RELEASE 0.1
/* ... after holding it this long (seconds). */
#define AUDIO_GUARD_HOLD 0.05

typedef struct AudioEngine AudioEngine;

/* Control thread: creation, registration, settings. */
AudioEngine *audio_new(double rate, int max_voices, int max_events);
/* Frees the engine and every chain it still holds (not the synth defs). */
void audio_free(AudioEngine *a);
/* Registers a synth: its index, or -1 when the table (or the ring) is
 * full. The def goes to the audio side by pointer through the event ring,
 * so it is safe while the audio runs; it must outlive the engine (voices
 * may sound it at any time, so defs are never retired). */
int audio_add_synth(AudioEngine *a, const SynthDef *def);
bool audio_send(AudioEngine *a, const AudioEvent *e); /* false when the ring is full */
/* A played key's note (`def` set, `key` set, gate AUDIO_KEY_HOLD_SECONDS) or
 * its AEV_KEYUP, through a ring of its own: it must not wait behind the
 * events already sent up to the scheduler's horizon. The audio side takes
 * both rings in frame order (on equal frames the scheduled events first),
 * so a replay that sends the same keys on the same frames sounds the same.
 * False when that ring is full. */
bool audio_send_key(AudioEngine *a, const AudioEvent *e);
/* One object the audio side no longer uses, to free; false when none. */
bool audio_retired(AudioEngine *a, Retired *out);
/* Late events the audio side could not report (its ring was full). */
uint64_t audio_lates_lost(AudioEngine *a);
/* One late event reported by the audio side; false when none. */
bool audio_late(AudioEngine *a, LateNote *out);
/* Frees what a retired object holds (a chain with its definition, or a
 * definition), and what an event that never reached the audio side
 * carries (an AEV_CHAIN's chain or definition). Control side. */
void audio_retired_free(const Retired *r);
void audio_event_discard(const AudioEvent *e);
AudioStats audio_stats(const AudioEngine *a);
uint64_t audio_frame(const AudioEngine *a); /* the next frame to render */
/* A track's meters since the last call: peak (linear) and mean square. */
void audio_meter(AudioEngine *a, int track, float *peak, double *meansq);

/* Stems: the tracks' (0 .. AUDIO_MAX_TRACKS-1), then each bus's return,
 * then each orbit's reverb and delay return; together they sum to the
 * pre-master mix. */
#define AUDIO_STEM_BUS(b) (AUDIO_MAX_TRACKS + (b))
#define AUDIO_STEM_ORBIT(c)                                                                        \
    (AUDIO_MAX_TRACKS + AUDIO_MAX_BUSES + (c)) /* c: CHAIN_ORBIT - CHAIN_ROOM */
#define AUDIO_STEMS (AUDIO_MAX_TRACKS + AUDIO_MAX_BUSES + 2 * AUDIO_MAX_ORBITS)

/* Frames of audio input kept for input() in synths (a power of two). */
#define AUDIO_INPUT_HISTORY 4096
/* Audio thread, before audio_render: the input of the frames it renders
 * next (right NULL: a mono input, both sides; both NULL: silence). The
 * pointers are read during that audio_render only. */
void audio_set_input(AudioEngine *a, const float *left, const float *right);

/* Offline, before rendering: whether the master chain runs (false: the
 * output is the pre-master mix) and whether the protection limiter after it
 * does (false: a mastering limiter after the engine takes its place). Both
 * on by default. */
void audio_set_master(AudioEngine *a, bool chain, bool protect);
/* Offline, before rendering: whether the tracks' meters (audio_meter) are
 * kept. On by default; a render, which reads none, turns them off. */
void audio_set_meters(AudioEngine *a, bool on);

/* Audio thread: renders `frames` stereo frames (non-interleaved), from the
 * current frame on. Optionally also the stems (stems[AUDIO_STEMS][0..1]
 * as above, NULL or a NULL entry: not wanted). */
void audio_render(AudioEngine *a, float *left, float *right, int frames, float *(*stems)[2]);

/* Offline only (nothing renders at the same time): starts what the ring holds
 * for the current frame, as the next audio_render would, so that a render
 * whose ring filled up with one frame's events can send the rest before that
 * frame plays. Returns how many events it took from the ring. */
int audio_start_now(AudioEngine *a);

#endif
