/*
 * session.c - the session's state, the tempo map and the evaluation
 * transaction (see session.h).
 *
 * A session is made and freed here. session_eval runs a block, plans every
 * change (strips and chains: mixplan.c; the dry run: events.c) and commits
 * it at the horizon through the outbox (schedule.c). Control side only, on
 * the thread that owns the session: the VM, the tracks and the tempo map
 * are this side's; the audio side owns only what it has been sent.
 */
#include "session_impl.h"

#include "../stdlib/lib.h"
#include "../lang/eval.h"
#include "../stdlib/stdlib.h"

#include <limits.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define DRY_CYCLES 2 /* a new pattern is queried this far before it is committed */

static void mark(Heap *h, void *ud) {
    Session *s = ud;
    for (int i = 0; i < s->ntracks; i++) {
        Track *t = &s->tracks[i];
        if (t->name) heap_mark_obj(h, &t->name->obj);
        if (t->pat) heap_mark_obj(h, &t->pat->obj);
        if (t->next) heap_mark_obj(h, &t->next->obj);
        if (t->prev) heap_mark_obj(h, &t->prev->obj);
        if (t->cpat) heap_mark_obj(h, &t->cpat->obj);
        if (t->held) heap_mark_obj(h, &t->held->obj);
        if (t->undone) heap_mark_obj(h, &t->undone->obj);
    }
    for (int i = 0; i < s->nobjs; i++) heap_mark_obj(h, &s->synth_objs[i]->obj);
    for (int i = 0; i < s->nbuses; i++) heap_mark_obj(h, &s->bus_names[i]->obj);
}

/* ------------------------------------------------------------ time */

int64_t ses_round_half_up(Rat x) {
    return rat_floor(rat_add(x, rat_make(1, 2))).num;
}

static Rat fpc_of(double bpm, double rate) {
    /* thousandths of a BPM (an external clock's tempo) exactly */
    double milli = round(bpm * 1000);
    if (fabs(bpm * 1000 - milli) < 1e-6 && milli >= 1 && milli < 1e9 && rate == floor(rate))
        return rat_make((int64_t)(240000 * rate), (int64_t)milli);
    return rat_mul(rat_div(rat_int(240), rat_from_double(bpm)), rat_from_double(rate));
}

static const Seg *seg_at_cycle(const Session *s, Rat c);

bool ses_set_tempo(Session *s, Rat at, double bpm) {
    Seg *last = &s->segs[s->nsegs - 1];
    Rat fpc = fpc_of(bpm, s->o.rate);
    if (!rat_ok(fpc)) {
        ses_say(s, "tala: tempo %g cannot be represented exactly; kept %g", bpm, last->bpm);
        return false;
    }
    while (s->nsegs > 1 && rat_lt(at, last->cycle)) last = &s->segs[--s->nsegs - 1];
    if (rat_eq(last->cycle, at)) {
        last->fpc = fpc, last->bpm = bpm;
    } else {
        int64_t f = ses_round_half_up(ses_frame_exact(s, at));
        s->segs = realloc(s->segs, (size_t)(s->nsegs + 1) * sizeof(Seg));
        if (!s->segs) abort();
        s->segs[s->nsegs++] = (Seg){at, f, fpc, bpm};
    }
    ses_restamp(s, at);
    return true;
}

static const Seg *seg_at_cycle(const Session *s, Rat c) {
    int i = s->nsegs - 1;
    while (i > 0 && rat_lt(c, s->segs[i].cycle)) i--;
    return &s->segs[i];
}

Rat ses_frame_exact(const Session *s, Rat c) {
    const Seg *g = seg_at_cycle(s, c);
    return rat_add(rat_int(g->frame), rat_mul(rat_sub(c, g->cycle), g->fpc));
}

