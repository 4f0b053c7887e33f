/*
 * session.c - tracks, swaps, the tempo map and the scheduler (see
 * session.h).
 *
 * The scheduler queries each track's pattern over [horizon, target) for
 * onsets, turns each into an AudioEvent on its exact frame, and puts it in
 * the outbox, a list kept in frame order together with the control events
 * (a strip's settings, a new effect chain) stamped for a future bar line.
 * Everything in the outbox up to the target's frame goes to the ring, so
 * the ring carries frames in order and nothing waits behind a future one.
 */
#include "session.h"

#include "../stdlib/lib.h"
#include "engine.h"
#include "samples.h"

#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define MAX_TRACKS AUDIO_MAX_TRACKS
#define DRY_CYCLES 2 /* a new pattern is queried this far before it is committed */

/* Notes with the cycle of their onset. */
typedef struct {
    AudioEvent *ev;
    Rat *on;
    size_t n, cap;
} Notes;

typedef struct {
    ObjString *name;  /* NULL: the --pattern track */
    ObjPattern *pat;  /* playing now; NULL: silent */
    ObjPattern *next; /* from `at` on; NULL with pending: stop there */
    ObjPattern *prev; /* the code before pat: :undo and the fallback on errors */
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

typedef struct {
    int base;      /* the synth's audio index */
    unsigned mask; /* which EVENT_FX */
    int index;     /* the variant's audio index */
    SynthDef *def;
} Variant;

typedef struct {
    Rat cycle;     /* where the segment starts */
    int64_t frame; /* on this frame */
    Rat fpc;       /* frames per cycle */
    double bpm;
} Seg;

struct Session {
    Vm *vm;
    AudioEngine *audio;
    SessionOpts o;
    Track tracks[MAX_TRACKS];
    int ntracks;
    Rat horizon; /* every onset before it has been sent */
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
    char **sample_dirs;
    int nsample_dirs;
    SynthDef sampler;
    int sampler_index;
    char warned[64][48];
    int nwarned;
    /* frame-ordered events not yet in the ring */
    AudioEvent *out;
    Rat *out_at; /* the cycle an event is stamped for (den 0: none) */
    size_t nout, capout;
    Notes batch; /* notes of the window being scheduled */
    Notes dry;   /* notes of a dry run */
    char *logged_base;
    bool orbit_on[AUDIO_MAX_ORBITS][2];  /* each orbit's reverb and delay exist ... */
    float orbit[AUDIO_MAX_ORBITS][2][2]; /* ... with these settings */
    LateNote *lates;                     /* a replay's late events, in frame order */
    int nlates;
};

static void mark(Heap *h, void *ud) {
    Session *s = ud;
    for (int i = 0; i < s->ntracks; i++) {
        Track *t = &s->tracks[i];
        if (t->name) heap_mark_obj(h, &t->name->obj);
        if (t->pat) heap_mark_obj(h, &t->pat->obj);
        if (t->next) heap_mark_obj(h, &t->next->obj);
        if (t->prev) heap_mark_obj(h, &t->prev->obj);
        if (t->cpat) heap_mark_obj(h, &t->cpat->obj);
    }
    for (int i = 0; i < s->nobjs; i++) heap_mark_obj(h, &s->synth_objs[i]->obj);
    for (int i = 0; i < s->nbuses; i++) heap_mark_obj(h, &s->bus_names[i]->obj);
}

/* ------------------------------------------------------------ messages */

static void say(Session *s, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void say(Session *s, const char *fmt, ...) {
    char buf[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    if (s->o.say)
        s->o.say(s->o.ud, buf);
    else
        fprintf(stderr, "%s\n", buf);
}

static void say_err(Session *s, const Err *e) {
    char *text = err_text(e);
    say(s, "%s", text);
    free(text);
}

void session_log(Session *s, const char *fmt, ...) {
    if (!s->o.log) return;
    va_list ap;
    va_start(ap, fmt);
    vfprintf(s->o.log, fmt, ap);
    va_end(ap);
    fputc('\n', s->o.log);
    fflush(s->o.log);
}

static void rat_text(Rat r, char *buf, size_t n) {
    if (r.den == 1)
        snprintf(buf, n, "%lld", (long long)r.num);
    else
        snprintf(buf, n, "%lld/%lld", (long long)r.num, (long long)r.den);
}

/* "bar 17", "bar 17 + 1/2": cycles count from 0, bars from 1 */
static void bar_text(Rat c, char *buf, size_t n) {
    Rat f = rat_floor(c), x = rat_sub(c, f);
    if (x.num == 0)
        snprintf(buf, n, "bar %lld", (long long)f.num + 1);
    else
        snprintf(buf, n, "bar %lld + %lld/%lld", (long long)f.num + 1, (long long)x.num,
                 (long long)x.den);
}

/* Confirmations ("drums -> bar 17"): not for renders. */
#define info(s, ...)                                                                               \
    do {                                                                                           \
        if (!(s)->o.quiet) say(s, __VA_ARGS__);                                                    \
    } while (0)

/* A warning about an unknown sound (or, with vowel set, an unknown vowel),
 * once per name. */
static void warn_once(Session *s, const char *name, bool vowel) {
    char key[48];
    snprintf(key, sizeof key, "%s%s", vowel ? "\x01" : "", name);
    for (int i = 0; i < s->nwarned; i++)
        if (strcmp(s->warned[i], key) == 0) return;
    if (s->nwarned == 64) return; /* said once, below: no flood of messages */
    snprintf(s->warned[s->nwarned++], 48, "%s", key);
    const char *more = s->nwarned == 64 ? "; further unknown names are not reported" : "";
    if (vowel)
        say(s,
            "tala: warning: no vowel '%s' (a e i o u ae aa oe ue y uh un en an on): those "
            "notes play without it%s",
            name, more);
    else
        say(s, "tala: warning: no sound named '%s' (its events are silent)%s", name, more);
}

/* ------------------------------------------------------------ time */

static int64_t round_half_up(Rat x) {
    return rat_floor(rat_add(x, rat_make(1, 2))).num;
}

static Rat fpc_of(double bpm, double rate) {
    return rat_mul(rat_div(rat_int(240), rat_from_double(bpm)), rat_from_double(rate));
}

static const Seg *seg_at_cycle(const Session *s, Rat c) {
    int i = s->nsegs - 1;
    while (i > 0 && rat_lt(c, s->segs[i].cycle)) i--;
    return &s->segs[i];
}

static Rat frame_exact(const Session *s, Rat c) {
    const Seg *g = seg_at_cycle(s, c);
    return rat_add(rat_int(g->frame), rat_mul(rat_sub(c, g->cycle), g->fpc));
}

uint64_t session_frame_of(const Session *s, Rat c) {
    int64_t f = round_half_up(frame_exact(s, c));
    return f < 0 ? 0 : (uint64_t)f;
}

Rat session_cycle_at(const Session *s, uint64_t frame) {
    int i = s->nsegs - 1;
    while (i > 0 && (int64_t)frame < s->segs[i].frame) i--;
    const Seg *g = &s->segs[i];
    return rat_add(g->cycle, rat_div(rat_int((int64_t)frame - g->frame), g->fpc));
}

Rat session_horizon(const Session *s) {
    return s->horizon;
}

double session_bpm(const Session *s) {
    return seg_at_cycle(s, s->horizon)->bpm;
}

/* ------------------------------------------------------------ setup */

Session *session_new(const SessionOpts *o, Err *err) {
    Session *s = calloc(1, sizeof *s);
    if (!s) abort();
    s->o = *o;
    if (s->o.voices <= 0) s->o.voices = 2048;
    if (s->o.tempo <= 0) s->o.tempo = 120;
    if (s->o.max_events <= 0) s->o.max_events = 1 << 16;
    s->vm = vm_new();
    if (!s->vm) abort();
    if (!engine_load_prelude(s->vm, err)) {
        vm_free(s->vm);
        free(s);
        return NULL;
    }
    s->audio = audio_new(s->o.rate, s->o.voices, s->o.max_events);
    if (!s->audio) abort();
    heap_add_marker(vm_heap(s->vm), mark, s);
    s->segs = malloc(sizeof(Seg));
    if (!s->segs) abort();
    s->segs[0] = (Seg){rat_int(0), 0, fpc_of(s->o.tempo, s->o.rate), s->o.tempo};
    s->nsegs = 1;
    if (!rat_ok(s->segs[0].fpc)) {
        err_set(err, (SrcRef){0}, "tempo %g cannot be represented exactly", s->o.tempo);
        session_free(s);
        return NULL;
    }
    s->horizon = rat_int(0);
    /* the sampler: every sample plays on it */
    s->sampler = (SynthDef){.name = "sampler", .nparams = 4, .nnodes = 1};
    const char *sp[4] = {"speed", "begin", "end", "loop"};
    for (int i = 0; i < 4; i++) snprintf(s->sampler.params[i], SYN_NAME, "%s", sp[i]);
    s->sampler.nodes[0] =
        (SynNode){.ugen = UGEN_SAMPLER,
                  .n = 4,
                  .in = {{IN_PARAM, 0, 0}, {IN_PARAM, 1, 0}, {IN_PARAM, 2, 0}, {IN_PARAM, 3, 0}}};
    s->sampler_index = audio_add_synth(s->audio, &s->sampler);
    session_log(s, "tala-session 1");
    session_log(s, "opts rate %.17g voices %d tempo %.17g", s->o.rate, s->o.voices, s->o.tempo);
    if (s->o.samples) session_log(s, "samples %s", s->o.samples);
    if (s->o.samples) {
        char why[256];
        if (samples_load(&s->bank, s->o.samples, why, sizeof why) < 0) {
            err_set(err, (SrcRef){0}, "%s", why);
            session_free(s);
            return NULL;
        }
    }
    return s;
}

void session_free(Session *s) {
    if (!s) return;
    if (s->vm) heap_remove_marker(vm_heap(s->vm), mark, s);
    for (size_t i = 0; i < s->nout; i++) audio_event_discard(&s->out[i]); /* never sent */
    audio_free(s->audio); /* frees the chains it holds and those still in its rings */
    for (int i = 0; i < s->ndefs; i++) free(s->defs[i]);
    for (int i = 0; i < s->nvariants; i++) free(s->variants[i].def);
    samples_free(&s->bank);
    for (int i = 0; i < s->nsample_dirs; i++) free(s->sample_dirs[i]);
    free(s->sample_dirs);
    free(s->segs);
    free(s->out);
    free(s->out_at);
    for (int i = 0; i < MAX_TRACKS; i++) {
        free(s->tracks[i].cache.ev);
        free(s->tracks[i].cache.on);
    }
    free(s->batch.ev);
    free(s->batch.on);
    free(s->dry.ev);
    free(s->dry.on);
    free(s->logged_base);
    free(s->lates);
    vm_free(s->vm);
    free(s);
}

Vm *session_vm(Session *s) {
    return s->vm;
}
AudioEngine *session_audio(Session *s) {
    return s->audio;
}

void session_collect(Session *s) {
    LateNote ln;
    while (audio_late(s->audio, &ln))
        session_log(s, "late %llu %llu %d %u %d", (unsigned long long)ln.frame,
                    (unsigned long long)ln.played, ln.track, ln.seed, ln.kind);
    Retired r;
    while (audio_retired(s->audio, &r)) audio_retired_free(&r);
}

/* ------------------------------------------------------------ events */

static bool record_num(ObjRecord *r, const char *key, double *out) {
    for (uint32_t i = 0; r && i < r->len; i++)
        if (strcmp(r->fields[i].key->chars, key) == 0) {
            if (IS_NUM(r->fields[i].val)) {
                *out = r->fields[i].val.as.num;
                return true;
            }
            if (IS_STRING(r->fields[i].val) && js_numeral(r->fields[i].val, out)) return true;
            return false;
        }
    return false;
}

static Value record_get(ObjRecord *r, const char *key) {
    for (uint32_t i = 0; r && i < r->len; i++)
        if (strcmp(r->fields[i].key->chars, key) == 0) return r->fields[i].val;
    return NIL_VAL;
}

/* A control of an event as a number: a vowel's letters become its index in
 * the audio side's table (an unknown one is warned about and left out). */
static bool event_control(Session *s, ObjRecord *r, const char *key, double *out) {
    if (strcmp(key, "vowel") != 0) return record_num(r, key, out);
    Value v = record_get(r, key);
    if (!IS_STRING(v) || js_numeral(v, out)) return record_num(r, key, out); /* a number */
    int k = synth_vowel(AS_STRING(v)->chars);
    if (k < 0) {
        warn_once(s, AS_STRING(v)->chars, true);
        return false;
    }
    *out = k;
    return true;
}

/* The audio-side index of a synth, compiling it the first time. Synths
 * with the same content share one definition, so re-evaluating a file does
 * not fill the table. */
static int synth_index(Session *s, ObjSynth *sy, const SynthDef **def) {
    for (int i = 0; i < s->nobjs; i++)
        if (s->synth_objs[i] == sy) {
            int k = s->synth_of_obj[i];
            *def = k < 0 ? NULL : s->defs[k];
            return k < 0 ? -1 : s->def_index[k];
        }
    /* a cache: full (a long session re-evaluating its synths), it starts
     * over; the compiled definitions stay and are found again by content */
    if (s->nobjs == AUDIO_MAX_SYNTHS * 4) s->nobjs = 0;
    SynthDef *d = calloc(1, sizeof *d);
    if (!d) abort();
    Err e = {0};
    int k = -1;
    if (!engine_compile_synth(s->vm, sy, d, &e)) {
        say_err(s, &e);
        free(d);
    } else {
        for (k = 0; k < s->ndefs; k++)
            if (memcmp(s->defs[k], d, sizeof *d) == 0) break;
        int index = -1;
        if (k < s->ndefs) {
            free(d);
        } else if (s->ndefs < AUDIO_MAX_SYNTHS && (index = audio_add_synth(s->audio, d)) >= 0) {
            s->def_index[s->ndefs] = index;
            s->defs[s->ndefs++] = d;
        } else {
            say(s, "tala: too many different synths (%d)", AUDIO_MAX_SYNTHS);
            free(d);
            k = -1;
        }
    }
    s->synth_objs[s->nobjs] = sy;
    s->synth_of_obj[s->nobjs++] = k;
    if (k < 0) {
        warn_once(s, sy->name->chars, false);
        return -1;
    }
    *def = s->defs[k];
    return s->def_index[k];
}

/* The effects an event may ask for on its own sound, in the order Strudel's
 * superdough applies them: filters, the vowel, coarse, the bit crusher, the
 * waveshaper. Each takes the named controls as its inputs; a vowel is its
 * five formants, each a node that adds the one before. */
static const struct {
    const char *key, *key2; /* the control, and its second input (a filter's Q) */
    UgenId ugen;
} EVENT_FX[] = {
    {"cutoff", "resonance", UGEN_LPF}, {"hcutoff", "hresonance", UGEN_HPF},
    {"bandf", "bandq", UGEN_BPF},      {"vowel", NULL, UGEN_FORMANT},
    {"coarse", NULL, UGEN_COARSE},     {"crush", NULL, UGEN_CRUSH},
    {"shape", NULL, UGEN_DIST},
};
#define N_EVENT_FX (int)(sizeof EVENT_FX / sizeof EVENT_FX[0])

/* A parameter's value when the event does not give it. */
static double param_default(const char *p) {
    if (!strcmp(p, "speed") || !strcmp(p, "end")) return 1;
    if (!strcmp(p, "resonance") || !strcmp(p, "hresonance") || !strcmp(p, "bandq")) return 1;
    return 0;
}

/* The synth at audio index si with the effects rec asks for appended (those
 * the synth does not take as parameters itself), built once per synth and
 * set of effects. */
static int with_event_fx(Session *s, int si, const SynthDef **def, ObjRecord *rec) {
    unsigned mask = 0;
    double x;
    for (int k = 0; k < N_EVENT_FX; k++)
        if (event_control(s, rec, EVENT_FX[k].key, &x) && synth_param(*def, EVENT_FX[k].key) < 0)
            mask |= 1u << k;
    if (!mask) return si;
    for (int i = 0; i < s->nvariants; i++)
        if (s->variants[i].base == si && s->variants[i].mask == mask) {
            *def = s->variants[i].def;
            return s->variants[i].index;
        }
    SynthDef *d = malloc(sizeof *d);
    if (!d) abort();
    *d = **def;
    int last = d->nnodes - 1;
    for (int k = 0; k < N_EVENT_FX; k++) {
        bool vowel = EVENT_FX[k].ugen == UGEN_FORMANT;
        if (!(mask & (1u << k)) || d->nnodes + (vowel ? 5 : 1) > SYN_MAX_NODES ||
            d->nparams + (EVENT_FX[k].key2 ? 2 : 1) > SYN_MAX_PARAMS)
            continue; /* a synth this large keeps its sound without the effect */
        SynNode nd = {.ugen = (uint8_t)EVENT_FX[k].ugen, .n = EVENT_FX[k].key2 ? 3 : 2};
        nd.in[0] = (SynIn){IN_NODE, (uint8_t)last, 0};
        const char *keys[2] = {EVENT_FX[k].key, EVENT_FX[k].key2};
        for (int j = 0; j < 2 && keys[j]; j++) {
            int p = synth_param(d, keys[j]);
            if (p < 0) {
                p = d->nparams++;
                snprintf(d->params[p], SYN_NAME, "%s", keys[j]);
            }
            nd.in[1 + j] = (SynIn){IN_PARAM, (uint8_t)p, 0};
        }
        if (vowel) { /* formant f of the signal, plus the formants before it */
            int signal = last;
            for (int f = 0; f < 5; f++) {
                nd.n = 4;
                nd.in[0] = (SynIn){IN_NODE, (uint8_t)signal, 0};
                nd.in[2] = (SynIn){IN_CONST, 0, (float)f};
                nd.in[3] = f ? (SynIn){IN_NODE, (uint8_t)last, 0} : (SynIn){IN_CONST, 0, 0};
                d->nodes[d->nnodes] = nd;
                last = d->nnodes++;
            }
            continue;
        }
        d->nodes[d->nnodes] = nd;
        last = d->nnodes++;
    }
    int index = audio_add_synth(s->audio, d);
    if (index < 0 || s->nvariants == (int)(sizeof s->variants / sizeof s->variants[0])) {
        free(d);
        return si; /* the table is full: the sound without its effects */
    }
    s->variants[s->nvariants++] = (Variant){si, mask, index, d};
    *def = d;
    return index;
}

static double midi_to_freq(double m) {
    return 440.0 * pow(2.0, (m - 69) / 12);
}

/* One onset of track t -> a note on its frame. False: no sound. */
static bool make_event(Session *s, int t, const Event *ev, AudioEvent *out) {
    Value v = ev->value;
    ObjRecord *rec = IS_RECORD(v) ? AS_RECORD(v) : NULL;
    Value sound = rec ? record_get(rec, "s") : (IS_STRING(v) ? v : NIL_VAL);
    double note = NAN, x;
    if (rec) {
        if (record_num(rec, "freq", &x))
            note = -x; /* negative: already a frequency */
        else if (record_num(rec, "note", &x))
            note = x;
        else if (IS_NIL(sound) && record_num(rec, "n", &x))
            note = x;
    } else if (IS_NUM(v)) {
        note = v.as.num;
    }
    ObjSynth *sy = NULL;
    Value sv;
    const Sample *sample = NULL;
    if (IS_SYNTH(sound)) {
        sy = AS_SYNTH(sound);
    } else if (IS_STRING(sound)) {
        double nn = 0;
        if (rec) record_num(rec, "n", &nn);
        if (vm_instrument(s->vm, AS_STRING(sound)->chars, &sv)) {
            sy = AS_SYNTH(sv);
        } else if (!(sample = samples_find(&s->bank, AS_STRING(sound)->chars, (int)floor(nn)))) {
            warn_once(s, AS_STRING(sound)->chars, false);
            return false;
        }
    } else if (!isnan(note)) {
        if (vm_instrument(s->vm, "triangle", &sv)) sy = AS_SYNTH(sv); /* Strudel's default */
    }
    int si;
    const SynthDef *def;
    if (sample) {
        si = s->sampler_index;
        def = &s->sampler;
    } else {
        if (!sy || (si = synth_index(s, sy, &def)) < 0) return false;
    }
    if (rec) si = with_event_fx(s, si, &def, rec);

    /* onset frame: exact cycles to frames, plus nudge in seconds */
    Rat f = frame_exact(s, ev->whole.begin);
    double nudge = 0;
    if (rec && record_num(rec, "nudge", &nudge) && nudge != 0)
        f = rat_add(f, rat_from_double(nudge * s->o.rate));
    if (!rat_ok(f)) return false;
    int64_t frame = round_half_up(f);
    if (frame < 0) return false;

    double dur =
        rat_to_double(rat_sub(frame_exact(s, ev->whole.end), frame_exact(s, ev->whole.begin))) /
        s->o.rate;
    double clip = 1, gain = 0.8, vel = 1, pan = 0.5, cut = 0; /* gain 0.8, as Strudel's */
    if (rec) {
        record_num(rec, "clip", &clip);
        record_num(rec, "gain", &gain);
        record_num(rec, "velocity", &vel);
        record_num(rec, "pan", &pan);
        record_num(rec, "cut", &cut);
    }
    double room = 0, roomsize = 2, echo = 0, echotime = 0.25, echofb = 0.5, orbit = 1;
    if (rec) {
        record_num(rec, "orbit", &orbit);
        record_num(rec, "room", &room);
        record_num(rec, "roomsize", &roomsize);
        record_num(rec, "delay", &echo);
        record_num(rec, "delaytime", &echotime);
        record_num(rec, "delayfeedback", &echofb);
    }
    memset(out, 0, sizeof *out);
    out->room = (float)fmax(0, fmin(room, 1));
    out->roomsize = (float)fmax(0, fmin(roomsize, 10));
    out->echo = (float)fmax(0, fmin(echo, 1));
    out->echotime = (float)fmax(0.001, fmin(echotime, 4));
    out->echofeedback = (float)fmax(0, fmin(echofb, 0.98));
    /* Strudel's orbits are numbers (1 by default); eight here, the others wrap */
    double ob = isfinite(orbit) ? fmod(floor(orbit), AUDIO_MAX_ORBITS) : 1;
    out->orbit = (uint8_t)(ob < 0 ? ob + AUDIO_MAX_ORBITS : ob);
    out->kind = AEV_NOTE;
    out->frame = (uint64_t)frame;
    out->synth = (int16_t)si;
    out->track = (int16_t)t;
    out->amp = (float)(gain * vel);
    out->pan = (float)pan;
    out->gate = (float)(dur * clip);
    out->cut = cut >= 1 && cut < 2147483647.0 ? (int32_t)cut : 0;
    out->sample = sample;
    for (int i = 0; i < def->nparams; i++) {
        const char *p = def->params[i];
        double val = 0;
        if (strcmp(p, "freq") == 0)
            val = isnan(note) ? 440 : note < 0 ? -note : midi_to_freq(note);
        else if (strcmp(p, "gate") == 0)
            val = dur * clip;
        else if (strcmp(p, "note") == 0)
            val = isnan(note) ? 69 : note;
        else if (!rec || !event_control(s, rec, p, &val))
            val = param_default(p);
        out->params[i] = (float)val;
    }
    return true;
}

static void notes_push(Notes *b, const AudioEvent *e, Rat on) {
    if (b->n == b->cap) {
        b->cap = b->cap ? b->cap * 2 : 256;
        b->ev = realloc(b->ev, b->cap * sizeof *b->ev);
        b->on = realloc(b->on, b->cap * sizeof *b->on);
        if (!b->ev || !b->on) abort();
    }
    b->on[b->n] = on;
    b->ev[b->n++] = *e;
}

/* Onsets of pattern p in [a, b) as notes of track t, appended to `into`.
 * False with err set when the query fails (`into` is left as it was). */
static bool query_notes(Session *s, int t, ObjPattern *p, Rat a, Rat b, Notes *into, Err *err) {
    if (!p || !rat_lt(a, b)) return true;
    size_t mark0 = into->n;
    Query *q = vm_query(s->vm);
    Err *saved = q->err;
    q->err = err;
    EvBuf ev;
    evbuf_init(&ev, vm_heap(s->vm));
    bool ok = pat_events(q, p, a, b, true, &ev);
    q->err = saved;
    for (size_t i = 0; ok && i < ev.len; i++) {
        AudioEvent e;
        if (!make_event(s, t, &ev.ev[i], &e)) continue;
        if (e.sample && e.sample->right) {
            /* stereo: a voice a channel, each hard to its side; pan balances them */
            AudioEvent r = e;
            float bal = e.pan < 0 ? 0 : e.pan > 1 ? 1 : e.pan;
            e.amp *= bal <= 0.5f ? 1 : 2 * (1 - bal), e.pan = 0, e.channel = 0;
            r.amp *= bal >= 0.5f ? 1 : 2 * bal, r.pan = 1, r.channel = 1;
            notes_push(into, &e, ev.ev[i].whole.begin);
            notes_push(into, &r, ev.ev[i].whole.begin);
        } else {
            notes_push(into, &e, ev.ev[i].whole.begin);
        }
    }
    evbuf_free(&ev);
    if (!ok) into->n = mark0;
    return ok;
}

static int late_cmp(const void *pa, const void *pb) {
    const LateNote *x = pa, *y = pb;
    return x->frame < y->frame ? -1 : x->frame > y->frame;
}

void session_replay_lates(Session *s, const LateNote *lates, int n) {
    free(s->lates);
    s->lates = NULL, s->nlates = 0;
    if (n <= 0) return;
    s->lates = malloc((size_t)n * sizeof *s->lates);
    if (!s->lates) abort();
    memcpy(s->lates, lates, (size_t)n * sizeof *lates);
    qsort(s->lates, (size_t)n, sizeof *lates, late_cmp);
    s->nlates = n;
}

/* A replay: where the live run's audio side took this event, if late. */
static uint64_t replayed_frame(const Session *s, const AudioEvent *e) {
    size_t lo = 0, hi = (size_t)s->nlates; /* the first late record on e's frame */
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (s->lates[mid].frame < e->frame)
            lo = mid + 1;
        else
            hi = mid;
    }
    for (size_t k = lo; k < (size_t)s->nlates && s->lates[k].frame == e->frame; k++)
        if (s->lates[k].kind == e->kind && s->lates[k].track == e->track &&
            (e->kind != AEV_NOTE || s->lates[k].seed == e->seed))
            return s->lates[k].played;
    return e->frame;
}

/* Pushes an event stamped for cycle `at` (den 0: a frame only). A tempo
 * change restamps what is stamped by cycle (restamp). */
static void out_push_at(Session *s, const AudioEvent *ev, Rat at);
static void out_push(Session *s, const AudioEvent *ev) {
    out_push_at(s, ev, (Rat){0, 0});
}

static void out_push_at(Session *s, const AudioEvent *ev, Rat at) {
    AudioEvent moved;
    const AudioEvent *e = ev;
    if (s->nlates) {
        moved = *ev;
        moved.frame = replayed_frame(s, ev);
        e = &moved;
    }
    if (s->nout == s->capout) {
        s->capout = s->capout ? s->capout * 2 : 1024;
        s->out = realloc(s->out, s->capout * sizeof *s->out);
        s->out_at = realloc(s->out_at, s->capout * sizeof *s->out_at);
        if (!s->out || !s->out_at) abort();
    }
    /* insertion keeps frame order (stable: equal frames in the order sent);
     * almost every event goes at the end */
    size_t i = s->nout;
    while (i > 0 && s->out[i - 1].frame > e->frame) i--;
    memmove(&s->out[i + 1], &s->out[i], (s->nout - i) * sizeof *s->out);
    memmove(&s->out_at[i + 1], &s->out_at[i], (s->nout - i) * sizeof *s->out_at);
    s->out[i] = *e;
    s->out_at[i] = at;
    s->nout++;
}

/* The tempo map changed from cycle `from` on: events waiting for a cycle
 * there get that cycle's new frame, and the outbox its order back. */
static void restamp(Session *s, Rat from) {
    bool moved = false;
    for (size_t i = 0; i < s->nout; i++)
        if (s->out_at[i].den && !rat_lt(s->out_at[i], from)) {
            s->out[i].frame = session_frame_of(s, s->out_at[i]);
            moved = true;
        }
    for (size_t i = 1; moved && i < s->nout; i++) /* insertion sort: stable */
        for (size_t k = i; k > 0 && s->out[k - 1].frame > s->out[k].frame; k--) {
            AudioEvent e = s->out[k];
            s->out[k] = s->out[k - 1], s->out[k - 1] = e;
            Rat r = s->out_at[k];
            s->out_at[k] = s->out_at[k - 1], s->out_at[k - 1] = r;
        }
}

/* Sends the outbox's events up to frame `upto` (inclusive) to the ring. */
static void flush(Session *s, uint64_t upto) {
    size_t i = 0;
    while (i < s->nout && s->out[i].frame <= upto && audio_send(s->audio, &s->out[i])) i++;
    if (i == 0) return;
    memmove(s->out, s->out + i, (s->nout - i) * sizeof *s->out);
    memmove(s->out_at, s->out_at + i, (s->nout - i) * sizeof *s->out_at);
    s->nout -= i;
}

uint64_t session_pending_frame(Session *s) {
    flush(s, session_frame_of(s, s->horizon));
    return s->nout ? s->out[0].frame : UINT64_MAX;
}

static int note_cmp(const void *pa, const void *pb) {
    const AudioEvent *x = pa, *y = pb;
    if (x->frame != y->frame) return x->frame < y->frame ? -1 : 1;
    if (x->track != y->track) return x->track - y->track;
    return x->seed < y->seed ? -1 : x->seed > y->seed; /* here: the order made */
}

static uint32_t mix32(uint64_t x) {
    x ^= x >> 33;
    x *= 0xff51afd7ed558ccdULL;
    x ^= x >> 33;
    x *= 0xc4ceb9fe1a85ec53ULL;
    x ^= x >> 33;
    return (uint32_t)x;
}

/* The batch in frame order into the outbox. A note's seed (its noise)
 * depends only on its frame, its track and its rank among the notes of
 * that track on that frame, so it is the same however the timeline was cut
 * into windows (live, offline, replay). */
/* The reverb (o 0) and delay (o 1) of a note's orbit, set as the note on
 * `frame` asks: sent the first time, then changed keeping their state (same
 * shape) whenever a note asks for other settings. */
static void orbit_settings(Session *s, int o, const AudioEvent *e) {
    float a = o == 0 ? e->roomsize : e->echotime, b = o == 0 ? 0 : e->echofeedback;
    bool *on = &s->orbit_on[e->orbit][o];
    float *set = s->orbit[e->orbit][o];
    if (*on && set[0] == a && set[1] == b) return;
    SynthDef *d = calloc(1, sizeof *d);
    if (!d) abort();
    snprintf(d->name, SYN_NAME, "%s", o == 0 ? "room" : "delay");
    snprintf(d->params[d->nparams++], SYN_NAME, "in");
    d->nnodes = 1;
    if (o == 0) {
        /* Strudel's size is its reverb's length in seconds (0..10): the combs'
         * feedback that makes the tail fall 60 dB in about that time (their
         * mean delay is 31.25 ms), given as the reverb's room 0..1 (feedback
         * 0.7 + 0.28 room; below 0 for the shortest rooms) */
        double size = a > 0 ? (a < 10 ? a : 10) : 0;
        double fb = size > 0 ? pow(10, -3 * 0.03125 / size) : 0;
        d->nodes[0] = (SynNode){.ugen = UGEN_REVERB,
                                .n = 4,
                                .in = {{IN_PARAM, 0, 0},
                                       {IN_CONST, 0, (float)((fb - 0.7) / 0.28)},
                                       {IN_CONST, 0, 0.5f},
                                       {IN_CONST, 0, 1}}};
    } else {
        d->nodes[0] = (SynNode){.ugen = UGEN_DELAY,
                                .n = 5,
                                .in = {{IN_PARAM, 0, 0},
                                       {IN_CONST, 0, a},
                                       {IN_CONST, 0, b},
                                       {IN_CONST, 0, 1},
                                       {IN_CONST, 0, 0}}};
    }
    AudioEvent c = {.frame = e->frame, .kind = AEV_CHAIN, .track = 0};
    c.chain.slot = (int16_t)CHAIN_ORBIT(e->orbit, o);
    if (*on) {
        c.chain.keep = true;
        c.chain.def = d;
    } else {
        c.chain.bus = bus_new(d, s->o.rate);
        if (!c.chain.bus) abort();
    }
    out_push(s, &c);
    *on = true;
    set[0] = a;
    set[1] = b;
}

static void commit_batch(Session *s) {
    AudioEvent *b = s->batch.ev;
    size_t n = s->batch.n;
    for (size_t i = 0; i < n; i++) b[i].seed = (uint32_t)i;
    if (n > 1) qsort(b, n, sizeof *b, note_cmp);
    uint32_t rank = 0;
    uint64_t last_frame = 0;
    int last_track = -1;
    for (size_t i = 0; i < n; i++) {
        AudioEvent *e = &b[i];
        uint64_t f = e->frame;
        rank = f == last_frame && e->track == last_track ? rank + 1 : 0;
        last_frame = f, last_track = e->track;
        e->seed = mix32(f * 1315423911u + (uint64_t)e->track * 2654435761u + rank) | 1;
        if (e->room > 0) orbit_settings(s, 0, e);
        if (e->echo > 0) orbit_settings(s, 1, e);
        out_push(s, e);
    }
    s->batch.n = 0;
}

/* ------------------------------------------------------------ scheduling */

static void query_failed(Session *s, Track *t, const Err *e) {
    const char *name = t->name ? t->name->chars : "pattern";
    say_err(s, e);
    if (t->prev && t->prev != t->pat) {
        t->pat = t->prev;
        t->prev = NULL;
        say(s, "%s: back to its previous code", name);
    } else {
        t->pat = NULL;
        say(s, "%s: stopped (no earlier code to go back to)", name);
    }
}

/* The notes of track i with onsets in [a, b) into the batch, from the
 * whole-cycle cache. A pattern that fails on a cycle falls back (to its
 * previous code, else silence) from the start of that cycle. */
static void schedule_track(Session *s, int i, Rat a, Rat b) {
    Track *t = &s->tracks[i];
    while (t->pat && rat_lt(a, b)) {
        int64_t k = rat_floor(a).num;
        Rat e = rat_min(b, rat_int(k + 1));
        if (t->cpat != t->pat || t->ccycle != k) {
            Err err = {0};
            t->cache.n = 0;
            t->cpat = NULL;
            if (!query_notes(s, i, t->pat, rat_int(k), rat_int(k + 1), &t->cache, &err)) {
                query_failed(s, t, &err);
                continue;
            }
            t->cpat = t->pat, t->ccycle = k;
        }
        for (size_t j = 0; j < t->cache.n; j++)
            if (!rat_lt(t->cache.on[j], a) && rat_lt(t->cache.on[j], e))
                notes_push(&s->batch, &t->cache.ev[j], t->cache.on[j]);
        a = e;
    }
}

void session_advance_to(Session *s, Rat c) {
    if (!rat_lt(s->horizon, c)) {
        flush(s, session_frame_of(s, s->horizon));
        return;
    }
    Rat h = s->horizon;
    for (int i = 0; i < s->ntracks; i++) {
        Track *t = &s->tracks[i];
        Rat a = h;
        if (t->pending && rat_lt(t->at, c)) {
            schedule_track(s, i, a, t->at);
            if (t->pat != t->next) t->prev = t->pat;
            t->pat = t->next;
            t->next = NULL;
            t->pending = false;
            a = rat_max(a, t->at);
        }
        schedule_track(s, i, a, c);
    }
    commit_batch(s);
    s->horizon = c;
    flush(s, session_frame_of(s, c));
    session_collect(s);
}

void session_advance(Session *s, uint64_t frame) {
    session_advance_to(s, session_cycle_at(s, frame));
}

/* ------------------------------------------------------------ evaluation */

static Rat quantize(Rat h, Rat quant) {
    if (quant.num <= 0) return h;
    return rat_mul(rat_ceil(rat_div(h, quant)), quant);
}

static int track_slot(Session *s, ObjString *name) {
    for (int i = 0; i < s->ntracks; i++)
        if (s->tracks[i].name == name) return i;
    return -1;
}

static bool truthy_setting(Value v) {
    return !IS_NIL(v) && !(v.kind == VAL_BOOL && !v.as.b) && !(IS_NUM(v) && v.as.num == 0);
}

/* The strip a track's `mix` asks for; false with err when a send names no bus. */
static bool strip_from_mix(Session *s, ObjString *name, Strip *st, Rat *quant, Err *err) {
    *st = (Strip){.gain = 1, .pan = 0.5f};
    *quant = rat_int(1);
    ObjRecord *mix;
    if (!name || !vm_mix(s->vm, name->chars, &mix)) return true;
    double x;
    if (record_num(mix, "gain", &x)) st->gain = (float)pow(10, x / 20); /* dB in mix */
    if (record_num(mix, "pan", &x)) st->pan = (float)x;
    st->mute = truthy_setting(record_get(mix, "mute"));
    st->solo = truthy_setting(record_get(mix, "solo"));
    Value q = record_get(mix, "quant");
    char word[16];
    if (engine_word(s->vm, q, word, sizeof word) && strcmp(word, "now") == 0)
        *quant = rat_int(0);
    else if (IS_NUM(q) && q.as.num >= 0 && q.as.num <= 1024)
        *quant = rat_from_double(q.as.num);
    else if (!IS_NIL(q)) {
        err_set(err, (SrcRef){0}, "mix %s: quant is a number of bars (0 or \"now\": at once)",
                name->chars);
        return false;
    }
    Value send = record_get(mix, "send");
    if (IS_RECORD(send)) {
        ObjRecord *sr = AS_RECORD(send);
        for (uint32_t k = 0; k < sr->len; k++) {
            int b;
            for (b = 0; b < s->nbuses; b++)
                if (s->bus_names[b] == sr->fields[k].key) break;
            if (b == s->nbuses) {
                err_set(err, (SrcRef){0}, "mix %s: no bus named '%s'", name->chars,
                        sr->fields[k].key->chars);
                err_hint(err, "define it: bus %s = reverb(size: 0.8)", sr->fields[k].key->chars);
                return false;
            }
            if (IS_NUM(sr->fields[k].val)) st->send[b] = (float)sr->fields[k].val.as.num;
        }
    }
    return true;
}

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

static int track_by_name(void *ud, const char *name) {
    TrackNames *tn = ud;
    Session *s = tn->s;
    for (int i = 0; i < s->ntracks; i++)
        if (s->tracks[i].name && strcmp(s->tracks[i].name->chars, name) == 0) return i;
    int fresh = s->ntracks;
    for (int i = 0; i < tn->n; i++) {
        bool known = false;
        for (int k = 0; k < s->ntracks && !known; k++) known = s->tracks[k].name == tn->names[i];
        for (int k = 0; k < i && !known; k++) known = tn->names[k] == tn->names[i]; /* play a, a */
        if (known) continue;
        if (strcmp(tn->names[i]->chars, name) == 0) return fresh < MAX_TRACKS ? fresh : -1;
        fresh++;
    }
    return -1;
}

static bool plan_chain(Session *s, const ChainEnv *env, const char *name, Value graph,
                       const SynthDef *sent, ChainPlan *p, Err *err) {
    *p = (ChainPlan){0};
    if (IS_NIL(graph)) {
        p->change = sent->nnodes > 0;
        return true;
    }
    p->def = calloc(1, sizeof *p->def);
    if (!p->def) abort();
    if (!engine_compile_chain(s->vm, name, graph, env, p->def, err)) {
        free(p->def);
        p->def = NULL;
        return false;
    }
    p->change = sent->nnodes == 0 || memcmp(sent, p->def, sizeof *p->def) != 0;
    p->keep = p->change && sent->nnodes > 0 && bus_same_shape(sent, p->def);
    if (!p->change) {
        free(p->def);
        p->def = NULL;
    }
    return true;
}

/* Sends a planned chain change on cycle `at`; takes the plan's def. */
static void send_chain(Session *s, int slot, int track, ChainPlan *p, SynthDef *sent, Rat at,
                       bool sounding) {
    if (!p->change) return;
    AudioEvent e = {.frame = session_frame_of(s, at), .kind = AEV_CHAIN, .track = (int16_t)track};
    e.chain.slot = (int16_t)slot;
    e.chain.xfade = sounding || sent->nnodes > 0;
    if (p->def) {
        *sent = *p->def;
        if (p->keep) {
            e.chain.keep = true;
            e.chain.def = p->def;
        } else {
            e.chain.bus = bus_new(p->def, s->o.rate);
            if (!e.chain.bus) abort();
        }
    } else {
        memset(sent, 0, sizeof *sent);
    }
    out_push_at(s, &e, at);
    p->def = NULL;
}

static void send_strip(Session *s, int i, Rat at) {
    Track *t = &s->tracks[i];
    AudioEvent e = {.frame = session_frame_of(s, at), .kind = AEV_STRIP, .track = (int16_t)i};
    e.strip.gain = t->sent.gain, e.strip.pan = t->sent.pan;
    e.strip.mute = t->sent.mute, e.strip.solo = t->sent.solo;
    memcpy(e.strip.send, t->sent.send, sizeof e.strip.send);
    out_push_at(s, &e, at);
}

static bool dir_loaded(const Session *s, const char *dir) {
    for (int k = 0; k < s->nsample_dirs; k++)
        if (strcmp(s->sample_dirs[k], dir) == 0) return true;
    return false;
}

static void mark_loaded(Session *s, const char *dir) {
    s->sample_dirs = realloc(s->sample_dirs, (size_t)(s->nsample_dirs + 1) * sizeof(char *));
    if (!s->sample_dirs || !(s->sample_dirs[s->nsample_dirs] = strdup(dir))) abort();
    s->nsample_dirs++;
}

void session_sample_path(const char *base, const char *d, char *out, size_t n) {
    if (d[0] != '/' && base)
        snprintf(out, n, "%s/%s", base, d);
    else
        snprintf(out, n, "%s", d);
}

bool session_has_samples(Session *s, const char *dir) {
    return dir_loaded(s, dir);
}

void session_adopt_samples(Session *s, const char *dir, SampleBank *loaded) {
    if (dir_loaded(s, dir)) {
        samples_free(loaded);
        return;
    }
    samples_merge(&s->bank, loaded);
    mark_loaded(s, dir);
}

static bool load_sample_dirs(Session *s, const char *base, Err *err) {
    Value dirs;
    if (!vm_get_global(s->vm, "samples:dirs", &dirs) || !IS_LIST(dirs)) return true;
    for (uint32_t i = 0; i < AS_LIST(dirs)->len; i++) {
        char dir[2048], why[256];
        session_sample_path(base, AS_STRING(AS_LIST(dirs)->items[i])->chars, dir, sizeof dir);
        if (dir_loaded(s, dir)) continue;
        if (samples_load(&s->bank, dir, why, sizeof why) < 0) {
            err_set(err, (SrcRef){0}, "%s", why);
            return false;
        }
        mark_loaded(s, dir);
    }
    return true;
}

/* True when two note lists sound the same (seeds aside: not yet given). */
static bool same_notes(const AudioEvent *a, size_t na, const AudioEvent *b, size_t nb) {
    if (na != nb) return false;
    for (size_t i = 0; i < na; i++)
        if (a[i].frame != b[i].frame || a[i].synth != b[i].synth || a[i].sample != b[i].sample ||
            a[i].amp != b[i].amp || a[i].pan != b[i].pan || a[i].gate != b[i].gate ||
            a[i].cut != b[i].cut || memcmp(a[i].params, b[i].params, sizeof a[i].params) != 0)
            return false;
    return true;
}

typedef struct {
    int slot; /* track index (may be new) */
    ObjString *name;
    ObjPattern *pat; /* NULL: stop */
    Rat at, quant;
    Strip strip;
    bool strip_change;
    ChainPlan insert;
    bool audible; /* the change is heard (not the same notes) */
} TrackPlan;

static void write_log_eval(Session *s, Rat at, const char *name, const char *text, size_t len) {
    if (!s->o.log) return;
    int lines = 0;
    for (size_t i = 0; i < len; i++) lines += text[i] == '\n';
    bool open_end = len > 0 && text[len - 1] != '\n';
    char a[64], when[32];
    rat_text(at, a, sizeof a);
    time_t now = time(NULL);
    strftime(when, sizeof when, "%Y-%m-%dT%H:%M:%SZ", gmtime(&now));
    fprintf(s->o.log, "eval %s %d %s %s\n", a, lines + open_end, when, name);
    fwrite(text, 1, len, s->o.log);
    if (open_end) fputc('\n', s->o.log);
    fflush(s->o.log);
}

bool session_eval(Session *s, const char *name, const char *text, size_t len, const char *base,
                  Err *err) {
    Rat h = s->horizon;
    if (base && s->o.log && (!s->logged_base || strcmp(s->logged_base, base) != 0)) {
        free(s->logged_base);
        s->logged_base = strdup(base);
        session_log(s, "base %s", base);
    }
    write_log_eval(s, h, name, text, len);
    Vm *vm = s->vm;
    vm_save(vm);
    TrackPlan plan[MAX_TRACKS];
    memset(plan, 0, sizeof plan);
    int nplan = 0;
    ChainPlan buses[AUDIO_MAX_BUSES + 1] = {{0}};
    ObjString **bnames;
    Value *bchains;
    int nb = 0;
    bool ok = vm_run_source(vm, name, text, len, err) && load_sample_dirs(s, base, err);
    /* chains are built for the tempo from the next bar on, and may listen
     * to tracks this block adds */
    TrackNames tn = {s, NULL, 0};
    if (ok) tn.n = vm_played(vm, &tn.names);
    const ChainEnv env = {vm_tempo(vm) > 0 ? vm_tempo(vm) : s->o.tempo, track_by_name, &tn};

    /* buses first: strips send to them by name */
    if (ok) {
        nb = vm_buses(vm, &bnames, &bchains);
        if (nb > AUDIO_MAX_BUSES) {
            err_set(err, (SrcRef){0}, "too many buses (at most %d)", AUDIO_MAX_BUSES);
            ok = false;
        }
        for (int i = 0; ok && i < nb; i++) {
            if (i >= s->nbuses || s->bus_names[i] != bnames[i]) s->bus_names[i] = bnames[i];
            ok = plan_chain(s, &env, bnames[i]->chars, bchains[i], &s->bus_sent[i], &buses[i], err);
        }
        if (ok) {
            s->nbuses = nb > s->nbuses ? nb : s->nbuses;
            ok = plan_chain(s, &env, "master", vm_master(vm), &s->bus_sent[AUDIO_MAX_BUSES],
                            &buses[AUDIO_MAX_BUSES], err);
        }
    }
    /* tracks: every played one, then those no longer played */
    ObjString **names;
    int np = ok ? vm_played(vm, &names) : 0;
    int fresh = s->ntracks;
    for (int i = 0; ok && i < np; i++) {
        bool twice = false; /* play a, a: one track */
        for (int k = 0; k < i && !twice; k++) twice = names[k] == names[i];
        if (twice) continue;
        TrackPlan *p = &plan[nplan];
        memset(p, 0, sizeof *p);
        p->name = names[i];
        p->slot = track_slot(s, names[i]);
        if (p->slot < 0) {
            if (fresh == MAX_TRACKS) {
                err_set(err, (SrcRef){0}, "too many tracks (at most %d)", MAX_TRACKS);
                ok = false;
                break;
            }
            p->slot = fresh++;
        }
        Value v;
        if (!vm_get_global(vm, names[i]->chars, &v) || !IS_PATTERN(v)) {
            err_set(err, (SrcRef){0}, "cannot play '%s': it is %s now, not a pattern",
                    names[i]->chars, IS_NIL(v) ? "undefined" : val_type_name(v));
            ok = false;
            break;
        }
        p->pat = AS_PATTERN(v);
        if (!(ok = strip_from_mix(s, names[i], &p->strip, &p->quant, err))) break;
        p->at = quantize(h, p->quant);
        bool existing = p->slot < s->ntracks;
        Track *t = existing ? &s->tracks[p->slot] : NULL;
        p->strip_change =
            !existing ? memcmp(&p->strip, &(Strip){.gain = 1, .pan = 0.5f}, sizeof p->strip) != 0
                      : memcmp(&p->strip, &t->from_mix, sizeof p->strip) != 0;
        ObjRecord *mix;
        Value fx = vm_mix(vm, names[i]->chars, &mix) ? record_get(mix, "fx") : NIL_VAL;
        static const SynthDef none;
        if (!(ok = plan_chain(s, &env, names[i]->chars, fx, existing ? &t->insert : &none,
                              &p->insert, err)))
            break;
        /* the dry run: the next cycles of the new code, and of the old */
        ObjPattern *cur = existing ? (t->pending ? t->next : t->pat) : NULL;
        if (cur == p->pat) { /* not re-defined: only its mix may change */
            nplan++;
            continue;
        }
        Rat end = rat_add(p->at, rat_int(DRY_CYCLES));
        s->dry.n = 0;
        if (!(ok = query_notes(s, p->slot, p->pat, p->at, end, &s->dry, err))) break;
        size_t n1 = s->dry.n;
        Err ignore = {0};
        p->audible = !cur || !query_notes(s, p->slot, cur, p->at, end, &s->dry, &ignore) ||
                     !same_notes(s->dry.ev, n1, s->dry.ev + n1, s->dry.n - n1);
        nplan++;
    }
    if (!ok) {
        for (int i = 0; i <= AUDIO_MAX_BUSES; i++) free(buses[i].def);
        for (int i = 0; i < MAX_TRACKS; i++) free(plan[i].insert.def);
        vm_restore(vm);
        return false;
    }

    /* commit */
    vm_discard(vm);
    Rat bar = rat_ceil(h);
    char where[64];
    /* tempo: from the next bar line */
    double bpm = vm_tempo(vm) > 0 ? vm_tempo(vm) : s->o.tempo;
    Seg *last = &s->segs[s->nsegs - 1];
    if (bpm != seg_at_cycle(s, bar)->bpm) {
        Rat fpc = fpc_of(bpm, s->o.rate);
        if (!rat_ok(fpc)) {
            say(s, "tala: tempo %g cannot be represented exactly; kept %g", bpm, last->bpm);
        } else if (rat_eq(last->cycle, bar)) {
            last->fpc = fpc, last->bpm = bpm;
            restamp(s, bar);
        } else {
            int64_t f = round_half_up(frame_exact(s, bar));
            s->segs = realloc(s->segs, (size_t)(s->nsegs + 1) * sizeof(Seg));
            if (!s->segs) abort();
            s->segs[s->nsegs++] = (Seg){bar, f, fpc, bpm};
            restamp(s, bar);
        }
        bar_text(bar, where, sizeof where);
        if (rat_lt(rat_int(0), h) || s->ntracks) info(s, "tempo %g -> %s", bpm, where);
    }
    for (int i = 0; i <= AUDIO_MAX_BUSES; i++)
        send_chain(s, i == AUDIO_MAX_BUSES ? CHAIN_MASTER : i, 0, &buses[i], &s->bus_sent[i], bar,
                   session_frame_of(s, bar) > 0);
    bool played[MAX_TRACKS] = {0};
    for (int i = 0; i < nplan; i++) {
        TrackPlan *p = &plan[i];
        if (p->slot >= s->ntracks) {
            Track *t = &s->tracks[s->ntracks++];
            memset(t, 0, sizeof *t);
            t->name = p->name;
            t->sent = t->from_mix = (Strip){.gain = 1, .pan = 0.5f};
        }
        Track *t = &s->tracks[p->slot];
        played[p->slot] = true;
        t->quant = p->quant;
        if (p->strip_change || t->faded) { /* a faded track comes back with its strip */
            t->sent = t->from_mix = p->strip;
            t->faded = false;
            send_strip(s, p->slot, p->at);
        }
        send_chain(s, CHAIN_INSERT, p->slot, &p->insert, &t->insert, p->at, t->pat || t->prev);
        if (p->pat && p->pat != (t->pending ? t->next : t->pat)) {
            t->pending = true;
            t->next = p->pat;
            t->at = p->at;
            bar_text(p->at, where, sizeof where);
            if (p->audible) info(s, "%s -> %s", p->name->chars, where);
        }
    }
    for (int i = 0; i < np; i++) {
        int k = track_slot(s, names[i]);
        if (k >= 0) played[k] = true;
    }
    for (int i = 0; i < s->ntracks; i++) {
        Track *t = &s->tracks[i];
        if (played[i] || !t->name || !(t->pending ? t->next : t->pat)) continue;
        t->pending = true;
        t->next = NULL;
        t->at = quantize(h, t->quant);
        /* what still sounds fades out over a beat */
        AudioEvent e = {.frame = session_frame_of(s, t->at), .kind = AEV_FADE, .track = (int16_t)i};
        Rat beat = rat_sub(frame_exact(s, rat_add(t->at, rat_make(1, 4))), frame_exact(s, t->at));
        e.fade.frames = (int32_t)round_half_up(beat);
        out_push_at(s, &e, t->at);
        t->faded = true;
        bar_text(t->at, where, sizeof where);
        info(s, "%s stops at %s (fading out over a beat)", t->name->chars, where);
    }
    flush(s, session_frame_of(s, s->horizon));
    return true;
}

bool session_play_pattern(Session *s, Value pattern, Err *err) {
    (void)err;
    Vm *vm = s->vm;
    vm_push_root(vm, pattern);
    ObjPattern *p = reify(vm, pattern);
    vm_pop_root(vm);
    if (s->ntracks == MAX_TRACKS) return false;
    Track *t = &s->tracks[s->ntracks++];
    memset(t, 0, sizeof *t);
    t->pending = true;
    t->next = p;
    t->at = s->horizon;
    t->quant = rat_int(1);
    t->sent = t->from_mix = (Strip){.gain = 1, .pan = 0.5f};
    return true;
}

/* ------------------------------------------------------------ commands */

bool session_command(Session *s, const char *cmd, const char *track, Err *err) {
    char a[64];
    rat_text(s->horizon, a, sizeof a);
    session_log(s, "cmd %s %s%s%s", a, cmd, track ? " " : "", track ? track : "");
    uint64_t now = session_frame_of(s, s->horizon);
    if (strcmp(cmd, "hush") == 0) {
        for (int i = 0; i < s->ntracks; i++) {
            Track *t = &s->tracks[i];
            if (t->pat) t->prev = t->pat;
            t->pat = t->next = NULL;
            t->pending = false;
        }
        AudioEvent e = {.frame = now, .kind = AEV_RELEASE, .track = -1};
        out_push(s, &e);
        flush(s, now);
        return true;
    }
    int i = -1;
    for (int k = 0; track && k < s->ntracks; k++)
        if (s->tracks[k].name && strcmp(s->tracks[k].name->chars, track) == 0) i = k;
    if (i < 0) {
        err_set(err, (SrcRef){0}, "no track named '%s'", track ? track : "");
        err_hint(err, ":tracks lists them");
        return false;
    }
    Track *t = &s->tracks[i];
    if (strcmp(cmd, "stop") == 0) {
        if (t->pat) t->prev = t->pat;
        t->pat = t->next = NULL;
        t->pending = false;
        AudioEvent e = {.frame = now, .kind = AEV_RELEASE, .track = (int16_t)i};
        out_push(s, &e);
    } else if (strcmp(cmd, "undo") == 0) {
        if (!t->prev) {
            err_set(err, (SrcRef){0}, "%s has no earlier code", track);
            return false;
        }
        ObjPattern *back = t->prev;
        t->prev = t->pending ? t->next : t->pat;
        t->pending = true;
        t->next = back;
        t->at = quantize(s->horizon, t->quant);
        if (t->faded) { /* taken out of play earlier: it comes back at full level */
            t->faded = false;
            send_strip(s, i, t->at);
        }
        char where[64];
        bar_text(t->at, where, sizeof where);
        info(s, "%s -> %s (previous code)", track, where);
    } else if (!strcmp(cmd, "mute") || !strcmp(cmd, "unmute") || !strcmp(cmd, "solo") ||
               !strcmp(cmd, "unsolo")) {
        bool on = cmd[0] != 'u';
        if (strstr(cmd, "mute"))
            t->sent.mute = on;
        else
            t->sent.solo = on;
        send_strip(s, i, s->horizon);
    } else {
        err_set(err, (SrcRef){0}, "unknown command '%s'", cmd);
        return false;
    }
    flush(s, now);
    return true;
}

int session_tracks(Session *s, TrackInfo *out, int max) {
    int n = 0;
    for (int i = 0; i < s->ntracks && n < max; i++) {
        Track *t = &s->tracks[i];
        out[n++] = (TrackInfo){.name = t->name ? t->name->chars : "pattern",
                               .strip = i,
                               .playing = t->pat != NULL,
                               .pending = t->pending,
                               .at = t->at,
                               .quant = t->quant,
                               .mute = t->sent.mute,
                               .solo = t->sent.solo};
    }
    return n;
}
