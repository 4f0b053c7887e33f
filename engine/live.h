/*
 * live.h - a performance against the audio clock: a session (session.h),
 * an audio device (audio/device.h) and the control thread between them.
 *
 * The control thread wakes every 2 ms, and sends the events of the next
 * `lookahead` seconds past the audio side's current frame. It alone runs
 * the VM: evaluations and commands from the REPL or the file watcher are
 * handed to it and answered, and while an evaluation runs it keeps
 * stepping the scheduler, so a slow evaluation never makes an event late.
 * Events reach the audio side only through its ring.
 */
#ifndef TALA_LIVE_H
#define TALA_LIVE_H

#include "../audio/device.h"
#include "../io/midi.h"
#include "meter.h"
#include "session.h"

typedef struct Live Live;

typedef struct {
    SessionOpts session; /* its rate is the device's */
    DeviceOpts device;
    double lookahead;   /* seconds; 0.05 when 0 */
    const char *record; /* a sound file to write what plays (before the volume), or NULL;
                           its format follows its extension (engine_sound_format) */
    /* MIDI ports whose messages go out later, to line up with their sound
     * (--midi-latency NAME=MS) */
    const char *midi_latency_port[8];
    double midi_latency[8]; /* seconds */
    int nmidi_latency;
    const char *midi_in[4]; /* input ports whose controllers cc() reads (--midi-in) */
    int nmidi_in;
    const char *clock_in;     /* a MIDI input whose clock sets the tempo (--clock midi:NAME) */
    bool link;                /* --link: join an Ableton Link session */
    double quantum;           /* its quantum in beats (4 when 0) */
    const char *superdirt;    /* --superdirt [HOST:]PORT: every sound event to SuperDirt too */
    double superdirt_latency; /* seconds its bundles are stamped later (0.2 is Tidal's) */
    /* takes (record()): the round trip from output to input in ms, when the
       device's reported latencies are not it (< 0: the device's) */
    double input_latency_ms;
    /* session.midi_clock: a port that gets MIDI clock (--midi-clock NAME); a stop
       is sent when the performance ends */
} LiveOpts;

/* Opens the device and the session (nothing plays yet). NULL with why set. */
Live *live_open(const LiveOpts *o, char *why, size_t n);
/* Starts the audio and the control thread. */
bool live_start(Live *l, char *why, size_t n);
/* Stops everything, ends the log ("end FRAME") and closes the recording. */
void live_close(Live *l);

/* What the REPL and the watcher do; thread-safe. Each waits for the control
 * thread's answer (run on the caller's thread before live_start). */
bool live_eval(Live *l, const char *name, const char *text, size_t len, const char *base, Err *err);
bool live_command(Live *l, const char *cmd, const char *track, Err *err);
void live_set_volume(Live *l, float v);
/* Opens the audio device again (:reconnect): a fresh stream on the device
 * first asked for, time going on meanwhile (device_reconnect). A device
 * whose host went away (a JACK server killed) is said once while time goes
 * on without sound, recorded and logged. False with why when it cannot. */
bool live_reconnect(Live *l, char *why, size_t n);

/* The notes played on the --midi-in keyboards in the last `bars` bars (the
 * current one among them once it has a note) as tala code, each onset on
 * the nearest of `grid` steps a bar (capture.h). False when none was. */
bool live_capture(Live *l, int bars, int grid, char *out, size_t n);

/* ":link": the Ableton Link session as tala sees it (linkfollow.h). */
void live_link_text(Live *l, char *out, size_t n);
/* The other peers in the Link session; -1 without --link. */
int live_link_peers(Live *l);

/* Exclusive use of the session (for :help, completion, :tracks). */
Session *live_lock(Live *l);
void live_unlock(Live *l);

/* The master's loudness as it played (meter.h), after starting the
 * integration again when reset; false when there is no meter. */
bool live_meter(Live *l, MeterReading *out, bool reset);

typedef struct {
    double rate;
    uint64_t frame; /* frames played */
    double cycle;   /* where the audio is, in cycles */
    double bpm;
    DeviceStats device;
    AudioStats audio;
    int ntracks;
    TrackInfo tracks[AUDIO_MAX_TRACKS];
    float peak[AUDIO_MAX_TRACKS]; /* since the last call */
    const char *device_name;
    bool null; /* no device: keeping time only */
} LiveStatus;
void live_status(Live *l, LiveStatus *st);

#endif
