/*
 * render.c - offline rendering: the real engine against a virtual clock.
 *
 * The control loop (this file) queries every playing pattern one cycle
 * ahead, turns each onset into an AudioEvent on its exact frame, and sends
 * it through the same ring the live path uses; then it lets the audio side
 * (audio/mixer.c) render up to the end of the cycle, and writes the frames
 * with libsndfile. Nothing depends on wall time, so the same input gives the
 * same bytes.
 *
 * Time: a cycle lasts 240 / bpm seconds (four beats). An onset lands on
 * frame round(cycle * 240 / bpm * rate + nudge * rate), halves up, computed
 * in exact rationals: the one place cycles become frames.
 */
#include "engine.h"

#include "../stdlib/lib.h"
#include "samples.h"

#include <math.h>
#include <sndfile.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_TRACKS AUDIO_MAX_TRACKS

typedef struct {
    ObjString *name;
    ObjPattern *pat;
} Track;

typedef struct {
    Vm *vm;
    AudioEngine *audio;
    const RenderOpts *opts;
    Rat frames_per_cycle; /* exact */
    Track tracks[MAX_TRACKS];
    int ntracks;
    /* synths compiled so far (by ObjSynth), for the audio side */
    ObjSynth *synth_objs[AUDIO_MAX_SYNTHS];
    SynthDef *synth_defs[AUDIO_MAX_SYNTHS];
    int synth_audio[AUDIO_MAX_SYNTHS]; /* the audio side's index of each */
    int nsynths;
    SynthDef *chain_defs[AUDIO_MAX_BUSES + 1 + MAX_TRACKS]; /* buses, master, inserts */
    Bus *chains[AUDIO_MAX_BUSES + 1 + MAX_TRACKS];
    int nchains;
    ObjString *bus_names[AUDIO_MAX_BUSES];
    int nbuses;
    SampleBank bank;
    SynthDef sampler; /* the synth every sample plays on */
    int sampler_index;
    char warned[32][48]; /* unknown sounds, reported once each */
    int nwarned;
    uint32_t seed;
    Err *err;
} Render;

/* frame = round(x), halves up, for exact x */
static int64_t round_half_up(Rat x) {
    return rat_floor(rat_add(x, rat_make(1, 2))).num;
}

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

static void warn_once(Render *R, const char *name) {
    for (int i = 0; i < R->nwarned; i++)
        if (strcmp(R->warned[i], name) == 0) return;
    if (R->nwarned < 32) snprintf(R->warned[R->nwarned++], 48, "%s", name);
    fprintf(stderr, "tala: warning: no sound named '%s' (its events are silent)\n", name);
}

/* The audio-side index of a synth, compiling it the first time. */
static int synth_index(Render *R, ObjSynth *sy) {
    for (int i = 0; i < R->nsynths; i++)
        if (R->synth_objs[i] == sy) return R->synth_audio[i];
    if (R->nsynths == AUDIO_MAX_SYNTHS) return -1;
    SynthDef *def = calloc(1, sizeof *def);
    if (!def) return -1;
    Err e = {0};
    if (!engine_compile_synth(R->vm, sy, def, &e)) {
        fprintf(stderr, "tala: %s\n", e.msg);
        free(def);
        warn_once(R, sy->name->chars);
        return -1;
    }
    int k = audio_add_synth(R->audio, def);
    if (k < 0) {
        free(def);
        return -1;
    }
    R->synth_objs[R->nsynths] = sy;
    R->synth_audio[R->nsynths] = k;
    R->synth_defs[R->nsynths++] = def;
    return k;
}

static double midi_to_freq(double m) {
    return 440.0 * pow(2.0, (m - 69) / 12);
}

