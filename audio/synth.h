/*
 * synth.h - synth definitions as the audio side runs them, and voices.
 *
 * A SynthDef is a flat, topologically ordered list of unit-generator nodes
 * whose inputs are constants, voice parameters (freq, gate, gain, cutoff,
 * ...) or earlier nodes. It is built on the control thread (engine/) from the
 * language's graph values and never changes after; a Voice is the state of
 * one playing instance (phases, filter memories, envelope time), taken from a
 * preallocated pool. Structure (SynthDef) and state (Voice) are kept apart so
 * a later swap can keep state for the same structure.
 *
 * A voice computes its graph a block of SYN_BLOCK samples at a time, the
 * blocks counted from the voice's own first sample, so its output does not
 * depend on where in the mixer's block it starts: live, offline and replay
 * renders compute the same samples. Nothing here allocates, locks or does I/O.
 */
#ifndef TALA_SYNTH_H
#define TALA_SYNTH_H

#include "../spec/ugens.h"

#include <stdbool.h>
#include <stdint.h>

#define SYN_MAX_NODES   48
#define SYN_MAX_PARAMS  48
#define SYN_VOICE_NODES 12 /* node states a voice holds itself (Voice.st_own) */
#define SYN_WIRED_NODES 8  /* a graph this small keeps its inputs wired (VoiceMore.wired) */
#define SYN_NAME        32
#define SYN_BLOCK       64 /* a voice's graph runs this many samples at a time */
#define UNI_MAX         32 /* unison voices of an oscillator (audio/unison.h) */

typedef enum { IN_CONST, IN_PARAM, IN_NODE } SynInKind;

typedef struct {
    uint8_t kind;  /* SynInKind */
    uint8_t index; /* parameter or node index */
    float value;   /* IN_CONST */
} SynIn;

typedef struct {
    uint8_t ugen; /* UgenId */
    uint8_t n;    /* inputs used (for effects, in[0] is the processed signal) */
    SynIn in[UGEN_MAX_INPUTS + 1];
} SynNode;

/* An LV2 plugin of an effect chain: which (audio/lv2.h's number) and its
 * control inputs' values, in the plugin's order. Its node's in[1] is the
 * slot. */
#define SYN_MAX_LV2      2
#define SYN_LV2_CONTROLS 96
typedef struct {
    int16_t plugin;
    int16_t n;
    float value[SYN_LV2_CONTROLS];
} SynLv2;

/* Strudel's FM operators (fm, fm2..fm8 and the matrix fmIJ) of a note:
 * which parameters hold each operator's settings and each route's amount
 * (audio/fm.h plays them). Operator 0 is the note's own pitch. */
#define SYN_FM_OPS    8
#define SYN_FM_ROUTES 24
typedef struct {
    int8_t h, wave, env; /* parameter slots of fmh, fmwave, fmenv; -1: not given */
    int8_t adsr[4];      /* fmattack ... fmrelease; all -1: no envelope */
} SynFmOp;
typedef struct {
    uint8_t from, to; /* operator from (1..8) moves operator to's frequency (0: the note) */
    uint8_t amount;   /* the parameter slot of its index (fmi, fmi2, fmi13, ...) */
} SynFmRoute;
typedef struct {
    uint8_t nroutes;
    SynFmOp op[SYN_FM_OPS + 1]; /* [1..8] */
    SynFmRoute route[SYN_FM_ROUTES];
} SynFm;

typedef struct {
    char name[SYN_NAME];
    int nparams;
    char params[SYN_MAX_PARAMS][SYN_NAME]; /* freq, gate, cutoff, ... */
    uint64_t has_default;                  /* bit i: params[i] has pdefault[i] ... */
    float pdefault[SYN_MAX_PARAMS];        /* ... its value when an event gives none
                                              (else its control's default) */
    int nnodes;
    SynNode nodes[SYN_MAX_NODES]; /* the last one is the output */
    int nlv2;
    SynLv2 lv2[SYN_MAX_LV2];
    SynFm fm; /* the fmx node's operators */
} SynthDef;

/* Per-node state: what each unit generator remembers between samples. */
typedef struct {
    union {
        struct {
            double a, b, c, d; /* phases, filter memories, envelope levels */
        };
        struct {               /* a sine's (it needs nothing else) */
            uint32_t ph, step; /* fixed-point phase and increment per sample */
            float turn[6];     /* turns through 8, 16 and 32 samples: cos, sin */
        };
    };
    float cache[3]; /* inputs the coefficients were computed for */
    float k[5];     /* filter coefficients */
} NodeState;

