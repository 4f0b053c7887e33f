/*
 * test_lanes.c - a voice's filters of steady settings, both ways
 * (voice_filter_lanes): side by side with other voices' (voice_prepare,
 * audio/svflanes.h), the same samples bit for bit as the voice computing
 * alone with the one-sample recursion, for every mode, mixed modes in one
 * vector, part-filled lanes and two filters in one graph; eight samples at a
 * time (audio/svfblock.h), the recursion's to within float rounding for
 * every mode and a range of cutoffs and q, and the same samples in calls of
 * any length. A voice that stops being finite stops on the same
 * sample however it is rendered, one that cannot stop being finite is known,
 * and a lone sine skips the node loop and a fused envelope its node for the
 * same samples.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <math.h>
#include <string.h>

#include <cmocka.h>

#include "audio/synth.h"
#include "audio/svfblock.h"
#include "audio/svflanes.h"

#define RATE   48000.0
#define VOICES 23 /* the most in one test: lanes of sixteen and of eight */

/* saw(freq) -> filter(mode, cutoff param, q) [-> lpf(2000, 0.7)] * adsr */
static SynthDef make_def(int ugen, bool second) {
    SynthDef d;
    memset(&d, 0, sizeof d);
    strcpy(d.name, "probe");
    d.nparams = 2;
    strcpy(d.params[0], "freq");
    strcpy(d.params[1], "cutoff");
    int k = 0;
    d.nodes[k++] = (SynNode){UGEN_SAW, 1, {{IN_PARAM, 0, 0}}};
    d.nodes[k++] =
        (SynNode){(uint8_t)ugen, 3, {{IN_NODE, 0, 0}, {IN_PARAM, 1, 0}, {IN_CONST, 0, 3}}};
    if (second)
        d.nodes[k++] =
            (SynNode){UGEN_LPF, 3, {{IN_NODE, 1, 0}, {IN_CONST, 0, 2000}, {IN_CONST, 0, 0.7f}}};
    d.nodes[k++] = (SynNode){
        UGEN_ADSR,
        4,
        {{IN_CONST, 0, 0.01f}, {IN_CONST, 0, 0.1f}, {IN_CONST, 0, 0.5f}, {IN_CONST, 0, 0.2f}}};
    d.nodes[k] =
        (SynNode){UGEN_MUL, 2, {{IN_NODE, (uint8_t)(k - 2), 0}, {IN_NODE, (uint8_t)(k - 1), 0}}};
    d.nnodes = k + 1;
    return d;
}

/* a voice of def (its slot's VoiceMore: more), its filters in lanes or not */
static void start(Voice *v, VoiceMore *more, const SynthDef *def, int i, bool lanes) {
    float params[SYN_MAX_PARAMS] = {0};
    params[0] = 55.0f * (float)(i + 1) * 1.01f;
    params[1] = 300.0f + 370.0f * (float)i;
    memset(v, 0, sizeof *v);
    v->more = more;
    voice_start(v, def, params, 0.5, RATE, 0, (uint32_t)i, NULL);
    voice_filter_lanes(v, lanes);
    voice_place(v, 1, 0.5f);
}

/* Voices whose filters run in lanes (voice_filter_lanes) play the same
 * samples, bit for bit, as each computing alone with the one-sample
 * recursion: every mode, mixed modes in one vector, two filters in one graph,
 * part-filled lanes of four, eight and sixteen. */
