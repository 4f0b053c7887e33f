/*
 * render.c - offline rendering: the real engine against a virtual clock.
 *
 * The loop keeps the session's horizon (session.c) a chunk ahead of the
 * frames rendered, so every event is in the ring before its block, exactly
 * as the live control thread does against the audio clock; scripted
 * evaluations (a replayed session log) are applied when the horizon
 * reaches their cycle, which is where the live run applied them. Frames
 * are written with libsndfile. Nothing depends on wall time, so the same
 * input gives the same bytes.
 */
#include "engine.h"

#include "mastering.h"
#include "session.h"

#include "../audio/filters.h" /* DSP_CLONES */
#include "../io/midifile.h"

#include <ebur128.h>
#include <math.h>
#include <sndfile.h>
#include <sys/stat.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_TRACKS AUDIO_MAX_TRACKS
#define MAX_STEMS  AUDIO_STEMS

/* Applies a script item: an evaluation (its errors reported, as they were
 * live) or a command. */
static void apply_item(Session *s, const ScriptItem *it) {
    Err e = {0};
    bool ok;
    if (it->key) {
        session_key(s, it->key_frame, it->key_input, it->key_channel, it->key_number,
                    it->key_velocity);
        return;
    }
    if (it->cmd) {
        char cmd[32] = {0};
        int used = 0;
        sscanf(it->text, "%31s %n", cmd, &used);
        const char *arg = used ? it->text + used : "";
        ok = session_command(s, cmd, arg[0] ? arg : NULL, &e);
    } else {
        ok = session_eval(s, it->name, it->text, it->len, it->base, &e);
    }
    if (!ok) err_print(stderr, &e);
}

/* A file being written: a failed write (a full disk) ends the render, and a
 * render that fails leaves no partial file behind. */
typedef struct {
    SNDFILE *sf;
    char path[1024];
    bool made;     /* opened (so created or truncated) by this render */
    int bits;      /* 16 or 24: dithered; 32: float */
    uint64_t seed; /* the dither's */
} OutFile;

static bool out_open(OutFile *o, const char *path, const RenderOpts *opts, Err *err) {
    char why[1200];
    snprintf(o->path, sizeof o->path, "%s", path);
    o->sf = engine_sound_open(path, opts->rate, opts->format, opts->bits, why, sizeof why);
    if (!o->sf) err_set(err, (SrcRef){0}, "%s", why);
    o->bits = engine_sound_depth(opts->format, opts->bits);
    /* the same dither every time (renders repeat), each file its own (stems summed
     * do not add up one noise) */
    o->seed = 0x9E3779B97F4A7C15ULL;
    for (const char *c = path; *c; c++) o->seed = (o->seed ^ (unsigned char)*c) * 0x100000001B3ULL;
    if (!o->seed) o->seed = 1;
    o->made = o->sf != NULL;
    return o->sf != NULL;
}

static bool out_write(OutFile *o, float *frames, uint64_t n, Err *err) {
    if (engine_sound_write(o->sf, o->bits, &o->seed, frames, n)) return true;
    err_set(err, (SrcRef){0}, "cannot write %s: %s", o->path, sf_strerror(o->sf));
    err_hint(err, "is the disk full? nothing was kept");
    return false;
}

/* Removes the file o made (a regular file it opened: never /dev/full, a
 * pipe, or a file it could not open). */
static void out_discard(OutFile *o) {
    struct stat st;
    if (o->made && stat(o->path, &st) == 0 && S_ISREG(st.st_mode)) remove(o->path);
}

/* Closes o (its last write can fail too: then err says so and ok turns
 * false); when the render failed, a regular file it made is removed. */
static void out_close(OutFile *o, bool *ok, Err *err) {
    if (!o->sf) return;
    if (!engine_sound_close(o->sf, o->path) && *ok) {
        err_set(err, (SrcRef){0}, "cannot write %s: the end of the file did not fit", o->path);
        err_hint(err, "is the disk full? nothing was kept");
        *ok = false;
    }
    o->sf = NULL;
    if (!*ok) out_discard(o);
}

/* The MIDI events of a render, for a Standard MIDI File: one file track
 * per tala track with MIDI, ticks from the exact cycles (a cycle is a bar
 * of 4 quarter notes). */
