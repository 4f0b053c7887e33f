/*
 * events.c - pattern events to notes: a queried event's value (a record of
 * controls, a sound name, a number) becomes an AudioEvent on its exact
 * frame, its synth compiled (or its sample found) and the effects it asks
 * for appended to a variant of that synth.
 *
 * Control side only: the scheduler and session_eval's dry run. The session
 * owns the compiled definitions and variants; the audio side gets its own
 * copy of each (audio_add_synth) and never sees a pattern.
 */
#include "session_impl.h"

#include "../audio/fm.h"
#include "../audio/noteffects.h"
#include "../audio/unison.h"
#include "../spec/controls.h"
#include "../stdlib/lib.h"

#include <pthread.h>

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------ events */

/* A control's record key and default, from the table (spec/controls.h). */
#define KEY(id) (control(CTL_##id)->keys[0])
#define DEF(id) (control(CTL_##id)->def)

bool ses_record_num(ObjRecord *r, const char *key, double *out) {
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

Value ses_record_get(ObjRecord *r, const char *key) {
    for (uint32_t i = 0; r && i < r->len; i++)
        if (strcmp(r->fields[i].key->chars, key) == 0) return r->fields[i].val;
    return NIL_VAL;
}

/* A control of an event as a number: a vowel's letters become its index in
 * the audio side's table (an unknown one is warned about and left out). */
static bool event_control(Session *s, ObjRecord *r, const char *key, double *out) {
    if (IS_NIL(ses_record_get(r, key))) return false; /* most controls: not in this event */
    if (!strncmp(key, "fmwave", 6) || !strncmp(key, "fmenv", 5)) {
        Value v = ses_record_get(r, key);
        if (!IS_STRING(v)) { /* a number: not "exp" (linear ramps), not a waveform (sine) */
            if (!ses_record_num(r, key, out)) return false;
            *out = key[2] == 'e';
            return true;
        }
        int k = key[2] == 'e' ? strcmp(AS_STRING(v)->chars, "exp") != 0
                              : fm_wave_index(AS_STRING(v)->chars);
        if (k < 0) {
            ses_warn_once(s, AS_STRING(v)->chars, true);
            return false;
        }
        *out = k;
        return true;
    }
    bool warp = !strcmp(key, "warpmode");
    if (!strcmp(key, "distorttype") || !strcmp(key, "tremoloshape") || warp ||
        !strcmp(key, "wtshape") || !strcmp(key, "warpshape")) {
        Value v = ses_record_get(r, key);
        if (!IS_STRING(v)) return ses_record_num(r, key, out);
        const char *name = AS_STRING(v)->chars;
        int k = key[0] == 'd' ? note_fx_distortion(name)
                : warp        ? unison_warp_mode(name)
                              : note_fx_lfo_shape(name);
        if (k < 0) { /* superdough's fallbacks: scurve, tri, none */
            ses_warn_once(s, AS_STRING(v)->chars, true);
            k = 0;
        }
        *out = k;
        return true;
    }
    if (strcmp(key, KEY(VOWEL)) != 0) return ses_record_num(r, key, out);
    Value v = ses_record_get(r, key);
    if (!IS_STRING(v) || js_numeral(v, out)) return ses_record_num(r, key, out); /* a number */
    int k = synth_vowel(AS_STRING(v)->chars);
    if (k < 0) {
        ses_warn_once(s, AS_STRING(v)->chars, true);
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
        ses_say_err(s, &e);
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
            ses_say(s, "tala: too many different synths (%d)", AUDIO_MAX_SYNTHS);
            free(d);
            k = -1;
        }
    }
    s->synth_objs[s->nobjs] = sy;
    s->synth_of_obj[s->nobjs++] = k;
    if (k < 0) {
        ses_warn_once(s, sy->name->chars, false);
        return -1;
    }
    *def = s->defs[k];
    return s->def_index[k];
}

/* The effects an event may ask for on its own sound: the DRIVES_FX rows of
 * the control table, in its order, which is Strudel's superdough's: filters,
 * the vowel, coarse, the bit crusher, the waveshaper. Each takes its control
 * (and input2, a filter's Q) as inputs; a vowel is its five formants, each a
 * node that adds the one before. A variant's mask has bit k for FX[k]. */
static const ControlDef *FX[CTL_COUNT];
static int NFX;
/* the filters with an envelope, and its settings in fenv's input order */
static const struct {
    int ugen;
    const char *keys[6];
} FILTER_ENV[3] = {
    {UGEN_LPF, {"lpattack", "lpdecay", "lpsustain", "lprelease", "lpenv", "fanchor"}},
    {UGEN_HPF, {"hpattack", "hpdecay", "hpsustain", "hprelease", "hpenv", "fanchor"}},
    {UGEN_BPF, {"bpattack", "bpdecay", "bpsustain", "bprelease", "bpenv", "fanchor"}},
};

/* The settings an effect takes as its inputs, in order, when they are more than
 * its control and input2 (superdough's effects: audio/noteffects.h) */
static const struct {
    int ugen;
    const char *keys[6];
} FX_INPUTS[] = {
    {UGEN_SHAPER, {"shape", "shapevol"}},
    {UGEN_DISTORT, {"distort", "distortvol", "distorttype"}},
    {UGEN_TREMOLO,
     {"tremolo", "tremolodepth", "tremoloskew", "tremolophase", "tremoloshape", "tremolosync"}},
    {UGEN_DYNCOMP,
     {"compressor", "compressorRatio", "compressorKnee", "compressorAttack", "compressorRelease"}},
    {UGEN_PHASER, {"phaserrate", "phaserdepth", "phasercenter", "phasersweep"}},
};

