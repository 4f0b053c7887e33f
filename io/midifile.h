/*
 * midifile.h - writing a Standard MIDI File (format 1, 960 ticks per
 * quarter note) with libsmf: track 1 holds the tempo map, each further
 * track one of tala's tracks. Events may be given in any order; each
 * track is written in time order, a note-off before a note-on on the same
 * tick. Single-threaded. Depends on libsmf and libc only.
 */
#ifndef TALA_MIDIFILE_H
#define TALA_MIDIFILE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define MIDIFILE_PPQN 960

typedef struct MidiFile MidiFile;

MidiFile *midifile_new(void);
/* A new track named name; its number (1, 2, ...: 0 is the tempo map). */
int midifile_track(MidiFile *f, const char *name);
/* The tempo from tick on, in beats (quarter notes) per minute. */
void midifile_tempo(MidiFile *f, int64_t tick, double bpm);
/* A channel message (1 to 3 bytes) on track at tick; system messages
 * (0xF0 and up: start, stop, clock) are left out, as a file has no place
 * for them. */
void midifile_event(MidiFile *f, int track, int64_t tick, const uint8_t *bytes, int len);
/* Writes the file, every track ending at end_tick (or at its last event if
 * later). False with why. */
bool midifile_save(MidiFile *f, const char *path, int64_t end_tick, char *why, size_t n);
void midifile_free(MidiFile *f);

#endif
