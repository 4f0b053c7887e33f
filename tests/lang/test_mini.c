/*
 * test_mini.c - mini-notation: what each construct means (events written
 * out), and malformed input: every case gives a positioned error, never a
 * crash (this suite also runs under ASan/UBSan with GC stress).
 */
#include "support_lang.h"

static Heap *H;

static int setup(void **s) {
    H = test_heap();
    return 0;
}

static int teardown(void **s) {
    heap_collect(H);
    assert_int_equal(heap_stats(H).objects, 0);
    heap_free(H);
    return 0;
}

static char *m(const char *text, Rat a, Rat b) {
    return mini_text(H, text, a, b);
}

/* ---- meaning ---- */

static void test_sequence_and_rests(void **s) {
    assert_text(m("bd ~ sn -", I(0), I(1)), "0 1/4 bd\n1/2 3/4 sn\n");
    assert_text(m("bd [sn [hh hh]]", I(0), I(1)), "0 1/2 bd\n1/2 3/4 sn\n3/4 7/8 hh\n7/8 1 hh\n");
    assert_text(m("  bd\tsn\n ", I(0), I(1)), "0 1/2 bd\n1/2 1 sn\n");
}

static void test_feet(void **s) {
    assert_text(m("a b . c", I(0), I(1)), "0 1/4 a\n1/4 1/2 b\n1/2 1 c\n");
    assert_text(m("[a . b c]", I(0), I(1)), "0 1/2 a\n1/2 3/4 b\n3/4 1 c\n");
}

static void test_fast_slow_factors(void **s) {
    assert_text(m("a*1.5", I(0), I(2)), "0 2/3 a\n2/3 4/3 a\n4/3 2 a\n");
    assert_text(m("a/1.5", I(0), I(3)), "0 3/2 a\n3/2 3 a\n");
    assert_text(m("a*<2 3>", I(1), I(2)), "1 4/3 a\n4/3 5/3 a\n5/3 2 a\n");
    assert_text(m("a*[1 2]", I(0), I(1)), "0 1 a\n1/2 1 a\n");
    assert_text(m("a*0", I(0), I(2)), "");
    assert_text(m("a/0", I(0), I(2)), "");
    /* whitespace around the operator does not matter */
    assert_text(m("a * 2", I(0), I(1)), "0 1/2 a\n1/2 1 a\n");
}

static void test_alternation(void **s) {
    assert_text(m("<a <b c>>", I(0), I(4)), "0 1 a\n1 2 b\n2 3 a\n3 4 c\n");
    assert_text(m("<a@2 b>", I(0), I(3)), "0 2 a\n2 3 b\n");
    assert_text(m("<a b, c d e>", I(0), I(2)), "0 1 a\n0 1 c\n1 2 b\n1 2 d\n");
}

static void test_polymeter(void **s) {
    assert_text(m("{a b, c d e}", I(0), I(1)), "0 1/2 a\n0 1/2 c\n1/2 1 b\n1/2 1 d\n");
    assert_text(m("{a b c}%<2 4>", I(0), I(2)),
                "0 1/2 a\n1/2 1 b\n1 5/4 b\n5/4 3/2 c\n3/2 7/4 a\n7/4 2 b\n");
    assert_text(m("{a@3, b c}", I(0), I(1)), "0 1/3 b\n0 1 a\n1/3 2/3 c\n2/3 1 b\n");
}

static void test_replicate_and_weight(void **s) {
    assert_text(m("a!3 b", I(0), I(1)), "0 1/4 a\n1/4 1/2 a\n1/2 3/4 a\n3/4 1 b\n");
    assert_text(m("a ! ! b", I(0), I(1)), "0 1/4 a\n1/4 1/2 a\n1/2 3/4 a\n3/4 1 b\n");
    assert_text(m("a! b", I(0), I(1)), "0 1/3 a\n1/3 2/3 a\n2/3 1 b\n");
    /* a!n@w is the group of n copies with weight n + w - 1 */
    assert_text(m("a!2@3 b", I(0), I(1)), "0 2/5 a\n2/5 4/5 a\n4/5 1 b\n");
    /* copies of an alternation repeat its cycle */
    assert_text(m("<a b>!2", I(0), I(2)), "0 1/2 a\n1/2 1 a\n1 3/2 b\n3/2 2 b\n");
    assert_text(m("a _ _ b", I(0), I(1)), "0 3/4 a\n3/4 1 b\n");
    assert_text(m("a@1.5 b", I(0), I(1)), "0 3/5 a\n3/5 1 b\n");
    /* "@ 3": the number must follow directly, so 3 is a new step */
    assert_text(m("a@ 3", I(0), I(1)), "0 2/3 a\n2/3 1 3\n");
}

