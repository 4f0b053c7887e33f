/*
 * test_language.c - the tala language: values, calls in Strudel's model,
 * closures, statements, errors with positions and hints, the instruction
 * budget, and the GC (this suite also runs with TALA_GC_STRESS=1 under
 * ASan in ./build.sh test).
 */
#include "support_lang.h"

static Vm *VM;

static int setup(void **s) {
    VM = vm_new(stdlib_library());
    return VM ? 0 : -1;
}
static int teardown(void **s) {
    vm_free(VM);
    return 0;
}

static char *e(const char *text) {
    return expr_text(VM, text, I(0), I(1));
}
static char *e2(const char *text) {
    return expr_text(VM, text, I(0), I(2));
}

static bool run(const char *program, Err *err) {
    memset(err, 0, sizeof *err);
    return eval_program(VM, "<prog>", program, strlen(program), err);
}

static void test_literals_are_patterns(void **s) {
    assert_text(e("\"bd sn\""), "0 1/2 bd\n1/2 1 sn\n");
    assert_text(e("3"), "0 1 3\n");
    assert_text(e("[1, 2, 3]"), "0 1/3 1\n1/3 2/3 2\n2/3 1 3\n"); /* a list is a sequence */
    assert_text(e("{gain: 0.5, s: 'bd'}"), "0 1 gain=0.5 s=bd\n");
    assert_text(e("-6dB"), "0 1 0.5011872336272722\n");
    assert_text(e("250ms"), "0 1 0.25\n");
}

static void test_calls_follow_strudel(void **s) {
    /* x.f(a) is f(a, x); a call with fewer arguments waits for the rest */
    assert_text(e("\"a b\".fast(2)"), "0 1/4 a\n1/4 1/2 b\n1/2 3/4 a\n3/4 1 b\n");
    assert_text(e("fast(2, \"a b\")"), "0 1/4 a\n1/4 1/2 b\n1/2 3/4 a\n3/4 1 b\n");
    assert_text(e("fast(2)(\"a b\")"), "0 1/4 a\n1/4 1/2 b\n1/2 3/4 a\n3/4 1 b\n");
    assert_text(e2("\"a b\".every(2, fast(2))"),
                "0 1/4 a\n1/4 1/2 b\n1/2 3/4 a\n3/4 1 b\n1 3/2 a\n3/2 2 b\n");
    /* the corpus example */
    assert_text(e2("\"bd sn\".fast(2).every(2, rev)"),
                "0 1/4 sn\n1/4 1/2 bd\n1/2 3/4 sn\n3/4 1 bd\n1 5/4 bd\n5/4 3/2 sn\n3/2 7/4 bd\n"
                "7/4 2 sn\n");
    /* a method must complete the call */
    assert_text(e("\"a\".every(2)"), "ERROR 1:5: every needs 3 arguments, got 2");
    /* variadic combinators take the subject first as methods */
    assert_text(e("\"a\".stack(\"b\")"), "0 1 a\n0 1 b\n");
}

static void test_lambdas_closures_let_if(void **s) {
    assert_text(e("\"1 2\".fmap(x => x * 10)"), "0 1/2 10\n1/2 1 20\n");
    assert_text(e("let k = 5 in \"1 2\".fmap(x => x + k)"), "0 1/2 6\n1/2 1 7\n");
    assert_text(e("(a => b => a + b)(1)(2)"), "0 1 3\n");
    assert_text(e("let add3 = (a, b, c) => a + b + c in add3(1, 2)(3)"), "0 1 6\n");
    assert_text(e("if 1 < 2 then \"yes\" else \"no\""), "0 1 yes\n");
    assert_text(e("if nil then 1 else 2"), "0 1 2\n");
    assert_text(e("1 < 2 and 2 < 1 or 7"), "0 1 7\n");
    /* closures keep their captured variables after the let ends */
    assert_text(e("let mk = n => (x => x + n) in let f = mk(100) in \"1 2\".fmap(f)"),
                "0 1/2 101\n1/2 1 102\n");
}

static void test_operators_on_patterns(void **s) {
    assert_text(e("\"0 2\" + 12"), "0 1/2 12\n1/2 1 14\n");
    assert_text(e("\"0 2\" + \"<10 20>\""), "0 1/2 10\n1/2 1 12\n");
    assert_text(e("-\"1 2\""), "0 1/2 -1\n1/2 1 -2\n");
    assert_text(e("7 % 3"), "0 1 1\n");
    assert_text(e("-7 % 3"), "0 1 2\n");
}

