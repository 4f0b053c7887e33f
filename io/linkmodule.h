/*
 * linkmodule.h - the entry points of tala-link.so (io/link.cpp), the module
 * that holds Ableton Link and the C++ library under it. io/linkload.c opens
 * it when a session joins Link and gives link.h's functions through these;
 * each does what its link.h namesake says.
 */
#ifndef TALA_LINKMODULE_H
#define TALA_LINKMODULE_H

#include "link.h"

TalaLink *link_module_join(double bpm, double quantum, char *why, size_t n);
void link_module_leave(TalaLink *k);
void link_module_state(TalaLink *k, uint64_t t, LinkState *out);
void link_module_set_tempo(TalaLink *k, double bpm, uint64_t t);
void link_module_set_playing(TalaLink *k, bool playing, uint64_t t);
double link_module_quantum(const TalaLink *k);

#endif
