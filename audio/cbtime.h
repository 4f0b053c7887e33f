/*
 * cbtime.h - how long the audio callback took, period by period: a
 * histogram fixed in size (no allocation) with log-linear bins, 64 an
 * octave, so a value read back is within 0.8 % of the one put in; exact
 * below 128 ns, and up to 2^27 ns (134 ms), beyond which one bin holds
 * the rest. The exact maximum is kept apart.
 *
 * One writer, the audio thread: cbtime_add is a few instructions, with no
 * call, lock or allocation. Any thread may read at any time (relaxed
 * atomics): a reading taken while the audio plays is a snapshot, off at
 * most by the periods added while it was read.
 */
#ifndef TALA_CBTIME_H
#define TALA_CBTIME_H

#include <stdatomic.h>
#include <stdint.h>

#define CBTIME_SUB_BITS 6  /* 64 bins an octave */
#define CBTIME_TOP_BIT  27 /* bins up to 2^27 ns */
#define CBTIME_BINS     ((CBTIME_TOP_BIT - CBTIME_SUB_BITS + 1) * (1 << CBTIME_SUB_BITS) + 1)

typedef struct {
    _Atomic uint32_t bin[CBTIME_BINS];
    _Atomic uint64_t count, max_ns;
} CbTime;

/* What a reader sees: quantiles by the nearest rank, in ns (0 with no
 * periods). */
typedef struct {
    uint64_t count;
    uint64_t median_ns, p99_ns, p999_ns, max_ns;
} CbTimeSummary;

void cbtime_reset(CbTime *h); /* while nothing adds */

static inline int cbtime_bin(uint64_t ns) {
    if (ns < (1u << CBTIME_SUB_BITS)) return (int)ns;
    if (ns >> CBTIME_TOP_BIT) return CBTIME_BINS - 1;
    int e = 63 - __builtin_clzll(ns); /* CBTIME_SUB_BITS .. CBTIME_TOP_BIT - 1 */
    return ((e - CBTIME_SUB_BITS + 1) << CBTIME_SUB_BITS) +
           (int)((ns >> (e - CBTIME_SUB_BITS)) & ((1u << CBTIME_SUB_BITS) - 1));
}

/* The audio thread's one call a period: single writer, so plain loads and
 * stores (relaxed) suffice, no read-modify-write. */
static inline void cbtime_add(CbTime *h, uint64_t ns) {
    _Atomic uint32_t *b = &h->bin[cbtime_bin(ns)];
    atomic_store_explicit(b, atomic_load_explicit(b, memory_order_relaxed) + 1,
                          memory_order_relaxed);
    if (ns > atomic_load_explicit(&h->max_ns, memory_order_relaxed))
        atomic_store_explicit(&h->max_ns, ns, memory_order_relaxed);
    atomic_store_explicit(&h->count, atomic_load_explicit(&h->count, memory_order_relaxed) + 1,
                          memory_order_relaxed);
}

/* Median, p99, p99.9 (each the middle of its bin, never above the max) and
 * the max. Any thread. */
CbTimeSummary cbtime_summary(const CbTime *h);

#endif
