/*
 * test_pattern.c - every pattern combinator, built directly in C and
 * queried; the expected events are Strudel 1.2.6's for the same pattern.
 */
#include "support.h"

static Heap *H;

static int setup(void **s) {
    H = test_heap();
    return 0;
}

static unsigned pushed;

static int teardown(void **s) {
    heap_pop(H, pushed);
    heap_collect(H);
    assert_int_equal(heap_stats(H).objects, 0); /* nothing leaked past its root */
    heap_free(H);
    return 0;
}

/* Rooted helpers: every pattern a test builds stays on the root stack until
 * the test pops it all with done(). */

static ObjPattern *keep(ObjPattern *p) {
    heap_push(H, OBJ_VAL(p));
    pushed++;
    return p;
}

static ObjPattern *S(const char *word) {
    return keep(pat_pure(H, OBJ_VAL(str_c(H, word))));
}
static ObjPattern *N(double x) {
    return keep(pat_pure(H, NUM_VAL(x)));
}

static void done(void) {
    heap_pop(H, pushed);
    pushed = 0;
}

static char *q(ObjPattern *p, Rat a, Rat b) {
    return events_text(H, p, a, b);
}

static void test_pure_and_silence(void **s) {
    assert_text(q(S("bd"), I(0), I(3)), "0 1 bd\n1 2 bd\n2 3 bd\n");
    /* An event that began before the query is not an onset in it. */
    assert_text(q(S("bd"), R(1, 2), R(5, 2)), "1 2 bd\n2 3 bd\n");
    assert_text(q(S("bd"), I(-2), I(0)), "-2 -1 bd\n-1 0 bd\n");
    assert_text(q(keep(pat_silence(H)), I(0), I(4)), "");
    done();
}

static void test_query_keeps_wholes_of_split_events(void **s) {
    /* The raw query: parts cut at the span and at cycle boundaries, wholes kept. */
    ObjPattern *p = keep(pat_slow(H, I(2), S("bd")));
    Err err = {0};
    EvBuf ev;
    evbuf_init(&ev, H);
    Query qq = {.heap = H, .err = &err, .budget = 1000};
    /* [1/2, 5/2) of a pattern slowed by 2 is [1/4, 5/4) of the original:
     * one fragment per original cycle, each keeping its whole. */
    assert_true(pat_query(&qq, p, span(R(1, 2), R(5, 2)), &ev));
    assert_int_equal(ev.len, 2);
    assert_true(rat_eq(ev.ev[0].whole.begin, I(0)) && rat_eq(ev.ev[0].whole.end, I(2)));
    assert_true(rat_eq(ev.ev[0].part.begin, R(1, 2)) && rat_eq(ev.ev[0].part.end, I(2)));
    assert_true(rat_eq(ev.ev[1].whole.begin, I(2)) && rat_eq(ev.ev[1].whole.end, I(4)));
    assert_true(rat_eq(ev.ev[1].part.begin, I(2)) && rat_eq(ev.ev[1].part.end, R(5, 2)));
    evbuf_free(&ev);
    done();
}

static void test_stack(void **s) {
    ObjPattern *k[2] = {S("a"), keep(pat_fast(H, I(2), S("b")))};
    assert_text(q(keep(pat_stack(H, k, 2)), I(0), I(1)), "0 1/2 b\n0 1 a\n1/2 1 b\n");
    done();
}

static void test_slowcat_keeps_each_pattern_cycles(void **s) {
    /* cat("a", fastcat(b c)) with an inner alternation: the inner pattern
     * advances only in the cycles it plays. */
    ObjPattern *inner[2] = {S("x"), S("y")};
    ObjPattern *alt = keep(pat_slowcat(H, inner, 2));
    ObjPattern *k[2] = {S("a"), alt};
    ObjPattern *p = keep(pat_slowcat(H, k, 2));
    assert_text(q(p, I(0), I(6)), "0 1 a\n1 2 x\n2 3 a\n3 4 y\n4 5 a\n5 6 x\n");
    assert_text(q(p, I(-2), I(0)), "-2 -1 a\n-1 0 y\n");
    done();
}

static void test_fastcat(void **s) {
    ObjPattern *k[3] = {S("a"), S("b"), S("c")};
    assert_text(q(keep(pat_fastcat(H, k, 3)), I(0), I(1)), "0 1/3 a\n1/3 2/3 b\n2/3 1 c\n");
    done();
}

static void test_timecat_weights(void **s) {
    ObjPattern *k[3] = {S("a"), S("b"), keep(pat_slow(H, I(2), S("c")))};
    Rat w[3] = {I(2), R(1, 2), R(3, 2)};
    ObjPattern *p = keep(pat_timecat(H, w, k, 3));
    assert_text(q(p, I(0), I(2)), "0 1/2 a\n1/2 5/8 b\n5/8 11/8 c\n1 3/2 a\n3/2 13/8 b\n");
    /* zero weights take no time */
    Rat w0[2] = {I(0), I(1)};
    assert_text(q(keep(pat_timecat(H, w0, k, 2)), I(0), I(1)), "0 1 b\n");
    done();
}

