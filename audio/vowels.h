/*
 * vowels.h - the five formants of each vowel: centre frequency, level and Q.
 * The values are the ones Strudel uses (from WebDirt), so a note's
 * vowel("a") sounds as it does there; VOWEL_MAKEUP is its makeup gain for the
 * narrow bands. Data only: any thread.
 */
#ifndef TALA_AUDIO_VOWELS_H
#define TALA_AUDIO_VOWELS_H

typedef struct {
    float freq, gain, q;
} Formant;

#define VOWEL_MAKEUP 8.0

/* Formant n (0..4) of vowel number `vowel` (synth_vowel's numbering; out of range: 0). */
const Formant *synth_formant(float vowel, float n);

#endif
