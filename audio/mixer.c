/*
 * mixer.c - voices into strips into the master (see mixer.h).
 */
#include "mixer.h"
#include "duck.h"

#include "filters.h"
#include "guard.h"

#include <math.h>
#include <stdatomic.h>
#if defined(__x86_64__) || defined(__SSE__)
#include <xmmintrin.h>
#endif
#include <stdlib.h>
#include <string.h>

/* An effect chain in a slot (a bus, the master, a track's insert). While a
 * chain of another shape replaces it, the old one keeps running for
 * AUDIO_XFADE_SECONDS and the two are crossfaded; NULL is no chain (the
 * signal passes as it is). */
typedef struct {
    Bus *cur, *old;
    int xf; /* frames of the crossfade left; old is retired when it ends */
} Chain;

/* Meters, written by the audio side, read and reset by the control side:
 * float/double bits in atomics, so neither side ever waits. */
typedef struct {
    _Atomic uint32_t peak;
    _Atomic uint64_t sumsq, frames;
} Meter;

#define NCHAINS        (CHAIN_ORBIT(AUDIO_MAX_ORBITS - 1, 1) + 1)
#define AUDIO_PREP_RUN 32 /* voices looked at together for voice_prepare */
/* voices with steady filters sounding at a voice's start (itself included)
 * from which its filters run in lanes */
#define AUDIO_LANES_AT 12

struct AudioEngine {
    double rate;
    Guard guard;                /* the protection limiter after the master */
    bool master_off, guard_off; /* offline: the master chain, the protection left out */
    bool meters_on;             /* the tracks' meters are kept (audio_set_meters) */
    _Atomic uint64_t frame;
    Voice *voices;
    int nvoices;        /* slots: max_voices plus a reserve for voices fading out */
    NodeState *st_more; /* nvoices * SYN_MAX_NODES: big synths' node states (Voice.st_more) */
    VoiceMore *more;    /* nvoices: FM and unison voices' phases (Voice.more) */
    int max_voices;
    const SynthDef *synths[AUDIO_MAX_SYNTHS];
    int nsynths;     /* audio side: the defs it has received (AEV_SYNTH) */
    int nsynths_ctl; /* control side: the indices it has given out */
    Ring events;
    AudioEvent *ring_storage;
    Ring keys; /* played keys: notes and key-ups, sent as they are played */
    AudioEvent key_storage[1024];
    Ring retired; /* audio -> control: objects to free */
    Retired retired_storage[1024];
    Ring lates;                  /* audio -> control: notes started after their frame */
    _Atomic uint64_t lates_lost; /* reports the full ring could not take */
    LateNote late_storage[256];
    Strip strips[AUDIO_MAX_TRACKS];
    int ntracks; /* 1 + the highest track index seen: the strips worth visiting */
    int nsolo;   /* strips soloed */
    int fade_len[AUDIO_MAX_TRACKS], fade_left[AUDIO_MAX_TRACKS]; /* left -1: faded out */
    Meter meters[AUDIO_MAX_TRACKS];
    float tl[AUDIO_MAX_TRACKS][AUDIO_BLOCK], tr[AUDIO_MAX_TRACKS][AUDIO_BLOCK];
    SynScratch scratch;    /* node outputs, shared by the voices as they render */
    SynBatch batch;        /* voices whose filters run side by side (voice_prepare) */
    Voice **prep;          /* this block's voices for voice_prepare (nvoices of room) */
    bool prepared_seen;    /* a voice for voice_prepare has started (till then: no search) */
    Chain chains[NCHAINS]; /* buses, master, inserts */
    uint64_t
        busy[(NCHAINS + 63) / 64]; /* a bit a chain: it has a bus or a crossfade (chain_mark) */
    /* the audio input (audio_set_input): its history for voices, this block's for chains */
    const float *in_src[2];
    SynInput input;
    float inb[2][AUDIO_BLOCK];
    uint32_t in_quiet; /* frames of silence written since the last input (past the history: none) */
    float bl[AUDIO_MAX_BUSES][AUDIO_BLOCK], br[AUDIO_MAX_BUSES][AUDIO_BLOCK];
    /* notes' sends, after their track's fader, into each orbit's reverb
     * (2 * orbit) and delay (2 * orbit + 1) */
    float ol[2 * AUDIO_MAX_ORBITS][AUDIO_BLOCK], orr[2 * AUDIO_MAX_ORBITS][AUDIO_BLOCK];
    float vl[AUDIO_BLOCK], vr[AUDIO_BLOCK]; /* one voice's block, when it sends or is ducked */
    float djf[AUDIO_MAX_ORBITS];            /* each orbit's DJ filter (NaN: none) ... */
    double djf_chain[2 * AUDIO_MAX_ORBITS][2][2]; /* ... its reverb's and delay's memories */
    float fl[AUDIO_BLOCK], fr[AUDIO_BLOCK];       /* a voice's block through it */
    Duck ducks[AUDIO_MAX_ORBITS];                 /* each orbit's ducked level (duckorbit) ... */
    float dg[AUDIO_MAX_ORBITS][AUDIO_BLOCK];      /* ... over this block, where it is not 1 */
    float xl[AUDIO_BLOCK], xr[AUDIO_BLOCK];       /* the old chain's copy during a crossfade */
    /* sidechains: each track's voice level this block, computed only while a
     * chain has a compressor listening to a track */
    float side[AUDIO_MAX_TRACKS][AUDIO_BLOCK];
    bool need_side;
    int xf_frames;
    AudioStats stats; /* written by the audio side only; read through stats_pub */
    struct {
        _Atomic uint64_t started, stolen, late, killed;
        _Atomic int peak;
    } stats_pub;
    /* The playing voices' slots in the order they started (oldest first),
     * and a stack of free slots: the audio side never scans the whole pool. */
    int *live, nlive;
    int *spare, nspare;
};

static size_t pow2(size_t n) {
    size_t p = 1;
    while (p < n) p <<= 1;
    return p;
}