/* The FX_INPUTS keys of ugen (n of them), or NULL. */
static const char *const *fx_inputs(int ugen, int *n) {
    for (size_t i = 0; i < sizeof FX_INPUTS / sizeof FX_INPUTS[0]; i++)
        if (FX_INPUTS[i].ugen == ugen) {
            for (*n = 0; *n < 6 && FX_INPUTS[i].keys[*n]; ++*n) {
            }
            return FX_INPUTS[i].keys;
        }
    return NULL;
}

/* the parameter that brings the note's level into its graph (with_event_fx) */
#define PREGAIN "gain*velocity"

/* Effects whose sound depends on the level they are given. */
static bool nonlinear_fx(int ugen) {
    return ugen == UGEN_SHAPER || ugen == UGEN_DISTORT || ugen == UGEN_CRUSH ||
           ugen == UGEN_DYNCOMP;
}

/* Which FILTER_ENV row filter ugen has (-1: none). */
static int filter_env(int ugen) {
    for (int f = 0; f < 3; f++)
        if (FILTER_ENV[f].ugen == ugen) return f;
    return -1;
}

static void fx_init(void) {
    for (int i = 0; i < CTL_COUNT; i++)
        if (control((ControlId)i)->drives == DRIVES_FX) FX[NFX++] = control((ControlId)i);
}

/* The index of the synth parameter of that name, added when it has none
 * (the caller has checked there is room). */
static int param_slot(SynthDef *d, const char *name) {
    int p = synth_param(d, name);
    if (p < 0) {
        p = d->nparams++;
        snprintf(d->params[p], SYN_NAME, "%s", name);
    }
    return p;
}

/* Puts nd first in the graph, the other nodes after it; every read of the
 * parameter f (or, with f < 0, the sampler's speed: its node's input 0)
 * reads nd instead. */
static void prepend_pitch_node(SynthDef *d, SynNode nd, int f, int sampler) {
    for (int i = d->nnodes; i > 0; i--) d->nodes[i] = d->nodes[i - 1];
    d->nodes[0] = nd;
    d->nnodes++;
    for (int i = 1; i < d->nnodes; i++) {
        SynNode *x = &d->nodes[i];
        for (int q = 0; q < x->n; q++) {
            SynIn *in = &x->in[q];
            if (in->kind == IN_NODE)
                in->index++;
            else if (f >= 0 && in->kind == IN_PARAM && in->index == f)
                *in = (SynIn){IN_NODE, 0, 0};
        }
        if (f < 0 && i == sampler + 1) x->in[0] = (SynIn){IN_NODE, 0, 0};
    }
}

/* Vibrato: a vib node (the frequency, rate vib, depth vibmod) before the
 * graph's nodes, which read it for the freq parameter (or a sampler's
 * speed). Left as it is when the graph has no room or no pitch to move. */
/* the pitch envelope's settings, in penv's input order */
static const char *const PENV_KEYS[6] = {"pattack",  "pdecay", "psustain",
                                         "prelease", "penv",   "panchor"};

/* The frequency (or a sample's speed) through the pitch envelope. */
static void add_pitch_env(SynthDef *d) {
    int f = synth_param(d, "freq");
    int sampler = -1;
    for (int i = 0; i < d->nnodes && sampler < 0; i++)
        if (d->nodes[i].ugen == UGEN_SAMPLER) sampler = i;
    if ((f < 0 && sampler < 0) || d->nnodes + 1 > SYN_MAX_NODES || d->nparams + 6 > SYN_MAX_PARAMS)
        return;
    if (f < 0 && d->nodes[sampler].in[0].kind == IN_NODE)
        return; /* a speed computed in the graph */
    SynNode pe = {.ugen = UGEN_PENV, .n = 7};
    pe.in[0] = f >= 0 ? (SynIn){IN_PARAM, (uint8_t)f, 0} : d->nodes[sampler].in[0];
    for (int e = 0; e < 6; e++)
        pe.in[1 + e] = (SynIn){IN_PARAM, (uint8_t)param_slot(d, PENV_KEYS[e]), 0};
    prepend_pitch_node(d, pe, f, sampler);
}

static void add_vibrato(SynthDef *d) {
    int f = synth_param(d, "freq");
    int sampler = -1;
    for (int i = 0; i < d->nnodes && sampler < 0; i++)
        if (d->nodes[i].ugen == UGEN_SAMPLER) sampler = i;
    if ((f < 0 && sampler < 0) || d->nnodes + 1 > SYN_MAX_NODES || d->nparams + 2 > SYN_MAX_PARAMS)
        return;
    if (f < 0 && d->nodes[sampler].in[0].kind == IN_NODE)
        return; /* a speed computed in the graph */
    SynNode vib = {.ugen = UGEN_VIB, .n = 3};
    vib.in[0] = f >= 0 ? (SynIn){IN_PARAM, (uint8_t)f, 0} : d->nodes[sampler].in[0];
    vib.in[1] = (SynIn){IN_PARAM, (uint8_t)param_slot(d, "vib"), 0};
    vib.in[2] = (SynIn){IN_PARAM, (uint8_t)param_slot(d, "vibmod"), 0};
    prepend_pitch_node(d, vib, f, sampler);
}

/* the settings of an FM operator, in FmSig's order */
static const char *const FM_OP_KEYS[7] = {"fmh",     "fmwave",    "fmenv",    "fmattack",
                                          "fmdecay", "fmsustain", "fmrelease"};

/* the key of route from -> to: fmi (1 into the note), fmi2 ... fmi8 (n into
 * n - 1), fmiIJ */
static void fm_route_key(int from, int to, char *key, size_t size) {
    if (from == to + 1)
        snprintf(key, size, from == 1 ? "fmi" : "fmi%d", from);
    else
        snprintf(key, size, "fmi%d%d", from, to);
}

static void fm_op_key(int k, int op, char *key, size_t size) {
    snprintf(key, size, op == 1 ? "%s" : "%s%d", FM_OP_KEYS[k], op);
}

