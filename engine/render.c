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

#include "session.h"

#include <math.h>
#include <sndfile.h>
#include <strings.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_TRACKS AUDIO_MAX_TRACKS

static const struct {
    const char *name;
    int sf;
} FORMATS[] = {
    {"wav", SF_FORMAT_WAV | SF_FORMAT_FLOAT},
    {"flac", SF_FORMAT_FLAC | SF_FORMAT_PCM_24},
    {"ogg", SF_FORMAT_OGG | SF_FORMAT_VORBIS},
    {"mp3", SF_FORMAT_MPEG | SF_FORMAT_MPEG_LAYER_III}, /* libsndfile >= 1.1 */
};
#define NFORMATS (int)(sizeof FORMATS / sizeof FORMATS[0])

int engine_sf_format(const char *name) {
    for (int i = 0; i < NFORMATS; i++)
        if (name && strcmp(FORMATS[i].name, name) == 0) return FORMATS[i].sf;
    return FORMATS[0].sf;
}

static const char *format_named(const char *name, size_t len) {
    for (int i = 0; i < NFORMATS; i++)
        if (strlen(FORMATS[i].name) == len && strncasecmp(FORMATS[i].name, name, len) == 0) {
            SF_INFO info = {.samplerate = 48000, .channels = 2, .format = FORMATS[i].sf};
            return sf_format_check(&info) ? FORMATS[i].name : NULL; /* this libsndfile writes it */
        }
    return NULL;
}

static void format_list(char *buf, size_t n) {
    size_t k = 0;
    buf[0] = 0;
    for (int i = 0; i < NFORMATS && k < n; i++)
        if (format_named(FORMATS[i].name, strlen(FORMATS[i].name)))
            k += (size_t)snprintf(buf + k, n - k, "%s%s", k ? ", " : "", FORMATS[i].name);
}

bool engine_sound_format(const char *path, const char *format, const char **out, char *why,
                         size_t n) {
    const char *slash = strrchr(path, '/'), *dot = strrchr(path, '.');
    const char *ext = dot && (!slash || dot > slash) && dot[1] ? dot + 1 : NULL;
    const char *by_ext = ext ? format_named(ext, strlen(ext)) : NULL;
    const char *by_opt = format ? format_named(format, strlen(format)) : NULL;
    char list[64];
    format_list(list, sizeof list);
    if (format && !by_opt) {
        snprintf(why, n, "cannot write the format '%s' (tala writes %s)", format, list);
        return false;
    }
    if (ext && !by_ext && !format) {
        snprintf(why, n, "%s: cannot write .%s files (tala writes %s)", path, ext, list);
        return false;
    }
    if (by_opt && by_ext && by_opt != by_ext) {
        snprintf(why, n, "%s ends in .%s but --format says %s", path, ext, format);
        return false;
    }
    *out = by_opt ? by_opt : by_ext ? by_ext : "wav";
    return true;
}

static SNDFILE *open_out(const char *path, const RenderOpts *o, Err *err) {
    SF_INFO info = {0};
    info.samplerate = (int)o->rate;
    info.channels = 2;
    info.format = engine_sf_format(o->format);
    SNDFILE *sf = sf_open(path, SFM_WRITE, &info);
    if (!sf) {
        err_set(err, (SrcRef){0}, "cannot write %s: %s", path, sf_strerror(NULL));
        return NULL;
    }
    /* no PEAK chunk: it carries a time stamp, and renders must repeat byte for byte */
    sf_command(sf, SFC_SET_ADD_PEAK_CHUNK, NULL, SF_FALSE);
    return sf;
}

/* Applies a script item: an evaluation (its errors reported, as they were
 * live) or a command. */
static void apply_item(Session *s, const ScriptItem *it) {
    Err e = {0};
    bool ok;
    if (it->cmd) {
        char cmd[32] = {0}, arg[256] = {0};
        sscanf(it->text, "%31s %255s", cmd, arg);
        ok = session_command(s, cmd, arg[0] ? arg : NULL, &e);
    } else {
        ok = session_eval(s, it->name, it->text, it->len, it->base, &e);
    }
    if (!ok) err_print(stderr, &e);
}

