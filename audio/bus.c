/*
 * bus.c - stereo effect chains: filters and EQ, delay, a FreeVerb-type
 * reverb (8 damped feedback combs and 4 allpasses per channel, the right
 * channel's delays spread by 23 samples), distortion, crusher, compressor,
 * limiter. Memory is allocated in bus_new only.
 */
#include "bus.h"

#include "lv2.h"

#include "../include/tala_ext.h"

#include "kernels.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define MAX_DELAY_S 4.0
#define BUS_BLOCK   64
#define GLUE_RMS    0.01 /* seconds: glue's level detector */
#define GLUE_KNEE   6.0  /* dB */

/* the reverb's tuning, in samples at 44.1 kHz (scaled to the rate) */
static const int COMB[8] = {1116, 1188, 1277, 1356, 1422, 1491, 1557, 1617};
static const int ALLPASS[4] = {556, 441, 341, 225};
#define SPREAD 23

typedef struct {
    float *buf;
    int len, pos;
    float store; /* the comb's damping filter (at the start of its group of eight) */
    float gy[8]; /* the group's delay-line reads so far (comb_run) */
} Line;

typedef struct {
    Line comb[2][8], ap[2][4];
    int lanes;  /* samples of the combs' current group of eight already done */
    bool awake; /* it has had a sound: until then it holds still (reverb_block) */
} Reverb;

typedef struct {
    float *buf[2];
    int len, pos;
} Delay;

/* An extension's effect runs on whole blocks, one block late (as an LV2
 * plugin does): the same samples however the caller cuts its buffers. */
typedef struct ExtFifo {
    float in[2][UGEN_MAX_INPUTS + 1][BUS_BLOCK]; /* the block being gathered, a side each */
    float out[2][BUS_BLOCK];                     /* the block before, playing meanwhile */
    int fill;
} ExtFifo;

struct Bus {
    const SynthDef *def;
    double rate;
    NodeState st[2][SYN_MAX_NODES];
    float out[2][SYN_MAX_NODES][BUS_BLOCK]; /* node outputs over a block */
    Reverb *rev[SYN_MAX_NODES];
    Delay *del[SYN_MAX_NODES];
    double env[SYN_MAX_NODES];  /* compressor / limiter gain follower (shared by both sides) */
    Lv2Run *lv2[SYN_MAX_NODES]; /* LV2 plugins, instantiated with the chain */
    const float *input[2];      /* the audio input of the block (bus_set_input) */
    struct ExtFifo *fifo[SYN_MAX_NODES]; /* extensions' effects: their blocks */
};

static bool line_init(Line *l, int len) {
    l->len = len > 1 ? len : 1;
    l->pos = 0;
    l->store = 0;
    l->buf = calloc((size_t)l->len, sizeof(float));
    return l->buf != NULL;
}

Bus *bus_new(const SynthDef *chain, double rate) {
    Bus *b = calloc(1, sizeof *b);
    if (!b) return NULL;
    b->def = chain;
    b->rate = rate;
    for (int c = 0; c < 2; c++)
        for (int i = 0; i < chain->nnodes; i++)
            for (int k = 0; k < 3 && chain->nodes[i].ugen < UGEN_COUNT; k++)
                b->st[c][i].cache[k] = NAN;
    for (int i = 0; i < chain->nnodes; i++) {
        b->env[i] = 1;
        if (chain->nodes[i].ugen == UGEN_REVERB) {
            Reverb *r = calloc(1, sizeof *r);
            if (!r) goto fail;
            b->rev[i] = r;
            double k = rate / 44100.0;
            for (int c = 0; c < 2; c++) {
                for (int j = 0; j < 8; j++)
                    if (!line_init(&r->comb[c][j], (int)((COMB[j] + c * SPREAD) * k))) goto fail;
                for (int j = 0; j < 4; j++)
                    if (!line_init(&r->ap[c][j], (int)((ALLPASS[j] + c * SPREAD) * k))) goto fail;
            }
        } else if (chain->nodes[i].ugen >= UGEN_COUNT) {
            if (!(b->fifo[i] = calloc(1, sizeof(ExtFifo)))) goto fail;
        } else if (chain->nodes[i].ugen == UGEN_LV2) {
            int slot = (int)chain->nodes[i].in[1].value;
            char why[400];
            if (slot < 0 || slot >= chain->nlv2 ||
                !(b->lv2[i] =
                      lv2_run_new(chain->lv2[slot].plugin, rate, BUS_BLOCK, why, sizeof why)))
                goto fail;
        } else if (chain->nodes[i].ugen == UGEN_DELAY || chain->nodes[i].ugen == UGEN_CHORUS) {
            Delay *d = calloc(1, sizeof *d);
            if (!d) goto fail;
            b->del[i] = d;
            /* a chorus sweeps a short delay: 50 ms is room for any depth */
            double secs = chain->nodes[i].ugen == UGEN_DELAY ? MAX_DELAY_S : 0.05;
            d->len = (int)(secs * rate) + 2;
            d->buf[0] = calloc((size_t)d->len, sizeof(float));
            d->buf[1] = calloc((size_t)d->len, sizeof(float));
            if (!d->buf[0] || !d->buf[1]) goto fail;
        }
    }
    return b;
fail:
    bus_free(b);
    return NULL;
}

