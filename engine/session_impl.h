/*
 * session_impl.h - the session's state and the functions its files share.
 * Only engine/ includes it (session.c, events.c, schedule.c, mixplan.c,
 * sessionlog.c, commands.c); everything else goes through session.h.
 *
 * Everything here runs on the control side, on whichever thread owns the
 * session (the live control thread or the render loop), never the audio
 * thread. The Session owns its tracks, compiled synths and outbox; the
 * audio side owns what it has been sent.
 */
#ifndef TALA_SESSION_IMPL_H
#define TALA_SESSION_IMPL_H

#include "session.h"
#include "takes.h"

#include "engine.h"
#include "samples.h"
#include "zzfx.h"
#include "soundlib.h"

#define MAX_TRACKS AUDIO_MAX_TRACKS

/* Notes with the cycle of their onset. */
typedef struct {
    AudioEvent *ev;
    Rat *on;
    size_t n, cap;
} Notes;

typedef struct {
    ObjString *name;    /* NULL: the --pattern track */
    ObjPattern *pat;    /* playing now; NULL: silent */
    ObjPattern *next;   /* from `at` on; NULL with pending: stop there */
    ObjPattern *prev;   /* the code before pat: :undo and the fallback on errors */
    ObjPattern *held;   /* stopped by :hush or :stop, with this code: it stays stopped until
                           its definition plays something else or a typed `play` names it */
    ObjPattern *undone; /* the code :undo took back: while the name still holds it (no new
                           definition since), other evaluations leave the track as it is */
    bool pending;
    Rat at;
    Rat quant;
    Strip sent;      /* the strip settings last sent */
    bool faded;      /* taken out of play: its strip faded out */
    Strip from_mix;  /* ... and those the program's mix asked for last */
    SynthDef insert; /* the insert chain last sent (nnodes 0: none) */
    /* The notes of one whole cycle of one pattern: a pattern is queried a
     * cycle at a time, so what it gives (and where it fails) never depends
     * on how the timeline was cut into windows. */
    ObjPattern *cpat;
    int64_t ccycle;
    Notes cache;
} Track;

/* Strudel's FM operators an event asks for (events.c): the routes given
 * (not 0), bit from * 9 + to, and which settings each operator has (7 bits
 * an operator: fmh, fmwave, fmenv, fmattack ... fmrelease). */
typedef struct {
    uint64_t routes[2], ops;
} FmSig;

typedef struct {
    int base;      /* the synth's audio index */
    unsigned mask; /* which EVENT_FX */
    int index;     /* the variant's audio index */
    SynthDef *def;
    FmSig fm; /* the FM operators it plays */
} Variant;

typedef struct {
    Rat cycle;     /* where the segment starts */
    int64_t frame; /* on this frame */
    Rat fpc;       /* frames per cycle */
    double bpm;
} Seg;