static void test_fast_slow(void **s) {
    assert_text(q(keep(pat_fast(H, R(3, 2), S("a"))), I(0), I(2)), "0 2/3 a\n2/3 4/3 a\n4/3 2 a\n");
    assert_text(q(keep(pat_slow(H, R(3, 2), S("a"))), I(0), I(3)), "0 3/2 a\n3/2 3 a\n");
    assert_text(q(keep(pat_fast(H, I(0), S("a"))), I(0), I(2)), "");
    assert_text(q(keep(pat_slow(H, I(0), S("a"))), I(0), I(2)), "");
    assert_text(q(keep(pat_fast(H, I(-1), S("a"))), I(0), I(2)), "");
    done();
}

static void test_early_late(void **s) {
    ObjPattern *k[2] = {S("a"), S("b")};
    ObjPattern *ab = keep(pat_fastcat(H, k, 2));
    assert_text(q(keep(pat_early(H, R(1, 4), ab)), I(0), I(1)), "1/4 3/4 b\n3/4 5/4 a\n");
    assert_text(q(keep(pat_late(H, R(1, 4), ab)), I(0), I(1)), "1/4 3/4 a\n3/4 5/4 b\n");
    done();
}

static void test_compress(void **s) {
    ObjPattern *k[2] = {S("a"), S("b")};
    ObjPattern *ab = keep(pat_fastcat(H, k, 2));
    assert_text(q(keep(pat_compress(H, R(1, 4), R(3, 4), ab)), I(0), I(2)),
                "1/4 1/2 a\n1/2 3/4 b\n5/4 3/2 a\n3/2 7/4 b\n");
    /* invalid spans are silence, as in Strudel */
    assert_text(q(keep(pat_compress(H, R(3, 4), R(1, 4), ab)), I(0), I(1)), "");
    assert_text(q(keep(pat_compress(H, R(1, 2), I(2), ab)), I(0), I(1)), "");
    /* an event longer than a cycle keeps its stretched whole */
    ObjPattern *long_ = keep(pat_slow(H, I(2), S("c")));
    assert_text(q(keep(pat_compress(H, I(0), R(1, 2), long_)), I(0), I(2)), "0 1 c\n");
    done();
}

static void test_repeat_cycles_and_replicate(void **s) {
    ObjPattern *k[2] = {S("a"), S("b")};
    ObjPattern *alt = keep(pat_slowcat(H, k, 2));
    assert_text(q(keep(pat_repeat_cycles(H, I(2), alt)), I(0), I(4)),
                "0 1 a\n1 2 a\n2 3 b\n3 4 b\n");
    assert_text(q(keep(pat_replicate(H, I(3), alt)), I(0), I(2)),
                "0 1/3 a\n1/3 2/3 a\n2/3 1 a\n1 4/3 b\n4/3 5/3 b\n5/3 2 b\n");
    done();
}

static void test_euclid_bools(void **s) {
    uint8_t b[16];
    char str[17];
#define BITS(p, n, want)                                                                           \
    do {                                                                                           \
        assert_true(euclid_bools(p, n, b));                                                        \
        for (int i = 0; i < n; i++) str[i] = b[i] ? 'x' : '.';                                     \
        str[n] = 0;                                                                                \
        assert_string_equal(str, want);                                                            \
    } while (0)
    BITS(3, 8, "x..x..x.");
    BITS(5, 8, "x.xx.xx.");
    BITS(-3, 8, ".xx.xx.x");
    BITS(2, 5, "x.x..");
    BITS(3, 4, "xxx.");
    BITS(7, 16, "x..x.x.x..x.x.x.");
    BITS(5, 16, "x..x..x..x..x...");
    BITS(0, 4, "....");
    BITS(4, 4, "xxxx");
    BITS(9, 16, "x.xx.x.x.xx.x.x.");
    assert_false(euclid_bools(5, 3, b));
#undef BITS
}

static void test_euclid_and_rotation(void **s) {
    assert_text(q(keep(pat_euclid(H, 3, 8, 0, S("a"))), I(0), I(1)),
                "0 1/8 a\n3/8 1/2 a\n3/4 7/8 a\n");
    /* rotation moves right (later), as in Strudel */
    assert_text(q(keep(pat_euclid(H, 3, 8, 2, S("a"))), I(0), I(1)),
                "0 1/8 a\n1/4 3/8 a\n5/8 3/4 a\n");
    assert_text(q(keep(pat_euclid(H, 3, 8, -1, S("a"))), I(0), I(1)),
                "1/4 3/8 a\n5/8 3/4 a\n7/8 1 a\n");
    /* |rotation| >= steps leaves it unrotated, as JavaScript's slice does */
    assert_text(q(keep(pat_euclid(H, 3, 8, 10, S("a"))), I(0), I(1)),
                "0 1/8 a\n3/8 1/2 a\n3/4 7/8 a\n");
    /* structure from the steps, values sampled from the subject */
    ObjPattern *k[2] = {S("a"), S("b")};
    ObjPattern *ab = keep(pat_fastcat(H, k, 2));
    assert_text(q(keep(pat_euclid(H, 3, 4, 0, ab)), I(0), I(1)), "0 1/4 a\n1/4 1/2 a\n1/2 3/4 b\n");
    done();
}