AudioEngine *audio_new(double rate, int max_voices, int max_events) {
    AudioEngine *a = calloc(1, sizeof *a);
    if (!a) return NULL;
    a->rate = rate;
    a->max_voices = max_voices > 0 ? max_voices : 1;
    a->nvoices = a->max_voices + a->max_voices / 8 + 8;
    a->voices = calloc((size_t)a->nvoices, sizeof(Voice));
    /* node states for voices of big synths, a slot's SYN_MAX_NODES each (untouched,
     * so not in memory, until such a voice plays there) */
    a->st_more = calloc((size_t)a->nvoices * SYN_MAX_NODES, sizeof(NodeState));
    a->more = calloc((size_t)a->nvoices, sizeof(VoiceMore));
    a->live = calloc((size_t)a->nvoices, sizeof(int));
    a->prep = calloc((size_t)a->nvoices, sizeof(Voice *));
    a->spare = calloc((size_t)a->nvoices, sizeof(int));
    size_t cap = pow2((size_t)(max_events > 16 ? max_events : 16));
    a->ring_storage = calloc(cap, sizeof(AudioEvent));
    if (!a->voices || !a->st_more || !a->more || !a->live || !a->spare || !a->ring_storage) {
        audio_free(a);
        return NULL;
    }
    for (int i = a->nvoices - 1; i >= 0; i--) a->spare[a->nspare++] = i;
    for (int o = 0; o < AUDIO_MAX_ORBITS; o++) a->djf[o] = NAN;
    ring_init(&a->events, a->ring_storage, sizeof(AudioEvent), cap);
    ring_init(&a->keys, a->key_storage, sizeof(AudioEvent), 1024);
    ring_init(&a->retired, a->retired_storage, sizeof(Retired), 1024);
    ring_init(&a->lates, a->late_storage, sizeof(LateNote), 256);
    for (int t = 0; t < AUDIO_MAX_TRACKS; t++) a->strips[t] = (Strip){.gain = 1, .pan = 0.5f};
    a->xf_frames = (int)lround(AUDIO_XFADE_SECONDS * rate);
    if (a->xf_frames < 1) a->xf_frames = 1;
    guard_init(&a->guard, rate);
    a->meters_on = true;
    a->input.mask = AUDIO_INPUT_HISTORY - 1;
    for (int c = 0; c < 2; c++)
        if (!(a->input.side[c] = calloc(AUDIO_INPUT_HISTORY, sizeof(float)))) abort();
    return a;
}

void audio_retired_free(const Retired *r) {
    if (r->bus) {
        free((void *)bus_def(r->bus));
        bus_free(r->bus);
    }
    free((void *)r->def);
}

void audio_event_discard(const AudioEvent *e) {
    if (e->kind != AEV_CHAIN) return;
    Retired r = {e->chain.keep ? NULL : e->chain.bus, e->chain.keep ? e->chain.def : NULL};
    audio_retired_free(&r);
}

void audio_free(AudioEngine *a) {
    if (!a) return;
    /* events still in the ring may carry chains that never arrived */
    const AudioEvent *e;
    while ((e = ring_peek(&a->events))) {
        audio_event_discard(e);
        ring_drop(&a->events);
    }
    while ((e = ring_peek(&a->keys))) {
        audio_event_discard(e);
        ring_drop(&a->keys);
    }
    Retired r;
    while (audio_retired(a, &r)) audio_retired_free(&r);
    for (int c = 0; c < NCHAINS; c++)
        for (Bus **b = &a->chains[c].cur; b <= &a->chains[c].old; b++)
            audio_retired_free(&(Retired){*b, NULL});
    free(a->input.side[0]);
    free(a->input.side[1]);
    free(a->voices);
    free(a->st_more);
    free(a->more);
    free(a->live);
    free(a->prep);
    free(a->spare);
    free(a->ring_storage);
    free(a);
}

int audio_add_synth(AudioEngine *a, const SynthDef *def) {
    if (a->nsynths_ctl == AUDIO_MAX_SYNTHS) return -1;
    /* the first def that reads the wavetables builds them (the ring's release
     * hands them to the audio side with it) */
    if (synth_reads_wavetables(def)) wavetables_init(a->rate);
    /* handed over by pointer through the ring, ahead of any note that uses
     * it (the ring is first in, first out); frame 0: taken at once */
    AudioEvent e = {.frame = 0, .kind = AEV_SYNTH, .synth = (int16_t)a->nsynths_ctl};
    e.def = def;
    if (!ring_push(&a->events, &e)) return -1;
    return a->nsynths_ctl++;
}

bool audio_send(AudioEngine *a, const AudioEvent *e) {
    return ring_push(&a->events, e);
}

bool audio_send_key(AudioEngine *a, const AudioEvent *e) {
    return ring_push(&a->keys, e);
}

bool audio_retired(AudioEngine *a, Retired *out) {
    const Retired *r = ring_peek(&a->retired);
    if (!r) return false;
    *out = *r;
    ring_drop(&a->retired);
    return true;
}

bool audio_late(AudioEngine *a, LateNote *out) {
    const LateNote *r = ring_peek(&a->lates);
    if (!r) return false;
    *out = *r;
    ring_drop(&a->lates);
    return true;
}

AudioStats audio_stats(const AudioEngine *a) {
    AudioEngine *m = (AudioEngine *)a; /* atomics are read through non-const pointers */
    return (AudioStats){
        .voices_started = atomic_load_explicit(&m->stats_pub.started, memory_order_relaxed),
        .voices_stolen = atomic_load_explicit(&m->stats_pub.stolen, memory_order_relaxed),
        .events_late = atomic_load_explicit(&m->stats_pub.late, memory_order_relaxed),
        .voices_killed = atomic_load_explicit(&m->stats_pub.killed, memory_order_relaxed),
        .peak_voices = atomic_load_explicit(&m->stats_pub.peak, memory_order_relaxed)};
}