static void test_definitions_tempo_play(void **s) {
    Err err;
    assert_true(run("tempo 124\n"
                    "fn double(p) = p.fast(2)\n"
                    "drums = s(\"bd sn\").every(4, double)\n"
                    "play drums\n",
                    &err));
    assert_true(vm_tempo(VM) == 124);
    ObjString **names;
    assert_int_equal(vm_played(VM, &names), 1);
    assert_string_equal(names[0]->chars, "drums");
    assert_text(e("drums"), "0 1/4 s=bd\n1/4 1/2 s=sn\n1/2 3/4 s=bd\n3/4 1 s=sn\n");
    /* methods chain across lines */
    assert_true(run("hats = s(\"hh*2\")\n  .gain(0.5)\n  .pan(1)\n", &err));
    assert_text(e("hats"), "0 1/2 gain=0.5 pan=1 s=hh\n1/2 1 gain=0.5 pan=1 s=hh\n");
    /* named arguments reach user functions by parameter name */
    assert_true(run("fn shift(p, by) = p.late(by)\n", &err));
    assert_text(e("shift(by: 0.5, p: \"a\")"), "1/2 3/2 a\n");
}

static void test_top_level_budget(void **s) {
    Err err;
    assert_true(run("fn fib(n) = if n < 2 then n else fib(n - 1) + fib(n - 2)\n", &err));
    vm_set_top_budget(VM, 200000);
    /* fib(30) is millions of steps: an error at the running function, not a stall */
    assert_false(run("y = fib(30)\n", &err));
    assert_string_equal(err.msg, "'fib' ran too long (stopped after 200000 steps)");
    int line, col;
    src_linecol(err.at.src, err.at.off, &line, &col);
    assert_int_equal(line, 1);
    /* every evaluation has its own budget: a small one right after passes */
    assert_true(run("y = fib(12)\n", &err));
    assert_true(run("y = fib(12)\n", &err));
    /* and work inside a pattern query keeps the query's budget */
    assert_text(e("\"1\".fmap(x => fib(15))"), "0 1 610\n");
    vm_set_top_budget(VM, VM_TOP_BUDGET);
}

static void test_heap_limit(void **s) {
    Err err;
    /* collecting at every allocation (TALA_GC_STRESS) would make this quadratic */
    heap_set_stress(vm_heap(VM), false);
    heap_set_limit(vm_heap(VM), 4 << 20);
    /* 2^18 lists, made two by two: past the limit, an error naming f */
    assert_false(run("fn f(n) = if n == 0 then [] else [f(n - 1), f(n - 1)]\ny = f(18)\n", &err));
    assert_non_null(strstr(err.msg, "'f' made more values than tala keeps"));
    /* the values of the failed evaluation go; the next one runs */
    assert_true(run("y = f(4)\n", &err));
    heap_set_limit(vm_heap(VM), VM_HEAP_LIMIT);
    heap_set_stress(vm_heap(VM), getenv("TALA_GC_STRESS") != NULL);
}

static void test_budget_stops_runaway_code(void **s) {
    Err err;
    assert_true(run("fn fib(n) = if n < 2 then n else fib(n - 1) + fib(n - 2)\n", &err));
    vm_set_budget(VM, 100000);
    char *t = e("\"1 2\".fmap(x => fib(40))");
    assert_non_null(strstr(t, "ran too long inside a pattern"));
    free(t);
    vm_set_budget(VM, 10 * 1000 * 1000);
    /* the VM is usable afterwards */
    assert_text(e("\"1\".fmap(x => fib(10))"), "0 1 55\n");
    /* endless recursion is an error too, not a crash */
    assert_true(run("fn loop(x) = loop(x)\n", &err));
    t = e("loop(1)");
    assert_non_null(strstr(t, "too many nested calls"));
    free(t);
}

static char *graph_text(Value v) {
    char *buf = malloc(512);
    graph_format(v, buf, 512);
    return buf;
}