static void test_lanes_match_alone(void **st) {
    (void)st;
    wavetables_init(RATE);
    static const int ugens[4] = {UGEN_LPF, UGEN_HPF, UGEN_BPF, UGEN_NOTCH};
    /* all lowpass; mixed modes; two filters each; with 3 voices (one vector of
     * four), 7 (two) and 23 (four vectors, then two) */
    static const int counts[] = {3, 7, VOICES};
    for (int run = 0; run < 9; run++) {
        const int pass = run / 3, nvoices = counts[run % 3];
        SynthDef defs[4];
        for (int m = 0; m < 4; m++) defs[m] = make_def(pass == 0 ? UGEN_LPF : ugens[m], pass == 2);
        Voice *lanes = calloc(VOICES, sizeof(Voice)), *alone = calloc(VOICES, sizeof(Voice));
        VoiceMore *mores = calloc(2 * VOICES, sizeof(VoiceMore));
        SynScratch *sc = calloc(1, sizeof *sc);
        SynBatch *b = calloc(1, sizeof *b);
        for (int i = 0; i < nvoices; i++) {
            start(&lanes[i], &mores[i], &defs[i % 4], i, true);
            assert_true(lanes[i].prepared);
        }
        enum { FRAMES = 48000 };
        float *l2 = calloc(FRAMES, sizeof(float)), *r2 = calloc(FRAMES, sizeof(float));
        /* side by side, as the mixer does: the voices needing a block are
         * prepared together, then each plays */
        int done = 0;
        float *outl[VOICES], *outr[VOICES];
        for (int i = 0; i < nvoices; i++) {
            outl[i] = calloc(FRAMES, sizeof(float));
            outr[i] = calloc(FRAMES, sizeof(float));
        }
        int prepared = 0;
        while (done < FRAMES) {
            int n = FRAMES - done < 37 ? FRAMES - done : 37;
            Voice *need[VOICES];
            int np = 0;
            for (int i = 0; i < nvoices; i++)
                if (lanes[i].active && lanes[i].ncarry < n &&
                    lanes[i].pos < lanes[i].end - lanes[i].start)
                    need[np++] = &lanes[i];
            if (np > 1) voice_prepare(need, np, b, RATE), prepared++;
            for (int i = 0; i < nvoices; i++)
                if (lanes[i].active)
                    voice_render(&lanes[i], sc, outl[i] + done, outr[i] + done, n, RATE, NULL);
            done += n;
        }
        assert_true(prepared > 100);
        /* each voice alone, in the same blocks, compared with its run in lanes */
        for (int i = 0; i < nvoices; i++) {
            start(&alone[i], &mores[VOICES + i], &defs[i % 4], i, true);
            memset(l2, 0, FRAMES * sizeof(float)), memset(r2, 0, FRAMES * sizeof(float));
            for (int f = 0; f < FRAMES; f += 37) {
                int n = FRAMES - f < 37 ? FRAMES - f : 37;
                voice_render(&alone[i], sc, l2 + f, r2 + f, n, RATE, NULL);
            }
            double energy = 0;
            for (int f = 0; f < FRAMES; f++) energy += (double)l2[f] * l2[f];
            assert_true(energy > 1e-3); /* it sounds */
            if (memcmp(l2, outl[i], FRAMES * sizeof(float)) ||
                memcmp(r2, outr[i], FRAMES * sizeof(float))) {
                int f = 0;
                while (l2[f] == outl[i][f]) f++;
                fail_msg("pass %d, %d voices, voice %d: frame %d is %.9g alone, %.9g in lanes",
                         pass, nvoices, i, f, l2[f], outl[i][f]);
            }
            free(outl[i]);
            free(outr[i]);
        }
        free(l2), free(r2);
        free(lanes), free(alone), free(mores), free(sc), free(b);
    }
}

/* The recursion of svf() one sample at a time, in double (the reference). */
static void recursion(const NodeState *s0, const float *x, float *y, int n, int mode) {
    NodeState s = *s0;
    svf_run(&s, x, ~0, y, n, mode);
}

/* The filter eight samples at a time (audio/svfblock.h) against its
 * recursion one sample at a time: noise through every mode, cutoffs from 20
 * Hz to near Nyquist, q from 0.1 to 200, two seconds, within a few float
 * roundings of the signal's peak; and the state it ends with is the
 * recursion's. */