uint64_t audio_lates_lost(AudioEngine *a) {
    return atomic_load_explicit(&a->lates_lost, memory_order_relaxed);
}
uint64_t audio_frame(const AudioEngine *a) {
    return atomic_load_explicit(&a->frame, memory_order_acquire);
}

static float bits_float(uint32_t u) {
    float f;
    memcpy(&f, &u, sizeof f);
    return f;
}
static uint32_t float_bits(float f) {
    uint32_t u;
    memcpy(&u, &f, sizeof u);
    return u;
}
static double bits_double(uint64_t u) {
    double d;
    memcpy(&d, &u, sizeof d);
    return d;
}
static uint64_t double_bits(double d) {
    uint64_t u;
    memcpy(&u, &d, sizeof u);
    return u;
}

void audio_meter(AudioEngine *a, int track, float *peak, double *meansq) {
    *peak = 0, *meansq = 0;
    if (track < 0 || track >= AUDIO_MAX_TRACKS) return;
    Meter *m = &a->meters[track];
    *peak = bits_float(atomic_exchange(&m->peak, 0));
    double sq = bits_double(atomic_exchange(&m->sumsq, double_bits(0)));
    uint64_t n = atomic_exchange(&m->frames, 0);
    *meansq = n ? sq / (double)n : 0;
}

/* Audio side: adds a block's readings (only this side raises them; the
 * control side only resets them, so a compare-exchange loop settles at
 * once but for a concurrent reset). */
static void meter_add(Meter *m, float peak, double sumsq, int n) {
    uint32_t old = atomic_load_explicit(&m->peak, memory_order_relaxed);
    while (peak > bits_float(old) &&
           !atomic_compare_exchange_weak_explicit(&m->peak, &old, float_bits(peak),
                                                  memory_order_relaxed, memory_order_relaxed)) {
    }
    uint64_t o = atomic_load_explicit(&m->sumsq, memory_order_relaxed);
    while (!atomic_compare_exchange_weak_explicit(&m->sumsq, &o,
                                                  double_bits(bits_double(o) + sumsq),
                                                  memory_order_relaxed, memory_order_relaxed)) {
    }
    atomic_fetch_add_explicit(&m->frames, (uint64_t)n, memory_order_relaxed);
}

static void retire(AudioEngine *a, Bus *bus, const SynthDef *def) {
    Retired r = {bus, def};
    /* the ring holds 1024; the control side empties it every few ms. If it
     * is ever full the object is leaked, never waited for. */
    ring_push(&a->retired, &r);
}

static void update_need_side(AudioEngine *a) {
    a->need_side = false;
    for (int k = 0; k < NCHAINS && !a->need_side; k++)
        for (Bus **b = &a->chains[k].cur; b <= &a->chains[k].old; b++)
            if (*b && bus_uses_side(bus_def(*b))) a->need_side = true;
}

/* Chain k's bit in busy, after its bus or its crossfade changed: the block
 * loop then finds the chains that sound without looking at each. */
static void chain_mark(AudioEngine *a, int k) {
    const Chain *c = &a->chains[k];
    uint64_t bit = 1ull << (k % 64);
    if (c->cur || c->xf > 0)
        a->busy[k / 64] |= bit;
    else
        a->busy[k / 64] &= ~bit;
}

/* The bits of chains first .. first + 15. */
static unsigned chain_bits16(const AudioEngine *a, int first) {
    int w = first / 64, o = first % 64;
    uint64_t x = a->busy[w] >> o;
    if (o > 48 && w + 1 < (NCHAINS + 63) / 64) x |= a->busy[w + 1] << (64 - o);
    return (unsigned)(x & 0xffff);
}

static void set_chain_slot(AudioEngine *a, const AudioEvent *e);
static void set_chain(AudioEngine *a, const AudioEvent *e) {
    set_chain_slot(a, e);
    update_need_side(a);
}

static void set_chain_slot(AudioEngine *a, const AudioEvent *e) {
    int k = e->chain.slot == CHAIN_INSERT ? CHAIN_INSERT + e->track : e->chain.slot;
    if (k < 0 || k >= NCHAINS) return;
    Chain *c = &a->chains[k];
    if (e->chain.keep) { /* same shape: new settings, same state */
        if (c->cur)
            retire(a, NULL, bus_set_def(c->cur, e->chain.def));
        else
            retire(a, NULL, e->chain.def);
        return;
    }
    if (c->xf > 0 && c->old) retire(a, c->old, NULL); /* a swap during a swap */
    c->old = NULL, c->xf = 0;
    if (e->chain.xfade) {
        c->old = c->cur;
        c->xf = a->xf_frames;
    } else if (c->cur) {
        retire(a, c->cur, NULL);
    }
    c->cur = e->chain.bus;
    chain_mark(a, k);
}

/* Runs the chain in slot k over a block, in place. */
static void run_chain(AudioEngine *a, int k, float *L, float *R, int n) {
    Chain *c = &a->chains[k];
    BusSide side = a->need_side ? a->side : NULL;
    if (c->cur) bus_set_input(c->cur, a->inb[0], a->inb[1]);
    if (c->old) bus_set_input(c->old, a->inb[0], a->inb[1]);
    if (c->xf <= 0) {
        if (c->cur) bus_process(c->cur, L, R, n, side);
        return;
    }
    memcpy(a->xl, L, (size_t)n * sizeof(float));
    memcpy(a->xr, R, (size_t)n * sizeof(float));
    if (c->cur) bus_process(c->cur, L, R, n, side);
    if (c->old) bus_process(c->old, a->xl, a->xr, n, side);
    float step = 1.0f / (float)a->xf_frames;
    for (int i = 0; i < n; i++) {
        int left = c->xf - i;
        float g = left > 0 ? 1 - (float)left * step : 1; /* the new chain's share */
        L[i] = g * L[i] + (1 - g) * a->xl[i];
        R[i] = g * R[i] + (1 - g) * a->xr[i];
    }
    c->xf -= n;
    if (c->xf <= 0) {
        c->xf = 0;
        if (c->old) retire(a, c->old, NULL);
        c->old = NULL;
        update_need_side(a);
        chain_mark(a, k);
    }
}

