/*
 * voiceplan.h - what a voice works out when it starts (audio/voiceplan.c),
 * for synth.c. No allocation, no I/O.
 */
#ifndef TALA_VOICEPLAN_H
#define TALA_VOICEPLAN_H

#include "synth.h"

/* A state-variable filter (lpf, hpf, bpf, notch). */
static inline bool svf_node(int ugen) {
    return ugen == UGEN_LPF || ugen == UGEN_HPF || ugen == UGEN_BPF || ugen == UGEN_NOTCH;
}

/* Fills kv with what node k of v reads where an input is not a node's
 * output (see voiceplan.c); returns which inputs are nodes', a bit each. */
unsigned voice_node_consts(const Voice *v, int k, float kv[UGEN_MAX_INPUTS + 1]);

/* VoiceMore.kv and nodein for every node of a graph of up to SYN_VOICE_NODES
 * nodes (Voice.nkv; 0 for a bigger graph, a lone sine or a voice without a
 * VoiceMore). */
void voice_consts(Voice *v);

/* Voice.envmul, envnode and envx (after voice_consts and the voice's
 * life are set). */
void voice_fuse(Voice *v);

/* An upper bound on the size of node k's samples for voice v (its def and
 * parameters set), or INFINITY where none is known. */
double voice_bound(const Voice *v, int k);

#endif