/* The route a record key names (fmi, fmi2 ... fmi8, fmiIJ), as from * 9 + to, or -1
 * (fmi0J and fmiI(I-1) are no routes superdough reads). */
static int fm_route_bit(const char *k) {
    if (strncmp(k, "fmi", 3)) return -1;
    k += 3;
    if (!k[0]) return 1 * 9 + 0;
    if (k[0] < '0' || k[0] > '8') return -1;
    int i = k[0] - '0';
    if (!k[1]) return i >= 2 ? i * 9 + i - 1 : -1;
    if (k[1] < '0' || k[1] > '8' || k[2]) return -1;
    int j = k[1] - '0';
    return i >= 1 && i != j + 1 ? i * 9 + j : -1;
}

static FmSig fm_sig(Session *s, ObjRecord *rec) {
    FmSig g = {{0, 0}, 0};
    double x;
    char key[16];
    unsigned used = 0;
    /* the routes the event gives (not 0), read off its own keys: most events have
     * none, and one look at each key says so */
    for (uint32_t f = 0; f < rec->len; f++) {
        const char *k = rec->fields[f].key->chars;
        if (k[0] != 'f' || k[1] != 'm') continue;
        int bit = fm_route_bit(k);
        if (bit < 0 || !ses_record_num(rec, k, &x) || x == 0 || !isfinite(x)) continue;
        g.routes[bit / 64] |= 1ull << (bit % 64);
        used |= 1u << (bit / 9) | 1u << (bit % 9);
    }
    for (int op = 1; used && op <= SYN_FM_OPS; op++)
        for (int k = 0; used >> op & 1 && k < 7; k++) {
            fm_op_key(k, op, key, sizeof key);
            if (event_control(s, rec, key, &x)) g.ops |= 1ull << ((op - 1) * 7 + k);
        }
    return g;
}

/* The operators of sig as an fmx node (the frequency in) before the graph's
 * nodes, which read it for the freq parameter; its settings are parameters
 * of the variant. Routes past the parameters' room are left out. */
static void add_fm(SynthDef *d, const FmSig *sig) {
    int f = synth_param(d, "freq");
    if (f < 0 || d->nnodes + 1 > SYN_MAX_NODES) return;
    char key[16];
    memset(&d->fm, 0, sizeof d->fm);
    for (int op = 1; op <= SYN_FM_OPS; op++) {
        SynFmOp *o = &d->fm.op[op];
        int8_t *slot[7] = {&o->h,       &o->wave,    &o->env,    &o->adsr[0],
                           &o->adsr[1], &o->adsr[2], &o->adsr[3]};
        for (int k = 0; k < 7; k++) {
            *slot[k] = -1;
            if (!(sig->ops >> ((op - 1) * 7 + k) & 1) || d->nparams == SYN_MAX_PARAMS) continue;
            fm_op_key(k, op, key, sizeof key);
            *slot[k] = (int8_t)param_slot(d, key);
        }
    }
    for (int bit = 9; bit < 81; bit++) {
        if (!(sig->routes[bit / 64] >> (bit % 64) & 1)) continue;
        if (d->fm.nroutes == SYN_FM_ROUTES || d->nparams == SYN_MAX_PARAMS) break;
        fm_route_key(bit / 9, bit % 9, key, sizeof key);
        d->fm.route[d->fm.nroutes++] =
            (SynFmRoute){(uint8_t)(bit / 9), (uint8_t)(bit % 9), (uint8_t)param_slot(d, key)};
    }
    SynNode fm = {.ugen = UGEN_FMX, .n = 1};
    fm.in[0] = (SynIn){IN_PARAM, (uint8_t)f, 0};
    prepend_pitch_node(d, fm, f, -1);
}

/* A synth parameter's value when the event does not give it: the default of
 * the DRIVES_PARAM control of that name (speed 1, resonance 1, ...), else 0. */
static double param_default(const char *p) {
    const ControlDef *c = control_by_key(p);
    return c && c->drives == DRIVES_PARAM ? c->def : 0;
}

/* The synth at audio index si with the effects rec asks for appended (those
 * the synth does not take as parameters itself), built once per synth and
 * set of effects. */