/* A steady filter's matrices, eight samples at a time (audio/svfblock.h). */
typedef struct SvfBlockS {
    double hz[16];   /* seven zeros, then its first eight samples for an impulse */
    double g[2][8];  /* what the state (a, b) adds to each of eight samples */
    double f[8][4];  /* what each of eight inputs adds to the state after them ... */
    double a8[2][4]; /* ... and the state eight samples on: A^8's diagonal, the rest */
    float key[4];    /* the coefficients (NodeState.k) they are for */
    int mode;
} SvfBlock;

/* The audio input as the engine keeps it (mixer.c): the last mask + 1
 * frames of each side, frame f at f & mask; silence without an input. */
typedef struct {
    float *side[2];
    uint32_t mask;
} SynInput;

/* A loaded sound at its own rate: data is its (first) channel; right is the
 * second channel of a stereo file, or NULL. A stereo sound plays as two
 * voices, one a channel, each hard to its side. */
typedef struct {
    const float *data;
    const float *right;
    uint32_t frames;
    double rate;
} Sample;

/* What only FM and unison voices need, kept apart from Voice (its slot's own). */
typedef struct {
    double fm_phase[SYN_FM_OPS + 1]; /* the FM operators' phases (turns), last outputs, */
    float fm_out[SYN_FM_OPS + 1];    /* noise filters' memories (audio/fm.c) */
    float fm_noise[SYN_FM_OPS + 1][3];
    double uni[UNI_MAX]; /* a unison oscillator's phases (audio/unison.c) */
    /* What the voice works out when it starts (audio/voiceplan.c), kept here
     * so that a voice that needs none of it (a lone sine) touches none of it:
     * what its nodes read that is not a node's output, and which inputs are
     * (a bit each), for the first Voice.nkv nodes; */
    uint16_t nodein[SYN_VOICE_NODES];
    float kv[SYN_VOICE_NODES][UGEN_MAX_INPUTS + 1];
    /* for a graph of up to SYN_WIRED_NODES nodes, each node's inputs as
     * voice_render reads them from wired_for's node outputs (set at its first
     * block: the pointers and masks do not change; the values in kv may); */
    const void *wired_for;
    const float *wired[SYN_WIRED_NODES][UGEN_MAX_INPUTS + 1];
    int wired_m[SYN_WIRED_NODES][UGEN_MAX_INPUTS + 1];
    SvfBlock svfb; /* and its block filter's matrices (Voice.svfb_node) */
} VoiceMore;

typedef struct {
    const SynthDef *def;
    const Sample *sample; /* for sampler voices */
    bool active;
    int track;
    uint64_t start; /* frame of the first sample */
    uint64_t end;   /* first frame after the voice's life */
    /* The graph runs in whole blocks counted from the voice's own start (pos
     * is always a multiple of SYN_BLOCK), so what a voice computes does not
     * depend on where in the mixer's block it began; the part of a block not
     * yet played waits in carry: its last ncarry samples. */
    uint64_t pos; /* samples computed so far (played: pos - ncarry) */
    int ncarry;
    int eval, outnode; /* the nodes computed, and the one played (see voice_start) */
    float params[SYN_MAX_PARAMS];
    float amp, pan;   /* event gain and pan (0..1) */
    float room, echo; /* the event's sends to its orbit's reverb and delay (0: none) */
    float dry;        /* with sends: its direct sound's level */
    uint8_t orbit;
    uint8_t channel;     /* a sampler voice: which channel of its sample (1: right); a stereo
                           oscillator's: which side it renders (1 left, 2 right, 0 both) */
    uint8_t route;       /* where its sides go (AudioEvent.route; 0: as they are) */
    double djf[2][2];    /* its sides' memories in its orbit's DJ filter (audio/duck.h) */
    float gl, gr;        /* the gains to left and right they make (with level) */
    float level;         /* the synth's own closing "* constant", not computed per sample */
    float fade;          /* > 0 while being stolen or cut: remaining fade gain */
    uint64_t fade_from;  /* the frame the fade starts on */
    uint64_t release_at; /* a looping sample: the frame its note ends (0: none) */
    uint32_t rng;        /* noise state, seeded from the event */
    double gate;         /* the note's length in seconds (for adsr) */
    int32_t cut;         /* cut group, 0 for none */
    uint16_t key;        /* the played key holding it (AudioEvent.key), 0: none */
    float carry[SYN_BLOCK];
    const float *pre;      /* its next block, computed by voice_prepare for this mixer block */
    bool prepared;         /* its filters of steady settings run in lanes (voice_prepare) */
    bool lone_sine;        /* its graph is one steady sine (voice_render: no node loop) */
    bool finite;           /* its output cannot stop being finite (voiceplan.c: no scan) */
    int8_t svfb_node;      /* or: its first such filter runs eight samples at a time (-1: none;
                              its matrices in VoiceMore.svfb) */
    int8_t envmul;         /* its output node, a product of node envx's output and ... */
    int8_t envnode, envx;  /* ... an envelope of steady times, computed in one pass (-1: none) */
    uint8_t nkv;           /* its first nkv nodes' inputs are resolved in more (VoiceMore.kv) */
    const SynInput *input; /* the input() unit generator reads it (64 frames late) */
    /* Its nodes' states: st_own, or for a synth of more than SYN_VOICE_NODES nodes, the
     * SYN_MAX_NODES states the mixer keeps aside for its slot (st_more). A voice is small
     * (about 1.5 KB; what only some voices need is in VoiceMore): a thousand of them touch
     * 1.5 MB. */
    NodeState *st;
    NodeState *st_more;
    NodeState st_own[SYN_VOICE_NODES];
    VoiceMore *more; /* what FM and unison voices and voiceplan.c keep (the mixer's, per slot;
                        NULL: none of voiceplan.c's shortcuts) */
} Voice;