static void test_euclid(void **s) {
    assert_text(m("a(3,8,2)", I(0), I(1)), "0 1/8 a\n1/4 3/8 a\n5/8 3/4 a\n");
    assert_text(m("a(-3,8)", I(0), I(1)), "1/8 1/4 a\n1/4 3/8 a\n1/2 5/8 a\n5/8 3/4 a\n7/8 1 a\n");
    assert_text(m("a(<1 2>,2)", I(0), I(2)), "0 1/2 a\n1 3/2 a\n3/2 2 a\n");
    assert_text(m("a( 3 , 4 , )", I(0), I(1)), "0 1/4 a\n1/4 1/2 a\n1/2 3/4 a\n");
    assert_text(m("a(0,4)", I(0), I(1)), "");
}

static void test_values(void **s) {
    assert_text(m("bd:3 sn:1:2", I(0), I(1)), "0 1/2 bd:3\n1/2 1 sn:1:2\n");
    assert_text(m("1 -1 2.5 -0.25", I(0), I(1)), "0 1/4 1\n1/4 1/2 -1\n1/2 3/4 2.5\n3/4 1 -0.25\n");
    assert_text(m("c4 eb3 f#2", I(0), I(1)), "0 1/3 c4\n1/3 2/3 eb3\n2/3 1 f#2\n");
    assert_text(m("1e3 0x10 .5", I(0), I(1)), "0 1/3 1000\n1/3 2/3 16\n2/3 1 0.5\n");
    assert_text(m("ça 鼓", I(0), I(1)), "0 1/2 ça\n1/2 1 鼓\n");
}

/* ---- malformed input ---- */

typedef struct {
    const char *text;
    const char *want; /* "line:col: message prefix" */
} Bad;

static const Bad BAD[] = {
    {"", "1:1: empty pattern"},
    {"   ", "1:1: empty pattern"},
    {"bd [sn", "1:4: unclosed '[' (opened here)"},
    {"[[bd]", "1:1: unclosed '[' (opened here)"},
    {"<bd sn", "1:1: unclosed '<' (opened here)"},
    {"{bd sn", "1:1: unclosed '{' (opened here)"},
    {"bd(3,8", "1:3: unclosed '(' (opened here)"},
    {"[bd sn>", "1:7: mismatched '>'"},
    {"<bd sn]", "1:7: mismatched ']'"},
    {"{bd)", "1:4: mismatched ')'"},
    {"bd ]", "1:4: unexpected ']'"},
    {"bd >", "1:4: unexpected '>'"},
    {"bd }", "1:4: unexpected '}'"},
    {"bd )", "1:4: unexpected ')'"},
    {"bd*", "1:4: expected a step after '*'"},
    {"bd/", "1:4: expected a step after '/'"},
    {"bd:", "1:4: expected a step after ':'"},
    {"bd*]", "1:4: expected a step after '*'"},
    {"bd(3)", "1:5: expected ','"},
    {"bd(3,8,2,1)", "1:9: expected ')'"},
    {"bd(,8)", "1:4: expected a step after '('"},
    {"bd(3,)", "1:6: expected a step after ','"},
    {"[]", "1:2: empty [ ]"},
    {"<>", "1:2: empty < >"},
    {"{}", "1:2: empty { }"},
    {"a,", "1:3: expected a step after ','"},
    {"a . ", "1:5: expected a step after '.'"},
    {"a, b | c", "1:6: unexpected '|'"},
    {"<a . b>", "1:4: '.' is not allowed inside < >"},
    {"{a | b}", "1:4: '|' is not allowed inside { }"},
    {"{a b}%", "1:7: expected a step after '%'"},
    {"bd $ sn", "1:4: unexpected '$'"},
    {"bd & sn", "1:4: unexpected '&'"},
    {"bd \"sn\"", "1:4: unexpected '\"'"},
    {"_ bd", "1:1: unexpected '_'"},
    {". bd", "1:1: unexpected '.'"},
    {"bd(3,8) *2", "1:9: unexpected '*'"},
    {"bd\n  [sn", "2:3: unclosed '[' (opened here)"},
    {"bd\nsn ]", "2:4: unexpected ']'"},
    {"bd \x01", "1:4: unexpected character 0x01"},
};