typedef struct {
    Session *s;
    MidiFile *file;
    int track_of[MAX_TRACKS]; /* the file's track, 0: none yet */
    /* what each track has sounding, by channel and key: a stop (hush) ends it */
    uint8_t sounding[MAX_TRACKS][16][128];
} MidiRender;

static int64_t tick_of(Rat c) {
    if (!c.den) return -1;
    int64_t whole = c.num / c.den, rest = c.num % c.den;
    if (rest < 0) whole--, rest += c.den;
    return whole * 4 * MIDIFILE_PPQN +
           (int64_t)llround((double)rest / (double)c.den * 4 * MIDIFILE_PPQN);
}

static void render_midi(void *ud, const MidiMsg *m) {
    MidiRender *r = ud;
    if (m->len == 0) { /* a track stopped: its sounding notes end here */
        for (int t = 0; t < MAX_TRACKS; t++)
            for (int c = 0; c < 16 && (m->track < 0 || m->track == t); c++)
                for (int k = 0; k < 128; k++)
                    for (; r->sounding[t][c][k]; r->sounding[t][c][k]--) {
                        uint8_t off[3] = {(uint8_t)(0x80 | c), (uint8_t)k, 0};
                        midifile_event(r->file, r->track_of[t], tick_of(m->cycle), off, 3);
                    }
        return;
    }
    if (m->len < 0 || m->track < 0 || m->track >= MAX_TRACKS || m->bytes[0] >= 0xF0) return;
    uint8_t st = m->bytes[0] & 0xF0, ch = m->bytes[0] & 0x0F, key = m->bytes[1] & 0x7F;
    if (m->len == 3 && st == 0x90 && m->bytes[2]) {
        if (r->sounding[m->track][ch][key] < 255) r->sounding[m->track][ch][key]++;
    } else if (m->len == 3 && (st == 0x80 || st == 0x90)) {
        if (!r->sounding[m->track][ch][key]) return; /* a stop ended it already */
        r->sounding[m->track][ch][key]--;
    }
    if (!r->track_of[m->track]) {
        TrackInfo tracks[MAX_TRACKS];
        int n = session_tracks(r->s, tracks, MAX_TRACKS);
        const char *name = m->track < n ? tracks[m->track].name : "track";
        r->track_of[m->track] =
            midifile_track(r->file, strcmp(name, ANON_TRACK) ? name : "anonymous");
    }
    midifile_event(r->file, r->track_of[m->track], tick_of(m->cycle), m->bytes, m->len);
}

static bool save_midi(MidiRender *r, const char *path, Rat end, Err *err) {
    session_midi_drain(r->s);
    Rat at[64];
    double bpm[64];
    int n = session_tempos(r->s, at, bpm, 64);
    for (int i = 0; i < n && i < 64; i++) midifile_tempo(r->file, tick_of(at[i]), bpm[i]);
    char why[300];
    if (!midifile_save(r->file, path, tick_of(end), why, sizeof why)) {
        err_set(err, (SrcRef){0}, "%s", why);
        return false;
    }
    return true;
}

/* The mastered frames on their way to the file, and their peak and power. */
typedef struct {
    OutFile *out;
    double peak, sumsq;
} Written;

static bool master_write(void *ud, float *frames, uint64_t n, Err *err) {
    Written *w = ud;
    if (!out_write(w->out, frames, n, err)) return false;
    for (uint64_t i = 0; i < 2 * n; i++) {
        double v = fabs(frames[i]);
        w->peak = v > w->peak ? v : w->peak;
        w->sumsq += 0.5 * frames[i] * frames[i];
    }
    return true;
}

/* A stem file's name: the track's, or the bus's or the orbit's return. */
static void stem_name(Session *S, int k, const TrackInfo *tracks, char *out, size_t n) {
    if (k < MAX_TRACKS) /* the anonymous track's stem is anonymous.wav ($ is unkind to shells) */
        snprintf(out, n, "%s", strcmp(tracks[k].name, ANON_TRACK) ? tracks[k].name : "anonymous");
    else if (k < AUDIO_STEM_ORBIT(0))
        snprintf(out, n, "bus-%s", session_bus_name(S, k - AUDIO_STEM_BUS(0)));
    else
        snprintf(out, n, "orbit%d-%s", (k - AUDIO_STEM_ORBIT(0)) / 2,
                 (k - AUDIO_STEM_ORBIT(0)) % 2 ? "delay" : "reverb");
}

