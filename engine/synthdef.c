/*
 * synthdef.c - a synth's graph (ObjGraph, built by the language) flattened
 * into a SynthDef: nodes in dependency order, shared sub-graphs computed once,
 * parameters by name.
 */
#include "engine.h"

#include "../audio/lv2.h"
#include "../stdlib/stdlib.h"

#include <stdio.h>
#include <string.h>

typedef struct {
    bool chain; /* an effect chain: `in` is parameter 0, bus-only units allowed */
    const ObjGraph *seen[SYN_MAX_NODES];
    int index[SYN_MAX_NODES];
    int nseen;
    SynthDef *def;
    Err *err;
    const char *synth;
    const ChainEnv *env; /* chains: the tempo and the tracks */
    Vm *vm;
} Flat;

static bool fail(Flat *f, const char *fmt, const char *arg) {
    err_set(f->err, (SrcRef){0}, fmt, f->synth, arg);
    return false;
}

static int param_index(Flat *f, const char *name) {
    int i = synth_param(f->def, name);
    if (i >= 0) return i;
    if (f->def->nparams == SYN_MAX_PARAMS) return -1;
    snprintf(f->def->params[f->def->nparams], SYN_NAME, "%s", name);
    return f->def->nparams++;
}

static bool input_of(Flat *f, Value v, SynIn *out);
static bool lv2_node(Flat *f, const ObjGraph *g, SynNode *nd);

/* An LV2 plugin of a chain: the plugin found and checked (lilv, on this
 * thread), its controls' values in the def's next lv2 slot (the defaults,
 * then the record's, each kept in its range), the node's in[1] that slot. */
static bool lv2_node(Flat *f, const ObjGraph *g, SynNode *nd) {
    char name[256], why[600];
    if (!f->chain) {
        err_set(f->err, (SrcRef){0}, "synth %s: an LV2 plugin goes in an effect chain", f->synth);
        err_hint(f->err, "mix keys { fx: lv2(\"fil4#mono\", {gain3: -12}) }, a bus or the master");
        return false;
    }
    if (g->n < 2 || !stdlib_word(f->vm, g->in[1], name, sizeof name)) {
        err_set(f->err, (SrcRef){0}, "%s: lv2 needs the plugin's name or URI in quotes", f->synth);
        err_hint(f->err, "lv2(\"fil4#mono\", {gain3: -12}); tala plugins lists them");
        return false;
    }
    int k = lv2_plugin(name, f->vm && vm_safe(f->vm), why, sizeof why);
    if (k >= 0 && !lv2_try(k, f->env && f->env->rate > 0 ? f->env->rate : 48000, why, sizeof why))
        k = -1;
    if (k < 0) {
        err_set(f->err, (SrcRef){0}, "%s: %s", f->synth, why);
        return false;
    }
    if (f->def->nlv2 == SYN_MAX_LV2 || lv2_controls(k) > SYN_LV2_CONTROLS) {
        err_set(f->err, (SrcRef){0}, "%s: at most %d LV2 plugins of up to %d controls a chain",
                f->synth, SYN_MAX_LV2, SYN_LV2_CONTROLS);
        return false;
    }
    int slot = f->def->nlv2;
    SynLv2 *l = &f->def->lv2[slot];
    l->plugin = (int16_t)k;
    l->n = (int16_t)lv2_controls(k);
    const char *sym;
    float def, lo, hi;
    for (int c = 0; c < l->n; c++) {
        lv2_control_info(k, c, &sym, &def, &lo, &hi);
        l->value[c] = def;
    }
    if (g->n > 2 && IS_RECORD(g->in[2])) {
        const ObjRecord *r = AS_RECORD(g->in[2]);
        for (uint32_t i = 0; i < r->len; i++) {
            int c = lv2_control_find(k, r->fields[i].key->chars);
            if (c < 0) {
                err_set(f->err, (SrcRef){0}, "%s: the LV2 plugin %s has no control '%s'", f->synth,
                        lv2_uri(k), r->fields[i].key->chars);
                err_hint(f->err, "tala plugins '%s' lists its controls", lv2_uri(k));
                return false;
            }
            if (!IS_NUM(r->fields[i].val)) {
                err_set(f->err, (SrcRef){0}, "%s: the control '%s' must be a number, got %s",
                        f->synth, r->fields[i].key->chars, val_type_name(r->fields[i].val));
                return false;
            }
            lv2_control_info(k, c, &sym, &def, &lo, &hi);
            float v = (float)r->fields[i].val.as.num;
            l->value[c] = v != v ? def : v < lo ? lo : v > hi ? hi : v; /* (NaN: the default) */
        }
    } else if (g->n > 2 && !(IS_NUM(g->in[2]) && g->in[2].as.num == 0)) {
        err_set(f->err, (SrcRef){0}, "%s: lv2's settings are a record: {symbol: value, ...}",
                f->synth);
        return false;
    }
    nd->n = 2;
    if (!input_of(f, g->in[0], &nd->in[0])) return false;
    nd->in[1] = (SynIn){IN_CONST, 0, (float)slot};
    f->def->nlv2++;
    return true;
}