const SynthDef *bus_def(const Bus *b) {
    return b->def;
}

bool bus_same_shape(const SynthDef *a, const SynthDef *b) {
    if (a->nnodes != b->nnodes || a->nparams != b->nparams) return false;
    for (int i = 0; i < a->nnodes; i++) {
        const SynNode *x = &a->nodes[i], *y = &b->nodes[i];
        if (x->ugen != y->ugen || x->n != y->n) return false;
        for (int k = 0; k < x->n; k++)
            if (x->in[k].kind != y->in[k].kind ||
                (x->in[k].kind != IN_CONST && x->in[k].index != y->in[k].index))
                return false;
        if (x->ugen == UGEN_LV2) { /* the same plugin keeps its instance (and its state) */
            int sx = (int)x->in[1].value, sy = (int)y->in[1].value;
            if (sx != sy || sx < 0 || sx >= a->nlv2 || sy >= b->nlv2 ||
                a->lv2[sx].plugin != b->lv2[sy].plugin)
                return false;
        }
    }
    return true;
}

const SynthDef *bus_set_def(Bus *b, const SynthDef *def) {
    /* coefficients are cached against their inputs' values, so new
     * constants are picked up by the next block */
    const SynthDef *old = b->def;
    b->def = def;
    return old;
}

void bus_free(Bus *b) {
    if (!b) return;
    for (int i = 0; i < SYN_MAX_NODES; i++) {
        if (b->rev[i])
            for (int c = 0; c < 2; c++) {
                for (int j = 0; j < 8; j++) free(b->rev[i]->comb[c][j].buf);
                for (int j = 0; j < 4; j++) free(b->rev[i]->ap[c][j].buf);
            }
        free(b->rev[i]);
        if (b->del[i]) {
            free(b->del[i]->buf[0]);
            free(b->del[i]->buf[1]);
        }
        free(b->del[i]);
        lv2_run_free(b->lv2[i]);
        free(b->fifo[i]);
    }
    free(b);
}

static inline float input(const Bus *b, int c, const SynIn *x, float in, int i) {
    switch (x->kind) {
    case IN_PARAM: return x->index == 0 ? in : 0;
    case IN_NODE: return b->out[c][x->index][i];
    default: return x->value;
    }
}

/* Eight samples of a block side by side. */
typedef float v8f __attribute__((vector_size(32)));
typedef int v8i __attribute__((vector_size(32)));

#define LOAD8(v, p)  memcpy(&(v), (p), sizeof(v8f))
#define STORE8(p, v) memcpy((p), &(v), sizeof(v8f))