/* One onset event of track t -> an AudioEvent on its frame. */
static bool make_event(Render *R, int t, const Event *ev, AudioEvent *out) {
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
        if (vm_instrument(R->vm, AS_STRING(sound)->chars, &sv)) {
            sy = AS_SYNTH(sv);
        } else if (!(sample = samples_find(&R->bank, AS_STRING(sound)->chars, (int)floor(nn)))) {
            warn_once(R, AS_STRING(sound)->chars);
            return false;
        }
    } else if (!isnan(note)) {
        if (vm_instrument(R->vm, "triangle", &sv)) sy = AS_SYNTH(sv); /* Strudel's default */
    }
    int si;
    const SynthDef *def;
    if (sample) {
        si = R->sampler_index;
        def = &R->sampler;
    } else {
        if (!sy) return false;
        si = synth_index(R, sy);
        if (si < 0) return false;
        def = NULL;
        for (int k = 0; k < R->nsynths; k++)
            if (R->synth_objs[k] == sy) def = R->synth_defs[k];
        if (!def) return false;
    }

    /* onset frame: exact cycles to frames, plus nudge in seconds */
    Rat f = rat_mul(ev->whole.begin, R->frames_per_cycle);
    double nudge = 0;
    if (rec && record_num(rec, "nudge", &nudge) && nudge != 0)
        f = rat_add(f, rat_from_double(nudge * R->opts->rate));
    if (!rat_ok(f)) return false;
    int64_t frame = round_half_up(f);
    if (frame < 0) return false;

    double dur = rat_to_double(rat_sub(ev->whole.end, ev->whole.begin)) *
                 rat_to_double(R->frames_per_cycle) / R->opts->rate;
    double clip = 1, gain = 0.8, vel = 1, pan = 0.5,
           cut = 0; /* gain 0.8 by default, as Strudel's */
    if (rec) {
        record_num(rec, "clip", &clip);
        record_num(rec, "gain", &gain);
        record_num(rec, "velocity", &vel);
        record_num(rec, "pan", &pan);
        record_num(rec, "cut", &cut);
    }
    memset(out, 0, sizeof *out);
    out->frame = (uint64_t)frame;
    out->synth = (int16_t)si;
    out->track = (int16_t)t;
    out->amp = (float)(gain * vel);
    out->pan = (float)pan;
    out->gate = (float)(dur * clip);
    out->cut = cut >= 1 && cut < 2147483647.0 ? (int32_t)cut : 0;
    out->seed = ++R->seed;
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
        else if (!rec || !record_num(rec, p, &val))
            val = strcmp(p, "speed") == 0 || strcmp(p, "end") == 0 ? 1 : 0;
        out->params[i] = (float)val;
    }
    return true;
}

static int ev_frame_cmp(const void *a, const void *b) {
    const AudioEvent *x = a, *y = b;
    if (x->frame != y->frame) return x->frame < y->frame ? -1 : 1;
    return x->track - y->track;
}

/* Queries cycle c of every track and sends its events, in frame order. */
static bool schedule_cycle(Render *R, int64_t c, AudioEvent **buf, size_t *cap) {
    size_t n = 0;
    Query *q = vm_query(R->vm);
    q->err = R->err;
    for (int t = 0; t < R->ntracks; t++) {
        EvBuf ev;
        evbuf_init(&ev, vm_heap(R->vm));
        if (!pat_events(q, R->tracks[t].pat, rat_int(c), rat_int(c + 1), true, &ev)) {
            evbuf_free(&ev);
            return false;
        }
        for (size_t i = 0; i < ev.len; i++) {
            if (n == *cap) {
                *cap = *cap ? *cap * 2 : 1024;
                *buf = realloc(*buf, *cap * sizeof **buf);
                if (!*buf) abort();
            }
            if (make_event(R, t, &ev.ev[i], &(*buf)[n])) n++;
        }
        evbuf_free(&ev);
    }
    qsort(*buf, n, sizeof **buf, ev_frame_cmp);
    for (size_t i = 0; i < n; i++)
        if (!audio_send(R->audio, &(*buf)[i])) {
            err_set(R->err, (SrcRef){0}, "too many events in one cycle (more than the ring holds)");
            return false;
        }
    return true;
}