static void test_applist(void **s) {
    ObjPattern *k[2] = {N(1), N(2)};
    ObjPattern *nums = keep(pat_fastcat(H, k, 2));
    assert_text(q(keep(pat_applist(H, S("bd"), nums)), I(0), I(1)), "0 1 bd:1\n");
    ObjPattern *two = keep(pat_applist(H, keep(pat_applist(H, S("x"), N(1))), N(2)));
    assert_text(q(two, I(0), I(1)), "0 1 x:1:2\n");
    done();
}

static void test_patterned_fast(void **s) {
    ObjPattern *k[2] = {N(2), N(3)};
    ObjPattern *factor = keep(pat_slowcat(H, k, 2));
    ObjPattern *p = keep(pat_op(H, PO_FAST, &factor, 1, S("a"), I(1), (SrcRef){0}));
    assert_text(q(p, I(0), I(2)), "0 1/2 a\n1/2 1 a\n1 4/3 a\n4/3 5/3 a\n5/3 2 a\n");
    /* slow by <1 2>: the onset of the second cycle's event was cut away */
    ObjPattern *k2[2] = {N(1), N(2)};
    ObjPattern *f2 = keep(pat_slowcat(H, k2, 2));
    ObjPattern *p2 = keep(pat_op(H, PO_SLOW, &f2, 1, S("a"), I(1), (SrcRef){0}));
    assert_text(q(p2, I(0), I(4)), "0 1 a\n2 3 a\n");
    done();
}

static void test_patterned_euclid(void **s) {
    ObjPattern *k[2] = {N(3), N(5)};
    ObjPattern *args[2] = {keep(pat_slowcat(H, k, 2)), N(8)};
    ObjPattern *p = keep(pat_op(H, PO_EUCLID, args, 2, S("a"), I(1), (SrcRef){0}));
    assert_text(
        q(p, I(0), I(2)),
        "0 1/8 a\n3/8 1/2 a\n3/4 7/8 a\n1 9/8 a\n5/4 11/8 a\n11/8 3/2 a\n13/8 7/4 a\n7/4 15/8 a\n");
    done();
}

static void test_errors_are_values(void **s) {
    ObjPattern *bad = S("x");
    ObjPattern *p = keep(pat_op(H, PO_FAST, &bad, 1, S("a"), I(1), (SrcRef){0}));
    assert_text(q(p, I(0), I(1)), "ERROR: expected a number here, got 'x'");
    ObjPattern *args[2] = {N(2.5), N(8)};
    ObjPattern *e = keep(pat_op(H, PO_EUCLID, args, 2, S("a"), I(1), (SrcRef){0}));
    assert_text(q(e, I(0), I(1)), "ERROR: euclid needs whole numbers, got (2.5,8)");
    /* time that no longer fits in 64-bit fractions is an error, not a wrap */
    ObjPattern *huge = keep(pat_fast(H, I(INT64_MAX / 2), S("a")));
    assert_text(q(huge, I(4), I(5)),
                "ERROR: time overflow: a position no longer fits in 64-bit fractions");
    /* and so is a query that would make millions of events */
    ObjPattern *dense = keep(pat_fast(H, I(100000000), S("a")));
    char *t = q(dense, I(0), I(1));
    assert_non_null(strstr(t, "ERROR: too many events"));
    free(t);
    done();
}

static void test_span_intersection(void **s) {
    Span o;
    assert_true(span_intersect(span(I(0), I(2)), span(I(1), I(3)), &o));
    assert_true(rat_eq(o.begin, I(1)) && rat_eq(o.end, I(2)));
    assert_false(span_intersect(span(I(0), I(1)), span(I(1), I(2)), &o));
    /* a point at the start of a span intersects it; at its end it does not */
    assert_true(span_intersect(span(I(1), I(1)), span(I(1), I(2)), &o));
    assert_false(span_intersect(span(I(2), I(2)), span(I(1), I(2)), &o));
    assert_true(span_intersect(span(I(1), I(1)), span(I(1), I(1)), &o));
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_pure_and_silence),
        cmocka_unit_test(test_query_keeps_wholes_of_split_events),
        cmocka_unit_test(test_stack),
        cmocka_unit_test(test_slowcat_keeps_each_pattern_cycles),
        cmocka_unit_test(test_fastcat),
        cmocka_unit_test(test_timecat_weights),
        cmocka_unit_test(test_fast_slow),
        cmocka_unit_test(test_early_late),
        cmocka_unit_test(test_compress),
        cmocka_unit_test(test_repeat_cycles_and_replicate),
        cmocka_unit_test(test_euclid_bools),
        cmocka_unit_test(test_euclid_and_rotation),
        cmocka_unit_test(test_applist),
        cmocka_unit_test(test_patterned_fast),
        cmocka_unit_test(test_patterned_euclid),
        cmocka_unit_test(test_errors_are_values),
        cmocka_unit_test(test_span_intersection),
    };
    return cmocka_run_group_tests_name("pattern", tests, setup, teardown);
}