static int with_event_fx(Session *s, int si, const SynthDef **def, ObjRecord *rec) {
    static pthread_once_t once = PTHREAD_ONCE_INIT;
    pthread_once(&once, fx_init);
    unsigned mask = 0;
    double x;
    for (int k = 0; k < NFX; k++)
        if ((event_control(s, rec, FX[k]->keys[0], &x) ||
             (FX[k]->ugen == UGEN_TREMOLO && event_control(s, rec, "tremolosync", &x))) &&
            synth_param(*def, FX[k]->keys[0]) < 0)
            mask |= 1u << k; /* (a tremolo by the tempo is a tremolo) */
    /* a filter's envelope, any of its settings given (bit NFX + 3 + its row; fanchor
     * alone is none) */
    for (int k = 0; k < NFX; k++) {
        int f = (mask & (1u << k)) ? filter_env(FX[k]->ugen) : -1;
        bool on = false;
        for (int e = 0; f >= 0 && e < 5 && !on; e++)
            on = event_control(s, rec, FILTER_ENV[f].keys[e], &x);
        if (on) mask |= 1u << (NFX + 3 + f);
    }
    /* the pitch envelope (bit NFX): any of its settings but panchor given */
    bool penv = false;
    for (int e = 0; e < 5 && !penv; e++)
        penv = event_control(s, rec, PENV_KEYS[e], &x) && synth_param(*def, PENV_KEYS[e]) < 0;
    if (penv) mask |= 1u << NFX;
    /* vibrato (bit NFX + 1): the pitch of a synth with a freq, or a sample's speed */
    if (event_control(s, rec, "vib", &x) && x > 0 && synth_param(*def, "vib") < 0)
        mask |= 1u << (NFX + 1);
    /* frequency modulation (bit NFX + 2): a synth's frequency moved by the FM operators */
    FmSig fm = {{0, 0}, 0};
    if (synth_param(*def, "fmi") < 0 && synth_param(*def, "freq") >= 0) fm = fm_sig(s, rec);
    if (fm.routes[0] | fm.routes[1]) mask |= 1u << (NFX + 2);
    if (!mask) return si;
    for (int i = 0; i < s->nvariants; i++)
        if (s->variants[i].base == si && s->variants[i].mask == mask &&
            !memcmp(&s->variants[i].fm, &fm, sizeof fm)) {
            *def = s->variants[i].def;
            return s->variants[i].index;
        }
    SynthDef *d = malloc(sizeof *d);
    if (!d) abort();
    *d = **def;
    int last = d->nnodes - 1;
    /* superdough's gain (with velocity) comes before the effects: what drives a
     * waveshaper, distortion, crusher or compressor is the note's level, so those
     * take it in the graph (the PREGAIN parameter) instead of after it */
    bool pregain = false;
    for (int k = 0; k < NFX && !pregain; k++)
        pregain = (mask & (1u << k)) && nonlinear_fx(FX[k]->ugen);
    if (pregain && d->nnodes < SYN_MAX_NODES && d->nparams < SYN_MAX_PARAMS) {
        SynNode g = {.ugen = UGEN_MUL, .n = 2};
        g.in[0] = (SynIn){IN_NODE, (uint8_t)last, 0};
        g.in[1] = (SynIn){IN_PARAM, (uint8_t)param_slot(d, PREGAIN), 0};
        d->nodes[d->nnodes] = g;
        last = d->nnodes++;
    }
    for (int k = 0; k < NFX; k++) {
        bool vowel = FX[k]->ugen == UGEN_FORMANT;
        int nin = FX[k]->input2 ? 2 : 1;
        const char *const *inputs = fx_inputs(FX[k]->ugen, &nin);
        if (!(mask & (1u << k)) || d->nnodes + (vowel ? 5 : 1) > SYN_MAX_NODES ||
            d->nparams + nin > SYN_MAX_PARAMS)
            continue; /* a synth this large keeps its sound without the effect */
        SynNode nd = {.ugen = (uint8_t)FX[k]->ugen, .n = (uint8_t)(1 + nin)};
        nd.in[0] = (SynIn){IN_NODE, (uint8_t)last, 0};
        const char *keys[2] = {FX[k]->keys[0], FX[k]->input2};
        for (int j = 0; j < nin; j++)
            nd.in[1 + j] =
                (SynIn){IN_PARAM, (uint8_t)param_slot(d, inputs ? inputs[j] : keys[j]), 0};
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
        int f = filter_env(nd.ugen);
        if (f >= 0 && (mask & (1u << (NFX + 3 + f))) && d->nnodes + 2 <= SYN_MAX_NODES &&
            d->nparams + 6 <= SYN_MAX_PARAMS) {
            /* the cutoff through its envelope: fenv(cutoff, lpattack, ..., fanchor) */
            SynNode env = {.ugen = UGEN_FENV, .n = 7};
            env.in[0] = nd.in[1];
            for (int e = 0; e < 6; e++)
                env.in[1 + e] = (SynIn){IN_PARAM, (uint8_t)param_slot(d, FILTER_ENV[f].keys[e]), 0};
            d->nodes[d->nnodes] = env;
            nd.in[1] = (SynIn){IN_NODE, (uint8_t)d->nnodes++, 0};
        }
        d->nodes[d->nnodes] = nd;
        last = d->nnodes++;
    }
    if (mask & (1u << NFX))
        add_pitch_env(d); /* (before the vibrato: a sample's speed takes
                             one of the two) */
    if (mask & (1u << (NFX + 1))) add_vibrato(d);
    if (mask & (1u << (NFX + 2)))
        add_fm(d, &fm); /* first: the vibrato swings the modulated
                            pitch */
    int index = audio_add_synth(s->audio, d);
    if (index < 0 || s->nvariants == (int)(sizeof s->variants / sizeof s->variants[0])) {
        free(d);
        return si; /* the table is full: the sound without its effects */
    }
    s->variants[s->nvariants++] = (Variant){si, mask, index, d, fm};
    *def = d;
    return index;
}

static double midi_to_freq(double m) {
    return 440.0 * pow(2.0, (m - 69) / 12);
}

/* tala's own drums: the library's sounds of these names play before them;
 * the kit plays with bank("tala"), and where the library is not installed. */
static bool kit_drum(const ObjSynth *sy) {
    static const char *const KIT[] = {"bd",  "sn", "sd", "hh", "oh", "cp",
                                      "rim", "lt", "mt", "ht", "cb", "cy"};
    for (size_t i = 0; sy->prelude && i < sizeof KIT / sizeof *KIT; i++)
        if (!strcmp(sy->name->chars, KIT[i])) return true;
    return false;
}

/* A library sound played: its package and version go to the session log,
 * once each, so a replay elsewhere can say when its sounds differ. */
static void lib_played(Session *s, const LibSound *l) {
    static const char *const PKG[] = {"sonic-pi-samples", "hydrogen-drumkits",
                                      "fluid-soundfont-gm"};
    for (unsigned i = 0; i < 3; i++)
        if (!strcmp(l->library, PKG[i]) && !(s->lib_used & (1u << i))) {
            s->lib_used |= 1u << i;
            char v[160];
            soundlib_version(PKG[i], v, sizeof v);
            session_log(s, "library %s", v);
        }
}

bool ses_sound_known(void *session, const char *name) {
    Session *s = session;
    Value sv;
    char why[200];
    bool missing;
    return vm_instrument(s->vm, name, &sv) || samples_has(&s->bank, name) ||
           soundlib_sample(s->lib, name, 0, 1, NULL, &missing, why, sizeof why) ||
           soundlib_gm(s->lib, name, 0, 60, 1, 1, NULL, why, sizeof why);
}

