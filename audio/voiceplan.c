/*
 * voiceplan.c - what a voice works out once, when it starts, from its graph
 * and its settings: the values its nodes read (so a block does not resolve
 * them again), how its steady filters run, whether an envelope is computed
 * with the product that reads it, and a bound on its samples. Called by
 * synth.c's voice_start and voice_release and the mixer; no allocation, no I/O.
 */
#include "voiceplan.h"

#include <math.h>

/* The values node k reads where an input is not a node's output: a
 * constant, one of the voice's parameters (a setting the event does not give,
 * NaN: the ugen's default, but for the envelopes that read it as "not
 * given"), 0 for an input not given, an envelope's release or a peak's q;
 * and which inputs are nodes' outputs, a bit each. */
unsigned voice_node_consts(const Voice *v, int k, float kv[UGEN_MAX_INPUTS + 1]) {
    const SynNode *nd = &v->def->nodes[k];
    unsigned nodes = 0;
    for (int q = 0; q <= UGEN_MAX_INPUTS; q++) kv[q] = 0;
    if (nd->n <= 3 && (nd->ugen == UGEN_ADSR || nd->ugen == UGEN_PEAK))
        kv[3] = nd->ugen == UGEN_ADSR ? 0.3f : 1.0f; /* release; q */
    for (int q = 0; q < nd->n; q++) {
        const SynIn *x = &nd->in[q];
        if (x->kind == IN_NODE) {
            nodes |= 1u << q;
            continue;
        }
        float c = x->kind == IN_PARAM ? v->params[x->index] : x->value;
        if (isnan(c) && nd->ugen != UGEN_SENV && nd->ugen != UGEN_FENV)
            c = ugen_input_default(nd->ugen, q);
        kv[q] = c;
    }
    return nodes;
}

/* Node by node, what node_inputs reads (the parameters are the voice's for
 * its life, but for the gate a released note sets). */
void voice_consts(Voice *v) {
    v->nkv =
        v->more && !v->lone_sine && v->def->nnodes <= SYN_VOICE_NODES ? (uint8_t)v->def->nnodes : 0;
    for (int k = 0; k < v->nkv; k++)
        v->more->nodein[k] = (uint16_t)voice_node_consts(v, k, v->more->kv[k]);
}

void voice_filter_lanes(Voice *v, bool lanes) {
    const SynthDef *def = v->def;
    v->prepared = false;
    v->svfb_node = -1;
    for (int k = 0; k < def->nnodes; k++) {
        const SynNode *nd = &def->nodes[k];
        if (svf_node(nd->ugen) && nd->in[1].kind != IN_NODE && nd->in[2].kind != IN_NODE) {
            if (lanes)
                v->prepared = true;
            else if (v->more) /* (else one sample at a time) */
                v->svfb_node = (int8_t)k, v->more->svfb.mode = -1;
            return;
        }
    }
}

/* A voice whose output is a product of a signal and an envelope of steady
 * times that nothing else reads (most synths: osc * env(a, r)) computes the
 * product in one pass (node_block's UGEN_MUL, env_steady) and skips the
 * envelope's node. (Its times are in samples below 2^30, as env's steady
 * loop needs: a voice that lives longer computes both.) */
void voice_fuse(Voice *v) {
    const SynthDef *def = v->def;
    const SynNode *o = &def->nodes[v->outnode];
    v->envmul = v->envnode = -1;
    if (!v->nkv || (o->ugen != UGEN_MUL && o->ugen != UGEN_GAIN) || o->n != 2 ||
        o->in[0].kind != IN_NODE || o->in[1].kind != IN_NODE || v->end - v->start >= (1u << 30))
        return;
    for (int q = 0; q < 2; q++) {
        int e = o->in[q].index;
        const SynNode *nd = &def->nodes[e];
        if (nd->ugen != UGEN_ENV || e == o->in[1 - q].index ||
            (nd->n > 0 && nd->in[0].kind == IN_NODE) || (nd->n > 1 && nd->in[1].kind == IN_NODE))
            continue;
        int readers = 0;
        for (int k = 0; k <= v->eval; k++)
            for (int p = 0; p < def->nodes[k].n; p++)
                readers += def->nodes[k].in[p].kind == IN_NODE && def->nodes[k].in[p].index == e;
        if (readers != 1) continue;
        v->envmul = (int8_t)v->outnode, v->envnode = (int8_t)e, v->envx = (int8_t)(1 - q);
        return;
    }
}

/* A bound on the size of node k's samples for this voice, or INFINITY where
 * none is known. A sine (a polynomial of a phase that is an integer) and
 * white noise stay within 1; an envelope within 1 whatever its times; a
 * line between its steady ends; a state-variable filter with a steady
 * cutoff and a q up to 1000 is stable, its gain far below 1e20; a product
 * multiplies its factors' bounds. The voice's output under 1e30 needs no
 * scan for samples that are not finite (Voice.finite). */
static double node_bound(const Voice *v, int k, int depth) {
    const SynNode *nd = &v->def->nodes[k];
    double b[3] = {INFINITY, INFINITY, INFINITY};
    if (depth > 8) return INFINITY;
    for (int q = 0; q < nd->n && q < 3; q++) {
        const SynIn *x = &nd->in[q];
        if (x->kind == IN_NODE) {
            b[q] = node_bound(v, x->index, depth + 1);
            continue;
        }
        float c = x->kind == IN_PARAM ? v->params[x->index] : x->value;
        if (isnan(c)) c = ugen_input_default(nd->ugen, q); /* (as synth.c's node_inputs) */
        b[q] = isfinite(c) ? fabs(c) : INFINITY;
    }
    switch ((UgenId)nd->ugen) {
    case UGEN_SINE:
    case UGEN_NOISE:
    case UGEN_ENV: return 2;
    case UGEN_LINE:
        return nd->n == 3 && !(nd->in[0].kind == IN_NODE || nd->in[1].kind == IN_NODE) &&
                       b[0] < 1e30 && b[1] < 1e30
                   ? 2 * (b[0] > b[1] ? b[0] : b[1])
                   : INFINITY;
    case UGEN_MUL:
    case UGEN_GAIN: return nd->n == 2 ? b[0] * b[1] : INFINITY;
    case UGEN_LPF:
    case UGEN_HPF:
    case UGEN_BPF:
    case UGEN_NOTCH:
        return nd->n == 3 && nd->in[1].kind != IN_NODE && nd->in[2].kind != IN_NODE &&
                       b[1] < 1e30 && b[2] <= 1000
                   ? b[0] * 1e20
                   : INFINITY;
    default: return INFINITY;
    }
}

double voice_bound(const Voice *v, int k) {
    return node_bound(v, k, 0);
}