/* One comb's piece of a group of eight: k samples from lane `lanes` on, with
 * mono and acc at the piece's first sample. Its damping filter
 * st = y * d2 + st * d1 is a recursion, but only through st: over a group of
 * eight it is a running sum of u = y * d2 with the weights d1^k, taken in
 * three doubling steps (lanes shifted up by 1, 2, 4), plus the state the
 * group started from times d1^(k+1). So the chain from one group to the next
 * is one product and one sum, and the rest is vector work.
 *
 * Lane k of that sum depends only on lanes 0..k, so a group can be done in
 * pieces: the groups are counted in samples (r->lanes says how far the
 * current one is), not in calls, and a group cut by the end of a call keeps
 * its reads (gy) and its start state for the next call. Every sample is then
 * the same arithmetic however the audio is split into calls, which keeps a
 * live performance and its replay bit-identical at any buffer size. The
 * eight reads of a group come before its eight writes: a delay line is far
 * longer than eight samples, and a group that crosses the line's end is read
 * and written in two pieces. */
static ALWAYS_INLINE void comb_smooth(v8f *out, const v8f *y, float d1, float d2) {
    /* Each step adds the lanes shifted up, times a weight. The lanes below the
     * shift take a lane's own value with weight 0 (a single permute, where
     * shifting in zeros would take two instructions): they add the same
     * zero, but for a sum of -0, which comes out as +0 (the input at the
     * reverb is never -0: the mixer's sums start from +0). */
    const float p2 = d1 * d1, p4 = p2 * p2;
    const v8f w1 = {0, d1, d1, d1, d1, d1, d1, d1}, w2 = {0, 0, p2, p2, p2, p2, p2, p2},
              w4 = {0, 0, 0, 0, p4, p4, p4, p4};
    v8f u = *y * d2;
    u += w1 * __builtin_shufflevector(u, u, 0, 0, 1, 2, 3, 4, 5, 6);
    u += w2 * __builtin_shufflevector(u, u, 0, 1, 0, 1, 2, 3, 4, 5);
    u += w4 * __builtin_shufflevector(u, u, 0, 1, 2, 3, 0, 1, 2, 3);
    *out = u;
}

/* A whole group of one comb from its eight reads y: the group's writes x
 * (mono x0 plus the damped feedback) and the state the next group starts
 * from. */
static ALWAYS_INLINE void comb_eight(const v8f *y, const v8f *x0, float *st, const v8f *vpw,
                                     float feedback, float d1, float d2, v8f *x) {
    v8f sv;
    comb_smooth(&sv, y, d1, d2);
    sv += *vpw * *st;
    *x = *x0 + sv * feedback;
    *st = sv[7];
}

static ALWAYS_INLINE void comb_piece(Line *l, int lanes, int k, const float *mono, float *acc,
                                     float feedback, float d1, float d2, const v8f *vpw) {
    float *buf = l->buf;
    int pos = l->pos;
    v8f y;
    if (lanes == 0) { /* a group's first piece reads all eight of its places */
        if (pos + 8 <= l->len) {
            LOAD8(y, buf + pos); /* the usual case: not across the line's end */
        } else {
            for (int q = 0, p = pos; q < 8; q++, p = p + 1 == l->len ? 0 : p + 1) l->gy[q] = buf[p];
            LOAD8(y, l->gy);
        }
        /* cut by the end of the call: the rest of the group, next call, finds
         * its reads here (its places are not written before it comes) */
        if (k < 8) STORE8(l->gy, y);
    } else {
        LOAD8(y, l->gy);
    }
    v8f sv;
    comb_smooth(&sv, &y, d1, d2);
    sv += *vpw * l->store;
    if (pos + k <= l->len) { /* not across the line's end */
        float svs[8], ys[8];
        STORE8(svs, sv);
        STORE8(ys, y);
        for (int q = 0; q < k; q++) {
            buf[pos + q] = mono[q] + svs[lanes + q] * feedback;
            acc[q] += ys[lanes + q];
        }
        pos = pos + k == l->len ? 0 : pos + k;
    } else {
        for (int q = lanes, i = 0; q < lanes + k; q++, i++) {
            buf[pos] = mono[i] + sv[q] * feedback;
            acc[i] += y[q];
            pos = pos + 1 == l->len ? 0 : pos + 1;
        }
    }
    l->pos = pos;
    if (lanes + k == 8) l->store = sv[7]; /* the next group starts from here */
}