/* Whether a samples({...}) call named the sound with files on the network
 * (it said so, once, for all of them). */
static bool from_network(Session *s, const char *name) {
    Value v;
    if (!vm_get_global(s->vm, "samples:network", &v) || !IS_LIST(v)) return false;
    for (uint32_t i = 0; i < AS_LIST(v)->len; i++)
        if (IS_STRING(AS_LIST(v)->items[i]) &&
            !strcmp(AS_STRING(AS_LIST(v)->items[i])->chars, name))
            return true;
    return false;
}

/* The General MIDI pitch of a note (a negative note is a frequency). */
static double gm_note(double note) {
    if (isnan(note)) return 60; /* c4 */
    return note < 0 ? 69 + 12 * log2(-note / 440) : note;
}

/* What plays the sound called name: a synth (*sy) or a sample (lib->sample).
 * In order: bank("tala") is tala's own kit; a bank is a sample folder
 * BANK_name or a Hydrogen kit; then the program's synths and tala's melodic
 * ones, sample folders, the library (Sonic Pi, Dirt names, General MIDI),
 * and last tala's kit. False when nothing plays it (said once). */
static bool find_sound(Session *s, ObjRecord *rec, const char *name, double note, double vel,
                       double gate, ObjSynth **sy, LibSound *lib) {
    double nn = 0;
    if (rec) ses_record_num(rec, KEY(N), &nn);
    int n = isfinite(nn) && fabs(nn) < 1e9 ? (int)floor(nn) : 0;
    Value bv = rec ? ses_record_get(rec, KEY(BANK)) : NIL_VAL;
    const char *bank = IS_STRING(bv) ? AS_STRING(bv)->chars : NULL;
    bool kit = bank && !strcmp(bank, "tala");
    bool load =
        !s->o.samples_listed && !s->looking_ahead; /* tala check, a look ahead: read nothing */
    char why[320] = "";
    if (bank && !kit) {
        char full[160];
        snprintf(full, sizeof full, "%s_%s", bank, name);
        if ((lib->sample = samples_find(&s->bank, full, n))) return true;
        if (samples_has(&s->bank, full)) return false; /* listed, not loaded */
        if ((lib->sample = wavetables_builtin(full))) return true;
        if (soundlib_bank_sample(s->lib, bank, name, n, vel, load ? lib : NULL, why, sizeof why)) {
            if (load) lib_played(s, lib);
            return load;
        }
        if (why[0]) {
            ses_warn_lib(s, full, why);
            return false;
        }
        ses_warn_bank(s, bank, name);
    }
    Value sv;
    bool synth = vm_instrument(s->vm, name, &sv);
    if (synth && (kit || !kit_drum(AS_SYNTH(sv)))) {
        *sy = AS_SYNTH(sv);
        return true;
    }
    if (!kit) {
        if ((lib->sample = samples_find(&s->bank, name, n))) return true;
        if (samples_has(&s->bank, name)) return false;
        if ((lib->sample = wavetables_builtin(name))) return true;
        bool missing = false;
        if (soundlib_sample(s->lib, name, n, vel, load ? lib : NULL, &missing, why, sizeof why)) {
            if (load) lib_played(s, lib);
            return load;
        }
        if (s->looking_ahead && !why[0] && soundlib_is_gm(name)) { /* (the loader renders it) */
            soundlib_gm_ahead(s->lib, name, n, gm_note(note), vel, gate);
            return false;
        }
        if (!why[0] && soundlib_is_gm(name) &&
            soundlib_gm(s->lib, name, n, gm_note(note), vel, gate, load ? lib : NULL, why,
                        sizeof why)) {
            if (load) lib_played(s, lib);
            return load;
        }
        if (why[0]) {
            ses_warn_lib(s, name, why);
            return false;
        }
        if (missing)
            ses_note_library(s, name, synth);
        else if (!synth && !from_network(s, name)) /* (that call said so) */
            ses_warn_once(s, name, false);
    } else if (!synth) {
        ses_warn_once(s, name, false);
    }
    if (synth) *sy = AS_SYNTH(sv);
    return synth;
}

/* One onset of track t -> a note on its frame. False: no sound. With key
 * set, the event is what a played key sounds like: the key's note, on the
 * key's frame, held (see ses_key_note). */
/* How long a cycle lasts, in seconds, where the event (or the played key) starts. */
static double cycle_seconds(Session *s, const Event *ev, const KeyPlay *key) {
    Rat c = key ? session_cycle_at(s, key->frame) : ev->whole.begin;
    Rat f = rat_sub(ses_frame_exact(s, rat_add(c, rat_int(1))), ses_frame_exact(s, c));
    return rat_to_double(f) / s->o.rate;
}

/* Strudel's channels (a number or a list, counted from 1) as AudioEvent.route:
 * side i goes to output (channel - 1) mod 2, as superdough's channel merger
 * wraps on a stereo device; a side with no channel, or one below 1, is left out. */
static uint8_t channel_route(Value v) {
    if (!IS_NUM(v) && !(IS_LIST(v) && AS_LIST(v)->len)) return 0;
    uint8_t route = 0;
    for (int i = 0; i < 2; i++) {
        Value c = IS_NUM(v)                  ? (i == 0 ? v : NIL_VAL)
                  : i < (int)AS_LIST(v)->len ? AS_LIST(v)->items[i]
                                             : NIL_VAL;
        if (!IS_NUM(c) || !(c.as.num >= 1) || !isfinite(c.as.num)) continue;
        route |= (uint8_t)((1 + (int)fmod(floor(c.as.num) - 1, 2)) << (2 * i));
    }
    return route ? route : 0xF0; /* (nothing to any output: a route to nowhere) */
}

