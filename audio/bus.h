/*
 * bus.h - effect chains on stereo signals: buses (bus verb = reverb(...)),
 * the master chain (master = comp(...).limit(...)) and track inserts
 * (mix keys { fx: ... }).
 *
 * A BusDef is compiled on the control thread from the language's graph and
 * instantiated once with all its memory (delay lines, reverb combs)
 * allocated then; bus_process runs on the audio thread and allocates
 * nothing. Effects process the left and right channels with separate state,
 * except the reverb, which takes both and spreads its output.
 */
#ifndef TALA_BUS_H
#define TALA_BUS_H

#include "synth.h"

#include <stdbool.h>

typedef struct Bus Bus;

/* A chain is a SynthDef whose parameter 0 is the input signal "in". */
Bus *bus_new(const SynthDef *chain, double rate); /* control thread; NULL if out of memory */
void bus_free(Bus *b);
/* The chain's definition. */
const SynthDef *bus_def(const Bus *b);
/* True when b can take a's place keeping its state: the same units wired the
 * same way (settings may differ). Control thread. */
bool bus_same_shape(const SynthDef *a, const SynthDef *b);
/* New settings for a running chain of the same shape; returns the old
 * definition (for the control side to free). Audio thread. */
const SynthDef *bus_set_def(Bus *b, const SynthDef *def);
/* What a compressor's sidechain listens to: per track, the level (the
 * larger of |left| and |right|) of its voices over the current block of up
 * to BUS_SIDE_BLOCK frames. */
#define BUS_SIDE_BLOCK 64
typedef const float (*BusSide)[BUS_SIDE_BLOCK];
/* True when the chain has a compressor listening to a track. */
bool bus_uses_side(const SynthDef *chain);

/* The audio input of the block about to be processed (input() in a chain):
 * a side each, as many frames as bus_process gets. Audio thread. */
void bus_set_input(Bus *b, const float *left, const float *right);

/* In place, n frames (at most BUS_SIDE_BLOCK when side is given; side may
 * be NULL). Audio thread. */
void bus_process(Bus *b, float *left, float *right, int n, BusSide side);

#endif
