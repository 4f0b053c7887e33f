/*
 * compile_bench.c - how long tala takes to compile a 200-line program
 * (lex, parse, compile, mini-notation included). Not a test: a figure for
 * the notes (goal: well under 1 ms).
 *
 *   build/bench_compile [FILE]      default: a generated 200-line program
 */
#include "vm/vm.h"
#include "lang/eval.h"
#include "stdlib/stdlib.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static double now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec + t.tv_nsec * 1e-9;
}

/* A program in the style of a real set: tracks, helpers, chains. */
static char *generate(int lines, size_t *len) {
    static const char *forms[] = {
        "drums%d = s(\"bd*2 [~ sn] hh*4\").every(4, fast(2)).gain(0.9)\n",
        "bass%d = note(\"<c2 eb2 g1 bb1>(3,8)\").lpf(sine.range(400, 2400).slow(8))\n",
        "keys%d = n(\"0 2 4 <7 9>\".off(1/8, add(7))).scale(\"C:minor\").room(0.4)\n",
        "fn fx%d(p) = p.jux(rev).sometimesBy(0.3, x => x.speed(2)).pan(saw)\n",
        "hats%d = s(\"hh*8\").degradeBy(0.2).gain(\"0.6 0.8\").swing(4)\n",
        "arp%d = note(\"<[c,e,g] [d,f,a]>\").arp(\"0 2 1 2\").ply(\"<1 2>\")\n",
        "lead%d = n(\"[0 2 4 7]*2\".add(\"<0 3 5>\")).scale(\"D:dorian\").chop(2).cutoff(800)\n",
        "perc%d = stack(s(\"cp(3,8)\"), s(\"rim*4\").mask(\"1 0 1 1\")).late(0.125)\n",
    };
    size_t cap = (size_t)lines * 128 + 64, n = 0;
    char *buf = malloc(cap);
    n += (size_t)snprintf(buf + n, cap - n, "tempo 124\n");
    for (int i = 1; i < lines; i++) n += (size_t)snprintf(buf + n, cap - n, forms[i % 8], i);
    *len = n;
    return buf;
}

int main(int argc, char **argv) {
    size_t len;
    char *text;
    if (argc > 1) {
        FILE *f = fopen(argv[1], "rb");
        if (!f) return perror(argv[1]), 1;
        text = malloc(1 << 20);
        len = fread(text, 1, 1 << 20, f);
        fclose(f);
    } else {
        text = generate(200, &len);
    }
    int lines = 0;
    for (size_t i = 0; i < len; i++) lines += text[i] == '\n';
    Vm *vm = vm_new(stdlib_library());
    Err err = {0};
    if (!eval_check(vm, "<bench>", text, len, &err)) {
        err_print(stderr, &err);
        return 1;
    }
    int reps = getenv("TALA_BENCH_REPS") ? atoi(getenv("TALA_BENCH_REPS")) : 2000;
    double t0 = now();
    for (int i = 0; i < reps; i++) {
        Err e = {0};
        eval_check(vm, "<bench>", text, len, &e);
        if (i % 200 == 199) { /* sources are kept per evaluation: start afresh now and then */
            vm_free(vm);
            vm = vm_new(stdlib_library());
        }
    }
    double dt = (now() - t0) / reps;
    printf("program: %d lines, %zu bytes\ncompile: %.3f ms (mean of %d)\n", lines, len, dt * 1e3,
           reps);
    vm_free(vm);
    free(text);
    return 0;
}