/* Node outputs for one block, shared by all voices (they render one after
 * another): the audio side owns one, allocated before audio starts. */
typedef struct {
    float node[SYN_MAX_NODES][SYN_BLOCK];
    float konst[SYN_MAX_NODES][UGEN_MAX_INPUTS + 1];
} SynScratch;

/* Room for voice_prepare: the node outputs of the voices it prepares, the
 * filters waiting (the mixer keeps one). */
#define SYN_BATCH_BLOCKS 1024
#define SYN_BATCH_VOICES 64
typedef struct {
    float node[SYN_BATCH_BLOCKS][SYN_BLOCK];
    Voice *voice[SYN_BATCH_VOICES];
    float (*base[SYN_BATCH_VOICES])[SYN_BLOCK];
    int cursor[SYN_BATCH_VOICES];
    struct SvfJobS {
        NodeState *s;
        const float *in;
        float *out;
        int mode;
    } jobs[SYN_BATCH_VOICES];
} SynBatch;

/* One sample of tala's band-limited sawtooth (shape 0), square (1) or
 * triangle (2) at phase ph (turns, 0..1) for a pitch of freq hertz. */
float synth_wave(int shape, float freq, double ph);

/* Builds the band-limited wavetables for a sample rate: call on the control
 * thread before a voice of a def that reads them can start (audio_add_synth
 * does, for the first such def). */
void wavetables_init(double rate);

/* Whether def's voices read the wavetables (saw, square, triangle, supersaw,
 * FM operators). */
bool synth_reads_wavetables(const SynthDef *def);

/* Prepares a voice for def with its parameters; computes its life in
 * samples from the envelopes (or gate + a short release when it has none).
 * A def of more than SYN_VOICE_NODES nodes needs v->st_more (SYN_MAX_NODES
 * states), an FM or unison one v->more (the mixer gives every slot its own). */
void voice_start(Voice *v, const SynthDef *def, const float *params, double gate, double rate,
                 uint64_t start, uint32_t seed, const Sample *sample);

/* A held key let go on frame `at`: the note's length becomes the time
 * from its start to `at` (if shorter), its envelopes release from there and
 * its life is computed anew. */
void voice_release(Voice *v, uint64_t at, double rate);

/* Sets the voice's level and equal-power pan (0 left, 0.5 centre, 1 right). */
void voice_place(Voice *v, float amp, float pan);

/* Renders n samples of the voice (mono), adding out[i] * gains. Returns
 * false once the voice has ended (its slot is free). A non-finite sample
 * silences the voice; *bad is set once. */
bool voice_render(Voice *v, SynScratch *sc, float *left, float *right, int n, double rate,
                  bool *bad);

/* A voice's filters of steady settings (cutoff and q not signals) run one
 * of two ways, chosen when it starts, for its life. Alone, the first runs
 * eight samples at a time (audio/svfblock.h), the others one sample at a
 * time. In lanes (lanes true), voice_prepare runs them side by side with
 * other voices', each lane exactly the one-sample recursion: with a dozen
 * voices or more it is the faster, with a few the slower. Either way a
 * voice's samples do not depend on how its audio is split into calls, nor
 * on which voices share its vector. voice_start chooses alone. */
void voice_filter_lanes(Voice *v, bool lanes);

/* Computes now the next graph block of each of vs[0..nv), voices that will
 * need one in the mixer's coming block, with their filters of steady
 * settings side by side, eight voices a vector; voice_render then plays that
 * block (in the same mixer block: it is kept in b). Every voice's samples are
 * the same, bit for bit, as when it computes alone. Voices beyond b's room
 * are left to compute alone. */
void voice_prepare(Voice *const *vs, int nv, SynBatch *b, double rate);

/* The parameter index of name in def, or -1. */
int synth_param(const SynthDef *def, const char *name);

/* The index of a vowel ("a", "e", "i", "o", "u", "ae", ... as Strudel names
 * them) in the formant table, or -1. */
int synth_vowel(const char *name);

#endif
