/*
 * cbtime.c - the callback-time histogram's reader side (see cbtime.h).
 */
#include "cbtime.h"

void cbtime_reset(CbTime *h) {
    for (int i = 0; i < CBTIME_BINS; i++)
        atomic_store_explicit(&h->bin[i], 0, memory_order_relaxed);
    atomic_store_explicit(&h->count, 0, memory_order_relaxed);
    atomic_store_explicit(&h->max_ns, 0, memory_order_relaxed);
}

/* The middle of bin i, in ns. */
static uint64_t middle(int i) {
    if (i < (1 << CBTIME_SUB_BITS)) return (uint64_t)i;
    int e = (i >> CBTIME_SUB_BITS) + CBTIME_SUB_BITS - 1, shift = e - CBTIME_SUB_BITS;
    uint64_t m = (uint64_t)(i & ((1 << CBTIME_SUB_BITS) - 1)) + (1u << CBTIME_SUB_BITS);
    return (m << shift) + ((1ull << shift) >> 1);
}

CbTimeSummary cbtime_summary(const CbTime *h) {
    uint32_t bin[CBTIME_BINS];
    uint64_t total = 0;
    for (int i = 0; i < CBTIME_BINS; i++) /* one pass: the ranks below agree with the bins */
        total += bin[i] = atomic_load_explicit(&h->bin[i], memory_order_relaxed);
    CbTimeSummary s = {.count = total,
                       .max_ns = atomic_load_explicit(&h->max_ns, memory_order_relaxed)};
    if (!total) return s;
    const double q[3] = {0.5, 0.99, 0.999};
    uint64_t *out[3] = {&s.median_ns, &s.p99_ns, &s.p999_ns};
    uint64_t seen = 0;
    int k = 0;
    for (int i = 0; i < CBTIME_BINS && k < 3; i++) {
        seen += bin[i];
        /* the nearest rank: the smallest value with at least q of all at or below it */
        while (k < 3 && (double)seen >= q[k] * (double)total) {
            uint64_t v = i == CBTIME_BINS - 1 ? s.max_ns : middle(i);
            *out[k++] = v < s.max_ns ? v : s.max_ns;
        }
    }
    return s;
}