/* Appends the node for g (after its inputs); returns its index or -1. */
static int flatten(Flat *f, const ObjGraph *g) {
    for (int i = 0; i < f->nseen; i++)
        if (f->seen[i] == g) return f->index[i];
    const UgenDef *u = g->ugen;
    UgenId id = (UgenId)ugen_id(u);
    if (f->chain) {
        if ((u->kind == UG_SOURCE && id != UGEN_INPUT && id != UGEN_ADC) || id == UGEN_PAN ||
            id == UGEN_COARSE || id == UGEN_FORMANT) {
            fail(f, "%s: %s cannot be used in an effect chain", u->name);
            err_hint(f->err, "chains take filters, peak, lowshelf, highshelf, delay, reverb, "
                             "chorus, dist, crush, comp, glue, limit, width, mastereq, gain; set a "
                             "track's pan in mix; "
                             "coarse and vowel go on notes: s(\"bd\").coarse(4).vowel(\"a\")");
            return -1;
        }
    } else {
        switch (id) {
        case UGEN_DELAY:
        case UGEN_REVERB:
        case UGEN_CHORUS:
        case UGEN_COMP:
        case UGEN_LIMIT:
        case UGEN_GLUE:
        case UGEN_WIDTH:
        case UGEN_PAN:
            fail(f, "synth %s: %s works on buses and the master, not inside a synth", u->name);
            err_hint(f->err, "write bus verb = reverb(...) and send tracks to it with mix");
            return -1;
        default: break;
        }
    }
    SynNode nd = {.ugen = (uint8_t)id, .n = (uint8_t)g->n};
    if (id == UGEN_LV2) {
        if (!lv2_node(f, g, &nd)) return -1;
    } else
        for (uint32_t i = 0; i < g->n; i++) {
            char track[64];
            if (id == UGEN_COMP && i == 5 && stdlib_word(f->vm, g->in[i], track, sizeof track)) {
                /* a sidechain: the track's index + 1 (bus.c reads its level) */
                int t = f->env && f->env->track ? f->env->track(f->env->ud, track) : -1;
                if (t < 0) {
                    fail(f, "%s: comp listens to '%s', which is not a track that plays", track);
                    err_hint(f->err,
                             "side: names a track of play, e.g. comp(-20dB, 4, side: \"kick\")");
                    return -1;
                }
                nd.in[i] = (SynIn){IN_CONST, 0, (float)(t + 1)};
                continue;
            }
            if (!input_of(f, g->in[i], &nd.in[i])) return -1;
        }
    if (id == UGEN_DELAY && g->n > 4 && !(nd.in[4].kind == IN_CONST && nd.in[4].value == 0)) {
        /* synced: the time is in cycles, made seconds at the tempo the chain
         * starts under (a tempo change rebuilds it, keeping its state) */
        if (nd.in[1].kind != IN_CONST || nd.in[4].kind != IN_CONST) {
            fail(f, "%s: a synced delay's time must be a number of cycles%s", "");
            return -1;
        }
        double bpm = f->env && f->env->bpm > 0 ? f->env->bpm : 120;
        nd.in[1].value = (float)(nd.in[1].value * 240.0 / bpm);
    }
    if (f->def->nnodes == SYN_MAX_NODES) {
        fail(f, "synth %s: more than 48 unit generators%s", "");
        return -1;
    }
    int k = f->def->nnodes++;
    f->def->nodes[k] = nd;
    if (f->nseen < SYN_MAX_NODES) {
        f->seen[f->nseen] = g;
        f->index[f->nseen++] = k;
    }
    return k;
}