/* A side's eight combs over n samples, group by group: within a group every
 * comb in turn. Each comb's chain (its state, group to group) is short but
 * serial; taken one comb after another, each would wait on its own, while
 * here the eight overlap. acc gets the combs' reads in the same order (comb
 * 0 first) either way, so the sum is the same. */
static ALWAYS_INLINE void combs_run(Line *comb, int lanes, const float *mono, float *acc, int n,
                                    float feedback, float d1, float d2, const float pw[8]) {
    v8f vpw;
    memcpy(&vpw, pw, sizeof vpw);
    for (int i = 0; i < n;) {
        int k = 8 - lanes < n - i ? 8 - lanes : n - i; /* samples of this group in this call */
        int near = n - i; /* whole groups before the nearest line's end: no wrap test in them */
        for (int j = 0; j < 8; j++)
            near = comb[j].len - comb[j].pos < near ? comb[j].len - comb[j].pos : near;
        if (lanes == 0 && near >= 8) {
            int groups = near / 8;
            float *p[8], st[8];
            for (int j = 0; j < 8; j++) p[j] = comb[j].buf + comb[j].pos, st[j] = comb[j].store;
            for (int g = 0; g < groups; g++, i += 8) {
                v8f a, x0;
                LOAD8(a, acc + i);
                LOAD8(x0, mono + i);
                for (int j = 0; j < 8; j++) {
                    v8f y, x;
                    LOAD8(y, p[j] + 8 * g);
                    comb_eight(&y, &x0, &st[j], &vpw, feedback, d1, d2, &x);
                    STORE8(p[j] + 8 * g, x);
                    a += y;
                }
                STORE8(acc + i, a);
            }
            for (int j = 0; j < 8; j++) {
                Line *l = &comb[j];
                l->store = st[j];
                l->pos += 8 * groups;
                if (l->pos == l->len) l->pos = 0;
            }
            continue; /* (lanes stays 0) */
        }
        if (lanes == 0 && k == 8) { /* a whole group with a line's end in it */
            v8f a, x0;
            LOAD8(a, acc + i);
            LOAD8(x0, mono + i);
            for (int j = 0; j < 8; j++) {
                Line *l = &comb[j];
                v8f y, x;
                if (l->pos + 8 <= l->len) {
                    LOAD8(y, l->buf + l->pos);
                    comb_eight(&y, &x0, &l->store, &vpw, feedback, d1, d2, &x);
                    STORE8(l->buf + l->pos, x);
                    l->pos = l->pos + 8 == l->len ? 0 : l->pos + 8;
                } else { /* across the line's end: its reads, then its writes */
                    float g[8];
                    for (int q = 0, p = l->pos; q < 8; q++, p = p + 1 == l->len ? 0 : p + 1)
                        g[q] = l->buf[p];
                    LOAD8(y, g);
                    comb_eight(&y, &x0, &l->store, &vpw, feedback, d1, d2, &x);
                    STORE8(g, x);
                    for (int q = 0; q < 8; q++, l->pos = l->pos + 1 == l->len ? 0 : l->pos + 1)
                        l->buf[l->pos] = g[q];
                }
                a += y;
            }
            STORE8(acc + i, a);
        } else {
            for (int j = 0; j < 8; j++)
                comb_piece(&comb[j], lanes, k, mono + i, acc + i, feedback, d1, d2, &vpw);
        }
        i += k;
        lanes = (lanes + k) % 8;
    }
}

/* The same comb one sample at a time, for settings that move: the plain
 * recursion. (A reverb's settings move or not for its whole life: a chain
 * kept across a swap has the same input kinds, bus_same_shape; so no group
 * of comb_run is ever left part-done here.) */
static void comb_step(Line *l, float mono, float *acc, float feedback, float d1, float d2) {
    float st = l->store;
    float y = l->buf[l->pos];
    st = y * d2 + st * d1;
    l->buf[l->pos] = mono + st * feedback;
    *acc += y;
    l->store = st;
    if (++l->pos == l->len) l->pos = 0;
}