/* A block of zeros: plain stores the compiler vectorizes (a memset of a
 * few hundred bytes becomes `rep stos`, slow to start). */
static inline void zero_block(float *x, int n) {
    typedef float v8f __attribute__((vector_size(32)));
    int i = 0;
    for (; i + 8 <= n; i += 8) {
        v8f z = {0};
        memcpy(x + i, &z, sizeof z);
    }
    for (; i < n; i++) x[i] = 0;
}

/* The gain of a track taken out of play (fade_left != 0) at sample i of
 * this block: a straight line to silence, then 0. */
static inline float fade_gain(const AudioEngine *a, int t, int i) {
    int rest = a->fade_left[t] > 0 ? a->fade_left[t] - i : 0;
    return rest > 0 ? (float)rest * (1.0f / (float)a->fade_len[t]) : 0;
}

/* A track's fader as gains to left and right (its pan balances: the centre
 * leaves both sides as they are); false when it is not heard (muted, or
 * another track is soloed). */
static inline bool strip_gains(const AudioEngine *a, int t, float *gl, float *gr) {
    const Strip *s = &a->strips[t];
    float p = s->pan < 0 ? 0 : s->pan > 1 ? 1 : s->pan;
    *gl = s->gain * (p <= 0.5f ? 1 : 2 * (1 - p));
    *gr = s->gain * (p >= 0.5f ? 1 : 2 * p);
    return !s->mute && (a->nsolo == 0 || s->solo);
}

static bool chain_busy(const AudioEngine *a, int k) {
    return a->busy[k / 64] >> (k % 64) & 1;
}

/* A slot for a new voice: a free one, else the oldest voice is faded out
 * (stolen) and a reserve slot is used. */
static Voice *take_voice(AudioEngine *a) {
    int playing = 0, oldest = -1;
    for (int k = 0; k < a->nlive; k++) {
        if (a->voices[a->live[k]].fade > 0) continue;
        playing++;
        if (oldest < 0) oldest = k;
    }
    if (playing >= a->max_voices && oldest >= 0) {
        a->voices[a->live[oldest]].fade = 1;
        a->voices[a->live[oldest]].fade_from = 0;
        a->stats.voices_stolen++;
    }
    int slot;
    if (a->nspare > 0) {
        slot = a->spare[--a->nspare];
    } else { /* no reserve left: replace the oldest outright */
        if (oldest < 0) return NULL;
        slot = a->live[oldest];
        memmove(&a->live[oldest], &a->live[oldest + 1],
                (size_t)(a->nlive - oldest - 1) * sizeof(int));
        a->nlive--;
    }
    a->live[a->nlive++] = slot;
    a->voices[slot].st_more = &a->st_more[(size_t)slot * SYN_MAX_NODES];
    a->voices[slot].more = &a->more[slot];
    return &a->voices[slot];
}

/* The next event due before block_end from either ring (the scheduled
 * one first on equal frames), and its ring; NULL when none. */
static const AudioEvent *next_due(AudioEngine *a, uint64_t block_end, Ring **from) {
    const AudioEvent *e = ring_peek(&a->events), *k = ring_peek(&a->keys);
    if (k && (!e || k->frame < e->frame))
        e = k, *from = &a->keys;
    else
        *from = &a->events;
    return e && e->frame < block_end ? e : NULL;
}

