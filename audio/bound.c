/*
 * bound.c - how large a voice's samples can be, from its graph and its
 * settings, when it starts: a voice whose output cannot stop being finite
 * needs no scan for samples that are not (synth.h's Voice.finite).
 */
#include "bound.h"

#include <math.h>

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
