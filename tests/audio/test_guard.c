/*
 * test_guard.c - the protection limiter (audio/guard.h): a hit too loud is
 * taken down to 0.9 on its own sample, the gain holds for AUDIO_GUARD_HOLD,
 * comes back as 1 - h q^k and is exactly unity once within a millionth; and
 * the samples are the same whether the audio comes one sample, 37, 64 or
 * mixed lengths a call (the eight-at-a-time path against the one-at-a-time).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <math.h>
#include <string.h>

#include <cmocka.h>

#include "audio/guard.h"
#include "audio/mixer.h"

#define RATE 48000.0
#define LEN  96000 /* 2 s: a release from half comes to unity in 1.3 s */

/* 0.5 throughout, and one sample of 1.8 at frame 100: the gain is read off
 * the 0.5s around it. */
static void test_hit_hold_release(void **s) {
    (void)s;
    float *l = malloc(LEN * sizeof(float)), *r = malloc(LEN * sizeof(float));
    for (int i = 0; i < LEN; i++) l[i] = r[i] = 0.5f;
    l[100] = 1.8f;
    Guard gd;
    guard_init(&gd, RATE);
    for (int i = 0; i < LEN; i += 64) guard_run(&gd, l + i, r + i, LEN - i < 64 ? LEN - i : 64);
    for (int i = 0; i < 100; i++) assert_true(l[i] == 0.5f && r[i] == 0.5f);
    double cap = 0.9 / (double)1.8f;
    assert_true(l[100] == (float)(1.8f * cap)); /* exactly down to 0.9 */
    assert_true(fabsf(l[100] - 0.9f) < 1e-7f);
    int hold = (int)lround(AUDIO_GUARD_HOLD * RATE);
    for (int i = 101; i <= 100 + hold; i++) assert_true(l[i] == (float)(0.5 * cap));
    /* the release: 1 - (1 - cap) q^k, q = exp(-1 / (release * rate)) */
    double q = exp(-1 / (AUDIO_GUARD_RELEASE * RATE));
    int unity = -1;
    for (int k = 1; 100 + hold + k < LEN; k++) {
        int i = 100 + hold + k;
        double g = 1 - (1 - cap) * pow(q, k);
        if (g > 0.999999) {
            unity = i;
            break;
        }
        if (fabs(l[i] - 0.5 * g) > 1e-7) fail_msg("frame %d: %.9g, not %.9g", i, l[i], 0.5 * g);
        assert_true(l[i] == r[i]);
    }
    assert_true(unity > 0);
    /* from within a millionth on, exactly the input (a sample either side:
     * the product of powers rounds) */
    for (int i = unity + 1; i < LEN; i++) assert_true(l[i] == 0.5f && r[i] == 0.5f);
    assert_true(guard_idle(&gd));
    free(l), free(r);
}

/* A busy signal: a tone with loud hits every few hundred frames, some
 * within another's hold, some in a release, some only slightly above 0.9. */
static void signal(float *l, float *r) {
    uint32_t x = 12345;
    for (int i = 0; i < LEN; i++) {
        x = x * 1664525u + 1013904223u;
        float tone = 0.6f * sinf((float)i * 0.031f);
        l[i] = tone, r[i] = -0.8f * tone;
        if (x >> 24 < 3)
            l[i] *= 2.4f; /* ~1 in 85: far too loud */
        else if (x >> 24 < 5)
            r[i] = 0.95f; /* just above 0.9 */
    }
}

static void test_any_calls_same_samples(void **s) {
    (void)s;
    float *rl = malloc(LEN * sizeof(float)), *rr = malloc(LEN * sizeof(float));
    float *l = malloc(LEN * sizeof(float)), *r = malloc(LEN * sizeof(float));
    signal(rl, rr);
    Guard gd;
    guard_init(&gd, RATE);
    for (int i = 0; i < LEN; i++) guard_run(&gd, rl + i, rr + i, 1); /* one at a time */
    float top = 0;
    for (int i = 0; i < LEN; i++) {
        float m = fabsf(rl[i]) > fabsf(rr[i]) ? fabsf(rl[i]) : fabsf(rr[i]);
        top = m > top ? m : top;
    }
    assert_true(top <= 0.9f + 1e-7f && top > 0.89f); /* it did take gain */
    const int sizes[][3] = {{64, 64, 64}, {37, 37, 37}, {8, 8, 8}, {7, 13, 200}, {1, 64, 9}};
    for (size_t c = 0; c < sizeof sizes / sizeof *sizes; c++) {
        signal(l, r);
        guard_init(&gd, RATE);
        for (int i = 0, k = 0; i < LEN; k++) {
            int n = sizes[c][k % 3];
            n = n < LEN - i ? n : LEN - i;
            guard_run(&gd, l + i, r + i, n);
            i += n;
        }
        for (int i = 0; i < LEN; i++)
            if (l[i] != rl[i] || r[i] != rr[i])
                fail_msg("calls of %d/%d/%d differ at frame %d", sizes[c][0], sizes[c][1],
                         sizes[c][2], i);
    }
    free(rl), free(rr), free(l), free(r);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_hit_hold_release),
        cmocka_unit_test(test_any_calls_same_samples),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
