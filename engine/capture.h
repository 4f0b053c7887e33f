/*
 * capture.h - notes played on a MIDI keyboard, as tala code (:capture).
 */
#ifndef TALA_CAPTURE_H
#define TALA_CAPTURE_H

#include "../vm/rat.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct {
    Rat cycle; /* where its note-on landed, exactly (from its frame) */
    int key;   /* MIDI key, 60 is c4 */
} Captured;

/* Writes `note("...")` for the notes with onsets in bars [from, from + bars):
 * each onset on the nearest of `grid` steps a bar (then the coarsest grid
 * that keeps every onset of that bar on its step), chords as [c4,e4], rests
 * as ~, one bar a step of <...>. False when no note lies there or the code
 * does not fit in size. */
bool capture_code(const Captured *notes, int n, int64_t from, int bars, int grid, char *out,
                  size_t size);

#endif
