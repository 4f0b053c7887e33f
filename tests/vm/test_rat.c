/*
 * test_rat.c - exact rational time: reduction, arithmetic, overflow
 * reported as NaR (never wrapped), floor/ceil, conversions at the edges.
 */
#include "support.h"

#include <math.h>

static void fmt_eq(Rat r, const char *want) {
    char buf[64];
    rat_format(r, buf, sizeof buf);
    assert_string_equal(buf, want);
}

static void test_make_reduces(void **s) {
    fmt_eq(rat_make(2, 4), "1/2");
    fmt_eq(rat_make(-6, 8), "-3/4");
    fmt_eq(rat_make(6, -8), "-3/4");
    fmt_eq(rat_make(-6, -8), "3/4");
    fmt_eq(rat_make(0, -5), "0");
    fmt_eq(rat_make(10, 5), "2");
    fmt_eq(rat_make(1, 0), "NaR");
    assert_false(rat_ok(rat_make(7, 0)));
}

static void test_arithmetic(void **s) {
    fmt_eq(rat_add(R(1, 3), R(1, 6)), "1/2");
    fmt_eq(rat_sub(R(1, 3), R(1, 2)), "-1/6");
    fmt_eq(rat_mul(R(2, 3), R(9, 4)), "3/2");
    fmt_eq(rat_div(R(2, 3), R(4, 9)), "3/2");
    fmt_eq(rat_div(R(1, 2), R(-1, 4)), "-2");
    fmt_eq(rat_neg(R(3, 5)), "-3/5");
    fmt_eq(rat_inv(R(-3, 5)), "-5/3");
    fmt_eq(rat_div(I(1), I(0)), "NaR");
    fmt_eq(rat_inv(I(0)), "NaR");
    /* A big intermediate product that reduces to something small is exact. */
    Rat big = R(INT64_MAX - 1, 3);
    fmt_eq(rat_div(rat_mul(big, I(3)), big), "3");
}

static void test_overflow_is_reported(void **s) {
    Rat max = I(INT64_MAX);
    assert_false(rat_ok(rat_add(max, I(1))));
    assert_false(rat_ok(rat_sub(rat_neg(max), I(1))));
    assert_false(rat_ok(rat_mul(max, I(2))));
    assert_false(rat_ok(rat_mul(R(1, INT64_MAX), R(1, 3))));
    assert_false(rat_ok(rat_add(R(1, INT64_MAX), R(1, INT64_MAX - 1))));
    assert_false(rat_ok(rat_make(INT64_MIN, 1))); /* its negation would not fit */
    /* The largest values that do fit are fine. */
    assert_true(rat_ok(rat_sub(max, I(1))));
    assert_true(rat_ok(rat_add(max, I(0))));
    assert_true(rat_eq(rat_add(R(INT64_MAX - 1, 1), I(1)), max));
}

static void test_nar_propagates_and_compares_false(void **s) {
    Rat nar = RAT_NAR;
    assert_false(rat_ok(rat_add(nar, I(1))));
    assert_false(rat_ok(rat_mul(I(0), nar)));
    assert_false(rat_ok(rat_floor(nar)));
    assert_false(rat_ok(rat_min(nar, I(1))));
    assert_false(rat_lt(nar, I(1)));
    assert_false(rat_lt(I(1), nar));
    assert_false(rat_le(nar, nar));
    assert_false(rat_eq(nar, nar));
    assert_true(isnan(rat_to_double(nar)));
}

static void test_compare(void **s) {
    assert_true(rat_lt(R(1, 3), R(1, 2)));
    assert_true(rat_lt(R(-1, 2), R(-1, 3)));
    assert_true(rat_le(R(2, 4), R(1, 2)));
    assert_true(rat_eq(R(2, 4), R(1, 2)));
    assert_int_equal(rat_cmp(R(5, 3), R(3, 2)), 1);
    assert_int_equal(rat_cmp(R(3, 2), R(5, 3)), -1);
    assert_int_equal(rat_cmp(R(3, 2), R(6, 4)), 0);
    fmt_eq(rat_min(R(1, 3), R(1, 4)), "1/4");
    fmt_eq(rat_max(R(1, 3), R(1, 4)), "1/3");
    /* Comparing near-maximal values must not overflow. */
    assert_true(rat_lt(R(INT64_MAX - 1, INT64_MAX), I(1)));
}