static void test_synths_buses_master_mix(void **s) {
    Err err;
    assert_true(run("synth pluck(freq, gate) =\n"
                    "  saw(freq).lpf(env(0.001, 0.25) * 3000 + 300, 0.2) * env(0.005, 0.3)\n"
                    "bus verb = reverb(size: 0.8)\n"
                    "master = comp(-14dB, 3).limit(-1dB)\n"
                    "keys = note(\"c e\").s(\"pluck\")\n"
                    "mix keys { gain: -6, pan: 0.3, send: { verb: 0.3 } }\n",
                    &err));
    Value v;
    assert_true(vm_get_global(VM, "pluck", &v));
    assert_true(IS_SYNTH(v));
    ObjSynth *sy = AS_SYNTH(v);
    assert_int_equal(sy->params->len, 2);
    assert_string_equal(AS_STRING(sy->params->items[0])->chars, "freq");
    /* inside a synth, saw/lpf/env are unit generators; x.lpf(a) filters x */
    assert_text(graph_text(sy->graph),
                "mul(lpf(saw(freq), add(mul(env(0.001, 0.25), 3000), 300), 0.2), env(0.005, 0.3))");
    ObjString **names;
    Value *chains;
    assert_int_equal(vm_buses(VM, &names, &chains), 1);
    assert_string_equal(names[0]->chars, "verb");
    /* named inputs; the rest take their defaults; the chain's input is `in` */
    assert_text(graph_text(chains[0]), "reverb(in, 0.8, 0.5, 0.3)");
    assert_text(graph_text(vm_master(VM)),
                "limit(comp(in, 0.19952623149688797, 3, 0.01, 0.1, 0), 0.8912509381337456)");
    ObjRecord *mix;
    assert_true(vm_mix(VM, "keys", &mix));
    char buf[64];
    val_format(OBJ_VAL(mix), buf, sizeof buf);
    assert_string_equal(buf, "gain=-6 pan=0.3 send=verb=0.3");
    /* outside synths, sine and saw are still the 0..1 signals */
    assert_text(e("saw.segment(2)"), "0 1/2 0\n1/2 1 0.5\n");
}

static void test_sound_errors(void **s) {
    Err err;
    assert_false(run("synth bad(freq) = \"bd sn\"\n", &err));
    assert_non_null(strstr(err.msg, "not a sound"));
    assert_false(run("bus b = 3\n", &err));
    assert_non_null(strstr(err.msg, "needs an effect chain"));
    assert_false(run("mix t { volume: 1 }\n", &err));
    assert_non_null(strstr(err.msg, "unknown setting 'volume'"));
    assert_false(run("synth s2(f) = saw(f).sine(3)\n", &err));
    assert_non_null(strstr(err.msg, "makes a sound; it does not process one"));
    assert_false(run("synth s3(f) = saw(f, 1, 2)\n", &err));
    assert_non_null(strstr(err.msg, "saw takes 1 input, got 3"));
}

/* ---- broken programs: each gives line:col and a hint, never a crash ---- */

typedef struct {
    const char *program;
    const char *where_msg; /* "line:col: message prefix" */
} Broken;

static const Broken BROKEN[] = {
    {"drums = s(\"bd\").fsat(2)", "1:17: unknown function 'fsat'"},
    {"x = stakc(\"a\", \"b\")", "1:5: unknown name 'stakc'"},
    {"x = \"bd [sn\"", "1:9: unclosed '[' (opened here)"},
    {"x = \"bd sn", "1:5: unclosed string (opened here)"},
    {"x = s(\"bd\"", "1:6: unclosed '(' (opened here)"},
    {"x = [1, 2", "1:5: unclosed '[' (opened here)"},
    {"x = {gain: 1", "1:5: unclosed '{' (opened here)"},
    {"x = {gain 1}", "1:11: expected ':'"},
    {"x = 1 +", "1:8: expected a value"},
    {"x = ", "1:5: expected a value"},
    {"x = 5xyz", "1:6: unknown unit after a number"},
    {"x = 1 ! 2", "1:7: expected the end of the line, found 'not'"},
    {"x = a # b", "1:7: unexpected '#'"},
    {"x = \"a\".", "1:9: expected a function name after '.'"},
    {"x = \"a\".3", "1:9: expected a function name after '.'"},
    {"x = if 1 then 2", "1:16: expected 'else'"},
    {"x = let y = 1 y", "1:15: expected 'in'"},
    {"fn f(a, a) = a", "1:9: parameter 'a' appears twice"},
    {"fn f(a b) = a", "1:8: expected ')'"},
    {"play drums", "1:6: unknown track 'drums'"},
    {"x = 1\nx = 2 3", "2:7: expected the end of the line"},
    {"x = s(gain: 1, \"bd\")", "1:16: positional argument after a named argument"},
    {"x = \"bd(3,8\"", "1:8: unclosed '(' (opened here)"},
    {"x = \"bd*\"", "1:9: expected a step after '*'"},
    {"x = \"<a . b>\"", "1:9: '.' is not allowed inside < >"},
    {"x = `bd", "1:5: unclosed string (opened here)"},
    {"x = y => ", "1:10: expected a value"},
    {"x = (1, 2)", "1:7: expected ')'"},
    {"x = fn(a) a", "1:11: expected '='"},
    {"\n\n   x = \"a\".rve()", "3:12: unknown function 'rve'"},
    {"x = \"a\"\nplay x, y", "2:9: unknown track 'y'"},
    {"x = 1 == ", "1:10: expected a value"},
};

