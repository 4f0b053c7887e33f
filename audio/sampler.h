/*
 * sampler.h - the sampler unit generator's block (see sampler.c).
 * Audio thread: no allocation, no locks.
 */
#ifndef TALA_SAMPLER_H
#define TALA_SAMPLER_H

#include "synth.h"

/* n frames of channel (0 left, 1 right: a mono sample's only one) of smp
 * from the voice's position pos: in[0] the speed, in[1] begin, in[2] end
 * (0..1), in[3] loop (above 0: it plays from begin round loopBegin..loopEnd,
 * in[4] and in[5], each less begin, as superdough's), each read as
 * in[k][j & m[k]]; *phase is where in the sample the voice is, in frames. */
void sampler_block(const Sample *smp, int channel, double *phase, const float *const in[],
                   const int m[], float *out, int n, uint64_t pos, double inv_rate);

#endif