/* Whether stem k has a file to write now: a track that exists, a return
 * that has sounded. */
static bool stem_due(Session *S, int k, int ntracks, const float *l, const float *r, uint64_t n) {
    if (k < MAX_TRACKS) return k < ntracks;
    if (k < AUDIO_STEM_ORBIT(0) && !session_bus_name(S, k - AUDIO_STEM_BUS(0))) return false;
    for (uint64_t i = 0; i < n; i++)
        if (l[i] != 0 || r[i] != 0) return true;
    return false;
}

/* Two sides into frames (l r l r ...), four frames at a time; and their
 * peak and power added to *peak and *sumsq, eight lanes side by side over 64
 * frames at a time (a few frames' sum is exact enough in float; the total is
 * double). One of the DSP_CLONES: eight wide where the CPU has AVX2. */
DSP_CLONES static void frames_out(float *out, const float *l, const float *r, uint64_t n,
                                  double *peak, double *sumsq) {
    typedef float v4f __attribute__((vector_size(16)));
    uint64_t i = 0;
    for (; i + 4 <= n; i += 4) {
        v4f a, b;
        memcpy(&a, l + i, sizeof a);
        memcpy(&b, r + i, sizeof b);
        v4f lo = __builtin_shufflevector(a, b, 0, 4, 1, 5),
            hi = __builtin_shufflevector(a, b, 2, 6, 3, 7);
        memcpy(out + 2 * i, &lo, sizeof lo);
        memcpy(out + 2 * i + 4, &hi, sizeof hi);
    }
    for (; i < n; i++) out[2 * i] = l[i], out[2 * i + 1] = r[i];
    for (uint64_t i0 = 0; i0 < n; i0 += 64) {
        uint64_t e = n - i0 < 64 ? n : i0 + 64;
        float pk[8] = {0}, sq[8] = {0};
        for (i = i0; i + 8 <= e; i += 8)
            for (int q = 0; q < 8; q++) {
                float a = l[i + q], b = r[i + q], al = fabsf(a), ar = fabsf(b);
                float m = al > ar ? al : ar;
                pk[q] = m > pk[q] ? m : pk[q];
                sq[q] += a * a + b * b;
            }
        for (; i < e; i++) {
            float m = fabsf(l[i]) > fabsf(r[i]) ? fabsf(l[i]) : fabsf(r[i]);
            pk[0] = m > pk[0] ? m : pk[0];
            sq[0] += l[i] * l[i] + r[i] * r[i];
        }
        for (int q = 0; q < 8; q++) {
            *sumsq += 0.5 * sq[q];
            if (pk[q] > *peak) *peak = pk[q];
        }
    }
}