bool engine_render(Session *S, const char *path, const RenderOpts *opts, const Script *script,
                   RenderReport *rep, Err *err) {
    bool ok = false;
    float *L = NULL, *Rt = NULL, *inter = NULL;
    float *stem[MAX_TRACKS][2] = {{0}};
    SNDFILE *sf = NULL, *stem_sf[MAX_TRACKS] = {0};
    AudioEngine *audio = session_audio(S);
    TrackInfo tracks[MAX_TRACKS];
    int next = 0; /* the script's next item */
    int nitems = script ? script->n : 0;

    uint64_t total = opts->bars > 0 ? session_frame_of(S, rat_from_double(opts->bars))
                                    : (uint64_t)llround(opts->seconds * opts->rate);
    sf = open_out(path, opts, err);
    if (!sf) goto out;
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
    if (opts->stems) /* every track slot: a replayed session may add tracks later */
        for (int t = 0; t < MAX_TRACKS; t++) {
            stem[t][0] = calloc(CHUNK, sizeof(float));
            stem[t][1] = calloc(CHUNK, sizeof(float));
            if (!stem[t][0] || !stem[t][1]) abort();
        }
    double sumsq = 0, peak = 0;
    uint64_t written = 0;
    while (written < total) {
        uint64_t n = total - written < (uint64_t)CHUNK ? total - written : (uint64_t)CHUNK;
        uint64_t target = written + n;
        /* script items up to the target, each at its own cycle */
        while (next < nitems && !rat_lt(session_cycle_at(S, target), script->items[next].at)) {
            session_advance_to(S, script->items[next].at);
            apply_item(S, &script->items[next++]);
        }
        session_advance(S, target);
        /* a ring that was full holds events back: render no further than them */
        uint64_t pending = session_pending_frame(S);
        if (pending < target) n = pending > written ? pending - written : 1;
        audio_render(audio, L, Rt, (int)n, opts->stems ? stem : NULL);
        for (uint64_t i = 0; i < n; i++) inter[2 * i] = L[i], inter[2 * i + 1] = Rt[i];
        /* peak and power, eight lanes side by side over 64 frames at a time
         * (a few frames' sum is exact enough in float; the total is double) */
        for (uint64_t i0 = 0; i0 < n; i0 += 64) {
            uint64_t e = n - i0 < 64 ? n : i0 + 64, i = i0;
            float pk[8] = {0}, sq[8] = {0};
            for (; i + 8 <= e; i += 8)
                for (int q = 0; q < 8; q++) {
                    float l = L[i + q], r = Rt[i + q], al = fabsf(l), ar = fabsf(r);
                    float m = al > ar ? al : ar;
                    pk[q] = m > pk[q] ? m : pk[q];
                    sq[q] += l * l + r * r;
                }
            for (; i < e; i++) {
                float m = fabsf(L[i]) > fabsf(Rt[i]) ? fabsf(L[i]) : fabsf(Rt[i]);
                pk[0] = m > pk[0] ? m : pk[0];
                sq[0] += L[i] * L[i] + Rt[i] * Rt[i];
            }
            for (int q = 0; q < 8; q++) {
                sumsq += 0.5 * sq[q];
                if (pk[q] > peak) peak = pk[q];
            }
        }
        sf_writef_float(sf, inter, (sf_count_t)n);
        if (opts->stems) {
            ntracks = session_tracks(S, tracks, MAX_TRACKS);
            for (int t = 0; t < ntracks; t++) {
                if (!stem_sf[t]) {
                    char p[1024];
                    /* the anonymous track's stem is anonymous.wav ($ is unkind to shells) */
                    const char *tn =
                        strcmp(tracks[t].name, ANON_TRACK) ? tracks[t].name : "anonymous";
                    snprintf(p, sizeof p, "%s/%s.%s", opts->stems, tn,
                             opts->format ? opts->format : "wav");
                    if (!(stem_sf[t] = open_out(p, opts, err))) goto out;
                    /* a track that joins later starts with the silence before it */
                    memset(inter, 0, 2 * CHUNK * sizeof(float));
                    for (uint64_t w = 0; w < written; w += CHUNK)
                        sf_writef_float(stem_sf[t], inter,
                                        (sf_count_t)(written - w < (uint64_t)CHUNK
                                                         ? written - w
                                                         : (uint64_t)CHUNK));
                }
                for (uint64_t i = 0; i < n; i++) {
                    inter[2 * i] = stem[t][0][i];
                    inter[2 * i + 1] = stem[t][1][i];
                }
                sf_writef_float(stem_sf[t], inter, (sf_count_t)n);
            }
        }
        written += n;
    }
    if (rep) {
        rep->frames = written;
        rep->audio = audio_stats(audio);
        rep->tracks = session_tracks(S, tracks, MAX_TRACKS);
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
                      .samples_may_miss = true};
    Session *s = session_new(&so, err);
    if (!s) return false;
    opts->rate = sc->rate;
    session_replay_lates(s, sc->lates, sc->nlates);
    bool ok = engine_render(s, path, opts, sc, rep, err);
    session_free(s);
    return ok;
}