static void test_floor_ceil_cyclepos(void **s) {
    fmt_eq(rat_floor(R(7, 2)), "3");
    fmt_eq(rat_floor(R(-7, 2)), "-4");
    fmt_eq(rat_floor(I(-3)), "-3");
    fmt_eq(rat_ceil(R(7, 2)), "4");
    fmt_eq(rat_ceil(R(-7, 2)), "-3");
    fmt_eq(rat_ceil(I(5)), "5");
    fmt_eq(rat_cyclepos(R(7, 2)), "1/2");
    fmt_eq(rat_cyclepos(R(-1, 4)), "3/4");
    fmt_eq(rat_cyclepos(I(-2)), "0");
}

static void test_from_double(void **s) {
    fmt_eq(rat_from_double(0.5), "1/2");
    fmt_eq(rat_from_double(1.0 / 3.0), "1/3");
    fmt_eq(rat_from_double(2.0 / 3.0), "2/3");
    fmt_eq(rat_from_double(0.1), "1/10");
    fmt_eq(rat_from_double(1.5), "3/2");
    fmt_eq(rat_from_double(-0.25), "-1/4");
    fmt_eq(rat_from_double(0.333), "333/1000");
    fmt_eq(rat_from_double(12.75), "51/4");
    fmt_eq(rat_from_double(123456.789), "10000000/81"); /* scaled first, as fraction.js does */
    fmt_eq(rat_from_double(-7), "-7");
    fmt_eq(rat_from_double(0.1 + 0.2), "3/10");
    fmt_eq(rat_from_double(M_PI), "11985110/3814979"); /* fraction.js 5.3.4 agrees */
    /* Below 1e-7 the Farey walk of fraction.js ends at 0/1; it takes ten
     * million steps there, here a few dozen. */
    fmt_eq(rat_from_double(1e-9), "0");
    assert_false(rat_ok(rat_from_double(NAN)));
    assert_false(rat_ok(rat_from_double(INFINITY)));
    assert_false(rat_ok(rat_from_double(1e300)));
}

static void test_parse(void **s) {
    Rat r;
    assert_int_equal(rat_parse("3", 1, &r), 1);
    fmt_eq(r, "3");
    assert_int_equal(rat_parse("-1/4", 4, &r), 4);
    fmt_eq(r, "-1/4");
    assert_int_equal(rat_parse("1.25", 4, &r), 4);
    fmt_eq(r, "5/4");
    assert_int_equal(rat_parse("0.1", 3, &r), 3);
    fmt_eq(r, "1/10");
    assert_int_equal(rat_parse("2e3", 3, &r), 3);
    fmt_eq(r, "2000");
    assert_int_equal(rat_parse("25e-2", 5, &r), 5);
    fmt_eq(r, "1/4");
    assert_int_equal(rat_parse("4/8x", 4, &r), 3);
    fmt_eq(r, "1/2");
    assert_int_equal(rat_parse("1/0", 3, &r), 3);
    assert_false(rat_ok(r));
    assert_int_equal(rat_parse("x", 1, &r), 0);
    assert_int_equal(rat_parse("-", 1, &r), 0);
    assert_int_equal(rat_parse("99999999999999999999", 20, &r), 20);
    assert_false(rat_ok(r));
}

static void test_to_double(void **s) {
    assert_true(rat_to_double(R(1, 4)) == 0.25);
    assert_true(rat_to_double(R(-3, 2)) == -1.5);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_make_reduces),
        cmocka_unit_test(test_arithmetic),
        cmocka_unit_test(test_overflow_is_reported),
        cmocka_unit_test(test_nar_propagates_and_compares_false),
        cmocka_unit_test(test_compare),
        cmocka_unit_test(test_floor_ceil_cyclepos),
        cmocka_unit_test(test_from_double),
        cmocka_unit_test(test_parse),
        cmocka_unit_test(test_to_double),
    };
    return cmocka_run_group_tests_name("rat", tests, NULL, NULL);
}