static void test_block_filter_matches_recursion(void **st) {
    (void)st;
    enum { N = 96000 };
    float *x = malloc(N * sizeof(float)), *a = malloc(N * sizeof(float)),
          *b = malloc(N * sizeof(float));
    uint32_t r = 12345;
    for (int i = 0; i < N; i++) {
        r ^= r << 13, r ^= r >> 17, r ^= r << 5;
        x[i] = (float)((int32_t)r * (1.0 / 2147483648.0));
    }
    static const float cutoffs[] = {20, 440, 1500, 8000, 23000};
    static const float qs[] = {0.1f, 0.7071f, 3, 200};
    SvfBlock *q = calloc(1, sizeof *q);
    double worst = 0;
    for (int mode = 0; mode < 4; mode++)
        for (int c = 0; c < 5; c++)
            for (int k = 0; k < 4; k++) {
                NodeState s0 = {0};
                s0.cache[0] = s0.cache[1] = NAN;
                svf_coefs(&s0, cutoffs[c], qs[k], RATE);
                NodeState s1 = s0;
                recursion(&s0, x, a, N, mode);
                svfb_setup(q, &s1, mode);
                assert_true(svfb_fits(q, &s1, mode));
                assert_false(svfb_fits(q, &s1, (mode + 1) % 4));
                svfb_run(q, &s1, x, ~0, b, N);
                double peak = 0, err = 0;
                for (int i = 0; i < N; i++) {
                    peak = fmax(peak, fabs(a[i]));
                    err = fmax(err, fabs((double)a[i] - b[i]));
                }
                assert_true(peak > 1e-3);
                worst = fmax(worst, err / peak);
                if (err > 1e-6 * peak)
                    fail_msg("mode %d, %g Hz, q %g: %g off (peak %g)", mode, cutoffs[c], qs[k], err,
                             peak);
                NodeState s2 = s0;
                svf_run(&s2, x, ~0, a, N, mode);
                double scale = fmax(1, fmax(fabs(s2.a), fabs(s2.b)));
                if (fabs(s2.a - s1.a) > 1e-6 * scale || fabs(s2.b - s1.b) > 1e-6 * scale)
                    fail_msg("mode %d, %g Hz, q %g: state (%g, %g), not (%g, %g)", mode, cutoffs[c],
                             qs[k], s1.a, s1.b, s2.a, s2.b);
            }
    print_message("block against recursion: at most %.3g of the peak\n", worst);
    /* a steady input (mask 0) is that value throughout */
    NodeState s0 = {0}, s1;
    s0.cache[0] = s0.cache[1] = NAN;
    svf_coefs(&s0, 300, 0.7071f, RATE);
    s1 = s0;
    const float one = 1;
    svf_run(&s0, &one, 0, a, 4096, 0);
    svfb_setup(q, &s1, 0);
    svfb_run(q, &s1, &one, 0, b, 4096);
    for (int i = 0; i < 4096; i++) assert_true(fabs(a[i] - b[i]) < 1e-6);
    assert_true(fabs(b[4095] - 1) < 1e-4); /* a low-pass passes a steady input */
    free(q), free(x), free(a), free(b);
}

/* A voice with filters of steady settings plays the same samples, bit for
 * bit, in calls of any length: every mode, one filter or two. */
static void test_filter_voice_any_calls(void **st) {
    (void)st;
    wavetables_init(RATE);
    static const int ugens[4] = {UGEN_LPF, UGEN_HPF, UGEN_BPF, UGEN_NOTCH};
    static const int sizes[] = {64, 37, 1, 200};
    enum { FRAMES = 48000 };
    SynScratch *sc = calloc(1, sizeof *sc);
    Voice *v = calloc(1, sizeof *v);
    VoiceMore *more = calloc(1, sizeof *more);
    float *first = calloc(FRAMES, sizeof(float)), *l = calloc(FRAMES, sizeof(float)),
          *r = calloc(FRAMES, sizeof(float));
    for (int m = 0; m < 8; m++) {
        SynthDef d = make_def(ugens[m % 4], m >= 4);
        for (int k = 0; k < 4; k++) {
            start(v, more, &d, m, false);
            assert_int_equal(v->svfb_node, 1);
            memset(l, 0, FRAMES * sizeof(float)), memset(r, 0, FRAMES * sizeof(float));
            for (int f = 0; f < FRAMES; f += sizes[k]) {
                int n = FRAMES - f < sizes[k] ? FRAMES - f : sizes[k];
                if (v->active) voice_render(v, sc, l + f, r + f, n, RATE, NULL);
            }
            double energy = 0;
            for (int f = 0; f < FRAMES; f++) energy += (double)l[f] * l[f];
            assert_true(energy > 1e-3); /* it sounds */
            if (k == 0)
                memcpy(first, l, FRAMES * sizeof(float));
            else if (memcmp(first, l, FRAMES * sizeof(float)))
                fail_msg("filter %d: calls of %d frames play other samples", m, sizes[k]);
        }
    }
    free(first), free(l), free(r), free(v), free(more), free(sc);
}