struct Session {
    Vm *vm;
    char *anon_from; /* the source whose bare expression plays on the anonymous track */
    AudioEngine *audio;
    SessionOpts o;
    Track tracks[MAX_TRACKS];
    int ntracks;
    Rat horizon; /* every onset before it has been sent */
    /* :jump moves the song: cycle c plays what the patterns hold at c + shift
     * (shift_prev before the cycle shift_at) */
    Rat shift, shift_prev, shift_at;
    Seg *segs;
    int nsegs;
    /* synths compiled so far, deduplicated by content */
    ObjSynth *synth_objs[AUDIO_MAX_SYNTHS * 4];
    int synth_of_obj[AUDIO_MAX_SYNTHS * 4];
    int nobjs;
    SynthDef *defs[AUDIO_MAX_SYNTHS];
    int def_index[AUDIO_MAX_SYNTHS]; /* each def's audio index */
    int ndefs;
    /* synths with an event's own effects appended (with_event_fx) */
    Variant variants[AUDIO_MAX_SYNTHS];
    int nvariants;
    /* buses and master: the defs last sent (nnodes 0: none) */
    SynthDef bus_sent[AUDIO_MAX_BUSES + 1];
    ObjString *bus_names[AUDIO_MAX_BUSES];
    int nbuses;
    SampleBank bank;
    SoundLib *lib;      /* the sound library: Sonic Pi, Hydrogen, General MIDI */
    unsigned lib_used;  /* which of its packages have played (logged once each) */
    bool lib_ahead;     /* live: GM notes of the cycle after the one queried are rendered
                           ahead, on the library's loader */
    bool looking_ahead; /* a query for what is needed ahead: nothing is played or read */
    char **sample_dirs;
    int nsample_dirs;
    SynthDef sampler;
    int sampler_index;
    SynthDef zzfx; /* a ZzFX note's buffer, played as it is (zzfx.h) */
    int zzfx_index;
    ZzPool zz;
    char warned[64][48];
    int nwarned;
    /* frame-ordered events not yet in the ring */
    AudioEvent *out;
    Rat *out_at; /* the cycle an event is stamped for (den 0: none) */
    size_t nout, capout;
    Notes batch; /* notes of the window being scheduled */
    Notes dry;   /* notes of a dry run */
    char *logged_base;
    /* takes (takes.c): requests waiting for whoever has the input, and where they are saved */
    TakeRequest take_req[16];
    int ntake_req;
    char *takes_dir;
    bool takes_loaded;
    char **records_seen; /* "SOURCE|NAME|BARS|K": a file's record() calls already made */
    int nrecords_seen;
    bool orbit_on[AUDIO_MAX_ORBITS][2];  /* each orbit's reverb and delay exist ... */
    float orbit[AUDIO_MAX_ORBITS][2][2]; /* ... with these settings */
    LateNote *lates;                     /* a replay's late events, in frame order */
    int nlates;
    char midi_ports[16][64]; /* the midiport names events gave, by number */
    int nmidi_ports;
    bool clock_started; /* MIDI clock: song position and start sent */
    bool keys_full;     /* the played keys' ring was full (said once) */
    bool tempo_follows; /* an external clock sets the tempo ("tempo" commands): the
                           program's tempo is not used */
    bool said_follows;
    bool paused;   /* the external clock stopped: nothing new is scheduled ... */
    Rat resume_at; /* ... until this cycle (den 0: not yet known) */
};

/* A planned change of one effect-chain slot. */
typedef struct {
    SynthDef *def; /* the new definition (NULL: none) */
    bool change;   /* differs from what is sent */
    bool keep;     /* same shape: keep the running chain's state */
} ChainPlan;

/* The tracks a chain may listen to (comp's side): those there are, and
 * those the evaluation in progress adds (their slots are the next ones). */
typedef struct {
    Session *s;
    ObjString **names; /* played by the evaluation */
    int n;
} TrackNames;

/* Confirmations ("drums -> bar 17"): not for renders. */
#define info(s, ...)                                                                               \
    do {                                                                                           \
        if (!(s)->o.quiet) ses_say(s, __VA_ARGS__);                                                \
    } while (0)

/* sessionlog.c: messages and the log */
/* takes.c: an evaluation's record() requests to the bar; the record command;
 * the program folder's takes/ loaded as sounds (once). */
void ses_take_requests(Session *s, const char *source);
bool ses_record_command(Session *s, const char *arg, Err *err);
void ses_load_takes(Session *s, const char *base);
/* "take NAME N PATH" (a replayed log's take): the file as NAME's next sound. */
bool ses_take_command(Session *s, const char *arg, Err *err);
void ses_takes_free(Session *s);
/* Whether path (links followed) lies in the working directory's tree. */
bool ses_under_cwd(const char *path);
/* The jump command: the song moves to a section (a name or its number, from
 * 1) at the next bar (arrangement.c). */
