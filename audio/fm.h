/*
 * fm.h - Strudel's FM operators for one note: up to eight oscillators at
 * fmh times the note's frequency (fmwave: sine, square, sawtooth, triangle
 * or a noise), each with its own envelope (fmattack ... fmrelease, fmenv
 * exp or lin) when any of its settings is given, routed into each other and
 * into the note's pitch by the index of each route: fm (operator 1 into the
 * note), fm2 (2 into 1) ... fm8, and the matrix fmIJ (I into J, 0 the
 * note), as superdough plays them: a route of index x adds x times its
 * operator's output times that operator's frequency to the target's
 * frequency. Operators run from 8 down to 1 each sample; a route into a
 * higher one (fm13, or an operator into itself) reads the previous sample.
 * Audio thread: no allocation.
 */
#ifndef TALA_AUDIO_FM_H
#define TALA_AUDIO_FM_H

#include "synth.h"

/* out[j]: the frequency f[j & mf] moved by the operators of v's synth
 * (v->def->fm), samples pos .. pos + n - 1 of the note. */
void fm_operators_block(Voice *v, const float *f, int mf, float *out, int n, uint64_t pos,
                        double rate);

/* The number fmwave's name stands for (0 sine, 1 sawtooth, 2 square, 3 triangle, 4 white,
 * 5 pink, 6 brown, 7 crackle; Strudel's names and tala's short ones), or -1. */
int fm_wave_index(const char *name);

#endif