/* A voice whose output stops being finite is silenced from that sample on,
 * the same sample whatever the lengths of the calls that render it: a line
 * to 1e20 squared passes the largest float at 0.184 s. */
static void test_nonfinite_ends_voice_on_its_sample(void **st) {
    (void)st;
    SynthDef d;
    memset(&d, 0, sizeof d);
    strcpy(d.name, "blowup");
    SynNode line = {UGEN_LINE, 3, {{IN_CONST, 0, 1}, {IN_CONST, 0, 1e20f}, {IN_CONST, 0, 1}}};
    d.nodes[0] = d.nodes[1] = line;
    d.nodes[2] = (SynNode){UGEN_MUL, 2, {{IN_NODE, 0, 0}, {IN_NODE, 1, 0}}};
    d.nnodes = 3;
    enum { FRAMES = 20000 };
    static const int sizes[] = {64, 37, 1, 200};
    float *first = NULL;
    SynScratch *sc = calloc(1, sizeof *sc);
    for (int k = 0; k < 4; k++) {
        Voice *v = calloc(1, sizeof *v);
        float params[SYN_MAX_PARAMS] = {0}, *l = calloc(FRAMES, sizeof(float)),
              *r = calloc(FRAMES, sizeof(float));
        voice_start(v, &d, params, 1.0, RATE, 0, 1, NULL);
        voice_place(v, 1, 0.5f);
        assert_false(v->finite);
        bool bad = false;
        for (int f = 0; f < FRAMES; f += sizes[k]) {
            int n = FRAMES - f < sizes[k] ? FRAMES - f : sizes[k];
            if (v->active) voice_render(v, sc, l + f, r + f, n, RATE, &bad);
        }
        assert_true(bad);
        assert_false(v->active);
        int end = 0; /* the first sample not played */
        while (end < FRAMES && l[end] != 0) end++;
        for (int f = end; f < FRAMES; f++) assert_true(l[f] == 0 && r[f] == 0);
        if (end < 8840 || end > 8860) fail_msg("silenced at sample %d, not near 8851", end);
        if (!first)
            first = l;
        else if (memcmp(first, l, FRAMES * sizeof(float)))
            fail_msg("calls of %d frames play other samples than calls of 64", sizes[k]);
        if (first != l) free(l);
        free(r), free(v);
    }
    free(first), free(sc);
}

/* A voice that is one steady sine skips the node loop (Voice.lone_sine): the
 * same samples as that sine inside a bigger graph (times a parameter of 1). */