static uint64_t start_due(AudioEngine *a, uint64_t block_end) {
    const AudioEvent *e;
    Ring *from;
    while ((e = next_due(a, block_end, &from))) {
        if (e->kind == AEV_SYNTH) {
            if (e->synth == a->nsynths && a->nsynths < AUDIO_MAX_SYNTHS)
                a->synths[a->nsynths++] = e->def;
            ring_drop(from);
            continue;
        }
        /* A note starts on its frame inside the block; anything else (a
         * strip, a chain, a fade) must take effect on its own frame too, so
         * the block ends there and the next one starts with it. Where the
         * caller's buffers fall then changes nothing. */
        if (e->kind != AEV_NOTE && e->kind != AEV_KEYUP && e->frame > a->frame) return e->frame;
        if (e->frame < a->frame) { /* late: it takes effect now; say so (a replay does the same) */
            LateNote ln = {e->frame, a->frame, e->track,
                           e->kind == AEV_NOTE    ? e->seed
                           : e->kind == AEV_KEYUP ? e->key
                                                  : 0u,
                           e->kind};
            if (!ring_push(&a->lates, &ln)) a->lates_lost++;
            if (e->kind == AEV_NOTE) a->stats.events_late++;
        }
        if (e->track >= a->ntracks && e->track < AUDIO_MAX_TRACKS) a->ntracks = e->track + 1;
        if (e->kind == AEV_STRIP) {
            if (e->track >= 0 && e->track < AUDIO_MAX_TRACKS) {
                Strip *s = &a->strips[e->track];
                a->nsolo += (int)e->strip.solo - (int)s->solo;
                s->gain = e->strip.gain, s->pan = e->strip.pan;
                s->mute = e->strip.mute, s->solo = e->strip.solo;
                memcpy(s->send, e->strip.send, sizeof s->send);
                a->fade_left[e->track] = 0;
            }
        } else if (e->kind == AEV_FADE) {
            if (e->track >= 0 && e->track < AUDIO_MAX_TRACKS && a->fade_left[e->track] == 0) {
                a->fade_len[e->track] = e->fade.frames > 0 ? e->fade.frames : 1;
                a->fade_left[e->track] = a->fade_len[e->track];
                for (int k = 0; k < a->nlive; k++) { /* keys held on it are let go */
                    Voice *o = &a->voices[a->live[k]];
                    if (o->track == e->track && o->key) {
                        voice_release(o, e->frame > a->frame ? e->frame : a->frame, a->rate);
                        o->key = 0;
                    }
                }
            }
        } else if (e->kind == AEV_CHAIN) {
            set_chain(a, e);
        } else if (e->kind == AEV_DJF) {
            if (e->djf.orbit < AUDIO_MAX_ORBITS) a->djf[e->djf.orbit] = e->djf.value;
        } else if (e->kind == AEV_DUCK) {
            if (e->duck.orbit < AUDIO_MAX_ORBITS)
                duck_start(&a->ducks[e->duck.orbit], e->frame > a->frame ? e->frame : a->frame,
                           e->duck.note, e->duck.onset, e->duck.attack, e->duck.depth, a->rate);
        } else if (e->kind == AEV_KEYUP) {
            /* the gate closes on its frame, however far the voice has computed */
            uint64_t at = e->frame > a->frame ? e->frame : a->frame;
            for (int k = 0; k < a->nlive; k++) {
                Voice *o = &a->voices[a->live[k]];
                if (o->key == e->key && e->key) {
                    voice_release(o, at, a->rate);
                    o->key = 0;
                }
            }
        } else if (e->kind == AEV_RELEASE) {
            uint64_t at = e->frame > a->frame ? e->frame : a->frame;
            for (int k = 0; k < a->nlive; k++) {
                Voice *o = &a->voices[a->live[k]];
                if ((e->track < 0 || o->track == e->track) && o->fade == 0 && o->start <= at)
                    o->fade = 1, o->fade_from = at;
            }
        } else if ((e->def || (e->synth >= 0 && e->synth < a->nsynths)) && e->track >= 0 &&
                   e->track < AUDIO_MAX_TRACKS) {
            uint64_t start = e->frame < a->frame ? a->frame : e->frame;
            if (e->cut > 0) /* as on a drum machine: the group's sounding voices stop
                               (a 5 ms fade, not a click) */
                for (int k = 0; k < a->nlive; k++) {
                    Voice *o = &a->voices[a->live[k]];
                    bool partner = o->start == start && o->sample == e->sample &&
                                   (e->sample || e->channel) &&
                                   o->channel != e->channel; /* the other side of a stereo sound */
                    if (o->cut == e->cut && o->fade == 0 && o->start <= start && !partner)
                        o->fade = 1, o->fade_from = start;
                }
            Voice *v = take_voice(a);
            if (v) {
                voice_start(v, e->def ? e->def : a->synths[e->synth], e->params, e->gate, a->rate,
                            start, e->seed, e->sample);
                v->key = e->key;
                if (v->svfb_node >= 0) { /* a steady filter: in lanes among many (synth.h) */
                    int with = 1;
                    for (int k = 0; k < a->nlive; k++) {
                        const Voice *o = &a->voices[a->live[k]];
                        with += o != v && (o->prepared || o->svfb_node >= 0) && o->start <= start &&
                                start < o->end;
                    }
                    if (with >= AUDIO_LANES_AT) voice_filter_lanes(v, true);
                }
                a->prepared_seen |= v->prepared;
                v->input = &a->input;
                v->track = e->track;
                v->room = e->room, v->echo = e->echo, v->dry = 1 - e->drycut;
                v->orbit = e->orbit < AUDIO_MAX_ORBITS ? e->orbit : 0;
                v->channel = e->channel;
                v->route = e->route;
                memset(v->djf, 0, sizeof v->djf);
                voice_place(v, e->amp, e->pan);
                v->cut = e->cut;
                a->stats.voices_started++;
            }
        }
        ring_drop(from);
    }
    return block_end;
}

int audio_start_now(AudioEngine *a) {
    size_t before = ring_count(&a->events);
    start_due(a, atomic_load_explicit(&a->frame, memory_order_relaxed) + 1);
    return (int)(before - ring_count(&a->events));
}

/* The last resort after the guard (guard.h): never above 0 dBFS, linear below
 * 0.9, then a soft knee that approaches 1. */
static inline float protect(float x) {
    float m = fabsf(x);
    if (m <= 0.9f) return x;
    float y = 0.9f + 0.1f * tanhf((m - 0.9f) / 0.1f);
    return x < 0 ? -y : y;
}

/* The largest |sample| of a block, both sides (a NaN never wins): eight
 * lanes side by side, then the lanes' largest. One at a time, each waited
 * on the one before (a chain of 128 maxima a block). */
static ALWAYS_INLINE float block_top(const float *L, const float *R, int n) {
    typedef float v8f __attribute__((vector_size(32)));
    typedef int v8i __attribute__((vector_size(32)));
    v8i tb = {0}; /* the lanes' largest, as bits: masks from comparisons select */
    int i = 0;
    for (; i + 8 <= n; i += 8) {
        v8i lb, rb;
        memcpy(&lb, L + i, sizeof lb);
        memcpy(&rb, R + i, sizeof rb);
        lb &= 0x7fffffff, rb &= 0x7fffffff;
        v8f al, ar, top;
        memcpy(&al, &lb, sizeof al);
        memcpy(&ar, &rb, sizeof ar);
        v8i k = al > ar, mb = (lb & k) | (rb & ~k);
        v8f m;
        memcpy(&m, &mb, sizeof m);
        memcpy(&top, &tb, sizeof top);
        k = m > top;
        tb = (mb & k) | (tb & ~k);
    }
    float t = 0, lanes[8];
    memcpy(lanes, &tb, sizeof lanes);
    for (int q = 0; q < 8; q++) t = lanes[q] > t ? lanes[q] : t;
    for (; i < n; i++) {
        float l = fabsf(L[i]), r = fabsf(R[i]), m = l > r ? l : r; /* not fmaxf: a call */
        t = m > t ? m : t;
    }
    return t;
}

/* A strip's block after its insert: the fader's gains applied in place
 * (what stems and sends take), its peak and sum of squares measured, and,
 * when it is heard (`add`, a constant where this is inlined), added into the
 * master's L and R: one pass, eight lanes side by side (a block's sum is
 * exact enough in float; the meters keep the total in double). Without
 * `meter` (a render reads no meters), no peak or sum. */