/* Compiles and instantiates an effect chain; NULL with err set. */
static Bus *make_chain(Render *R, const char *name, Value chain) {
    if (R->nchains == AUDIO_MAX_BUSES + 1 + MAX_TRACKS) return NULL;
    SynthDef *def = calloc(1, sizeof *def);
    if (!def) abort();
    if (!engine_compile_chain(R->vm, name, chain, def, R->err)) {
        free(def);
        return NULL;
    }
    Bus *b = bus_new(def, R->opts->rate);
    if (!b) abort();
    R->chain_defs[R->nchains] = def;
    R->chains[R->nchains++] = b;
    return b;
}

static bool buses_and_master(Render *R) {
    ObjString **names;
    Value *chains;
    int n = vm_buses(R->vm, &names, &chains);
    for (int i = 0; i < n && i < AUDIO_MAX_BUSES; i++) {
        Bus *b = make_chain(R, names[i]->chars, chains[i]);
        if (!b) return false;
        audio_set_bus(R->audio, i, b);
        R->bus_names[R->nbuses++] = names[i];
    }
    Value m = vm_master(R->vm);
    if (!IS_NIL(m)) {
        Bus *b = make_chain(R, "master", m);
        if (!b) return false;
        audio_set_master(R->audio, b);
    }
    return true;
}

static bool strips_from_mix(Render *R) {
    for (int t = 0; t < R->ntracks; t++) {
        Strip *s = audio_strip(R->audio, t);
        ObjRecord *mix;
        if (!s || !R->tracks[t].name || !vm_mix(R->vm, R->tracks[t].name->chars, &mix)) continue;
        double x;
        if (record_num(mix, "gain", &x)) s->gain = (float)pow(10, x / 20); /* dB in mix */
        if (record_num(mix, "pan", &x)) s->pan = (float)x;
        Value m = record_get(mix, "mute"), so = record_get(mix, "solo");
        s->mute = !IS_NIL(m) && !(m.kind == VAL_BOOL && !m.as.b) && !(IS_NUM(m) && m.as.num == 0);
        s->solo =
            !IS_NIL(so) && !(so.kind == VAL_BOOL && !so.as.b) && !(IS_NUM(so) && so.as.num == 0);
        Value send = record_get(mix, "send");
        if (IS_RECORD(send)) {
            ObjRecord *sr = AS_RECORD(send);
            for (uint32_t k = 0; k < sr->len; k++) {
                int b;
                for (b = 0; b < R->nbuses; b++)
                    if (R->bus_names[b] == sr->fields[k].key) break;
                if (b == R->nbuses) {
                    err_set(R->err, (SrcRef){0}, "mix %s: no bus named '%s'",
                            R->tracks[t].name->chars, sr->fields[k].key->chars);
                    err_hint(R->err, "define it: bus %s = reverb(size: 0.8)",
                             sr->fields[k].key->chars);
                    return false;
                }
                if (IS_NUM(sr->fields[k].val)) s->send[b] = (float)sr->fields[k].val.as.num;
            }
        }
        Value fx = record_get(mix, "fx");
        if (!IS_NIL(fx) && !(s->insert = make_chain(R, R->tracks[t].name->chars, fx))) return false;
    }
    return true;
}

static SNDFILE *open_out(const char *path, const RenderOpts *o, Err *err) {
    SF_INFO info = {0};
    info.samplerate = (int)o->rate;
    info.channels = 2;
    bool flac = o->format && strcmp(o->format, "flac") == 0;
    info.format = flac ? (SF_FORMAT_FLAC | SF_FORMAT_PCM_24) : (SF_FORMAT_WAV | SF_FORMAT_FLOAT);
    SNDFILE *sf = sf_open(path, SFM_WRITE, &info);
    if (!sf) {
        err_set(err, (SrcRef){0}, "cannot write %s: %s", path, sf_strerror(NULL));
        return NULL;
    }
    /* no PEAK chunk: it carries a time stamp, and renders must repeat byte for byte */
    sf_command(sf, SFC_SET_ADD_PEAK_CHUNK, NULL, SF_FALSE);
    return sf;
}