/* A ZzFX note's buffer (zzfx.h): its controls, superdough's defaults for those
 * not given, or the list zzfx([...]) gives; NULL when it makes no sound, and
 * when nothing is to be played (tala check, a look ahead). */
static const Sample *zzfx_note(Session *s, int t, ObjRecord *rec, const char *name, double note,
                               double dur, int64_t frame) {
    if (s->o.samples_listed || s->looking_ahead) return NULL;
    static const char *const KEYS[ZZ_NCTL] = {"attack",    "decay",         "sustain", "release",
                                              "zrand",     "curve",         "slide",   "deltaSlide",
                                              "pitchJump", "pitchJumpTime", "znoise",  "zmod",
                                              "zcrush",    "zdelay",        "tremolo"};
    double ctl[ZZ_NCTL] = {0, 0, 0.8, 0.1, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0}, p[ZZFX_PARAMS];
    for (int i = 0; rec && i < ZZ_NCTL; i++) ses_record_num(rec, KEYS[i], &ctl[i]);
    double freq = isnan(note) ? midi_to_freq(36) : note < 0 ? -note : midi_to_freq(note);
    zzfx_params(name, freq, dur, ctl, p);
    Value list = rec ? ses_record_get(rec, "zzfx") : NIL_VAL;
    if (IS_LIST(list)) { /* ZzFX's own parameters, its defaults for those missing */
        static const double DEF[ZZFX_PARAMS] = {1, 0.05, 220, 0, 0, 0.1, 0, 1, 0, 0,
                                                0, 0,    0,   0, 0, 0,   0, 1, 0, 0};
        ObjList *l = AS_LIST(list);
        for (int i = 0; i < ZZFX_PARAMS; i++)
            p[i] = i < (int)l->len && IS_NUM(l->items[i]) ? l->items[i].as.num : DEF[i];
    }
    uint32_t seed = (uint32_t)(frame * 2654435761u) ^ (uint32_t)(t * 40503u + 1);
    return zzfx_render(&s->zz, p, s->o.rate, seed, (uint64_t)frame, audio_frame(s->audio));
}

