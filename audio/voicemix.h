/*
 * voicemix.h - a voice's block into its track: the samples times the pan
 * gains, added to left and right, eight at a time, stopping at
 * a sample that is not finite. Static inline, used inside synth.c's
 * DSP_CLONES functions. No allocation, no I/O.
 */
#ifndef TALA_VOICEMIX_H
#define TALA_VOICEMIX_H

#include "filters.h" /* ALWAYS_INLINE */

#include <stdbool.h>
#include <stdint.h>
#include <string.h>

typedef float vm_v8f __attribute__((vector_size(32)));

/* Whether one of y[0..8) is not finite (all its exponent bits set). */
static ALWAYS_INLINE bool vm_bad8(const float *y) {
    typedef uint32_t v8u __attribute__((vector_size(32)));
    v8u bits;
    memcpy(&bits, y, sizeof bits);
    v8u bad = (bits & 0x7f800000u) == 0x7f800000u;
    uint64_t w[4];
    memcpy(w, &bad, sizeof w);
    return w[0] | w[1] | w[2] | w[3];
}

/* Adds y[0..n) * (gl, gr) into left and right. If a sample is not finite
 * (all its exponent bits set), only the samples before it, and false: the
 * voice ends there, on the same sample however its blocks were split. */
static ALWAYS_INLINE bool mix_n(const float *restrict y, float *restrict left,
                                float *restrict right, int n, float gl, float gr, bool scan) {
    int j = 0;
    /* The last few samples (n not a multiple of eight) are one vector over the
     * last eight, read before anything is written: read after the loop's
     * last write, which it overlaps, the read would wait for that write to
     * reach the cache. Its first lanes come out as the loop writes them. */
    const int b = n - 8;
    vm_v8f lb = {0}, rb = {0};
    if (n % 8 && n > 8) {
        memcpy(&lb, left + b, sizeof lb);
        memcpy(&rb, right + b, sizeof rb);
    }
    /* eight at a time, each eight looked at before it is mixed: one pass */
    for (; j + 8 <= n; j += 8) {
        vm_v8f x, l, r;
        if (scan && vm_bad8(y + j)) break; /* (rare: the samples one by one below) */
        memcpy(&x, y + j, sizeof x);
        memcpy(&l, left + j, sizeof l);
        memcpy(&r, right + j, sizeof r);
        l += x * gl, r += x * gr;
        memcpy(left + j, &l, sizeof l);
        memcpy(right + j, &r, sizeof r);
    }
    if (n % 8 && n > 8 && j == (n & ~7)) {
        if (!scan || !vm_bad8(y + b)) {
            vm_v8f x;
            memcpy(&x, y + b, sizeof x);
            lb += x * gl, rb += x * gr;
            memcpy(left + b, &lb, sizeof lb);
            memcpy(right + b, &rb, sizeof rb);
            return true;
        }
    }
    for (; j < n; j++) {
        uint32_t bits;
        memcpy(&bits, &y[j], sizeof bits);
        if (scan && (bits & 0x7f800000u) == 0x7f800000u) return false;
        left[j] += y[j] * gl, right[j] += y[j] * gr;
    }
    return true;
}

/* A whole block is the common case: inlined with a constant length, its
 * loops have no remainder to handle. A voice whose output cannot be other
 * than finite (Voice.finite) skips the scan. */
static ALWAYS_INLINE bool mix_into(const float *y, float *left, float *right, int n, float gl,
                                   float gr, bool finite) {
    if (finite)
        return n == SYN_BLOCK ? mix_n(y, left, right, SYN_BLOCK, gl, gr, false)
                              : mix_n(y, left, right, n, gl, gr, false);
    return n == SYN_BLOCK ? mix_n(y, left, right, SYN_BLOCK, gl, gr, true)
                          : mix_n(y, left, right, n, gl, gr, true);
}

#endif
