/*
 * ugens.h - the table of unit generators: names, inputs, defaults, docs.
 *
 * The one list that the language (synth bodies and effect chains build
 * graph descriptions from it), the graph compiler (instantiates them), and
 * the docs read. This header is data only: audio/ includes nothing from
 * lang/ or vm/, and lang/ may read this table (arrows point towards audio).
 *
 * A unit generator is a SOURCE (makes a signal from its inputs), an EFFECT
 * (its first input is the signal it processes: in a chain x.lpf(800), x is
 * that input) or MATH (arithmetic the language emits for + - * /).
 */
#ifndef TALA_UGENS_H
#define TALA_UGENS_H

typedef enum { UG_SOURCE, UG_EFFECT, UG_MATH } UgenKind;

/* Positions in the table (ugens.c lists them in this order; a test checks). */
typedef enum {
    UGEN_SINE,
    UGEN_SAW,
    UGEN_SQUARE,
    UGEN_TRI,
    UGEN_PULSE,
    UGEN_FM,
    UGEN_SUPERSAW,
    UGEN_NOISE,
    UGEN_PINK,
    UGEN_ENV,
    UGEN_ADSR,
    UGEN_LINE,
    UGEN_LPF,
    UGEN_HPF,
    UGEN_BPF,
    UGEN_NOTCH,
    UGEN_PEAK,
    UGEN_LOWSHELF,
    UGEN_HIGHSHELF,
    UGEN_DELAY,
    UGEN_REVERB,
    UGEN_CHORUS,
    UGEN_DIST,
    UGEN_CRUSH,
    UGEN_COARSE,
    UGEN_FORMANT,
    UGEN_COMP,
    UGEN_LIMIT,
    UGEN_PAN,
    UGEN_GAIN,
    UGEN_ADD,
    UGEN_SUB,
    UGEN_MUL,
    UGEN_DIV,
    UGEN_SAMPLER,
    UGEN_COUNT
} UgenId;

#define UGEN_MAX_INPUTS 6

typedef struct UgenDef {
    const char *name;
    UgenKind kind;
    int ninputs; /* inputs after the processed signal (effects) */
    const char *inputs[UGEN_MAX_INPUTS];
    double defaults[UGEN_MAX_INPUTS]; /* used when an input is not given */
    int required;                     /* how many inputs must be given */
    const char *doc;
} UgenDef;

/* The table, in a stable order; *count set. */
const UgenDef *ugen_table(int *count);
/* The entry for a name, or NULL. */
const UgenDef *ugen_find(const char *name, unsigned len);

#endif