static bool make_event(Session *s, int t, const Event *ev, AudioEvent *out, const KeyPlay *key,
                       const SynthDef **used) {
    Value v = ev->value;
    ObjRecord *rec = IS_RECORD(v) ? AS_RECORD(v) : NULL;
    Value sound = rec ? ses_record_get(rec, KEY(S)) : (IS_STRING(v) ? v : NIL_VAL);
    double note = NAN, x;
    if (rec) {
        if (ses_record_num(rec, KEY(FREQ), &x))
            note = -x; /* negative: already a frequency */
        else if (ses_record_num(rec, KEY(NOTE), &x))
            note = x;
        else if (IS_STRING(ses_record_get(rec, KEY(NOTE)))) { /* a word that is no note */
            ses_warn_note(s, AS_STRING(ses_record_get(rec, KEY(NOTE)))->chars);
            return false;
        } else if (IS_NIL(sound) && ses_record_num(rec, KEY(N), &x))
            note = x;
    } else if (IS_NUM(v)) {
        note = v.as.num;
    }
    if (key) note = key->note; /* the key played, whatever note the pattern gives */
    int64_t frame;
    double dur;
    if (key) { /* held until the key is let go */
        frame = (int64_t)key->frame;
        dur = AUDIO_KEY_HOLD_SECONDS;
    } else { /* onset frame: exact cycles to frames, plus nudge in seconds */
        Rat f = ses_frame_exact(s, ev->whole.begin);
        double nudge = 0;
        if (rec && ses_record_num(rec, KEY(NUDGE), &nudge) && nudge != 0)
            f = rat_add(f, rat_from_double(nudge * s->o.rate));
        if (!rat_ok(f)) return false;
        frame = ses_round_half_up(f);
        if (frame < 0) return false;
        dur = rat_to_double(
                  rat_sub(ses_frame_exact(s, ev->whole.end), ses_frame_exact(s, ev->whole.begin))) /
              s->o.rate;
    }
    double clip = DEF(CLIP), vel = DEF(VELOCITY);
    if (rec) ses_record_num(rec, KEY(CLIP), &clip), ses_record_num(rec, KEY(VELOCITY), &vel);
    if (key) vel *= key->velocity, clip = 1; /* the key's own strength; held, not clipped */
    ObjSynth *sy = NULL;
    LibSound lib = {.amp = 1, .speed = 1};
    bool table = false, zz = false;
    if (IS_SYNTH(sound)) {
        sy = AS_SYNTH(sound);
    } else if (IS_STRING(sound) && zzfx_sound(AS_STRING(sound)->chars)) {
        if (!(lib.sample = zzfx_note(s, t, rec, AS_STRING(sound)->chars, note, dur, frame)))
            return false;
        zz = true;
    } else if (IS_STRING(sound)) {
        if (!find_sound(s, rec, AS_STRING(sound)->chars, note, vel, dur * clip, &sy, &lib))
            return false;
        Value bv = rec ? ses_record_get(rec, KEY(BANK)) : NIL_VAL;
        /* a wavetable (superdough's tables are named wt_...): its synth plays the file */
        table = lib.sample && (!strncmp(AS_STRING(sound)->chars, "wt_", 3) ||
                               (IS_STRING(bv) && !strncmp(AS_STRING(bv)->chars, "wt_", 3)));
        Value wv;
        if (table && vm_instrument(s->vm, "wavetable", &wv)) sy = AS_SYNTH(wv);
    } else if (!isnan(note)) {
        Value sv;
        if (vm_instrument(s->vm, "triangle", &sv)) sy = AS_SYNTH(sv); /* Strudel's default */
    }
    /* n is a synth's pitch when the event gives none, as in superdough (a
     * sample's n picks which one) */
    if (sy && !table && isnan(note) && rec && ses_record_num(rec, KEY(N), &x)) note = x;
    const Sample *sample = lib.sample;
    bool gm = lib.library && !strcmp(lib.library, "fluid-soundfont-gm");
    int si;
    const SynthDef *def;
    if (zz) {
        si = s->zzfx_index;
        def = &s->zzfx;
    } else if (sample && !table) {
        si = s->sampler_index;
        def = &s->sampler;
    } else {
        if (!sy || (si = synth_index(s, sy, &def)) < 0) return false;
    }
    if (rec) si = with_event_fx(s, si, &def, rec);
    *used = def;

    /* the note's settings, each its control's default when not given */
    double gain = DEF(GAIN), pan = DEF(PAN), cut = DEF(CUT);
    double room = DEF(ROOM), roomsize = DEF(ROOMSIZE), echo = DEF(DELAY);
    double echotime = DEF(DELAYTIME), echofb = DEF(DELAYFEEDBACK), orbit = DEF(ORBIT);
    double postgain = DEF(POSTGAIN), dry = DEF(DRY), echosync = DEF(DELAYSYNC);
    bool echotimed = false;
    if (rec) {
        ses_record_num(rec, KEY(GAIN), &gain);
        ses_record_num(rec, KEY(PAN), &pan);
        ses_record_num(rec, KEY(CUT), &cut);
        ses_record_num(rec, KEY(ORBIT), &orbit);
        ses_record_num(rec, KEY(ROOM), &room);
        ses_record_num(rec, KEY(ROOMSIZE), &roomsize);
        ses_record_num(rec, KEY(DELAY), &echo);
        echotimed = ses_record_num(rec, KEY(DELAYTIME), &echotime);
        ses_record_num(rec, KEY(DELAYSYNC), &echosync);
        ses_record_num(rec, KEY(DRY), &dry);
        ses_record_num(rec, KEY(DELAYFEEDBACK), &echofb);
        ses_record_num(rec, KEY(POSTGAIN), &postgain);
    }
    memset(out, 0, sizeof *out);
    if (key) out->key = key->id, out->def = def;
    out->room = (float)control_clamp(CTL_ROOM, room);
    out->roomsize = (float)control_clamp(CTL_ROOMSIZE, roomsize);
    out->echo = (float)control_clamp(CTL_DELAY, echo);
    /* superdough's delay time, in cycles at this event's tempo (only a note with a
     * delay send sets its orbit's delay: mixplan.c) */
    if (!echotimed && out->echo > 0) echotime = echosync * cycle_seconds(s, ev, key);
    out->echotime = (float)control_clamp(CTL_DELAYTIME, echotime);
    out->echofeedback = (float)control_clamp(CTL_DELAYFEEDBACK, echofb);
    /* Strudel's orbits are numbers (1 by default); eight here, the others wrap */
    double ob = isfinite(orbit) ? fmod(floor(orbit), AUDIO_MAX_ORBITS) : 1;
    out->orbit = (uint8_t)(ob < 0 ? ob + AUDIO_MAX_ORBITS : ob);
    out->kind = AEV_NOTE;
    out->frame = (uint64_t)frame;
    out->synth = (int16_t)si;
    out->track = (int16_t)t;
    /* the voice's level, after its effects (a GM note has its velocity in it) */
    double level = gain * (gm ? 1 : vel) * lib.amp; /* into the effects, or after them */
    bool pre = synth_param(def, PREGAIN) >= 0;
    out->amp = (float)(pre ? postgain : level * postgain);
    /* dry: the direct sound's level; with no sends it is all the note's sound */
    dry = isfinite(dry) ? fmax(0, dry) : 1;
    out->drycut = out->room > 0 || out->echo > 0 ? (float)(1 - dry) : 0;
    if (!(out->room > 0 || out->echo > 0)) out->amp *= (float)dry;
    out->pan = (float)pan;
    out->route = rec ? channel_route(ses_record_get(rec, KEY(CHANNELS))) : 0;
    out->gate = (float)(dur * clip);
    out->cut = cut >= 1 && cut < 2147483647.0 ? (int32_t)cut : 0;
    out->sample = sample;
    for (int i = 0; i < def->nparams; i++) {
        const char *p = def->params[i];
        double val = 0;
        if (strcmp(p, KEY(FREQ)) == 0) /* no pitch: the synth's default, else a4 */
            val = !isnan(note)                ? (note < 0 ? -note : midi_to_freq(note))
                  : def->has_default >> i & 1 ? def->pdefault[i]
                                              : 440;
        else if (strcmp(p, "gate") == 0)
            val = dur * clip;
        else if (strcmp(p, KEY(NOTE)) == 0)
            val = isnan(note) ? 69 : note;
        else if (strcmp(p, PREGAIN) == 0)
            val = level;
        else if (!rec || !event_control(s, rec, p, &val))
            val = def->has_default >> i & 1 ? def->pdefault[i] : param_default(p);
        if (!strcmp(p, "tremolosync") || !strcmp(p, "wtsync") || !strcmp(p, "warpsync"))
            /* cycles to hertz at this event's tempo */
            val /= cycle_seconds(s, ev, key);
        if (sample && !strcmp(p, KEY(SPEED))) {
            Value unit = rec ? ses_record_get(rec, KEY(UNIT)) : NIL_VAL;
            if (IS_STRING(unit) && !strcmp(AS_STRING(unit)->chars, "c"))
                val *= sample->frames / sample->rate; /* unit "c": plays of the whole sample */
            val *= lib.speed; /* a kit layer's pitch, a GM note's fraction of a key */
        }
        out->params[i] = (float)val;
    }
    if (sample && !table && !zz && !key) { /* as superdough's: a sample's envelope holds while its
                             slice plays, unless clip, loop or release say how long */
        double given;
        bool told = rec && (ses_record_num(rec, KEY(CLIP), &given) ||
                            ses_record_num(rec, KEY(RELEASE), &given) ||
                            (ses_record_num(rec, KEY(LOOP), &given) && given > 0));
        if (!told) {
            double sp = fabs(out->params[synth_param(def, KEY(SPEED))]);
            double b = out->params[synth_param(def, KEY(BEGIN))];
            double e = out->params[synth_param(def, KEY(END))];
            if (!isfinite(sp) || sp < 1e-3) sp = 1;
            b = !isfinite(b) || b < 0 ? 0 : b > 1 ? 1 : b;
            e = !isfinite(e) || e > 1 ? 1 : e < 0 ? 0 : e;
            out->gate = (float)(fabs(e - b) * sample->frames / sample->rate / sp);
        }
    }
    return true;
}