static void test_broken_programs_are_positioned(void **s) {
    size_t n = sizeof BROKEN / sizeof BROKEN[0];
    assert_true(n >= 30);
    Vm *fresh = vm_new(stdlib_library()); /* nothing defined by earlier tests */
    for (size_t i = 0; i < n; i++) {
        Err err = {0};
        const char *prog = BROKEN[i].program;
        bool ok = eval_check(fresh, "<prog>", prog, strlen(prog), &err);
        char got[400];
        int line = 0, col = 0;
        if (err.at.src) src_linecol(err.at.src, err.at.off, &line, &col);
        snprintf(got, sizeof got, "%d:%d: %s", line, col, err.msg);
        if (ok || strncmp(got, BROKEN[i].where_msg, strlen(BROKEN[i].where_msg)) != 0)
            fail_msg("program \"%s\": got \"%s\"%s, want prefix \"%s\"", prog, ok ? "(ok)" : got,
                     "", BROKEN[i].where_msg);
        if (!err.hint[0] && strstr(got, "unknown"))
            fail_msg("program \"%s\": no hint for \"%s\"", prog, got);
    }
    vm_free(fresh);
}

static void test_hint_suggests_the_closest_name(void **s) {
    Err err = {0};
    const char *prog = "x = \"a\".palindrom()";
    assert_false(eval_check(VM, "<prog>", prog, strlen(prog), &err));
    assert_string_equal(err.hint, "did you mean 'palindrome'?");
}

static void test_random_programs_never_crash(void **s) {
    static const char *parts[] = {"x",      " = ",   "\"a b\"", ".fast(", "2",     ")",    "(",
                                  "[",      "]",     "{",       "}",      ",",     "=>",   "let ",
                                  " in ",   "if ",   " then ",  " else ", "+",     "-",    "\n",
                                  "fn ",    "play ", "tempo ",  ":",      "'t'",   "0.5",  "rev",
                                  "every(", "sine",  ".",       "dB",     "--c\n", "\"<a", "*"};
    uint32_t x = 88172645u;
    char buf[256];
    for (int i = 0; i < 3000; i++) {
        size_t len = 0;
        int k = 1 + (int)(x % 12);
        for (int j = 0; j < k; j++) {
            x ^= x << 13, x ^= x >> 17, x ^= x << 5;
            const char *p = parts[x % (sizeof parts / sizeof parts[0])];
            size_t pl = strlen(p);
            if (len + pl >= sizeof buf) break;
            memcpy(buf + len, p, pl);
            len += pl;
        }
        Err err = {0};
        eval_check(VM, "<fuzz>", buf, len, &err);
        Err err2 = {0};
        eval_program(VM, "<fuzz>", buf, len, &err2);
    }
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_literals_are_patterns),
        cmocka_unit_test(test_calls_follow_strudel),
        cmocka_unit_test(test_lambdas_closures_let_if),
        cmocka_unit_test(test_operators_on_patterns),
        cmocka_unit_test(test_definitions_tempo_play),
        cmocka_unit_test(test_budget_stops_runaway_code),
        cmocka_unit_test(test_top_level_budget),
        cmocka_unit_test(test_heap_limit),
        cmocka_unit_test(test_synths_buses_master_mix),
        cmocka_unit_test(test_sound_errors),
        cmocka_unit_test(test_broken_programs_are_positioned),
        cmocka_unit_test(test_hint_suggests_the_closest_name),
        cmocka_unit_test(test_random_programs_never_crash),
    };
    return cmocka_run_group_tests_name("language", tests, setup, teardown);
}
