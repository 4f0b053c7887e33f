/*
 * test_heap.c - the collector: what is rooted survives, what is not is
 * freed, strings are interned (weakly), records are sorted, and values made
 * during a query survive collections through the event buffers.
 */
#include "support.h"

static void test_interning(void **s) {
    Heap *h = test_heap();
    ObjString *a = str_c(h, "bd");
    heap_push(h, OBJ_VAL(a));
    ObjString *b = str_intern(h, "bdx", 2);
    assert_ptr_equal(a, b);
    assert_ptr_not_equal(a, str_c(h, "sn"));
    assert_int_equal(a->len, 2);
    assert_string_equal(a->chars, "bd");
    heap_pop(h, 1);
    heap_free(h);
}

static void test_unrooted_objects_are_freed(void **s) {
    Heap *h = test_heap();
    size_t before = heap_stats(h).objects;
    for (int i = 0; i < 100; i++) {
        char name[16];
        snprintf(name, sizeof name, "s%d", i);
        str_c(h, name);
    }
    heap_collect(h);
    assert_int_equal(heap_stats(h).objects, before);
    assert_true(heap_stats(h).collections >= 1);
    /* A freed string is out of the intern table: interning again works. */
    ObjString *x = str_c(h, "s7");
    assert_string_equal(x->chars, "s7");
    heap_free(h);
}

static void test_rooted_objects_survive(void **s) {
    Heap *h = test_heap();
    ObjString *k = str_c(h, "keep");
    heap_push(h, OBJ_VAL(k));
    Value items[2] = {OBJ_VAL(k), NUM_VAL(3)};
    ObjList *l = list_new(h, items, 2);
    heap_push(h, OBJ_VAL(l));
    str_c(h, "garbage");
    heap_collect(h);
    assert_int_equal(heap_stats(h).objects, 2);
    char buf[32];
    val_format(OBJ_VAL(l), buf, sizeof buf);
    assert_string_equal(buf, "keep:3");
    heap_pop(h, 2);
    heap_collect(h);
    assert_int_equal(heap_stats(h).objects, 0);
    heap_free(h);
}

static void test_records_sorted_last_key_wins(void **s) {
    Heap *h = test_heap();
    ObjString *keys[3] = {str_c(h, "s"), NULL, NULL};
    heap_push(h, OBJ_VAL(keys[0]));
    keys[1] = str_c(h, "gain");
    heap_push(h, OBJ_VAL(keys[1]));
    RecField f[3] = {
        {keys[0], OBJ_VAL(keys[0])}, {keys[1], NUM_VAL(0.5)}, {keys[1], NUM_VAL(0.25)}};
    ObjRecord *r = rec_new(h, f, 3);
    char buf[64];
    val_format(OBJ_VAL(r), buf, sizeof buf);
    assert_string_equal(buf, "gain=0.25 s=s");
    heap_pop(h, 2);
    heap_free(h);
}

static void test_pattern_tree_survives_collection(void **s) {
    Heap *h = test_heap();
    heap_set_stress(h, true);
    ObjPattern *kids[2];
    kids[0] = pat_pure(h, OBJ_VAL(str_c(h, "bd")));
    heap_push(h, OBJ_VAL(kids[0]));
    kids[1] = pat_pure(h, OBJ_VAL(str_c(h, "sn")));
    heap_push(h, OBJ_VAL(kids[1]));
    ObjPattern *p = pat_fastcat(h, kids, 2);
    heap_pop(h, 2);
    heap_push(h, OBJ_VAL(p));
    for (int i = 0; i < 50; i++) str_c(h, "churn");
    heap_collect(h);
    assert_text(events_text(h, p, I(0), I(1)), "0 1/2 bd\n1/2 1 sn\n");
    heap_pop(h, 1);
    heap_collect(h);
    assert_int_equal(heap_stats(h).objects, 0);
    heap_free(h);
}

static void test_value_equality(void **s) {
    Heap *h = test_heap();
    Value a = OBJ_VAL(str_c(h, "x"));
    heap_push(h, a);
    assert_true(val_equal(a, OBJ_VAL(str_c(h, "x"))));
    assert_false(val_equal(a, NUM_VAL(1)));
    assert_true(val_equal(NUM_VAL(0.5), NUM_VAL(0.5)));
    Value items[2] = {a, NUM_VAL(1)};
    Value l1 = OBJ_VAL(list_new(h, items, 2));
    heap_push(h, l1);
    Value l2 = OBJ_VAL(list_new(h, items, 2));
    assert_true(val_equal(l1, l2));
    heap_pop(h, 2);
    heap_free(h);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_interning),
        cmocka_unit_test(test_unrooted_objects_are_freed),
        cmocka_unit_test(test_rooted_objects_survive),
        cmocka_unit_test(test_records_sorted_last_key_wins),
        cmocka_unit_test(test_pattern_tree_survives_collection),
        cmocka_unit_test(test_value_equality),
    };
    return cmocka_run_group_tests_name("heap", tests, NULL, NULL);
}