static void test_lone_sine_matches_graph(void **st) {
    (void)st;
    SynthDef lone, graph;
    memset(&lone, 0, sizeof lone);
    lone.nparams = 2;
    strcpy(lone.params[0], "freq");
    strcpy(lone.params[1], "one");
    lone.nodes[0] = (SynNode){UGEN_SINE, 1, {{IN_PARAM, 0, 0}}};
    lone.nnodes = 1;
    graph = lone;
    graph.nodes[1] = (SynNode){UGEN_MUL, 2, {{IN_NODE, 0, 0}, {IN_PARAM, 1, 0}}};
    graph.nnodes = 2;
    enum { FRAMES = 9000 };
    SynScratch *sc = calloc(1, sizeof *sc);
    static const int sizes[] = {37, 64, 200}; /* with a carry; whole blocks mixed at once */
    for (int z = 0; z < 3; z++) {
        const int size = sizes[z];
        float *out[2][2];
        for (int g = 0; g < 2; g++) {
            Voice *v = calloc(1, sizeof *v);
            float params[SYN_MAX_PARAMS] = {1234.5f, 1};
            voice_start(v, g ? &graph : &lone, params, 1.0, RATE, 0, 1, NULL);
            voice_place(v, 1, 0.3f);
            assert_true(v->lone_sine == (g == 0));
            out[g][0] = calloc(FRAMES, sizeof(float)), out[g][1] = calloc(FRAMES, sizeof(float));
            for (int f = 0; f < FRAMES; f += size)
                voice_render(v, sc, out[g][0] + f, out[g][1] + f,
                             FRAMES - f < size ? FRAMES - f : size, RATE, NULL);
            free(v);
        }
        assert_true(fabsf(out[0][0][100]) > 0);
        assert_memory_equal(out[0][0], out[1][0], FRAMES * sizeof(float));
        assert_memory_equal(out[0][1], out[1][1], FRAMES * sizeof(float));
        for (int g = 0; g < 2; g++) free(out[g][0]), free(out[g][1]);
    }
    free(sc);
}

/* Which voices' output is known to stay finite (Voice.finite: their mix
 * skips the scan): a sine swept by a line times an envelope and a level, noise
 * through a band-pass with a steady cutoff times an envelope; not a line to
 * 1e20 squared, a filter whose q is a signal or beyond 1000, a level that is
 * infinite, a sawtooth. */
static void test_finite_bounds(void **st) {
    (void)st;
    static const struct {
        SynNode nodes[4];
        int n;
        bool finite;
    } cases[] = {
        {{{UGEN_LINE, 3, {{IN_CONST, 0, 150}, {IN_CONST, 0, 50}, {IN_CONST, 0, 0.1f}}},
          {UGEN_SINE, 1, {{IN_NODE, 0, 0}}},
          {UGEN_ENV, 2, {{IN_CONST, 0, 0}, {IN_CONST, 0, 0.3f}}},
          {UGEN_MUL, 2, {{IN_NODE, 1, 0}, {IN_NODE, 2, 0}}}},
         4,
         true},
        {{{UGEN_NOISE, 0, {{0}}},
          {UGEN_BPF, 3, {{IN_NODE, 0, 0}, {IN_CONST, 0, 1500}, {IN_CONST, 0, 1}}},
          {UGEN_ENV, 2, {{IN_CONST, 0, 0}, {IN_CONST, 0, 0.15f}}},
          {UGEN_MUL, 2, {{IN_NODE, 1, 0}, {IN_NODE, 2, 0}}}},
         4,
         true},
        {{{UGEN_LINE, 3, {{IN_CONST, 0, 1}, {IN_CONST, 0, 1e20f}, {IN_CONST, 0, 1}}},
          {UGEN_MUL, 2, {{IN_NODE, 0, 0}, {IN_NODE, 0, 0}}}},
         2,
         false},
        {{{UGEN_NOISE, 0, {{0}}},
          {UGEN_SINE, 1, {{IN_CONST, 0, 3}}},
          {UGEN_BPF, 3, {{IN_NODE, 0, 0}, {IN_CONST, 0, 1500}, {IN_NODE, 1, 0}}}},
         3,
         false},
        {{{UGEN_NOISE, 0, {{0}}},
          {UGEN_LPF, 3, {{IN_NODE, 0, 0}, {IN_CONST, 0, 1500}, {IN_CONST, 0, 5000}}}},
         2,
         false},
        {{{UGEN_SINE, 1, {{IN_CONST, 0, 440}}},
          {UGEN_MUL, 2, {{IN_NODE, 0, 0}, {IN_CONST, 0, INFINITY}}},
          {UGEN_MUL, 2, {{IN_NODE, 1, 0}, {IN_CONST, 0, 0.5f}}}},
         3,
         false},
        {{{UGEN_SAW, 1, {{IN_CONST, 0, 440}}}}, 1, false},
    };
    for (size_t c = 0; c < sizeof cases / sizeof cases[0]; c++) {
        SynthDef d;
        memset(&d, 0, sizeof d);
        strcpy(d.name, "bound");
        memcpy(d.nodes, cases[c].nodes, sizeof cases[c].nodes);
        d.nnodes = cases[c].n;
        Voice *v = calloc(1, sizeof *v);
        float params[SYN_MAX_PARAMS] = {0};
        voice_start(v, &d, params, 1.0, RATE, 0, 1, NULL);
        if (v->finite != cases[c].finite)
            fail_msg("case %zu: finite is %d, not %d", c, v->finite, cases[c].finite);
        free(v);
    }
}

