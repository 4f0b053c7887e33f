/*
 * rat.h - exact rational numbers: the representation of musical time.
 *
 * Every position in tala (a cycle, an event's begin and end, a query span) is a
 * Rat: a fraction of two 64-bit integers, always reduced, with a positive
 * denominator. Floating point never touches a position; doubles appear only at
 * the edges (printing, converting a computed number into a time).
 *
 * Overflow is never silent. An operation whose exact result does not fit
 * yields "NaR" (not a rational, den == 0), which propagates through every
 * further operation like a NaN, and compares false with everything. The
 * pattern engine checks for NaR where spans are formed and turns it into an
 * error value with a message, so a runaway factor reports instead of wrapping.
 *
 * Pure functions on values: callable from any thread.
 */
#ifndef TALA_RAT_H
#define TALA_RAT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct {
    int64_t num; /* sign lives here */
    int64_t den; /* > 0 for a valid rational; 0 marks NaR */
} Rat;

#define RAT_NAR ((Rat){0, 0})

/* n/d reduced; NaR when d == 0 or the reduced form does not fit. */
Rat rat_make(int64_t n, int64_t d);
static inline Rat rat_int(int64_t n) {
    return (Rat){n, 1};
}
static inline bool rat_ok(Rat a) {
    return a.den != 0;
}

Rat rat_add(Rat a, Rat b);
Rat rat_sub(Rat a, Rat b);
Rat rat_mul(Rat a, Rat b);
Rat rat_div(Rat a, Rat b); /* NaR when b == 0 */
Rat rat_neg(Rat a);
Rat rat_inv(Rat a); /* 1/a, NaR when a == 0 */

/* Comparisons are false whenever either side is NaR. Inline, with min, max
 * and floor: queries make them by the million. */
static inline bool rat_eq(Rat a, Rat b) {
    return a.den && b.den && a.num == b.num && a.den == b.den;
}
static inline bool rat_lt(Rat a, Rat b) {
    return a.den && b.den && (__int128)a.num * b.den < (__int128)b.num * a.den;
}
static inline bool rat_le(Rat a, Rat b) {
    return a.den && b.den && (__int128)a.num * b.den <= (__int128)b.num * a.den;
}
static inline bool rat_gt(Rat a, Rat b) {
    return rat_lt(b, a);
}
static inline bool rat_ge(Rat a, Rat b) {
    return rat_le(b, a);
}
/* -1, 0, 1; NaR sorts before every rational (only for total orders in sorting). */
int rat_cmp(Rat a, Rat b);
static inline Rat rat_min(Rat a, Rat b) { /* NaR if either is NaR */
    if (!a.den || !b.den) return RAT_NAR;
    return rat_lt(b, a) ? b : a;
}
/* The least common multiple of two rationals (fraction.js's lcm); a NaR one is
 * left out (both NaR: NaR). */
Rat rat_lcm(Rat a, Rat b);
static inline Rat rat_max(Rat a, Rat b) {
    if (!a.den || !b.den) return RAT_NAR;
    return rat_lt(a, b) ? b : a;
}
static inline bool rat_is_zero(Rat a) {
    return a.den != 0 && a.num == 0;
}
static inline bool rat_is_int(Rat a) {
    return a.den == 1;
}

static inline Rat rat_floor(Rat a) { /* the cycle a lies in ("sam") */
    if (!a.den) return RAT_NAR;
    if (a.den == 1) return a;
    int64_t q = a.num / a.den;
    if (a.num % a.den != 0 && a.num < 0) q -= 1;
    return (Rat){q, 1};
}
static inline Rat rat_ceil(Rat a) {
    if (!a.den) return RAT_NAR;
    if (a.den == 1) return a;
    int64_t q = a.num / a.den;
    if (a.num % a.den != 0 && a.num > 0) q += 1;
    return (Rat){q, 1};
}
Rat rat_cyclepos(Rat a); /* a - floor(a), in [0, 1) */

double rat_to_double(Rat a); /* NaN for NaR */

/* The fraction a double stands for, as Strudel's fraction library
 * (fraction.js) computes it: the best rational approximation with a
 * denominator up to 10^7, found on the Stern-Brocot tree, so 1/3 computed in
 * floating point is 1/3 again. NaR for NaN, infinities and out-of-range. */
Rat rat_from_double(double x);

/* Parses "3", "-1/4", "1.25", "-0.5", "2e3" exactly. Returns the number of
 * bytes consumed (0 when the text does not start with a number). A decimal is
 * taken exactly (0.1 is 1/10, not the double nearest it). */
size_t rat_parse(const char *s, size_t len, Rat *out);

/* "3", "-1/3", "NaR". Returns the length written (buf always terminated). */
int rat_format(Rat a, char *buf, size_t size);

#endif