bool engine_render(Session *S, const char *path, const RenderOpts *opts, const Script *script,
                   RenderReport *rep, Err *err) {
    bool ok = false;
    float *L = NULL, *Rt = NULL, *inter = NULL;
    ebur128_state *loud = NULL;
    float *stem[MAX_STEMS][2] = {{0}};
    OutFile out = {0}, stem_out[MAX_STEMS] = {{0}};
    FILE *raw = NULL;      /* mastering: the mix, kept until it is normalised and limited */
    MidiRender *mr = NULL; /* (its sounding table is 128 KB: not on the stack) */
    AudioEngine *audio = session_audio(S);
    TrackInfo tracks[MAX_TRACKS];
    int next = 0; /* the script's next item */
    int nitems = script ? script->n : 0;

    uint64_t total = opts->bars > 0 ? session_frame_of(S, rat_from_double(opts->bars))
                                    : (uint64_t)llround(opts->seconds * opts->rate);
    if (!out_open(&out, path, opts, err)) goto out;
    if (opts->midi) {
        if (!(mr = calloc(1, sizeof *mr))) abort();
        mr->s = S;
        mr->file = midifile_new();
        session_set_midi(S, render_midi, mr);
    }
    int ntracks = session_tracks(S, tracks, MAX_TRACKS);
    if (ntracks == 0 && nitems == 0) {
        err_set(err, (SrcRef){0}, "nothing to render: the program plays no tracks");
        err_hint(err, "add a line like: play drums, bass");
        goto out;
    }
    const int CHUNK = 4096;
    L = malloc(CHUNK * sizeof(float));
    Rt = malloc(CHUNK * sizeof(float));
    inter = malloc(2 * CHUNK * sizeof(float));
    if (!L || !Rt || !inter) abort();
    audio_set_master(audio, !opts->bypass_master, !opts->bypass_master && !opts->limit);
    audio_set_meters(audio, false); /* (a live session's are read by its REPL) */
    if (opts->limit && !(raw = tmpfile())) {
        err_set(err, (SrcRef){0}, "cannot keep the mix for mastering: no temporary file");
        err_hint(err, "is TMPDIR writable?");
        goto out;
    }
    if (opts->stems) /* every slot: a replayed session may add tracks later */
        for (int t = 0; t < MAX_STEMS; t++) {
            stem[t][0] = calloc(CHUNK, sizeof(float));
            stem[t][1] = calloc(CHUNK, sizeof(float));
            if (!stem[t][0] || !stem[t][1]) abort();
        }
    double sumsq = 0, peak = 0;
    uint64_t written = 0;
    /* EBU R128: integrated loudness, its range and the true peak of the master */
    if (!opts->no_loudness || raw) { /* (mastering measures the raw mix to find its gain) */
        loud = ebur128_init(2, (unsigned long)opts->rate,
                            EBUR128_MODE_I | EBUR128_MODE_LRA | EBUR128_MODE_TRUE_PEAK);
        if (!loud) abort();
    }
    while (written < total) {
        uint64_t n = total - written < (uint64_t)CHUNK ? total - written : (uint64_t)CHUNK;
        uint64_t target = written + n;
        /* A played key sounds on its own frame, which lies before the horizon
         * it was played at (by up to the lookahead, at most 2 s). Live, it
         * reached the audio side before the block holding its frame: here the
         * frames stop at the first such block to come, and when they get to
         * one, the items up to its key are applied (each at its own cycle). */
        int due = -1;
        uint64_t reach = target + (uint64_t)(opts->rate * 3);
        for (int k = next; k < nitems && session_frame_of(S, script->items[k].at) <= reach; k++) {
            if (!script->items[k].key) continue;
            uint64_t block = script->items[k].key_frame - script->items[k].key_frame % AUDIO_BLOCK;
            if (block <= written)
                due = k;
            else if (block < target)
                target = block, n = target - written;
        }
        /* script items up to the target, each at its own cycle */
        while (next < nitems &&
               (!rat_lt(session_cycle_at(S, target), script->items[next].at) || next <= due)) {
            session_advance_to(S, script->items[next].at);
            apply_item(S, &script->items[next++]);
        }
        session_advance(S, target);
        /* a ring that was full holds events back: render no further than them */
        uint64_t pending = session_pending_frame(S);
        /* a ring filled up with this very frame's events: those start, the rest follow */
        while (pending == written && audio_start_now(audio) > 0) pending = session_pending_frame(S);
        if (pending < target) n = pending > written ? pending - written : 1;
        audio_render(audio, L, Rt, (int)n, opts->stems ? stem : NULL);
        frames_out(inter, L, Rt, n, &peak, &sumsq);
        if (raw) {
            if (fwrite(inter, 2 * sizeof(float), n, raw) != n) {
                err_set(err, (SrcRef){0}, "cannot keep the mix for mastering: %s",
                        "the temporary file is full");
                err_hint(err, "is the disk (TMPDIR) full? nothing was kept");
                goto out;
            }
        } else if (!out_write(&out, inter, n, err)) {
            goto out;
        }
        if (loud && ebur128_add_frames_float(loud, inter, (size_t)n) != EBUR128_SUCCESS) abort();
        if (opts->stems) {
            ntracks = session_tracks(S, tracks, MAX_TRACKS);
            for (int t = 0; t < MAX_STEMS; t++) {
                if (!stem_out[t].sf) {
                    if (!stem_due(S, t, ntracks, stem[t][0], stem[t][1], n)) continue;
                    char p[1024], tn[200];
                    stem_name(S, t, tracks, tn, sizeof tn);
                    snprintf(p, sizeof p, "%s/%s.%s", opts->stems, tn,
                             opts->format ? opts->format : "wav");
                    if (!out_open(&stem_out[t], p, opts, err)) goto out;
                    /* a track that joins later starts with the silence before it
                     * (zeroed each time: a dithered write leaves what it wrote) */
                    for (uint64_t w = 0; w < written; w += CHUNK)
                        if (memset(inter, 0, 2 * CHUNK * sizeof(float)),
                            !out_write(
                                &stem_out[t], inter,
                                written - w < (uint64_t)CHUNK ? written - w : (uint64_t)CHUNK, err))
                            goto out;
                }
                for (uint64_t i = 0; i < n; i++) {
                    inter[2 * i] = stem[t][0][i];
                    inter[2 * i + 1] = stem[t][1][i];
                }
                if (!out_write(&stem_out[t], inter, n, err)) goto out;
            }
        }
        written += n;
    }
    if (mr && !save_midi(mr, opts->midi, session_cycle_at(S, written), err)) goto out;
    if (rep) {
        rep->frames = written;
        rep->audio = audio_stats(audio);
        rep->tracks = session_tracks(S, tracks, MAX_TRACKS);
        rep->peak = peak;
        rep->rms = written ? sqrt(sumsq / (double)written) : 0;
        rep->lufs = rep->lra = rep->true_peak = NAN;
        rep->gain_db = rep->reduction_db = 0;
        rep->passes = 0;
    }
    if (raw) { /* mastering: normalised, limited, then written */
        double raw_lufs;
        if (ebur128_loudness_global(loud, &raw_lufs) != EBUR128_SUCCESS) raw_lufs = NAN;
        MasterResult res = {0};
        Written w = {.out = &out};
        if (!master_finish(raw, written, opts->rate, opts->lufs, opts->ceiling, raw_lufs,
                           master_write, &w, &res, err))
            goto out;
        if (rep) {
            rep->lufs = res.lufs, rep->lra = res.lra, rep->true_peak = res.true_peak;
            rep->gain_db = res.gain_db, rep->reduction_db = res.reduction_db;
            rep->passes = res.passes;
            rep->peak = w.peak; /* of what was written */
            rep->rms = written ? sqrt(w.sumsq / (double)written) : 0;
        }
    } else if (rep && loud) {
        double tp[2];
        if (ebur128_loudness_global(loud, &rep->lufs) != EBUR128_SUCCESS) rep->lufs = NAN;
        if (ebur128_loudness_range(loud, &rep->lra) != EBUR128_SUCCESS) rep->lra = NAN;
        if (ebur128_true_peak(loud, 0, &tp[0]) == EBUR128_SUCCESS &&
            ebur128_true_peak(loud, 1, &tp[1]) == EBUR128_SUCCESS)
            rep->true_peak = 20 * log10(fmax(tp[0], tp[1]));
    }
    ok = true;
out:
    if (mr) {
        session_set_midi(S, NULL, NULL);
        midifile_free(mr->file);
        free(mr);
    }
    for (int t = 0; t < MAX_STEMS; t++) out_close(&stem_out[t], &ok, err);
    out_close(&out, &ok, err);
    if (raw) fclose(raw);
    for (int t = 0; t < MAX_STEMS; t++) { /* a failure anywhere: no stem is kept either */
        if (!ok) out_discard(&stem_out[t]);
        free(stem[t][0]);
        free(stem[t][1]);
    }
    if (loud) ebur128_destroy(&loud);
    free(L);
    free(Rt);
    free(inter);
    return ok;
}

bool engine_replay(const Script *sc, const char *path, RenderOpts *opts, RenderReport *rep,
                   Err *err) {
    SessionOpts so = {.rate = sc->rate,
                      .voices = sc->voices,
                      .tempo = sc->tempo,
                      .samples = sc->samples,
                      .quiet = true,
                      .samples_may_miss = true,
                      .replaying = true,
                      .safe = sc->safe || opts->safe};
    Session *s = session_new(&so, err);
    if (!s) return false;
    opts->rate = sc->rate;
    session_replay_lates(s, sc->lates, sc->nlates);
    bool ok = engine_render(s, path, opts, sc, rep, err);
    session_free(s);
    return ok;
}