static ALWAYS_INLINE void strip_pass(float *restrict tl, float *restrict tr, float gl, float gr,
                                     float *restrict L, float *restrict R, int n, bool add,
                                     bool meter, float *peak, double *sumsq) {
    typedef float v8f __attribute__((vector_size(32)));
    typedef int v8i __attribute__((vector_size(32)));
    v8f vpk = {0}, vsq = {0};
    int i0 = 0;
    for (; i0 + 8 <= n; i0 += 8) {
        v8f l, r;
        memcpy(&l, tl + i0, sizeof l);
        memcpy(&r, tr + i0, sizeof r);
        l *= gl, r *= gr;
        memcpy(tl + i0, &l, sizeof l);
        memcpy(tr + i0, &r, sizeof r);
        if (add) {
            v8f ml, mr;
            memcpy(&ml, L + i0, sizeof ml);
            memcpy(&mr, R + i0, sizeof mr);
            ml += l, mr += r;
            memcpy(L + i0, &ml, sizeof ml);
            memcpy(R + i0, &mr, sizeof mr);
        }
        if (!meter) continue;
        /* the larger of |l| and |r|, then the running peak: masks from
         * comparisons select the bits (a NaN never wins, as in the tail) */
        v8i lb, rb, pb, mb;
        memcpy(&lb, &l, sizeof lb);
        memcpy(&rb, &r, sizeof rb);
        lb &= 0x7fffffff, rb &= 0x7fffffff;
        v8f al, ar, m;
        memcpy(&al, &lb, sizeof al);
        memcpy(&ar, &rb, sizeof ar);
        v8i k = al > ar;
        mb = (lb & k) | (rb & ~k);
        memcpy(&m, &mb, sizeof m);
        memcpy(&pb, &vpk, sizeof pb);
        k = m > vpk;
        pb = (mb & k) | (pb & ~k);
        memcpy(&vpk, &pb, sizeof vpk);
        vsq += 0.5f * (l * l + r * r);
    }
    float pk[8], sq[8];
    memcpy(pk, &vpk, sizeof pk);
    memcpy(sq, &vsq, sizeof sq);
    for (int i = i0; i < n; i++) {
        float l = tl[i] * gl, r = tr[i] * gr;
        tl[i] = l, tr[i] = r;
        if (add) L[i] += l, R[i] += r;
        if (!meter) continue;
        float al = fabsf(l), ar = fabsf(r), m = al > ar ? al : ar;
        pk[0] = m > pk[0] ? m : pk[0];
        sq[0] += 0.5f * (l * l + r * r);
    }
    float pmax = pk[0];
    for (int q = 1; q < 8; q++) pmax = pk[q] > pmax ? pk[q] : pmax;
    float s4[4]; /* pairwise, so the sums do not wait on each other */
    for (int q = 0; q < 4; q++) s4[q] = sq[q] + sq[q + 4];
    *peak = pmax;
    *sumsq = (double)(s4[0] + s4[2]) + (double)(s4[1] + s4[3]);
}

void audio_set_input(AudioEngine *a, const float *left, const float *right) {
    a->in_src[0] = left;
    a->in_src[1] = right ? right : left;
}

void audio_set_meters(AudioEngine *a, bool on) {
    a->meters_on = on;
}

void audio_set_master(AudioEngine *a, bool chain, bool protect) {
    a->master_off = !chain;
    a->guard_off = !protect;
}

