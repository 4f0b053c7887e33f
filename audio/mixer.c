/*
 * mixer.c - voices into strips into the master (see mixer.h).
 */
#include "mixer.h"

#include "filters.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

struct AudioEngine {
    double rate;
    uint64_t frame;
    Voice *voices;
    int nvoices; /* slots: max_voices plus a reserve for voices fading out */
    int max_voices;
    const SynthDef *synths[AUDIO_MAX_SYNTHS];
    int nsynths;
    Ring events;
    AudioEvent *ring_storage;
    Strip strips[AUDIO_MAX_TRACKS];
    float tl[AUDIO_MAX_TRACKS][AUDIO_BLOCK], tr[AUDIO_MAX_TRACKS][AUDIO_BLOCK];
    SynScratch scratch; /* node outputs, shared by the voices as they render */
    Bus *buses[AUDIO_MAX_BUSES];
    float bl[AUDIO_MAX_BUSES][AUDIO_BLOCK], br[AUDIO_MAX_BUSES][AUDIO_BLOCK];
    Bus *master;
    AudioStats stats;
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
    a->live = calloc((size_t)a->nvoices, sizeof(int));
    a->spare = calloc((size_t)a->nvoices, sizeof(int));
    size_t cap = pow2((size_t)(max_events > 16 ? max_events : 16));
    a->ring_storage = calloc(cap, sizeof(AudioEvent));
    if (!a->voices || !a->live || !a->spare || !a->ring_storage) {
        audio_free(a);
        return NULL;
    }
    for (int i = a->nvoices - 1; i >= 0; i--) a->spare[a->nspare++] = i;
    ring_init(&a->events, a->ring_storage, sizeof(AudioEvent), cap);
    wavetables_init(rate);
    for (int t = 0; t < AUDIO_MAX_TRACKS; t++) a->strips[t] = (Strip){.gain = 1, .pan = 0.5f};
    return a;
}

void audio_free(AudioEngine *a) {
    if (!a) return;
    free(a->voices);
    free(a->live);
    free(a->spare);
    free(a->ring_storage);
    free(a);
}

int audio_add_synth(AudioEngine *a, const SynthDef *def) {
    if (a->nsynths == AUDIO_MAX_SYNTHS) return -1;
    a->synths[a->nsynths] = def;
    return a->nsynths++;
}

Strip *audio_strip(AudioEngine *a, int track) {
    return track >= 0 && track < AUDIO_MAX_TRACKS ? &a->strips[track] : NULL;
}

bool audio_send(AudioEngine *a, const AudioEvent *e) {
    return ring_push(&a->events, e);
}
AudioStats audio_stats(const AudioEngine *a) {
    return a->stats;
}
uint64_t audio_frame(const AudioEngine *a) {
    return a->frame;
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
    return &a->voices[slot];
}

static void start_due(AudioEngine *a, uint64_t block_end) {
    const AudioEvent *e;
    while ((e = ring_peek(&a->events)) && e->frame < block_end) {
        if (e->synth >= 0 && e->synth < a->nsynths && e->track >= 0 &&
            e->track < AUDIO_MAX_TRACKS) {
            if (e->cut > 0) /* as on a drum machine: the group's sounding voices stop
                               (a 5 ms fade, not a click) */
                for (int k = 0; k < a->nlive; k++) {
                    Voice *o = &a->voices[a->live[k]];
                    if (o->cut == e->cut && o->fade == 0 && o->start <= e->frame)
                        o->fade = 1, o->fade_from = e->frame;
                }
            Voice *v = take_voice(a);
            if (v) {
                uint64_t start = e->frame;
                if (start < a->frame) { /* late: start now */
                    start = a->frame;
                    a->stats.events_late++;
                }
                voice_start(v, a->synths[e->synth], e->params, e->gate, a->rate, start, e->seed,
                            e->sample);
                v->track = e->track;
                voice_place(v, e->amp, e->pan);
                v->cut = e->cut;
                a->stats.voices_started++;
            }
        }
        ring_drop(&a->events);
    }
}

/* Never above 0 dBFS: linear below 0.9, then a soft knee that approaches 1. */
static inline float protect(float x) {
    float m = fabsf(x);
    if (m <= 0.9f) return x;
    float y = 0.9f + 0.1f * tanhf((m - 0.9f) / 0.1f);
    return x < 0 ? -y : y;
}

