/*
 * ring.h - a lock-free single-producer single-consumer ring of fixed-size
 * items: how the control thread hands events (and later graphs) to the audio
 * thread, and how the audio thread hands retired objects back.
 *
 * One writer, one reader, no locks: the writer publishes with a release
 * store of `head`, the reader consumes with a release store of `tail`. The
 * storage is allocated once by the owner before the audio starts; push and
 * pop never allocate, block or fail other than by returning false (full /
 * empty).
 */
#ifndef TALA_RING_H
#define TALA_RING_H

#include <stdatomic.h>
#include <stdbool.h>
#include <stddef.h>
#include <string.h>

typedef struct {
    unsigned char *buf;
    size_t item;         /* bytes per item */
    size_t cap;          /* items; a power of two */
    _Atomic size_t head; /* next slot to write (producer) */
    _Atomic size_t tail; /* next slot to read (consumer) */
} Ring;

/* storage must hold cap * item bytes; cap a power of two */
static inline void ring_init(Ring *r, void *storage, size_t item, size_t cap) {
    r->buf = storage;
    r->item = item;
    r->cap = cap;
    atomic_init(&r->head, 0);
    atomic_init(&r->tail, 0);
}

static inline bool ring_push(Ring *r, const void *x) {
    size_t h = atomic_load_explicit(&r->head, memory_order_relaxed);
    size_t t = atomic_load_explicit(&r->tail, memory_order_acquire);
    if (h - t == r->cap) return false;
    memcpy(r->buf + (h & (r->cap - 1)) * r->item, x, r->item);
    atomic_store_explicit(&r->head, h + 1, memory_order_release);
    return true;
}

/* The oldest item without removing it, or NULL. */
static inline const void *ring_peek(Ring *r) {
    size_t t = atomic_load_explicit(&r->tail, memory_order_relaxed);
    size_t h = atomic_load_explicit(&r->head, memory_order_acquire);
    if (h == t) return NULL;
    return r->buf + (t & (r->cap - 1)) * r->item;
}

static inline void ring_drop(Ring *r) {
    size_t t = atomic_load_explicit(&r->tail, memory_order_relaxed);
    atomic_store_explicit(&r->tail, t + 1, memory_order_release);
}

static inline size_t ring_count(Ring *r) {
    return atomic_load_explicit(&r->head, memory_order_acquire) -
           atomic_load_explicit(&r->tail, memory_order_acquire);
}

#endif