uint64_t session_frame_of(const Session *s, Rat c) {
    int64_t f = ses_round_half_up(ses_frame_exact(s, c));
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

double session_program_tempo(Session *s) {
    return vm_tempo(s->vm);
}

bool session_paused(const Session *s) {
    return s->paused;
}

double session_bpm(const Session *s) {
    return seg_at_cycle(s, s->horizon)->bpm;
}

double session_bpm_at(const Session *s, Rat cycle) {
    return seg_at_cycle(s, cycle)->bpm;
}

/* ------------------------------------------------------------ setup */

Session *session_new(const SessionOpts *o, Err *err) {
    Session *s = calloc(1, sizeof *s);
    if (!s) abort();
    s->o = *o;
    if (s->o.voices <= 0) s->o.voices = 2048;
    if (s->o.tempo <= 0) s->o.tempo = 120;
    if (s->o.max_events <= 0) s->o.max_events = 1 << 16;
    s->vm = vm_new(stdlib_library());
    if (s->vm) vm_set_safe(s->vm, o->safe);
    if (!s->vm) abort();
    if (!engine_load_prelude(s->vm, err)) {
        err->at.src = NULL; /* (the prelude's source goes with its VM) */
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
    s->shift = s->shift_prev = s->shift_at = rat_int(0);
    /* the sampler: every sample plays on it, through Strudel's note envelope
     * (superdough's samples have one too: 1 ms in, 10 ms out by default) */
    s->sampler = (SynthDef){.name = "sampler", .nparams = 10, .nnodes = 3};
    const char *sp[10] = {"speed", "begin",   "end",     "loop",      "attack",
                          "decay", "sustain", "release", "loopBegin", "loopEnd"};
    for (int i = 0; i < 10; i++) snprintf(s->sampler.params[i], SYN_NAME, "%s", sp[i]);
    s->sampler.nodes[0] = (SynNode){.ugen = UGEN_SAMPLER,
                                    .n = 6,
                                    .in = {{IN_PARAM, 0, 0},
                                           {IN_PARAM, 1, 0},
                                           {IN_PARAM, 2, 0},
                                           {IN_PARAM, 3, 0},
                                           {IN_PARAM, 8, 0},
                                           {IN_PARAM, 9, 0}}};
    s->sampler.nodes[1] = (SynNode){.ugen = UGEN_SENV,
                                    .n = 5,
                                    .in = {{IN_PARAM, 4, 0},
                                           {IN_PARAM, 5, 0},
                                           {IN_PARAM, 6, 0},
                                           {IN_PARAM, 7, 0},
                                           {IN_CONST, 0, 1}}};
    s->sampler.nodes[2] =
        (SynNode){.ugen = UGEN_MUL, .n = 2, .in = {{IN_NODE, 0, 0}, {IN_NODE, 1, 0}}};
    s->sampler_index = audio_add_synth(s->audio, &s->sampler);
    /* ZzFX's notes: the buffer from start to end, once, at its own speed */
    s->zzfx = (SynthDef){.name = "zzfx", .nnodes = 1};
    s->zzfx.nodes[0] = (SynNode){.ugen = UGEN_SAMPLER,
                                 .n = 6,
                                 .in = {{IN_CONST, 0, 1},
                                        {IN_CONST, 0, 0},
                                        {IN_CONST, 0, 1},
                                        {IN_CONST, 0, 0},
                                        {IN_CONST, 0, 0},
                                        {IN_CONST, 0, 1}}};
    s->zzfx_index = audio_add_synth(s->audio, &s->zzfx);
    s->lib = soundlib_new(s->o.rate);
    vm_set_sound_known(s->vm, ses_sound_known, s);
    session_log(s, "tala-session 1");
    session_log(s, "opts rate %.17g voices %d tempo %.17g", s->o.rate, s->o.voices, s->o.tempo);
    if (s->o.safe) session_log(s, "safe"); /* a replay stays in safe mode */
    if (s->o.samples) session_log(s, "samples %s", s->o.samples);
    if (s->o.samples) {
        char why[256];
        if ((s->o.samples_listed ? samples_list : samples_load)(&s->bank, s->o.samples, why,
                                                                sizeof why) < 0) {
            if (s->o.samples_may_miss) {
                ses_say(s, "tala: warning: %s (its sounds are silent)", why);
            } else {
                err_set(err, (SrcRef){0}, "%s", why);
                session_free(s);
                return NULL;
            }
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
    soundlib_free(s->lib); /* after the audio side: its voices played these */
    zzfx_free(&s->zz);
    ses_takes_free(s);
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
    free(s->anon_from);
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

/* ------------------------------------------------------------ evaluation */

Rat ses_quantize(Rat h, Rat quant) {
    if (quant.num <= 0) return h;
    return rat_mul(rat_ceil(rat_div(h, quant)), quant);
}

static int track_slot(Session *s, ObjString *name) {
    for (int i = 0; i < s->ntracks; i++)
        if (s->tracks[i].name == name) return i;
    return -1;
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

struct SoundLib *session_soundlib(Session *s) {
    return s->lib;
}

void session_sounds_ahead(Session *s) {
    s->lib_ahead = soundlib_start_loader(s->lib);
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

bool ses_under_cwd(const char *dir) {
    char real[PATH_MAX], here[PATH_MAX], cwd[PATH_MAX];
    if (!realpath(dir, real)) return true; /* not there: loading it says so */
    if (!getcwd(here, sizeof here) || !realpath(here, cwd)) return false;
    size_t n = strlen(cwd);
    return !strncmp(real, cwd, n) && (real[n] == '/' || real[n] == 0 || (n == 1 && cwd[0] == '/'));
}

static bool load_sample_dirs(Session *s, const char *base, Err *err) {
    Value dirs;
    if (!vm_get_global(s->vm, "samples:dirs", &dirs) || !IS_LIST(dirs)) return true;
    for (uint32_t i = 0; i < AS_LIST(dirs)->len; i++) {
        char dir[2048], why[256];
        session_sample_path(base, AS_STRING(AS_LIST(dirs)->items[i])->chars, dir, sizeof dir);
        if (s->o.safe && !ses_under_cwd(dir)) { /* (before dir_loaded: a folder read earlier) */
            err_set(err, (SrcRef){0},
                    "samples('%s'): a folder outside the working directory is not allowed in "
                    "safe mode",
                    AS_STRING(AS_LIST(dirs)->items[i])->chars);
            return false;
        }
        if (dir_loaded(s, dir)) continue;
        if ((s->o.samples_listed ? samples_list : samples_load)(&s->bank, dir, why, sizeof why) <
            0) {
            if (!s->o.samples_may_miss) {
                err_set(err, (SrcRef){0}, "%s", why);
                return false;
            }
            ses_say(s, "tala: warning: %s (its sounds are silent)", why);
        }
        mark_loaded(s, dir);
    }
    return true;
}

/* True when two note lists sound the same (seeds aside: not yet given). */
static bool same_notes(const AudioEvent *a, size_t na, const AudioEvent *b, size_t nb) {
    if (na != nb) return false;
    for (size_t i = 0; i < na; i++) {
        if (a[i].kind != b[i].kind || a[i].frame != b[i].frame) return false;
        if (a[i].kind == AEV_DUCK || a[i].kind == AEV_DJF) {
            if (a[i].kind == AEV_DUCK ? memcmp(&a[i].duck, &b[i].duck, sizeof a[i].duck) != 0
                                      : memcmp(&a[i].djf, &b[i].djf, sizeof a[i].djf) != 0)
                return false;
            continue;
        }
        if (a[i].kind == AEV_MIDI) { /* its message, its port, its note-off */
            if (a[i].midi.port != b[i].midi.port || a[i].midi.len != b[i].midi.len ||
                memcmp(a[i].midi.bytes, b[i].midi.bytes, a[i].midi.len) != 0 ||
                a[i].midi.off_frame != b[i].midi.off_frame)
                return false;
            continue;
        }
        if (a[i].synth != b[i].synth || a[i].sample != b[i].sample || a[i].amp != b[i].amp ||
            a[i].pan != b[i].pan || a[i].gate != b[i].gate || a[i].cut != b[i].cut ||
            memcmp(a[i].params, b[i].params, sizeof a[i].params) != 0)
            return false;
    }
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
    bool hold;    /* stopped by the performer, and nothing here restarts it */
} TrackPlan;

/* What the natives warned about while the block ran, positioned like errors. */
static void say_warnings(Session *s) {
    Err w[8];
    int n = vm_take_warnings(s->vm, w, 8);
    for (int i = 0; i < n; i++) {
        if (strncmp(w[i].msg, "note: ", 6) != 0) err_prefix(&w[i], "warning: ");
        char *t = err_text(&w[i]);
        ses_say(s, "%s", t);
        free(t);
    }
}

/* A value typed at the REPL that is not a pattern: `1 + 2` shows 3, a
 * function its signature. */
static void show_value(Session *s, Value v) {
    char buf[256];
    if (IS_NATIVE(v)) {
        snprintf(buf, sizeof buf, "%s", AS_NATIVE(v)->def->signature);
    } else if (IS_CLOSURE(v)) {
        ObjFunction *f = AS_CLOSURE(v)->fn;
        int k = snprintf(buf, sizeof buf, "%s(", f->name ? f->name->chars : "fn");
        for (int i = 0; i < f->arity && k < (int)sizeof buf; i++)
            k += snprintf(buf + k, sizeof buf - (size_t)k, "%s%s", i ? ", " : "",
                          f->params && f->params[i] ? f->params[i]->chars : "_");
        if (k < (int)sizeof buf) snprintf(buf + k, sizeof buf - (size_t)k, ")");
    } else if (IS_PARTIAL(v)) {
        snprintf(buf, sizeof buf, "a function (some arguments given)");
    } else {
        val_format(v, buf, sizeof buf);
    }
    info(s, "%s", buf);
}

/* The anonymous track: a block whose last expression is a pattern plays it
 * there (the global ANON_TRACK holds it), replacing what played; another value
 * is shown. It goes on playing through other blocks, except that a file
 * evaluated again without its bare pattern takes its own away. Adds its name
 * to names (when it plays) and returns the new count. */
static int anonymous_track(Session *s, const char *src, ObjString **names, int n, bool *took) {
    Vm *vm = s->vm;
    Value r = vm_result(vm), old;
    bool have = vm_get_global(vm, ANON_TRACK, &old) && IS_PATTERN(old);
    *took = false;
    if (IS_PATTERN(r)) {
        vm_set_global(vm, ANON_TRACK, r); /* undone with the globals if the block fails */
        have = true;
    } else {
        if (!IS_NIL(r)) show_value(s, r);
        if (have && s->anon_from && strcmp(s->anon_from, src) == 0 && strcmp(src, "<repl>") != 0) {
            vm_set_global(vm, ANON_TRACK, NIL_VAL); /* the file no longer ends with it */
            have = false;
            *took = true;
        }
    }
    if (have) names[n++] = str_c(vm_heap(vm), ANON_TRACK);
    return n;
}

/* Whether text assigns name at the start of a line (name = ..., name: ...):
 * a new definition, even of the code :undo took back. */
static bool assigns(const char *text, size_t len, const char *name) {
    size_t n = strlen(name);
    for (size_t i = 0; i + n <= len; i++) {
        if (i && text[i - 1] != '\n') continue;
        size_t k = i;
        while (k < len && (text[k] == ' ' || text[k] == '\t')) k++;
        if (k + 4 <= len && !memcmp(text + k, "let ", 4)) k += 4;
        if (k + n > len || memcmp(text + k, name, n)) continue;
        k += n;
        while (k < len && (text[k] == ' ' || text[k] == '\t')) k++;
        if (k < len && ((text[k] == '=' && (k + 1 == len || text[k + 1] != '=')) || text[k] == ':'))
            return true;
    }
    return false;
}

/* Whether pat has no events at all in the 8 cycles from at (not in a song
 * form, where a part may wait its turn for longer). */
static bool silent(Session *s, ObjPattern *pat, Rat at) {
    Section sec[1];
    Rat total;
    if (session_sections(s, sec, 1, &total)) return false;
    Query *q = vm_query(s->vm);
    Err ignore = {0}, *saved = q->err;
    q->err = &ignore;
    EvBuf ev;
    evbuf_init(&ev, vm_heap(s->vm));
    /* any event, onsets or not: midiin() is continuous until keys are played */
    bool none = pat_events(q, pat, at, rat_add(at, rat_int(8)), false, &ev) && ev.len == 0;
    evbuf_free(&ev);
    q->err = saved;
    return none;
}

bool session_eval(Session *s, const char *name, const char *text, size_t len, const char *base,
                  Err *err) {
    if (base && s->o.log && (!s->logged_base || strcmp(s->logged_base, base) != 0)) {
        free(s->logged_base);
        s->logged_base = strdup(base);
        session_log(s, "base %s", base);
    }
    Vm *vm = s->vm;
    vm_save(vm);
    TrackPlan plan[MAX_TRACKS];
    memset(plan, 0, sizeof plan);
    int nplan = 0;
    ChainPlan buses[AUDIO_MAX_BUSES + 1] = {{0}};
    ObjString **bnames;
    Value *bchains;
    int nb = 0;
    unsigned plays = vm_plays(vm);
    bool ok = eval_program(vm, name, text, len, err) && load_sample_dirs(s, base, err);
    if (ok) ses_load_takes(s, base);
    /* a file saved again without its $: blocks (and no play): they stop, as in Strudel,
     * where each evaluation is the whole program */
    if (ok && vm_plays(vm) == plays && strcmp(name, "<repl>") != 0) vm_blocks_stop(vm);
    say_warnings(s);
    /* live, the scheduler went on stepping while the block ran (the VM's yield
     * hook): the block takes effect from where it got to, and is logged there,
     * so a replay (which does not step meanwhile) lands it on the same cycle */
    Rat h = s->horizon;
    ses_write_log_eval(s, h, name, text, len);
    /* a `play` typed in the REPL restarts the tracks it names, even stopped ones; a
     * file saved again (its play line unchanged) does not */
    bool typed_play = vm_plays(vm) != plays && strcmp(name, "<repl>") == 0;
    /* chains are built for the tempo from the next bar on, and may listen
     * to tracks this block adds */
    TrackNames tn = {s, NULL, 0};
    if (ok) tn.n = vm_played(vm, &tn.names);
    const ChainEnv env = {vm_tempo(vm) > 0 ? vm_tempo(vm) : s->o.tempo, ses_track_by_name, &tn,
                          s->o.rate};

    /* buses first: strips send to them by name */
    if (ok) {
        nb = vm_buses(vm, &bnames, &bchains);
        if (nb > AUDIO_MAX_BUSES) {
            err_set(err, (SrcRef){0}, "too many buses (at most %d)", AUDIO_MAX_BUSES);
            ok = false;
        }
        for (int i = 0; ok && i < nb; i++) {
            if (i >= s->nbuses || s->bus_names[i] != bnames[i]) s->bus_names[i] = bnames[i];
            ok = ses_plan_chain(s, &env, bnames[i]->chars, bchains[i], &s->bus_sent[i], &buses[i],
                                err);
        }
        if (ok) {
            s->nbuses = nb > s->nbuses ? nb : s->nbuses;
            ok = ses_plan_chain(s, &env, "master", vm_master(vm), &s->bus_sent[AUDIO_MAX_BUSES],
                                &buses[AUDIO_MAX_BUSES], err);
        }
    }
    /* tracks: every played one (and the anonymous one), then those no longer played */
    ObjString **vnames, *names[MAX_TRACKS + 1];
    int np = ok ? vm_played(vm, &vnames) : 0;
    if (np > MAX_TRACKS) np = MAX_TRACKS; /* more are an error below */
    if (np) memcpy(names, vnames, (size_t)np * sizeof *names);
    bool anon_took = false;
    if (ok) np = anonymous_track(s, name, names, np, &anon_took);
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
        if (!vm_track_pattern(vm, names[i], &v) || !IS_PATTERN(v)) {
            err_set(err, (SrcRef){0}, "cannot play '%s': it is %s now, not a pattern",
                    names[i]->chars, IS_NIL(v) ? "undefined" : val_type_name(v));
            ok = false;
            break;
        }
        p->pat = AS_PATTERN(v);
        if (!(ok = ses_strip_from_mix(s, names[i], &p->strip, &p->quant, err))) break;
        p->at = ses_quantize(h, p->quant);
        bool existing = p->slot < s->ntracks;
        Track *t = existing ? &s->tracks[p->slot] : NULL;
        p->strip_change =
            !existing ? memcmp(&p->strip, &(Strip){.gain = 1, .pan = 0.5f}, sizeof p->strip) != 0
                      : memcmp(&p->strip, &t->from_mix, sizeof p->strip) != 0;
        ObjRecord *mix;
        Value fx = vm_mix(vm, names[i]->chars, &mix) ? ses_record_get(mix, "fx") : NIL_VAL;
        static const SynthDef none;
        if (!(ok = ses_plan_chain(s, &env, names[i]->chars, fx, existing ? &t->insert : &none,
                                  &p->insert, err)))
            break;
        /* the dry run: the next cycles of the new code, and of the old (of the code it
         * had when the performer stopped it) */
        bool held = existing && t->held && !typed_play;
        if (existing && t->undone && assigns(text, len, names[i]->chars))
            t->undone = NULL; /* defined again in this block: :undo's hold is over */
        ObjPattern *cur = !existing ? NULL : held ? t->held : t->pending ? t->next : t->pat;
        if (cur == p->pat ||
            (existing && t->undone == p->pat)) { /* not re-defined (or
                                                  * :undo's code): only its mix may change */
            p->hold = held;
            nplan++;
            continue;
        }
        Rat end = rat_add(p->at, rat_int(DRY_CYCLES));
        s->dry.n = 0;
        if (!(ok = ses_query_notes(s, p->slot, p->pat, p->at, end, &s->dry, err))) break;
        size_t n1 = s->dry.n;
        Err ignore = {0};
        p->audible = !cur || !ses_query_notes(s, p->slot, cur, p->at, end, &s->dry, &ignore) ||
                     !same_notes(s->dry.ev, n1, s->dry.ev + n1, s->dry.n - n1);
        p->hold = held && !p->audible; /* defined again, the same: stays stopped */
        if (!n1 && silent(s, p->pat, p->at)) ses_warn_silent(s, names[i]->chars, 8);
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
    if (IS_PATTERN(vm_result(vm)) || anon_took) { /* whose bare pattern plays on $, if any */
        free(s->anon_from);
        s->anon_from = anon_took ? NULL : strdup(name);
    }
    Rat bar = rat_ceil(h);
    char where[64];
    /* tempo: from the next bar line (unless an external clock sets it) */
    double bpm = vm_tempo(vm) > 0 ? vm_tempo(vm) : s->o.tempo;
    if (s->tempo_follows) {
        if (vm_tempo(vm) > 0 && !s->said_follows && !s->o.tempo_by_link) {
            ses_say(s, "tala: the tempo follows the MIDI clock; 'tempo %g' is not used", bpm);
            s->said_follows = true;
        }
    } else if (bpm != seg_at_cycle(s, bar)->bpm && ses_set_tempo(s, bar, bpm)) {
        ses_bar_text(bar, where, sizeof where);
        if (rat_lt(rat_int(0), h) || s->ntracks) info(s, "tempo %g -> %s", bpm, where);
    }
    ses_take_requests(s, name); /* (at the tempo from the next bar on) */
    for (int i = 0; i <= AUDIO_MAX_BUSES; i++)
        ses_send_chain(s, i == AUDIO_MAX_BUSES ? CHAIN_MASTER : i, 0, &buses[i], &s->bus_sent[i],
                       bar, session_frame_of(s, bar) > 0);
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
            ses_send_strip(s, p->slot, p->at);
        }
        ses_send_chain(s, CHAIN_INSERT, p->slot, &p->insert, &t->insert, p->at, t->pat || t->prev);
        if (p->hold) { /* stopped by the performer: stays so, with its latest definition */
            t->held = p->pat;
            continue;
        }
        t->held = NULL;
        if (p->pat && p->pat != t->undone && p->pat != (t->pending ? t->next : t->pat)) {
            t->undone = NULL; /* defined anew: :undo's choice is over */
            t->pending = true;
            t->next = p->pat;
            t->at = p->at;
            ses_bar_text(p->at, where, sizeof where);
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
        t->at = ses_quantize(h, t->quant);
        /* what still sounds fades out over a beat */
        AudioEvent e = {.frame = session_frame_of(s, t->at), .kind = AEV_FADE, .track = (int16_t)i};
        Rat beat =
            rat_sub(ses_frame_exact(s, rat_add(t->at, rat_make(1, 4))), ses_frame_exact(s, t->at));
        e.fade.frames = (int32_t)ses_round_half_up(beat);
        ses_out_push_at(s, &e, t->at);
        t->faded = true;
        ses_bar_text(t->at, where, sizeof where);
        info(s, "%s stops at %s (fading out over a beat)", t->name->chars, where);
    }
    ses_flush(s, session_frame_of(s, s->horizon));
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
