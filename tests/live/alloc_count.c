/*
 * alloc_count.c - preloaded into `tala` by the real-time test: counts every
 * call to the allocator made while the audio callback runs. tala calls
 * tala_callback_enter/leave around its callback when they exist (looked up
 * with dlsym), and this library defines them. The count is written to the
 * file named by TALA_ALLOC_REPORT at exit.
 */
#define _GNU_SOURCE
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>

extern void *__libc_malloc(size_t);
extern void *__libc_calloc(size_t, size_t);
extern void *__libc_realloc(void *, size_t);
extern void __libc_free(void *);

static __thread int in_callback;
static _Atomic unsigned long calls, callbacks;

void tala_callback_enter(void) {
    in_callback = 1;
    callbacks++;
}
void tala_callback_leave(void) {
    in_callback = 0;
}

void *malloc(size_t n) {
    if (in_callback) calls++;
    return __libc_malloc(n);
}
void *calloc(size_t n, size_t m) {
    if (in_callback) calls++;
    return __libc_calloc(n, m);
}
void *realloc(void *p, size_t n) {
    if (in_callback) calls++;
    return __libc_realloc(p, n);
}
void free(void *p) {
    if (in_callback && p) calls++;
    __libc_free(p);
}

/* The counter counts: one allocation and one free inside a marked span. */
__attribute__((constructor)) static void selftest(void) {
    tala_callback_enter();
    void *volatile p = malloc(16); /* volatile: the pair must not be optimized away */
    free(p);
    tala_callback_leave();
    if (calls != 2) abort();
    calls = 0;
    callbacks = 0;
}

__attribute__((destructor)) static void report(void) {
    const char *path = getenv("TALA_ALLOC_REPORT");
    FILE *f = path ? fopen(path, "w") : NULL;
    if (!f) return;
    fprintf(f, "%lu %lu\n", (unsigned long)calls, (unsigned long)callbacks);
    fclose(f);
}