/* One allpass over n samples, in place, eight at a time within each run up
 * to the line's end: each place is read, then written, and not read again
 * before the line comes round, so this is the sample-by-sample allpass. */
static ALWAYS_INLINE void allpass_run(Line *l, float *acc, int n) {
    float *buf = l->buf;
    int pos = l->pos, i = 0;
    while (i < n) {
        int run = l->len - pos < n - i ? l->len - pos : n - i;
        int end = i + run;
        for (int k = 0, eights = run / 8; k < eights; k++, i += 8, pos += 8) {
            v8f y, x;
            LOAD8(y, buf + pos);
            LOAD8(x, acc + i);
            v8f w = x + y * 0.5f, o = y - x;
            STORE8(buf + pos, w);
            STORE8(acc + i, o);
        }
        for (; i < end; i++, pos++) {
            float y = buf[pos], x = acc[i];
            buf[pos] = x + y * 0.5f;
            acc[i] = y - x;
        }
        if (pos == l->len) pos = 0;
    }
    l->pos = pos;
}

/* The reverb over n samples: the sum of both sides (scaled by FreeVerb's
 * 0.015) feeds eight damped feedback combs, summed, then four allpasses in
 * series, per side. Settings that move come one sample at a time (n = 1,
 * moving): the combs' plain recursion. */
DSP_CLONES static void reverb_block(Reverb *r, const float *inl, const float *inr, float *outl,
                                    float *outr, int n, float room, float damp, float mix,
                                    bool moving) {
    float feedback = 0.7f + 0.28f * room, d1 = 0.4f * damp, d2 = 1 - d1;
    float mono[BUS_BLOCK], acc[BUS_BLOCK], pw[8]; /* pw: d1^1 .. d1^8 */
    if (n > BUS_BLOCK) n = BUS_BLOCK; /* never: bus_process runs blocks of at most this */
    for (int i = 0; i < n; i++) mono[i] = (inl[i] + inr[i]) * 0.015f;
    if (!r->awake) {
        /* Until its first sound the reverb holds still (its lines are all
         * zero, so moving through them changes nothing): its groups of eight
         * then count from that sound's frame, not from whenever the chain
         * arrived, which depends on how the audio was split into calls. */
        int first = 0;
        while (first < n && mono[first] == 0) first++;
        for (int i = 0; i < first; i++)
            outl[i] = inl[i] * (1 - mix) + 3 * 0.0f * mix,
            outr[i] = inr[i] * (1 - mix) + 3 * 0.0f * mix;
        if (first == n) return;
        r->awake = true;
        if (first > 0) {
            reverb_block(r, inl + first, inr + first, outl + first, outr + first, n - first, room,
                         damp, mix, moving);
            return;
        }
    }
    float w = 1;
    for (int k = 0; k < 8; k++) w *= d1, pw[k] = w;
    for (int c = 0; c < 2; c++) {
        memset(acc, 0, sizeof(float) * (size_t)n);
        if (moving)
            for (int j = 0; j < 8; j++)
                comb_step(&r->comb[c][j], mono[0], &acc[0], feedback, d1, d2);
        else
            combs_run(r->comb[c], r->lanes, mono, acc, n, feedback, d1, d2, pw);
        for (int j = 0; j < 4; j++) allpass_run(&r->ap[c][j], acc, n);
        const float *x = c ? inr : inl;
        float *o = c ? outr : outl;
        /* FreeVerb scales its wet signal by 3 */
        for (int i = 0; i < n; i++) o[i] = x[i] * (1 - mix) + 3 * acc[i] * mix;
    }
    r->lanes = moving ? 0 : (r->lanes + n) % 8;
}

static bool steady(const SynNode *nd) {
    for (int q = 1; q < nd->n; q++)
        if (nd->in[q].kind == IN_NODE || nd->in[q].kind == IN_PARAM) return false;
    return true;
}

bool bus_uses_side(const SynthDef *chain) {
    for (int k = 0; k < chain->nnodes; k++) {
        const SynNode *nd = &chain->nodes[k];
        if (nd->ugen == UGEN_COMP && nd->n > 5 && nd->in[5].kind == IN_CONST &&
            nd->in[5].value >= 1)
            return true;
    }
    return false;
}