static void test_malformed_inputs_are_positioned(void **s) {
    size_t n = sizeof BAD / sizeof BAD[0];
    assert_true(n >= 30);
    for (size_t i = 0; i < n; i++) {
        char *t = m(BAD[i].text, I(0), I(1));
        char want[160];
        snprintf(want, sizeof want, "PARSE %s", BAD[i].want);
        if (strncmp(t, want, strlen(want)) != 0)
            fail_msg("input \"%s\": got \"%s\", want prefix \"%s\"", BAD[i].text, t, want);
        free(t);
    }
}

static void test_nesting_limit(void **s) {
    char deep[1003];
    for (int i = 0; i < 500; i++) deep[i] = '[', deep[501 + i] = ']';
    deep[500] = 'a';
    deep[1001] = 0;
    char *t = m(deep, I(0), I(1));
    assert_non_null(strstr(t, "nested too deeply"));
    free(t);
}

static void test_error_carries_source_and_hint(void **s) {
    Source *src = source_new("song.tala", "x = \"bd [sn\"", 12);
    Err err = {0};
    /* the mini string is bytes 5..10 of a larger file */
    assert_null(mini_parse(H, src, 5, 6, &err));
    int line, col;
    src_linecol(src, err.at.off, &line, &col);
    assert_int_equal(col, 9);
    assert_string_equal(err.msg, "unclosed '[' (opened here)");
    assert_string_equal(err.hint, "add ']' to close it");
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    err_print(f, &err);
    fclose(f);
    assert_string_equal(buf, "song.tala:1:9: unclosed '[' (opened here)\n"
                             "  x = \"bd [sn\"\n"
                             "          ^\n"
                             "hint: add ']' to close it\n");
    free(buf);
    source_free(src);
}

/* A small deterministic fuzzer: random strings over the notation's
 * characters must parse or fail with a position inside the text. */
static void test_random_inputs_never_crash(void **s) {
    static const char alphabet[] = "ab01~-.[]<>{}(),*/!@_:%?| \n^2.5c#";
    uint32_t x = 2463534242u;
    char buf[40];
    for (int i = 0; i < 4000; i++) {
        x ^= x << 13, x ^= x >> 17, x ^= x << 5;
        size_t len = 1 + x % (sizeof buf - 1);
        for (size_t k = 0; k < len; k++) {
            x ^= x << 13, x ^= x >> 17, x ^= x << 5;
            buf[k] = alphabet[x % (sizeof alphabet - 1)];
        }
        buf[len] = 0;
        Source *src = source_new("<fuzz>", buf, len);
        Err err = {0};
        ObjPattern *p = mini_parse(H, src, 0, len, &err);
        if (p) {
            heap_push(H, OBJ_VAL(p));
            EvBuf ev;
            evbuf_init(&ev, H);
            Query q = {.heap = H, .err = &err, .budget = 100000};
            pat_events(&q, p, I(-1), I(2), true, &ev);
            evbuf_free(&ev);
            heap_pop(H, 1);
        } else {
            assert_true(err.set);
            assert_true(err.at.off <= len);
        }
        source_free(src);
    }
}

static void test_values_made_in_a_query_survive(void **s) {
    /* bd:3 builds a list per event during the query; with a collection at
     * every allocation, earlier lists must stay alive in the buffers. */
    Heap *h = test_heap();
    heap_set_stress(h, true);
    assert_text(mini_text(h, "bd:<1 2>*4 sn:3", I(0), I(1)),
                "0 1/8 bd:1\n1/8 1/4 bd:2\n1/4 3/8 bd:1\n3/8 1/2 bd:2\n1/2 1 sn:3\n");
    heap_collect(h);
    assert_int_equal(heap_stats(h).objects, 0);
    heap_free(h);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_sequence_and_rests),
        cmocka_unit_test(test_values_made_in_a_query_survive),
        cmocka_unit_test(test_feet),
        cmocka_unit_test(test_fast_slow_factors),
        cmocka_unit_test(test_alternation),
        cmocka_unit_test(test_polymeter),
        cmocka_unit_test(test_replicate_and_weight),
        cmocka_unit_test(test_euclid),
        cmocka_unit_test(test_values),
        cmocka_unit_test(test_malformed_inputs_are_positioned),
        cmocka_unit_test(test_nesting_limit),
        cmocka_unit_test(test_error_carries_source_and_hint),
        cmocka_unit_test(test_random_inputs_never_crash),
    };
    return cmocka_run_group_tests_name("mini", tests, setup, teardown);
}