DSP_CLONES void audio_render(AudioEngine *a, float *left, float *right, int frames,
                             float *(*stems)[2]) {
    int done = 0;
    while (done < frames) {
        /* blocks are aligned to frame 0 */
        int n = AUDIO_BLOCK - (int)(a->frame % AUDIO_BLOCK);
        if (n > frames - done) n = frames - done;
        uint64_t end = a->frame + (uint64_t)n;
        start_due(a, end);
        int used[AUDIO_MAX_TRACKS] = {0};
        int active = a->nlive, kept = 0;
        for (int k = 0; k < a->nlive; k++) {
            int slot = a->live[k];
            Voice *v = &a->voices[slot];
            int off = v->start > a->frame ? (int)(v->start - a->frame) : 0;
            if (off >= n) {
                a->live[kept++] = slot;
                continue;
            }
            int t = v->track;
            if (!used[t]) {
                memset(a->tl[t], 0, sizeof a->tl[t]);
                memset(a->tr[t], 0, sizeof a->tr[t]);
                used[t] = 1;
            }
            bool bad = false;
            voice_render(v, &a->scratch, a->tl[t] + off, a->tr[t] + off, n - off, a->rate, &bad);
            if (bad) a->stats.voices_killed++;
            if (v->active)
                a->live[kept++] = slot;
            else
                a->spare[a->nspare++] = slot;
        }
        a->nlive = kept;
        if (active > a->stats.peak_voices) a->stats.peak_voices = active;
        bool solo = false;
        for (int t = 0; t < AUDIO_MAX_TRACKS; t++) solo |= a->strips[t].solo;
        float *L = left + done, *R = right + done;
        memset(L, 0, (size_t)n * sizeof(float));
        memset(R, 0, (size_t)n * sizeof(float));
        for (int b = 0; b < AUDIO_MAX_BUSES; b++)
            if (a->buses[b]) {
                memset(a->bl[b], 0, sizeof a->bl[b]);
                memset(a->br[b], 0, sizeof a->br[b]);
            }
        for (int t = 0; t < AUDIO_MAX_TRACKS; t++) {
            Strip *s = &a->strips[t];
            if (stems && stems[t][0]) {
                memset(stems[t][0] + done, 0, (size_t)n * sizeof(float));
                memset(stems[t][1] + done, 0, (size_t)n * sizeof(float));
            }
            if (!used[t] && !s->insert) continue;
            if (!used[t]) { /* an insert (a delay, a reverb) still rings out */
                memset(a->tl[t], 0, sizeof a->tl[t]);
                memset(a->tr[t], 0, sizeof a->tr[t]);
            }
            if (s->insert) bus_process(s->insert, a->tl[t], a->tr[t], n);
            float p = s->pan < 0 ? 0 : s->pan > 1 ? 1 : s->pan;
            /* balance: centre leaves both sides as they are */
            float gl = s->gain * (p <= 0.5f ? 1 : 2 * (1 - p));
            float gr = s->gain * (p >= 0.5f ? 1 : 2 * p);
            bool audible = !s->mute && (!solo || s->solo);
            float *tl = a->tl[t], *tr = a->tr[t];
            /* meters: four running sums and peaks per block (a block's sum is
             * exact enough in float; the total is kept in double) */
            float pk[4] = {0, 0, 0, 0}, sq[4] = {0, 0, 0, 0};
            int i0 = 0;
            for (; i0 + 4 <= n; i0 += 4) /* four lanes side by side: they vectorize */
                for (int q = 0; q < 4; q++) {
                    float l = tl[i0 + q] * gl, r = tr[i0 + q] * gr;
                    tl[i0 + q] = l, tr[i0 + q] = r;
                    float al = fabsf(l), ar = fabsf(r), m = al > ar ? al : ar;
                    pk[q] = m > pk[q] ? m : pk[q];
                    sq[q] += 0.5f * (l * l + r * r);
                }
            for (int i = i0; i < n; i++) {
                float l = tl[i] * gl, r = tr[i] * gr;
                tl[i] = l, tr[i] = r;
                float al = fabsf(l), ar = fabsf(r), m = al > ar ? al : ar;
                pk[0] = m > pk[0] ? m : pk[0];
                sq[0] += 0.5f * (l * l + r * r);
            }
            for (int q = 0; q < 4; q++) {
                if (pk[q] > s->peak) s->peak = pk[q];
                s->sumsq += sq[q];
            }
            if (stems && stems[t][0]) {
                memcpy(stems[t][0] + done, tl, (size_t)n * sizeof(float));
                memcpy(stems[t][1] + done, tr, (size_t)n * sizeof(float));
            }
            if (audible) {
                for (int i = 0; i < n; i++) L[i] += tl[i], R[i] += tr[i];
                for (int b = 0; b < AUDIO_MAX_BUSES; b++) {
                    float g = s->send[b];
                    if (!a->buses[b] || g == 0) continue;
                    for (int i = 0; i < n; i++) a->bl[b][i] += tl[i] * g, a->br[b][i] += tr[i] * g;
                }
            }
            s->frames += (uint64_t)n;
        }
        for (int b = 0; b < AUDIO_MAX_BUSES; b++) {
            if (!a->buses[b]) continue;
            bus_process(a->buses[b], a->bl[b], a->br[b], n);
            for (int i = 0; i < n; i++) L[i] += a->bl[b][i], R[i] += a->br[b][i];
        }
        if (a->master) bus_process(a->master, L, R, n);
        for (int i = 0; i < n; i++) {
            L[i] = protect(L[i]);
            R[i] = protect(R[i]);
        }
        a->frame = end;
        done += n;
    }
}

void audio_set_bus(AudioEngine *a, int index, Bus *bus) {
    if (index >= 0 && index < AUDIO_MAX_BUSES) a->buses[index] = bus;
}

void audio_set_master(AudioEngine *a, Bus *master) {
    a->master = master;
}
