/*
 * sounds.h - the names of the sound library (engine/soundlib.c): which
 * library sounds the Dirt (Tidal/Strudel) names play, the General MIDI
 * names Strudel's soundfonts use, and how a Hydrogen kit's instruments are
 * given Dirt names. Data only: any thread may read it.
 */
#ifndef TALA_SPEC_SOUNDS_H
#define TALA_SPEC_SOUNDS_H

#include <stdbool.h>

/* A Dirt name and the library sounds its variations play, in order
 * (name:0 is the first): a Sonic Pi sample by its own name ("bd_haus"), or a
 * Hydrogen kit's instrument as "Kit/Instrument" (its layers by velocity). */
typedef struct {
    const char *name;
    const char *const *sounds; /* NULL-terminated */
    const char *doc;           /* what the sounds are, for tala sounds and docs/sound.md */
} DirtSound;

extern const DirtSound DIRT_SOUNDS[];
extern const int NDIRT_SOUNDS;

/* A General MIDI name as Strudel's soundfonts spell it, and the programs
 * (0-127) its variations play (gm_piano:1 is program 1). */
typedef struct {
    const char *name;
    unsigned char programs[4];
    int nprograms;
} GmSound;

extern const GmSound GM_SOUNDS[];
extern const int NGM_SOUNDS;

/* The GM program of a name ("gm_piano", "gm_acoustic_grand_piano",
 * "piano"), variation n wrapping around; -1 when it is none. */
int gm_program(const char *name, int n);

/* The Dirt name a Hydrogen instrument plays under in its kit's bank ("Closed
 * HH" -> "hh", "Kick Lite 1" -> "bd"), or NULL when it has none. */
const char *hydrogen_role(const char *instrument);

/* The collection a sound strudel.cc takes from the network comes from
 * ("Dirt-Samples", "VCSL"), or NULL; whether a bank is one of strudel.cc's
 * drum machines (RolandTR909, TR909, ...). */
const char *network_sound(const char *name);
bool network_bank(const char *name);

#endif