bool engine_render(Vm *vm, Value pattern, const char *path, const RenderOpts *opts,
                   RenderReport *rep, Err *err) {
    Render *R = calloc(1, sizeof *R);
    if (!R) abort();
    R->vm = vm;
    R->opts = opts;
    R->err = err;
    bool ok = false;
    AudioEvent *buf = NULL;
    size_t cap = 0;
    float *L = NULL, *Rt = NULL, *inter = NULL;
    float *stem[MAX_TRACKS][2] = {{0}};
    SNDFILE *sf = NULL, *stem_sf[MAX_TRACKS] = {0};

    /* tracks */
    if (!IS_NIL(pattern)) {
        R->tracks[0].pat = reify(vm, pattern);
        vm_push_root(vm, OBJ_VAL(R->tracks[0].pat));
        R->ntracks = 1;
    } else {
        ObjString **names;
        int n = vm_played(vm, &names);
        for (int i = 0; i < n && R->ntracks < MAX_TRACKS; i++) {
            Value v;
            if (!vm_get_global(vm, names[i]->chars, &v) || !IS_PATTERN(v)) continue;
            R->tracks[R->ntracks].name = names[i];
            R->tracks[R->ntracks++].pat = AS_PATTERN(v);
            vm_push_root(vm, v);
        }
        if (R->ntracks == 0) {
            err_set(err, (SrcRef){0}, "nothing to render: the program plays no tracks");
            err_hint(err, "add a line like: play drums, bass");
            goto out;
        }
    }
    double bpm = vm_tempo(vm) > 0 ? vm_tempo(vm) : (opts->tempo > 0 ? opts->tempo : 120);
    /* frames per cycle = 240 / bpm * rate, exactly */
    R->frames_per_cycle =
        rat_mul(rat_div(rat_int(240), rat_from_double(bpm)), rat_from_double(opts->rate));
    if (!rat_ok(R->frames_per_cycle)) {
        err_set(err, (SrcRef){0}, "tempo %g cannot be represented exactly", bpm);
        goto out;
    }
    R->audio = audio_new(opts->rate, opts->voices > 0 ? opts->voices : 2048, 1 << 16);
    if (!R->audio) abort();
    if (!buses_and_master(R) || !strips_from_mix(R)) goto out;
    /* samples: --samples, then every samples("dir") of the program */
    R->sampler = (SynthDef){.name = "sampler", .nparams = 4, .nnodes = 1};
    snprintf(R->sampler.params[0], SYN_NAME, "speed");
    snprintf(R->sampler.params[1], SYN_NAME, "begin");
    snprintf(R->sampler.params[2], SYN_NAME, "end");
    snprintf(R->sampler.params[3], SYN_NAME, "loop");
    R->sampler.nodes[0] =
        (SynNode){.ugen = UGEN_SAMPLER,
                  .n = 4,
                  .in = {{IN_PARAM, 0, 0}, {IN_PARAM, 1, 0}, {IN_PARAM, 2, 0}, {IN_PARAM, 3, 0}}};
    R->sampler_index = audio_add_synth(R->audio, &R->sampler);
    {
        char why[256];
        if (opts->samples && samples_load(&R->bank, opts->samples, why, sizeof why) < 0) {
            err_set(err, (SrcRef){0}, "%s", why);
            goto out;
        }
        Value dirs;
        if (vm_get_global(vm, "samples:dirs", &dirs) && IS_LIST(dirs))
            for (uint32_t i = 0; i < AS_LIST(dirs)->len; i++) {
                const char *d = AS_STRING(AS_LIST(dirs)->items[i])->chars;
                char dir[2048];
                if (d[0] != '/' && opts->base)
                    snprintf(dir, sizeof dir, "%s/%s", opts->base, d);
                else
                    snprintf(dir, sizeof dir, "%s", d);
                if (samples_load(&R->bank, dir, why, sizeof why) < 0) {
                    err_set(err, (SrcRef){0}, "%s", why);
                    goto out;
                }
            }
    }

    uint64_t total =
        opts->bars > 0
            ? (uint64_t)round_half_up(rat_mul(rat_from_double(opts->bars), R->frames_per_cycle))
            : (uint64_t)llround(opts->seconds * opts->rate);
    sf = open_out(path, opts, err);
    if (!sf) goto out;
    if (opts->stems) {
        for (int t = 0; t < R->ntracks; t++) {
            char p[1024];
            snprintf(p, sizeof p, "%s/%s.%s", opts->stems,
                     R->tracks[t].name ? R->tracks[t].name->chars : "pattern",
                     opts->format && !strcmp(opts->format, "flac") ? "flac" : "wav");
            if (!(stem_sf[t] = open_out(p, opts, err))) goto out;
        }
    }
    const int CHUNK = 4096;
    L = malloc(CHUNK * sizeof(float));
    Rt = malloc(CHUNK * sizeof(float));
    inter = malloc(2 * CHUNK * sizeof(float));
    for (int t = 0; opts->stems && t < R->ntracks; t++) {
        stem[t][0] = malloc(CHUNK * sizeof(float));
        stem[t][1] = malloc(CHUNK * sizeof(float));
    }
    double sumsq = 0, peak = 0;
    int64_t scheduled = -1; /* last cycle sent */
    uint64_t written = 0;
    while (written < total) {
        /* the cycle of the next frame, and one more ahead (for nudges) */
        int64_t c = rat_floor(rat_div(rat_int((int64_t)written), R->frames_per_cycle)).num;
        while (scheduled < c + 1) {
            if (!schedule_cycle(R, ++scheduled, &buf, &cap)) goto out;
        }
        /* render to the end of cycle c, in chunks */
        uint64_t cycle_end = (uint64_t)round_half_up(rat_mul(rat_int(c + 1), R->frames_per_cycle));
        uint64_t until = cycle_end < total ? cycle_end : total;
        if (until <= written) until = written + 1;
        while (written < until) {
            int n = (int)(until - written < (uint64_t)CHUNK ? until - written : (uint64_t)CHUNK);
            audio_render(R->audio, L, Rt, n, opts->stems ? stem : NULL);
            for (int i = 0; i < n; i++) {
                inter[2 * i] = L[i];
                inter[2 * i + 1] = Rt[i];
                sumsq += 0.5 * ((double)L[i] * L[i] + (double)Rt[i] * Rt[i]);
                double m = fabs(L[i]) > fabs(Rt[i]) ? fabs(L[i]) : fabs(Rt[i]);
                if (m > peak) peak = m;
            }
            sf_writef_float(sf, inter, n);
            for (int t = 0; opts->stems && t < R->ntracks; t++) {
                for (int i = 0; i < n; i++) {
                    inter[2 * i] = stem[t][0][i];
                    inter[2 * i + 1] = stem[t][1][i];
                }
                sf_writef_float(stem_sf[t], inter, n);
            }
            written += (uint64_t)n;
        }
    }
    if (rep) {
        rep->frames = written;
        rep->audio = audio_stats(R->audio);
        rep->tracks = R->ntracks;
        rep->peak = peak;
        rep->rms = written ? sqrt(sumsq / (double)written) : 0;
    }
    ok = true;
out:
    if (sf) sf_close(sf);
    for (int t = 0; t < MAX_TRACKS; t++) {
        if (stem_sf[t]) sf_close(stem_sf[t]);
        free(stem[t][0]);
        free(stem[t][1]);
    }
    for (int t = 0; t < R->ntracks; t++) vm_pop_root(vm);
    for (int i = 0; i < R->nsynths; i++) free(R->synth_defs[i]);
    audio_free(R->audio);
    samples_free(&R->bank);
    for (int i = 0; i < R->nchains; i++) {
        bus_free(R->chains[i]);
        free(R->chain_defs[i]);
    }
    free(buf);
    free(L);
    free(Rt);
    free(inter);
    free(R);
    return ok;
}