DSP_CLONES void audio_render(AudioEngine *a, float *left, float *right, int frames,
                             float *(*stems)[2]) {
#if defined(__x86_64__) || defined(__SSE__)
    /* denormals are zero, in and out, while rendering: a decaying filter or
     * reverb tail never falls into the slow subnormal range (restored after,
     * so the caller's thread is as it was) */
    unsigned csr = _mm_getcsr();
    _mm_setcsr(csr | 0x8040u);
#endif
    int done = 0;
    while (done < frames) {
        /* blocks are aligned to frame 0 */
        uint64_t now = atomic_load_explicit(&a->frame, memory_order_relaxed);
        int n = AUDIO_BLOCK - (int)(now % AUDIO_BLOCK);
        if (n > frames - done) n = frames - done;
        uint64_t end = now + (uint64_t)n;
        uint64_t cut = start_due(a, end);
        if (cut < end) n = (int)(cut - now), end = cut;
        if (a->in_src[0] || a->in_quiet <= AUDIO_INPUT_HISTORY) { /* (silent: zeros already) */
            for (int c = 0; c < 2; c++) /* the input of this block, for input() */
                for (int i = 0; i < n; i++) {
                    float x = a->in_src[c] ? a->in_src[c][done + i] : 0;
                    a->inb[c][i] = x;
                    a->input.side[c][(now + (uint64_t)i) & a->input.mask] = x;
                }
            a->in_quiet = a->in_src[0] ? 0 : a->in_quiet + (uint32_t)n;
        }
        bool used[AUDIO_MAX_TRACKS];
        const int nt = a->ntracks;
        memset(used, 0, (size_t)nt * sizeof used[0]);
        _Static_assert(2 * AUDIO_MAX_ORBITS <= 16, "chain_bits16");
        /* the orbits' reverbs and delays that sound, a bit each */
        unsigned orbits = chain_bits16(a, CHAIN_ROOM) & ((1u << 2 * AUDIO_MAX_ORBITS) - 1);
        for (unsigned m = orbits; m; m &= m - 1) {
            int c = __builtin_ctz(m);
            zero_block(a->ol[c], AUDIO_BLOCK);
            zero_block(a->orr[c], AUDIO_BLOCK);
        }
        unsigned ducked = 0, filtered = 0; /* orbits ducked, DJ-filtered this block: a bit each */
        Djf djf[AUDIO_MAX_ORBITS];
        for (int o = 0; o < AUDIO_MAX_ORBITS; o++) {
            /* (most orbits neither duck nor filter: no call for them) */
            if (a->ducks[o].on && duck_block(&a->ducks[o], now, n, a->dg[o])) ducked |= 1u << o;
            if (!isnan(a->djf[o]) && djf_setup(&djf[o], a->djf[o], a->rate)) filtered |= 1u << o;
        }
        int active = a->nlive, kept = 0;
        for (int k = 0; k < a->nlive; k++) {
            /* every AUDIO_PREP_RUN voices: those among the next run with steady
             * filters that need their next block in this one are
             * computed together first (voice_prepare; a short run keeps their
             * blocks in the cache until they are mixed) */
            if (k % AUDIO_PREP_RUN == 0 && a->prepared_seen) {
                int nprep = 0, last = k + AUDIO_PREP_RUN < a->nlive ? k + AUDIO_PREP_RUN : a->nlive;
                for (int q = k; q < last; q++) {
                    Voice *v = &a->voices[a->live[q]];
                    int off = v->start > now ? (int)(v->start - now) : 0;
                    if (v->prepared && off < n && v->ncarry < n - off && v->pos < v->end - v->start)
                        a->prep[nprep++] = v;
                }
                if (nprep > 1) voice_prepare(a->prep, nprep, &a->batch, a->rate);
            }
            int slot = a->live[k];
            Voice *v = &a->voices[slot];
            int off = v->start > now ? (int)(v->start - now) : 0;
            if (off >= n) {
                a->live[kept++] = slot;
                continue;
            }
            int t = v->track;
            if (!used[t]) {
                zero_block(a->tl[t], AUDIO_BLOCK);
                zero_block(a->tr[t], AUDIO_BLOCK);
                used[t] = 1;
            }
            bool bad = false;
            const float *dg = ducked >> v->orbit & 1 ? a->dg[v->orbit] : NULL;
            bool dj = filtered >> v->orbit & 1;
            if (v->room > 0 || v->echo > 0 || dg || dj) { /* its own block, for the sends too */
                memset(a->vl, 0, sizeof a->vl);
                memset(a->vr, 0, sizeof a->vr);
                voice_render(v, &a->scratch, a->vl + off, a->vr + off, n - off, a->rate, &bad);
                if (dg || dj) { /* the orbit's filter and level come after its sends */
                    memcpy(a->fl, a->vl, sizeof a->fl);
                    memcpy(a->fr, a->vr, sizeof a->fr);
                    if (dj) {
                        djf_block(&djf[v->orbit], v->djf[0], a->fl + off, n - off);
                        djf_block(&djf[v->orbit], v->djf[1], a->fr + off, n - off);
                    }
                    for (int i = off; i < n; i++) {
                        float g = (dg ? dg[i] : 1) * v->dry;
                        a->tl[t][i] += a->fl[i] * g, a->tr[t][i] += a->fr[i] * g;
                    }
                } else if (v->dry == 1)
                    for (int i = off; i < n; i++) a->tl[t][i] += a->vl[i], a->tr[t][i] += a->vr[i];
                else /* (dry: the direct sound's level, the sends as they are) */
                    for (int i = off; i < n; i++)
                        a->tl[t][i] += a->vl[i] * v->dry, a->tr[t][i] += a->vr[i] * v->dry;
                float amount[2] = {v->room, v->echo}, gl, gr;
                if (strip_gains(a, t, &gl, &gr)) /* the send comes after the fader */
                    for (int kind = 0; kind < 2; kind++) {
                        int c = 2 * v->orbit + kind;
                        if (amount[kind] <= 0 || !a->chains[CHAIN_ROOM + c].cur) continue;
                        if (a->fade_left[t] == 0) {
                            for (int i = off; i < n; i++)
                                a->ol[c][i] += (a->vl[i] * amount[kind]) * gl,
                                    a->orr[c][i] += (a->vr[i] * amount[kind]) * gr;
                            continue;
                        }
                        /* a track taken out of play: its sends fade as its sound does */
                        for (int i = off; i < n; i++) {
                            float g = fade_gain(a, t, i);
                            a->ol[c][i] += (a->vl[i] * amount[kind]) * gl * g,
                                a->orr[c][i] += (a->vr[i] * amount[kind]) * gr * g;
                        }
                    }
            } else {
                voice_render(v, &a->scratch, a->tl[t] + off, a->tr[t] + off, n - off, a->rate,
                             &bad);
            }
            if (bad) a->stats.voices_killed++;
            if (v->active)
                a->live[kept++] = slot;
            else
                a->spare[a->nspare++] = slot;
        }
        a->nlive = kept;
        if (active > a->stats.peak_voices) a->stats.peak_voices = active;
        if (a->need_side) /* each track's voices, before its insert and fader */
            for (int t = 0; t < nt; t++)
                for (int i = 0; i < n; i++)
                    a->side[t][i] =
                        used[t] ? (fabsf(a->tl[t][i]) > fabsf(a->tr[t][i]) ? fabsf(a->tl[t][i])
                                                                           : fabsf(a->tr[t][i]))
                                : 0;
        float *L = left + done, *R = right + done;
        zero_block(L, n);
        zero_block(R, n);
        _Static_assert(AUDIO_MAX_BUSES <= 16, "chain_bits16");
        /* the buses that sound this block, a bit each */
        unsigned buses = chain_bits16(a, 0) & ((1u << AUDIO_MAX_BUSES) - 1);
        for (unsigned m = buses; m; m &= m - 1) {
            int b = __builtin_ctz(m);
            memset(a->bl[b], 0, sizeof a->bl[b]);
            memset(a->br[b], 0, sizeof a->br[b]);
        }
        if (stems) /* the returns' stems: silence unless they sound below */
            for (int k = AUDIO_MAX_TRACKS; k < AUDIO_STEMS; k++)
                if (stems[k][0]) {
                    memset(stems[k][0] + done, 0, (size_t)n * sizeof(float));
                    memset(stems[k][1] + done, 0, (size_t)n * sizeof(float));
                }
        for (int t = 0; t < AUDIO_MAX_TRACKS; t++) {
            if (t >= nt && !stems) break;
            Strip *s = &a->strips[t];
            if (stems && stems[t][0]) {
                memset(stems[t][0] + done, 0, (size_t)n * sizeof(float));
                memset(stems[t][1] + done, 0, (size_t)n * sizeof(float));
            }
            bool insert = chain_busy(a, CHAIN_INSERT + t);
            if (t >= nt || (!used[t] && !insert)) {
                if (t < nt && a->fade_left[t] > 0) /* a fade goes on in silence too */
                    a->fade_left[t] = a->fade_left[t] > n ? a->fade_left[t] - n : -1;
                continue;
            }
            if (!used[t]) { /* an insert (a delay, a reverb) still rings out */
                memset(a->tl[t], 0, sizeof a->tl[t]);
                memset(a->tr[t], 0, sizeof a->tr[t]);
            }
            if (insert) run_chain(a, CHAIN_INSERT + t, a->tl[t], a->tr[t], n);
            if (a->fade_left[t] != 0) { /* taken out of play: a straight fade to silence */
                for (int i = 0; i < n; i++) {
                    float g = fade_gain(a, t, i);
                    a->tl[t][i] *= g, a->tr[t][i] *= g;
                }
                if (a->fade_left[t] > 0)
                    a->fade_left[t] = a->fade_left[t] > n ? a->fade_left[t] - n : -1;
            }
            float gl, gr;
            bool audible = strip_gains(a, t, &gl, &gr);
            float *tl = a->tl[t], *tr = a->tr[t];
            float pmax;
            double sum;
            /* the fader, the meters and the sum into the master in one pass */
            const bool meter = a->meters_on; /* (constants where strip_pass is inlined) */
            if (audible && meter)
                strip_pass(tl, tr, gl, gr, L, R, n, true, true, &pmax, &sum);
            else if (audible)
                strip_pass(tl, tr, gl, gr, L, R, n, true, false, &pmax, &sum);
            else if (meter)
                strip_pass(tl, tr, gl, gr, L, R, n, false, true, &pmax, &sum);
            else
                strip_pass(tl, tr, gl, gr, L, R, n, false, false, &pmax, &sum);
            if (meter) meter_add(&a->meters[t], pmax, sum, n);
            if (stems && stems[t][0]) {
                memcpy(stems[t][0] + done, tl, (size_t)n * sizeof(float));
                memcpy(stems[t][1] + done, tr, (size_t)n * sizeof(float));
            }
            if (audible)
                for (unsigned m = buses; m; m &= m - 1) {
                    int b = __builtin_ctz(m);
                    float g = s->send[b];
                    if (g == 0) continue;
                    for (int i = 0; i < n; i++) a->bl[b][i] += tl[i] * g, a->br[b][i] += tr[i] * g;
                }
        }
        for (unsigned m = buses; m; m &= m - 1) {
            int b = __builtin_ctz(m);
            run_chain(a, b, a->bl[b], a->br[b], n);
            for (int i = 0; i < n; i++) L[i] += a->bl[b][i], R[i] += a->br[b][i];
            if (stems && stems[AUDIO_STEM_BUS(b)][0]) {
                memcpy(stems[AUDIO_STEM_BUS(b)][0] + done, a->bl[b], (size_t)n * sizeof(float));
                memcpy(stems[AUDIO_STEM_BUS(b)][1] + done, a->br[b], (size_t)n * sizeof(float));
            }
        }
        for (unsigned m = orbits; m; m &= m - 1) { /* the orbits' reverbs and delays */
            int c = __builtin_ctz(m);
            run_chain(a, CHAIN_ROOM + c, a->ol[c], a->orr[c], n);
            if (filtered >> (c / 2) & 1) {
                djf_block(&djf[c / 2], a->djf_chain[c][0], a->ol[c], n);
                djf_block(&djf[c / 2], a->djf_chain[c][1], a->orr[c], n);
            }
            if (ducked >> (c / 2) & 1)
                for (int i = 0; i < n; i++)
                    a->ol[c][i] *= a->dg[c / 2][i], a->orr[c][i] *= a->dg[c / 2][i];
            for (int i = 0; i < n; i++) L[i] += a->ol[c][i], R[i] += a->orr[c][i];
            if (stems && stems[AUDIO_STEM_ORBIT(c)][0]) {
                memcpy(stems[AUDIO_STEM_ORBIT(c)][0] + done, a->ol[c], (size_t)n * sizeof(float));
                memcpy(stems[AUDIO_STEM_ORBIT(c)][1] + done, a->orr[c], (size_t)n * sizeof(float));
            }
        }
        if (!a->master_off) run_chain(a, CHAIN_MASTER, L, R, n);
        float top = block_top(L, R, n); /* the protection is the identity below 0.9 */
        if (a->guard_off)
            top = 0;
        else if (!(top <= 0.9f) || !guard_idle(&a->guard))
            guard_run(&a->guard, L, R, n), top = 0.9f;
        if (!(top <= 0.9f))
            for (int i = 0; i < n; i++) {
                L[i] = protect(L[i]);
                R[i] = protect(R[i]);
            }
        /* the counters, published for the control side once a block */
        atomic_store_explicit(&a->stats_pub.started, a->stats.voices_started, memory_order_relaxed);
        atomic_store_explicit(&a->stats_pub.stolen, a->stats.voices_stolen, memory_order_relaxed);
        atomic_store_explicit(&a->stats_pub.late, a->stats.events_late, memory_order_relaxed);
        atomic_store_explicit(&a->stats_pub.killed, a->stats.voices_killed, memory_order_relaxed);
        atomic_store_explicit(&a->stats_pub.peak, a->stats.peak_voices, memory_order_relaxed);
        atomic_store_explicit(&a->frame, end, memory_order_release);
        done += n;
    }
#if defined(__x86_64__) || defined(__SSE__)
    _mm_setcsr(csr);
#endif
}