bool ses_jump(Session *s, const char *to, Err *err);
void ses_say(Session *s, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void ses_say_err(Session *s, const Err *e);
void ses_rat_text(Rat r, char *buf, size_t n);
void ses_bar_text(Rat c, char *buf, size_t n);
void ses_warn_once(Session *s, const char *name, bool vowel);
/* bank("x") with no sound x_NAME: once per bank, naming the banks there are. */
void ses_warn_bank(Session *s, const char *bank, const char *sound);
/* A library sound that cannot be read (why), once per name. */
void ses_warn_lib(Session *s, const char *name, const char *why);
/* A sound of the library that is not installed: tala's own kit plays it
 * (kit set: said once) or it is silent (said once per name). */
void ses_note_library(Session *s, const char *name, bool kit);
/* A warning about a note name that is none (xx, h4), once per name. */
void ses_warn_note(Session *s, const char *name);
/* A warning (once per track) that a track plays nothing for cycles bars. */
void ses_warn_silent(Session *s, const char *track, int cycles);
void ses_write_log_eval(Session *s, Rat at, const char *name, const char *text, size_t len);

/* midievents.c: an event with a midiport as MIDI messages into `into`;
 * false when the event is not MIDI. *sounds: it also names a sound. */
bool ses_midi_event(Session *s, int t, const Event *ev, ObjRecord *rec, Notes *into, bool *sounds);
/* The sound events of track t's pattern p with onsets in [a, b) to
 * SessionOpts.dirt (dirtevents.c), when there is one. */
void ses_dirt_window(Session *s, int t, ObjPattern *p, Rat a, Rat b);
/* The orbits a note's duckorbit ducks and its djf, as AEV_DUCK and AEV_DJF events
 * into `into` (duckevents.c). */
void ses_duck_events(Session *s, int t, const Event *ev, ObjRecord *rec, Notes *into);
/* An AEV_MIDI event leaving the outbox: to the session's MIDI output. */
void ses_midi_send(Session *s, const AudioEvent *e);
/* A track stopped (-1: all): its MIDI notes go off, its note-offs leave the outbox. */
void ses_midi_cut(Session *s, int track);
/* The MIDI clock's ticks with cycles in [a, b) into the outbox (SessionOpts.midi_clock). */
void ses_midi_clock(Session *s, Rat a, Rat b);

/* session.c: time and quanta */
int64_t ses_round_half_up(Rat x);
Rat ses_frame_exact(const Session *s, Rat c);
Rat ses_quantize(Rat h, Rat quant);
/* The tempo from cycle `at` (at or after the horizon, and after the last
 * segment's start) on; false (said) when bpm has no exact frames a cycle. */
bool ses_set_tempo(Session *s, Rat at, double bpm);

/* events.c: pattern events -> notes */
bool ses_record_num(ObjRecord *r, const char *key, double *out);
Value ses_record_get(ObjRecord *r, const char *key);
void ses_notes_push(Notes *b, const AudioEvent *e, Rat on);
bool ses_query_notes(Session *s, int t, ObjPattern *p, Rat a, Rat b, Notes *into, Err *err);
/* The General MIDI notes track t's pattern p plays in cycle k, asked of the
 * library's loader (live: see session_sounds_ahead). Nothing plays. */
void ses_sounds_ahead(Session *s, int t, ObjPattern *p, int64_t k);
/* Whether a sound of that name plays here (a synth, a sample folder, the
 * library): the VM's hook (vm_set_sound_known). */
bool ses_sound_known(void *session, const char *name);
/* A played key (keys.c): its note (60: c4), strength 0..1, frame and id
 * (AudioEvent.key). */
typedef struct {
    uint64_t frame;
    double note, velocity;
    uint16_t id;
} KeyPlay;
/* An event of track t as its voices: none (no sound), one, or a stereo
 * sample's two, a voice a channel, each hard to its side, pan balancing
 * them. With key: as that key plays it (its note on its frame, held). */
int ses_event_voices(Session *s, int t, const Event *ev, const KeyPlay *key, AudioEvent out[2]);

/* schedule.c: the outbox */
void ses_out_push(Session *s, const AudioEvent *ev);
void ses_out_push_at(Session *s, const AudioEvent *ev, Rat at);
void ses_restamp(Session *s, Rat from);
/* A replay: the frame the live run's audio side took e on (its own if it
 * was on time). */
uint64_t ses_replayed_frame(const Session *s, const AudioEvent *e);
void ses_flush(Session *s, uint64_t upto);

/* mixplan.c: strips, chains, buses and orbits */
bool ses_strip_from_mix(Session *s, ObjString *name, Strip *st, Rat *quant, Err *err);
int ses_track_by_name(void *ud, const char *name);
bool ses_plan_chain(Session *s, const ChainEnv *env, const char *name, Value graph,
                    const SynthDef *sent, ChainPlan *p, Err *err);
void ses_send_chain(Session *s, int slot, int track, ChainPlan *p, SynthDef *sent, Rat at,
                    bool sounding);
void ses_send_strip(Session *s, int i, Rat at);
void ses_orbit_settings(Session *s, int o, const AudioEvent *e, bool key);

#endif
