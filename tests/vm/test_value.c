/*
 * test_value.c - printed form of numbers (JavaScript's String(x)) and
 * JavaScript's Number() for mini-notation words.
 */
#include "support.h"

#include <math.h>

static void num_eq(double x, const char *want) {
    char buf[64];
    num_format(x, buf, sizeof buf);
    assert_string_equal(buf, want);
}

static void test_num_format(void **s) {
    num_eq(0, "0");
    num_eq(-0.0, "0");
    num_eq(1, "1");
    num_eq(-3, "-3");
    num_eq(2.5, "2.5");
    num_eq(0.1 + 0.2, "0.30000000000000004");
    num_eq(1.0 / 3.0, "0.3333333333333333");
    num_eq(0.5000000000000001, "0.5000000000000001");
    num_eq(100, "100");
    num_eq(123456789012345680000.0, "123456789012345680000");
    num_eq(1e21, "1e+21");
    num_eq(1.5e22, "1.5e+22");
    num_eq(0.000001, "0.000001");
    num_eq(1e-7, "1e-7");
    num_eq(-1.25e-9, "-1.25e-9");
    num_eq(NAN, "NaN");
    num_eq(INFINITY, "Infinity");
    num_eq(-INFINITY, "-Infinity");
    num_eq(5e-324, "5e-324");
    num_eq(1.7976931348623157e308, "1.7976931348623157e+308");
}

static bool js(const char *s, double *x) {
    return num_parse_js(s, strlen(s), x);
}

static void test_num_parse_js(void **s) {
    double x;
    assert_true(js("1.5", &x) && x == 1.5);
    assert_true(js("-3", &x) && x == -3);
    assert_true(js(".5", &x) && x == 0.5);
    assert_true(js("5.", &x) && x == 5);
    assert_true(js("1e3", &x) && x == 1000);
    assert_true(js("0x1f", &x) && x == 31);
    assert_true(js("0b101", &x) && x == 5);
    assert_true(js("0o17", &x) && x == 15);
    assert_true(js("Infinity", &x) && isinf(x));
    assert_true(js("-0", &x) && x == 0);
    assert_false(js("bd", &x));
    assert_false(js("c4", &x));
    assert_false(js("e3", &x));
    assert_false(js("1e", &x));
    assert_false(js("-", &x));
    assert_false(js(".", &x));
    assert_false(js("1_000", &x));
    assert_false(js("-0x10", &x));
    assert_false(js("1.2.3", &x));
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_num_format),
        cmocka_unit_test(test_num_parse_js),
    };
    return cmocka_run_group_tests_name("value", tests, NULL, NULL);
}
