/*
 * session.h - the control side of a performance: the VM, the tracks it
 * plays, the tempo map and the scheduler that turns patterns into frame-
 * stamped events for the audio side.
 *
 * One session serves a live performance, an offline render and a replay:
 * they differ only in who calls session_advance (the live control thread
 * against the audio clock, or the render loop against a virtual one), so
 * the same input gives the same frames.
 *
 * Evaluating code is a transaction (session_eval): the block is compiled
 * and run, every pattern that changed is dry-run (queried for the next two
 * cycles, its synths and chains built) and only then committed. Each
 * changed track switches at its first quantum boundary (a bar by default)
 * at or after the scheduling horizon, the point up to which events have
 * been sent; unchanged tracks are untouched. A failed evaluation changes
 * nothing. A pattern that fails later, in a real query, falls back to the
 * track's previous code.
 *
 * Time: cycle c lands on frame round(F + (c - C) * 240 / bpm * rate), halves
 * up, for the tempo segment (C, F, bpm) c lies in, in exact rationals. A
 * tempo change starts a segment on the frame of the bar line it takes
 * effect on, so any number of changes never drifts.
 *
 * Control side only: never called from the audio thread.
 */
#ifndef TALA_SESSION_H
#define TALA_SESSION_H

#include "../audio/mixer.h"
#include "../vm/vm.h"
#include "../io/osc.h"

#include <stdio.h>

typedef struct Session Session;

/* Where the session's messages go: swap confirmations ("drums -> bar 17"),
 * warnings, and errors (already formatted with position and caret). */
typedef void (*SayFn)(void *ud, const char *text);

/* A MIDI message of the performance, handed over a lookahead before its
 * frame (in frame order), or a track's stop. */
typedef struct {
    uint64_t frame;
    Rat cycle;        /* its exact cycle (for a MIDI file's ticks) */
    int track;        /* the track; with len 0, the track that stops (-1: all);
                         SESSION_CLOCK_TRACK: MIDI clock (a stop never cuts it) */
    const char *port; /* the midiport its event named ("": tala's own port) */
    int len;          /* 1 to 3 bytes; 0: the track stopped (its notes go off);
                         -1: a port named for the first time (open it) */
    uint8_t bytes[3];
} MidiMsg;
typedef void (*MidiFn)(void *ud, const MidiMsg *m);

/* A sound event as Tidal sends it to SuperDirt (/dirt/play): its frame and
 * its controls as name-value pairs (types "sf..." or "ss..."), cps, cycle
 * and delta (its length in seconds) among them; note is in Tidal's
 * semitones from middle C. Handed over when it is scheduled (a lookahead
 * before its frame), on the control thread. */
#define DIRT_MAX_ARGS 128
typedef struct {
    uint64_t frame;
    int argc;
    char types[DIRT_MAX_ARGS + 1];
    OscArg argv[DIRT_MAX_ARGS];
} DirtMsg;
typedef void (*DirtFn)(void *ud, const DirtMsg *m);
#define SESSION_CLOCK_TRACK (-2)
#define SESSION_CLOCK_PPQN  24 /* MIDI clock: 24 ticks a quarter note, 96 a bar */

typedef struct {
    double rate;         /* frames per second */
    int voices;          /* voice pool (default 2048) */
    double tempo;        /* beats per minute until the program sets one (120) */
    const char *samples; /* a folder of sample folders (--samples), or NULL */
    int max_events;      /* the event ring (default 65536) */
    SayFn say;           /* NULL: stderr */
    void *ud;
    FILE *log;             /* the session log to append to, or NULL */
    bool quiet;            /* no confirmations, only warnings and errors (renders) */
    bool samples_may_miss; /* a sample folder that cannot be read is a warning (its sounds
                              are silent), not an error: replays of a log from elsewhere */
    bool samples_listed;   /* sample folders are listed, not loaded (tala check) */
    MidiFn midi;           /* where MIDI messages go (NULL: nowhere) */
    void *midi_ud;
    DirtFn dirt; /* where sound events also go, as Tidal's /dirt/play (NULL: nowhere) */
    void *dirt_ud;
    const char *midi_clock; /* a port to send MIDI clock to (24 a quarter note, song position
                               and start first), or NULL */
    bool tempo_by_link;     /* `tempo` goes to an Ableton Link session (not "not used") */
    bool safe;      /* safe mode: ffi refused, sample folders only under the working directory */
    bool input;     /* an audio input is open: record() takes can be made (live.c) */
    bool replaying; /* a session log's replay: its takes come from the log, on their cycles */
} SessionOpts;

/* The anonymous track: a block whose last expression is a pattern plays it
 * on this track (as Strudel's REPL plays the value of the last statement),
 * replacing what played there. :stop $ stops it. */
#define ANON_TRACK "$"

Session *session_new(const SessionOpts *o, Err *err);
void session_free(Session *s);
Vm *session_vm(Session *s);
AudioEngine *session_audio(Session *s);

/* Evaluates a block of code (a file, a REPL entry) as a transaction at the
 * current horizon. base: the folder samples("dir") is relative to. False,
 * with err set, when it was rejected (then nothing changed). */
bool session_eval(Session *s, const char *name, const char *text, size_t len, const char *base,
                  Err *err);

/* Sample folders can be read before an evaluation, away from the session
 * (live: without holding up the scheduler): the path samples("d") means
 * under base, whether it is loaded, and handing over a bank loaded from it
 * (samples.h; the session takes its sets). */
