/*
 * test_cbtime.c - the callback-time histogram (audio/cbtime.h): every value
 * lands in a bin whose middle is within 0.8 % of it, the bins rise with the
 * value, the quantiles of known sets come out by the nearest rank, and the
 * max is exact, beyond the last bin too.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include <cmocka.h>

#include "audio/cbtime.h"

/* the middle of a value's bin, read back as a one-value set's median */
static uint64_t read_back(CbTime *h, uint64_t ns) {
    cbtime_reset(h);
    cbtime_add(h, ns);
    cbtime_add(h, UINT64_C(1) << 40); /* the max out of the way: never clamps */
    cbtime_add(h, 0);
    return cbtime_summary(h).median_ns;
}

static void test_bins(void **st) {
    (void)st;
    CbTime *h = calloc(1, sizeof *h);
    int last = -1;
    for (uint64_t ns = 0; ns < (UINT64_C(1) << 28); ns = ns < 4096 ? ns + 1 : ns + ns / 97) {
        int b = cbtime_bin(ns);
        assert_true(b >= last && b < CBTIME_BINS);
        last = b;
        if (ns < 128) {
            assert_int_equal(read_back(h, ns), ns); /* exact */
        } else if (ns < (UINT64_C(1) << CBTIME_TOP_BIT)) {
            double got = (double)read_back(h, ns), err = (got - (double)ns) / (double)ns;
            assert_true(err < 0.008 && err > -0.008);
        } else {
            assert_int_equal(b, CBTIME_BINS - 1);
        }
    }
    free(h);
}

static void test_quantiles(void **st) {
    (void)st;
    CbTime *h = calloc(1, sizeof *h);
    CbTimeSummary s = cbtime_summary(h);
    assert_int_equal(s.count, 0);
    assert_int_equal(s.median_ns + s.p99_ns + s.p999_ns + s.max_ns, 0);
    /* 1 .. 10000 µs, each once (shuffled by a stride): nearest ranks 5000, 9900, 9990 */
    for (uint64_t i = 0; i < 10000; i++) cbtime_add(h, ((i * 7919) % 10000 + 1) * 1000);
    s = cbtime_summary(h);
    assert_int_equal(s.count, 10000);
    assert_int_equal(s.max_ns, 10000000);
    double want[3] = {5000e3, 9900e3, 9990e3},
           got[3] = {(double)s.median_ns, (double)s.p99_ns, (double)s.p999_ns};
    for (int k = 0; k < 3; k++) assert_true(got[k] > want[k] * 0.992 && got[k] < want[k] * 1.008);
    /* a quantile never reads above the max: the max's own bin is clamped to it */
    cbtime_reset(h);
    for (int i = 0; i < 1000; i++) cbtime_add(h, 20000);
    cbtime_add(h, 123457);
    s = cbtime_summary(h);
    assert_int_equal(s.max_ns, 123457);
    assert_true(s.median_ns >= 19900 && s.median_ns <= 20100);
    assert_true(s.p999_ns >= 19900 && s.p999_ns <= 20100); /* 1000 of 1001 at or below */
    cbtime_add(h, 123457);                                 /* two of 1002: p99.9 in the max's bin */
    s = cbtime_summary(h);
    assert_true(s.p999_ns >= 122500 && s.p999_ns <= 123457);
    /* beyond the last bin (134 ms): the max is exact and the top quantiles read it */
    cbtime_reset(h);
    cbtime_add(h, 1000);
    cbtime_add(h, 500000000);
    s = cbtime_summary(h);
    assert_true(s.median_ns >= 1000 && s.median_ns < 1008);
    assert_int_equal(s.p99_ns, 500000000);
    assert_int_equal(s.max_ns, 500000000);
    free(h);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_bins),
        cmocka_unit_test(test_quantiles),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