/* A note of a stereo oscillator (audio/unison.h) that is spread or panned plays
 * as two voices, each rendering one side: with the sides (left, right) of Web
 * Audio's stereo panner at pan p (-1..1), x = p + 1 for p <= 0 and p otherwise,
 * the left gets L + R cos(x pi/2) and the right R sin(x pi/2) for p <= 0, the
 * left L cos(x pi/2) and the right R + L sin(x pi/2) above, which is the side
 * held hard to its place and the other panned to x. */
static bool stereo_split(const SynthDef *d, AudioEvent *e, AudioEvent *r) {
    int u = -1;
    for (int i = 0; d && i < d->nnodes && u < 0; i++)
        if (d->nodes[i].ugen == UGEN_UNISAW || d->nodes[i].ugen == UGEN_WAVETABLE) u = i;
    if (u < 0) return false;
    const SynNode *nd = &d->nodes[u];
    bool saw = nd->ugen == UGEN_UNISAW;
    const SynIn *vi = &nd->in[saw ? 2 : 4], *si = &nd->in[saw ? 3 : 6];
    double voices = vi->kind == IN_PARAM ? e->params[vi->index] : vi->value;
    double spread = si->kind == IN_PARAM ? e->params[si->index] : si->value;
    bool wide = (vi->kind == IN_NODE || voices > 1) && (si->kind == IN_NODE || spread > 0);
    float pan = e->pan < 0 ? 0 : e->pan > 1 ? 1 : e->pan;
    if (!wide && pan == 0.5f) return false;
    *r = *e;
    e->channel = 1, r->channel = 2;
    if (pan <= 0.5f)
        e->pan = 0, r->pan = 2 * pan;
    else
        e->pan = 2 * pan - 1, r->pan = 1;
    return true;
}

int ses_event_voices(Session *s, int t, const Event *ev, const KeyPlay *key, AudioEvent out[2]) {
    AudioEvent *e = &out[0], *r = &out[1];
    const SynthDef *def = NULL;
    if (!make_event(s, t, ev, e, key, &def)) return 0;
    if (!e->sample || !e->sample->right) return stereo_split(def, e, r) ? 2 : 1;
    *r = *e;
    float bal = e->pan < 0 ? 0 : e->pan > 1 ? 1 : e->pan;
    e->amp *= bal <= 0.5f ? 1 : 2 * (1 - bal), e->pan = 0, e->channel = 0;
    r->amp *= bal >= 0.5f ? 1 : 2 * bal, r->pan = 1, r->channel = 1;
    return 2;
}

void ses_notes_push(Notes *b, const AudioEvent *e, Rat on) {
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
bool ses_query_notes(Session *s, int t, ObjPattern *p, Rat a, Rat b, Notes *into, Err *err) {
    if (!p || !rat_lt(a, b)) return true;
    size_t mark0 = into->n;
    Query *q = vm_query(s->vm);
    Err *saved = q->err;
    q->err = err;
    EvBuf ev;
    evbuf_init(&ev, vm_heap(s->vm));
    /* a song moved by :jump plays the cycles it moved to, at the cycles it plays on */
    Rat sh = rat_lt(a, s->shift_at) ? s->shift_prev : s->shift;
    bool moved = sh.num != 0;
    bool ok = pat_events(q, p, moved ? rat_add(a, sh) : a, moved ? rat_add(b, sh) : b, true, &ev);
    q->err = saved;
    for (size_t i = 0; ok && moved && i < ev.len; i++) {
        Event *e = &ev.ev[i];
        e->whole.begin = rat_sub(e->whole.begin, sh), e->whole.end = rat_sub(e->whole.end, sh);
        e->part.begin = rat_sub(e->part.begin, sh), e->part.end = rat_sub(e->part.end, sh);
    }
    for (size_t i = 0; ok && i < ev.len; i++) {
        Value v = ev.ev[i].value;
        bool sounds = true;
        if (IS_RECORD(v) && ses_midi_event(s, t, &ev.ev[i], AS_RECORD(v), into, &sounds) && !sounds)
            continue;
        if (IS_RECORD(v)) ses_duck_events(s, t, &ev.ev[i], AS_RECORD(v), into);
        AudioEvent two[2];
        int n = ses_event_voices(s, t, &ev.ev[i], NULL, two);
        for (int k = 0; k < n; k++) ses_notes_push(into, &two[k], ev.ev[i].whole.begin);
    }
    evbuf_free(&ev);
    if (!ok) into->n = mark0;
    return ok;
}

void ses_sounds_ahead(Session *s, int t, ObjPattern *p, int64_t k) {
    Query *q = vm_query(s->vm);
    Err err = {0}, *saved = q->err;
    q->err = &err;
    EvBuf ev;
    evbuf_init(&ev, vm_heap(s->vm));
    s->looking_ahead = true;
    if (pat_events(q, p, rat_int(k), rat_int(k + 1), true, &ev))
        for (size_t i = 0; i < ev.len; i++) {
            AudioEvent two[2];
            ses_event_voices(s, t, &ev.ev[i], NULL, two); /* asks, plays nothing */
        }
    s->looking_ahead = false;
    q->err = saved;
    evbuf_free(&ev);
}
