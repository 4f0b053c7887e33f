/*
 * soundlib.h - the sound library: sounds from Debian's packages, found by
 * name and read the first time they play (see soundlib.c).
 *
 *   Sonic Pi's samples (sonic-pi-samples)    bd_haus, loop_amen, ... and the
 *                                            Dirt names (bd, sd, hh:3, ...)
 *   Hydrogen's drum kits (hydrogen-drumkits) a bank each, layers by velocity
 *   General MIDI (fluid-soundfont-gm)        gm_piano, ... piano, through
 *                                            FluidSynth, a note at a time
 *
 * Control thread only. A Sample handed out stays valid until soundlib_free.
 */
#ifndef TALA_SOUNDLIB_H
#define TALA_SOUNDLIB_H

#include "../audio/synth.h"

#include <stdbool.h>
#include <stdio.h>

typedef struct SoundLib SoundLib;

/* A library sound as a voice plays it: the sample, a level and a rate to
 * multiply the event's with (a Hydrogen instrument's volume and layer gain,
 * its layer's pitch; a GM note's fraction of a semitone). */
typedef struct {
    const Sample *sample;
    double amp, speed;
    const char *library; /* the package it came from (for the session log) */
} LibSound;

/* A library for sounds played at rate. The folders are Debian's, unless
 * the environment names others (TALA_SONIC_PI_SAMPLES, TALA_HYDROGEN_KITS,
 * TALA_SOUNDFONT; set to "" for none). Nothing is read yet. */
SoundLib *soundlib_new(double rate);
void soundlib_free(SoundLib *lib);

/* With out NULL, these only say whether the sound is there (nothing is
 * read: tala check). */
/* Sound n (wrapping) of a name without a bank: a Sonic Pi sample by its own
 * name, or a Dirt name. False when the library has no such sound; then
 * *missing says whether that is because its package is not installed (the
 * name is a Dirt name). why: a file that could not be read. */
bool soundlib_sample(SoundLib *lib, const char *name, int n, double velocity, LibSound *out,
                     bool *missing, char *why, size_t whylen);
/* How many variations a name without a bank has here (0: none). */
int soundlib_variations(SoundLib *lib, const char *name);
/* Sound n of a Dirt name in a Hydrogen kit's bank, its layer chosen by
 * velocity (0..1). False when there is no such bank or the kit has no
 * instrument of that name. */
bool soundlib_bank_sample(SoundLib *lib, const char *bank, const char *name, int n, double velocity,
                          LibSound *out, char *why, size_t whylen);
bool soundlib_has_bank(SoundLib *lib, const char *bank);
/* The banks there are, comma-separated, into buf. */
void soundlib_banks(SoundLib *lib, char *buf, size_t n);

/* Whether name is a General MIDI name (gm_piano, piano, ...). */
bool soundlib_is_gm(const char *name);
/* A General MIDI note: program of name (variation n), pitch note (MIDI,
 * fractions by rate), velocity 0..1, held gate seconds then released,
 * rendered by FluidSynth once per (program, key, velocity, gate) and kept.
 * False with why when there is no soundfont or it cannot be read. */
bool soundlib_gm(SoundLib *lib, const char *name, int n, double note, double velocity, double gate,
                 LibSound *out, char *why, size_t whylen);

/* Reads ahead the sounds a program's text names in its strings (Dirt and
 * Sonic Pi names with every variation, the layers of a bank's sounds, the
 * soundfont for a GM name), so that playing them reads nothing; the files
 * are read without holding the library. Returns how many were read. */
int soundlib_preload(SoundLib *lib, const char *text, size_t len);
/* How many sound files have been read. */
int soundlib_loaded(SoundLib *lib);

/* Live sessions: a thread of the library's own renders GM notes asked for
 * ahead (soundlib_gm_ahead), so that playing them renders nothing on the
 * scheduler's thread. Stopped by soundlib_free. */
bool soundlib_start_loader(SoundLib *lib);
/* Asks the loader for the note soundlib_gm would play (nothing when it is
 * rendered or asked for already, or there is no loader). */
void soundlib_gm_ahead(SoundLib *lib, const char *name, int n, double note, double velocity,
                       double gate);
/* Whether asking ahead is worth it: the loader runs and a GM sound has been
 * played or asked for. */
bool soundlib_gm_active(SoundLib *lib);
/* Waits until the loader has rendered everything asked for (tests). */
void soundlib_wait_loader(SoundLib *lib);
/* How many GM notes are rendered. */
int soundlib_gm_notes(SoundLib *lib);

/* "sonic-pi-samples 3.2.2~repack-8": the package and its installed version
 * (from dpkg's status), or the package and "(not a Debian package)". */
void soundlib_version(const char *package, char *buf, size_t n);

/* Every sound and bank the library has, for `tala sounds`: names with their
 * variations, what is missing and why. */
void soundlib_list(SoundLib *lib, FILE *out);

/* What name is in the library (a Dirt name's variations, a Sonic Pi
 * sample, a bank's sounds, a GM program); false when it is none of them. */
bool soundlib_describe(SoundLib *lib, const char *name, FILE *out);

#endif