/* A product of a signal and an envelope of steady times that nothing else
 * reads runs in one pass (Voice.envmul), the envelope's node skipped: the
 * same samples, bit for bit, as the envelope's block times the signal (the
 * same graph with a second reader of the envelope, which keeps it a node). */
static void test_fused_envelope_same_samples(void **st) {
    (void)st;
    SynthDef one, two;
    memset(&one, 0, sizeof one);
    strcpy(one.name, "fused");
    one.nodes[0] =
        (SynNode){UGEN_LINE, 3, {{IN_CONST, 0, 150}, {IN_CONST, 0, 50}, {IN_CONST, 0, 0.1f}}};
    one.nodes[1] = (SynNode){UGEN_SINE, 1, {{IN_NODE, 0, 0}}};
    one.nodes[2] = (SynNode){UGEN_ENV, 2, {{IN_CONST, 0, 0.01f}, {IN_CONST, 0, 0.3f}}};
    one.nodes[3] = (SynNode){UGEN_MUL, 2, {{IN_NODE, 2, 0}, {IN_NODE, 1, 0}}};
    one.nnodes = 4;
    two = one;
    strcpy(two.name, "apart");
    two.nodes[3] = (SynNode){UGEN_MUL, 2, {{IN_NODE, 2, 0}, {IN_CONST, 0, 1}}}; /* unheard */
    two.nodes[4] = one.nodes[3];
    two.nnodes = 5;
    enum { FRAMES = 20000 };
    SynScratch *sc = calloc(1, sizeof *sc);
    Voice *v = calloc(1, sizeof *v);
    v->more = calloc(1, sizeof *v->more);
    float *out[2];
    for (int k = 0; k < 2; k++) {
        float params[SYN_MAX_PARAMS] = {0}, *r = calloc(FRAMES, sizeof(float));
        out[k] = calloc(FRAMES, sizeof(float));
        voice_start(v, k ? &two : &one, params, 1.0, RATE, 0, 1, NULL);
        voice_place(v, 1, 0.5f);
        if (k == 0)
            assert_true(v->envmul == 3 && v->envnode == 2 && v->envx == 1);
        else
            assert_int_equal(v->envmul, -1);
        for (int f = 0; f < FRAMES; f += 37) {
            int n = FRAMES - f < 37 ? FRAMES - f : 37;
            if (v->active) voice_render(v, sc, out[k] + f, r + f, n, RATE, NULL);
        }
        free(r);
    }
    assert_true(fabsf(out[0][1000]) > 0);
    assert_memory_equal(out[0], out[1], FRAMES * sizeof(float));
    free(out[0]), free(out[1]), free(v->more), free(v), free(sc);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_lanes_match_alone),
        cmocka_unit_test(test_block_filter_matches_recursion),
        cmocka_unit_test(test_filter_voice_any_calls),
        cmocka_unit_test(test_nonfinite_ends_voice_on_its_sample),
        cmocka_unit_test(test_lone_sine_matches_graph),
        cmocka_unit_test(test_finite_bounds),
        cmocka_unit_test(test_fused_envelope_same_samples),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