DSP_CLONES static void process_block(Bus *b, float *left, float *right, int n, BusSide side) {
    const SynthDef *def = b->def;
    double rate = b->rate;
    /* node by node over the block (the chain is ordered: inputs come first) */
    for (int k = 0; k < def->nnodes; k++) {
        const SynNode *nd = &def->nodes[k];
        const SynIn *x0in = &nd->in[0];
        if (nd->ugen == UGEN_REVERB && nd->n >= 4 && steady(nd) &&
            (x0in->kind == IN_NODE || (x0in->kind == IN_PARAM && x0in->index == 0))) {
            const SynIn *x = &nd->in[0];
            const float *il = x->kind == IN_NODE ? b->out[0][x->index] : left;
            const float *ir = x->kind == IN_NODE ? b->out[1][x->index] : right;
            reverb_block(b->rev[k], il, ir, b->out[0][k], b->out[1][k], n, nd->in[1].value,
                         nd->in[2].value, nd->in[3].value, false);
            continue;
        }
        if (nd->ugen >= UGEN_COUNT) { /* an extension's effect: whole blocks, one late */
            const UgenDef *u = ugen_by_id(nd->ugen);
            const tala_ugen *e = u ? u->ext : NULL;
            ExtFifo *q = b->fifo[k];
            for (int i = 0; i < n; i++) {
                if (q && e && q->fill == BUS_BLOCK) { /* the gathered block, a side at a time */
                    for (int c = 0; c < 2; c++) {
                        const float *ins[UGEN_MAX_INPUTS + 1];
                        for (int m = 0; m <= UGEN_MAX_INPUTS; m++) ins[m] = q->in[c][m];
                        e->process(&b->st[c][k], ins, q->out[c], BUS_BLOCK, rate);
                    }
                    q->fill = 0;
                }
                for (int c = 0; c < 2; c++) {
                    float x = input(b, c, &nd->in[0], (c ? right : left)[i], i);
                    if (!q || !e) {
                        b->out[c][k][i] = x;
                        continue;
                    }
                    q->in[c][0][q->fill] = x;
                    for (int m = 1; m < nd->n && m <= UGEN_MAX_INPUTS; m++)
                        q->in[c][m][q->fill] = input(b, c, &nd->in[m], (c ? right : left)[i], i);
                    b->out[c][k][i] = q->out[c][q->fill];
                }
                if (q && e) q->fill++;
            }
            continue;
        }
        if (nd->ugen == UGEN_LV2 && b->lv2[k]) { /* a plugin: the whole block at once */
            for (int c = 0; c < 2; c++) {
                const float *x = x0in->kind == IN_NODE ? b->out[c][x0in->index] : c ? right : left;
                memcpy(b->out[c][k], x, sizeof(float) * (size_t)n);
            }
            int slot = (int)nd->in[1].value;
            lv2_run(b->lv2[k], def->lv2[slot].value, b->out[0][k], b->out[1][k], n);
            continue;
        }
        if (nd->ugen == UGEN_GAIN && nd->n == 2 && nd->in[1].kind == IN_CONST &&
            (x0in->kind == IN_NODE || (x0in->kind == IN_PARAM && x0in->index == 0))) {
            /* a steady level: a loop that vectorizes */
            float g = nd->in[1].value;
            for (int c = 0; c < 2; c++) {
                const float *x = x0in->kind == IN_NODE ? b->out[c][x0in->index] : c ? right : left;
                for (int i = 0; i < n; i++) b->out[c][k][i] = x[i] * g;
            }
            continue;
        }
        for (int i = 0; i < n; i++) {
            float in[2] = {left[i], right[i]};
            float x0[2], x1 = 0, x2 = 0, x3 = 0;
            for (int c = 0; c < 2; c++) x0[c] = nd->n > 0 ? input(b, c, &nd->in[0], in[c], i) : 0;
            if (nd->n > 1) x1 = input(b, 0, &nd->in[1], in[0], i);
            if (nd->n > 2) x2 = input(b, 0, &nd->in[2], in[0], i);
            if (nd->n > 3) x3 = input(b, 0, &nd->in[3], in[0], i);
            switch ((UgenId)nd->ugen) {
            case UGEN_DELAY: { /* time s, feedback, mix */
                Delay *d = b->del[k];
                int dt = (int)(x1 * rate);
                if (dt < 1) dt = 1;
                if (dt > d->len - 1) dt = d->len - 1;
                for (int c = 0; c < 2; c++) {
                    int rd = d->pos - dt;
                    if (rd < 0) rd += d->len;
                    float wet = d->buf[c][rd];
                    d->buf[c][d->pos] = x0[c] + wet * (x2 < 0.99f ? x2 : 0.99f);
                    b->out[c][k][i] = x0[c] * (1 - x3) + wet * x3;
                }
                if (++d->pos == d->len) d->pos = 0;
                break;
            }
            case UGEN_REVERB: /* settings that move: the same reverb, one sample at a time */
                reverb_block(b->rev[k], &x0[0], &x0[1], &b->out[0][k][i], &b->out[1][k][i], 1, x1,
                             x2, x3, true);
                break;
            case UGEN_COMP:
            case UGEN_LIMIT: {
                /* a feed-forward peak compressor; the limiter is one with an
                 * instant attack and infinite ratio at its ceiling */
                double thr = nd->ugen == UGEN_LIMIT ? x1 : x1;
                double ratio = nd->ugen == UGEN_LIMIT ? 1e9 : (x2 > 1 ? x2 : 1);
                double att = nd->ugen == UGEN_LIMIT ? 0 : x3;
                double rel = nd->ugen == UGEN_LIMIT
                                 ? 0.05
                                 : (nd->n > 4 ? input(b, 0, &nd->in[4], in[0], i) : 0.1);
                /* side: the input holds the track's index + 1 (engine/synthdef.c) */
                int from = nd->ugen == UGEN_COMP && nd->n > 5 && nd->in[5].kind == IN_CONST
                               ? (int)nd->in[5].value
                               : 0;
                double peak =
                    from >= 1 && side ? side[from - 1][i] : fmax(fabs(x0[0]), fabs(x0[1]));
                double want = 1;
                if (thr > 0 && peak > thr) want = pow(peak / thr, 1 / ratio - 1);
                double coef = want < b->env[k] ? (att > 0 ? exp(-1 / (att * rate)) : 0)
                                               : exp(-1 / (rel * rate));
                b->env[k] = want + (b->env[k] - want) * coef;
                double g = b->env[k];
                if (nd->ugen == UGEN_LIMIT && peak * g > thr && peak > 0) g = thr / peak;
                for (int c = 0; c < 2; c++) b->out[c][k][i] = (float)(x0[c] * g);
                break;
            }
            case UGEN_INPUT:
            case UGEN_ADC: { /* the channel: 0 left, 1 right, else each side its own */
                int ch = (int)x0[0];
                for (int c = 0; c < 2; c++) {
                    const float *src = b->input[ch == 0 ? 0 : ch == 1 ? 1 : c];
                    b->out[c][k][i] = src ? src[i] : 0;
                }
                break;
            }
            case UGEN_WIDTH: { /* mid and side: the side times amount */
                float w = x1 < 0 ? 0 : x1 > 4 ? 4 : x1;
                float mid = 0.5f * (x0[0] + x0[1]), sd = 0.5f * (x0[0] - x0[1]) * w;
                b->out[0][k][i] = mid + sd;
                b->out[1][k][i] = mid - sd;
                break;
            }
            case UGEN_GLUE: {                 /* threshold, ratio, attack, release, makeup */
                NodeState *gs = &b->st[0][k]; /* a: mean square, b: gain reduction in dB */
                double rel = input(b, 0, &nd->in[4], in[0], i);
                double makeup = input(b, 0, &nd->in[5], in[0], i);
                double ms = 0.5 * ((double)x0[0] * x0[0] + (double)x0[1] * x0[1]);
                gs->a += (ms - gs->a) * (1 - exp(-1 / (GLUE_RMS * rate)));
                double over = 10 * log10(gs->a + 1e-30) - 20 * log10(x1 > 1e-9 ? x1 : 1e-9);
                double slope = 1 - 1 / (x2 > 1 ? x2 : 1), want = 0;
                if (over >= GLUE_KNEE / 2)
                    want = over * slope;
                else if (over > -GLUE_KNEE / 2)
                    want =
                        slope * (over + GLUE_KNEE / 2) * (over + GLUE_KNEE / 2) / (2 * GLUE_KNEE);
                double t = want > gs->b ? x3 : rel;
                gs->b += (want - gs->b) * (t > 0 ? 1 - exp(-1 / (t * rate)) : 1);
                float g = (float)(pow(10, -gs->b / 20) * makeup);
                b->out[0][k][i] = x0[0] * g;
                b->out[1][k][i] = x0[1] * g;
                break;
            }
            case UGEN_CHORUS: { /* rate Hz, depth 0..1, mix */
                /* each side reads a delay swept between 10 and 25 ms by a
                 * sine, the right a quarter turn after the left */
                Delay *d = b->del[k];
                NodeState *lfo = &b->st[0][k];
                double depth = x2 < 0 ? 0 : x2 > 1 ? 1 : x2;
                for (int c = 0; c < 2; c++) {
                    d->buf[c][d->pos] = x0[c];
                    double sweep = 0.5 + 0.5 * sin(2 * M_PI * (lfo->a + 0.25 * c));
                    double rp = d->pos - (0.010 + 0.015 * depth * sweep) * rate;
                    if (rp < 0) rp += d->len;
                    int r0 = (int)rp, r1 = r0 + 1 < d->len ? r0 + 1 : 0;
                    float f = (float)(rp - r0);
                    float wet = d->buf[c][r0] + (d->buf[c][r1] - d->buf[c][r0]) * f;
                    b->out[c][k][i] = x0[c] * (1 - x3) + wet * x3;
                }
                if (++d->pos == d->len) d->pos = 0;
                lfo->a += (x1 > 0 ? x1 : 0) / rate;
                lfo->a -= floor(lfo->a);
                break;
            }
            default:
                if (kernel_shared((UgenId)nd->ugen)) { /* kernels.h: as a voice computes it */
                    bool math = nd->ugen >= UGEN_ADD && nd->ugen <= UGEN_DIV;
                    /* the peak band's q when not given; arithmetic's other operand per side */
                    float q = nd->ugen == UGEN_PEAK && nd->n <= 3 ? 1.0f : x3;
                    for (int c = 0; c < 2; c++) {
                        float y = math && c ? input(b, 1, &nd->in[1], in[1], i) : x1;
                        b->out[c][k][i] =
                            kernel_sample((UgenId)nd->ugen, &b->st[c][k], x0[c], y, x2, q, rate);
                    }
                    break;
                }
                /* not allowed on buses (engine/ rejects): pass through */
                for (int c = 0; c < 2; c++) b->out[c][k][i] = x0[c];
            }
        }
    }
    int last = def->nnodes - 1;
    if (last < 0) return;
    for (int i = 0; i < n; i++) {
        float l = b->out[0][last][i], r = b->out[1][last][i];
        left[i] = isfinite(l) ? l : 0;
        right[i] = isfinite(r) ? r : 0;
    }
}

void bus_set_input(Bus *b, const float *left, const float *right) {
    b->input[0] = left;
    b->input[1] = right;
}

void bus_process(Bus *b, float *left, float *right, int n, BusSide side) {
    const float *in[2] = {b->input[0], b->input[1]};
    for (int done = 0; done < n; done += BUS_BLOCK) {
        int len = n - done < BUS_BLOCK ? n - done : BUS_BLOCK;
        b->input[0] = in[0] ? in[0] + done : NULL;
        b->input[1] = in[1] ? in[1] + done : NULL;
        process_block(b, left + done, right + done, len, done == 0 ? side : NULL);
    }
    b->input[0] = in[0], b->input[1] = in[1];
}