struct SampleBank;
void session_sample_path(const char *base, const char *d, char *out, size_t n);
bool session_has_samples(Session *s, const char *dir);
/* The session's sound library (soundlib.h): it has a lock of its own, so a
 * live session reads ahead there without holding the session. */
struct SoundLib *session_soundlib(Session *s);
/* Live: from now on, the General MIDI notes of the cycle after each one
 * scheduled are rendered ahead on a thread of the library's. */
void session_sounds_ahead(Session *s);
void session_adopt_samples(Session *s, const char *dir, struct SampleBank *loaded);

/* Queries the first `cycles` cycles of every track the last evaluation
 * plays, one cycle at a time as the scheduler does, under the same budgets
 * (tala check). False with err set at the first failing query. */
bool session_check(Session *s, int cycles, Err *err);

/* Plays one pattern as the only track (tala render --pattern). */
bool session_play_pattern(Session *s, Value pattern, Err *err);

/* Performer commands, effective at the horizon: "hush", "stop NAME",
 * "mute NAME", "unmute NAME", "solo NAME", "unsolo NAME", "undo NAME"
 * (back to the track's previous code at its next quantum), and "cc" with
 * "CHANNEL NUMBER VALUE" (a MIDI controller moved, 0..127: what cc() reads
 * from then on). An external clock's: "tempo" with "CYCLE BPM" (the tempo
 * from CYCLE on; from then on the program's own tempo is not used),
 * "pause" (sounding notes released, nothing new scheduled; time and code
 * stay) and "resume" with "CYCLE" (scheduling again from CYCLE). Logged. */
bool session_command(Session *s, const char *cmd, const char *track, Err *err);

/* A key played on keyboard `input` (0-3: which --midi-in; channel 1-16,
 * key 0-127, velocity 1-127; velocity 0: let go), sounding on `frame`, which should lie between the
 * audio side's next frame and the horizon. Each track whose pattern is
 * midiin() at that moment (listening to that channel) plays the key with
 * its sound then, held until the key is let go. While paused (an external
 * clock stopped), keys pressed are not played. Logged, with the horizon,
 * so a replay plays it on the same frame with the same sound. */
void session_key(Session *s, uint64_t frame, int input, int channel, int key, int velocity);

/* Sends every event with onset before `cycle` (or before the cycle that
 * frame `frame` lies in, for the live clock). Never fails: a track whose
 * query fails is reported and falls back (see above). */
void session_advance_to(Session *s, Rat cycle);
void session_advance(Session *s, uint64_t frame);

/* The earliest frame of an event made but not yet taken by the ring (the
 * ring was full), or UINT64_MAX. The offline loop renders no further. */
uint64_t session_pending_frame(Session *s);

/* Frees what the audio side has retired, and logs the events it took late
 * ("late FRAME PLAYED TRACK SEED KIND"). */
void session_collect(Session *s);

/* A replay: events the live run's audio side took late are moved to where
 * it took them, so the replay equals what was heard. */
void session_replay_lates(Session *s, const LateNote *lates, int n);

Rat session_horizon(const Session *s);
Rat session_cycle_at(const Session *s, uint64_t frame); /* exact */
/* The tempo the program's last `tempo` statement set (0: none yet). */
double session_program_tempo(Session *s);
/* Paused by an external clock (stopped, or waiting to be on its bars). */
bool session_paused(const Session *s);
uint64_t session_frame_of(const Session *s, Rat cycle);
double session_bpm(const Session *s); /* at the horizon */
double session_bpm_at(const Session *s, Rat cycle);
/* The tempo map: where each tempo starts (cycles) and its beats per
 * minute, up to max; returns how many there are. */
int session_tempos(const Session *s, Rat *at, double *bpm, int max);
/* Where MIDI messages go from now on (SessionOpts.midi). */
void session_set_midi(Session *s, MidiFn fn, void *ud);
/* Hands over the MIDI messages still waiting (the note-offs of notes that
 * outlast a render's end). */
void session_midi_drain(Session *s);

typedef struct {
    const char *name;
    int strip;    /* its channel strip on the audio side */
    bool playing; /* false: stopped or removed */
    bool pending; /* a swap (or stop) is waiting for its quantum */
    Rat at;       /* ... at this cycle */
    Rat quant;    /* cycles; 0 = at once */
    bool mute, solo;
} TrackInfo;
int session_tracks(Session *s, TrackInfo *out, int max);
/* The song's sections: the program's last arrange(...), each section's
 * start cycle and length and the name of a global holding it (NULL: none);
 * up to max, returns how many; *total is the form's length in cycles (0:
 * no arrangement). */
typedef struct {
    Rat at, len;
    const char *name;
} Section;
int session_sections(Session *s, Section *out, int max, Rat *total);

/* The name of bus b (`bus verb = ...`), NULL when there is none. */
const char *session_bus_name(Session *s, int b);
/* The patterns of the tracks that play from the horizon on (the code a
 * pending swap brings; not those muted, or not soloed while some are), up
 * to max; returns how many (tala query --file). */
int session_patterns(Session *s, ObjPattern **out, int max);
/* The pattern of the track named name that plays from the horizon on (a
 * pending swap's), NULL when no such track plays. */
ObjPattern *session_track_pattern(Session *s, const char *name);

/* Appends a line to the log (an external record: "late ...", "end ...").
 * No-op without a log. */
void session_log(Session *s, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

#endif
