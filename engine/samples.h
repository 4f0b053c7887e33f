/*
 * samples.h - banks of sound files for the sampler (see samples.c).
 * Control thread only.
 */
#ifndef TALA_SAMPLES_H
#define TALA_SAMPLES_H

#include "../audio/synth.h"

#include <stddef.h>

typedef struct {
    char name[64];
    Sample *sounds;
    int n, cap;  /* cap: room in sounds (samples_add); 0 when it is exactly n */
    bool shared; /* an outgrown array whose sounds live on in a bigger one */
} SampleSet;

typedef struct SampleBank {
    SampleSet *sets;
    int n;
    SampleSet *old; /* replaced by a later folder of the same name: kept until the end */
    int nold;
} SampleBank;

/* Loads the sound files of DIR/name/ folders into bank; returns the number of files loaded, or -1
 * with why set when DIR cannot be read. */
int samples_load(SampleBank *bank, const char *dir, char *why, size_t whylen);
/* Like samples_load, without reading a sound: the sets' names only, so
 * s("name") is known but silent (tala check: no file is read for sound). */
int samples_list(SampleBank *bank, const char *dir, char *why, size_t whylen);
/* Whether a set of that name was loaded or listed. */
bool samples_has(const SampleBank *bank, const char *name);
/* Moves every set of from into into (as samples_load would have added
 * them); from is left empty. */
void samples_merge(SampleBank *into, SampleBank *from);
/* Adds a sound (its data owned by the bank from now on) as name's next
 * variation; returns its number. Sounds already handed out stay where they
 * are. */
int samples_add(SampleBank *bank, const char *name, Sample snd);
/* Sound n of name (n wraps), or NULL. */
const Sample *samples_find(const SampleBank *bank, const char *name, int n);
void samples_free(SampleBank *bank);
/* Reads one sound file (its first two channels, as planes in one block
 * out->data owns); false with why (libsndfile's reason, or ours). */
bool samples_read(const char *path, Sample *out, char *why, size_t n);

/* tala's own wavetables (wavetables.c: wt_basic, wt_harmonics, wt_pulse,
 * wt_vowel), built the first time one is asked for; NULL for another name.
 * A sound whose name (or bank) begins with wt_ plays on the wavetable synth,
 * its file's frames of 2048 samples a table, as superdough's tables do. */
const Sample *wavetables_builtin(const char *name);
bool wavetables_is_builtin(const char *name);

/* The longest sound a sample folder may hold: 10 minutes at 48 kHz. */
#define SAMPLE_MAX_FRAMES (48000L * 600)

#endif
