/*
 * bound.h - how large a voice's samples can be (audio/bound.c). Used by
 * synth.c when a voice starts; no allocation, no I/O.
 */
#ifndef TALA_BOUND_H
#define TALA_BOUND_H

#include "synth.h"

/* An upper bound on the size of node k's samples for voice v (its def and
 * parameters set), or INFINITY where none is known. */
double voice_bound(const Voice *v, int k);

#endif