static bool input_of(Flat *f, Value v, SynIn *out) {
    if (IS_NUM(v)) {
        *out = (SynIn){IN_CONST, 0, (float)v.as.num};
        return true;
    }
    if (IS_GRAPH(v)) {
        const ObjGraph *g = AS_GRAPH(v);
        if (g->kind == GRAPH_PARAM) {
            int i = param_index(f, g->name->chars);
            if (i < 0) return fail(f, "synth %s: too many parameters%s", "");
            *out = (SynIn){IN_PARAM, (uint8_t)i, 0};
            return true;
        }
        if (g->kind == GRAPH_INPUT) {
            if (f->chain) {
                *out = (SynIn){IN_PARAM, 0, 0};
                return true;
            }
            return fail(f, "synth %s: '%s' has no input to process (write x.lpf(...))",
                        "an effect");
        }
        int k = flatten(f, g);
        if (k < 0) return false;
        *out = (SynIn){IN_NODE, (uint8_t)k, 0};
        return true;
    }
    return fail(f, "synth %s: an input is %s; synth inputs are numbers, parameters or sounds",
                val_type_name(v));
}

bool engine_compile_synth(Vm *vm, ObjSynth *sy, SynthDef *out, Err *err) {
    (void)vm;
    memset(out, 0, sizeof *out);
    snprintf(out->name, SYN_NAME, "%s", sy->name->chars);
    /* declared parameters first, in order, so callers can rely on them */
    for (uint32_t i = 0; i < sy->params->len && i < SYN_MAX_PARAMS; i++) {
        Value d = sy->defaults && i < sy->defaults->len ? sy->defaults->items[i] : NIL_VAL;
        if (IS_NUM(d))
            out->pdefault[out->nparams] = (float)d.as.num, out->has_default |= 1ull << out->nparams;
        snprintf(out->params[out->nparams++], SYN_NAME, "%s",
                 AS_STRING(sy->params->items[i])->chars);
    }
    Flat f = {.def = out, .err = err, .synth = sy->name->chars};
    if (IS_NUM(sy->graph)) { /* a constant: a node that passes it through */
        out->nodes[0] = (SynNode){.ugen = UGEN_GAIN,
                                  .n = 2,
                                  .in = {{IN_CONST, 0, (float)sy->graph.as.num}, {IN_CONST, 0, 1}}};
        out->nnodes = 1;
        return true;
    }
    return flatten(&f, AS_GRAPH(sy->graph)) >= 0;
}

bool engine_compile_chain(Vm *vm, const char *name, Value chain, const ChainEnv *env, SynthDef *out,
                          Err *err) {
    (void)vm;
    memset(out, 0, sizeof *out);
    snprintf(out->name, SYN_NAME, "%s", name);
    snprintf(out->params[out->nparams++], SYN_NAME, "in");
    Flat f = {.chain = true, .def = out, .err = err, .synth = name, .env = env, .vm = vm};
    if (!IS_GRAPH(chain)) {
        err_set(err, (SrcRef){0}, "%s: not an effect chain", name);
        return false;
    }
    return flatten(&f, AS_GRAPH(chain)) >= 0;
}
_Static_assert(SYNTH_MAX_PARAMS <= SYN_MAX_PARAMS, "a synth's parameters fit a SynthDef");
