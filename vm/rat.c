/*
 * rat.c - exact rationals over int64 with overflow detection.
 *
 * Every operation computes in 128-bit integers, reduces by the gcd and only
 * then checks that the result fits in 64 bits, so an intermediate product
 * that would overflow but reduces to something small is still exact. A result
 * that does not fit becomes NaR (see rat.h). Addition and multiplication
 * reduce as they go (their operands are reduced), which gives the same
 * fraction with smaller gcds; the comparisons are inline in rat.h.
 */
#include "rat.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

typedef __int128 i128;

static i128 gcd128(i128 a, i128 b) {
    if (a < 0) a = -a;
    if (b < 0) b = -b;
    while (b != 0) {
        i128 t = a % b;
        a = b;
        b = t;
    }
    return a;
}

/* gcd(|a|, |b|), gcd(0, b) = |b|; |a|, |b| <= INT64_MAX. Every rational
 * result is reduced, so queries feel this: a division brings a numerator
 * much larger than the denominator (a cycle number times it) down in one
 * step, then the binary (Stein's) method, whose steps are a shift and a
 * subtraction, without branches, instead of a division each. */
static int64_t gcd64(int64_t a, int64_t b) {
    uint64_t u = a < 0 ? -(uint64_t)a : (uint64_t)a, v = b < 0 ? -(uint64_t)b : (uint64_t)b;
    if (u < v) {
        uint64_t t = u;
        u = v;
        v = t;
    }
    if (v <= 1) return v ? 1 : (int64_t)u;
    if ((u >> 4) > v) {
        u %= v;
        if (u == 0) return (int64_t)v;
    }
    int shift = __builtin_ctzll(u | v);
    u >>= __builtin_ctzll(u);
    v >>= __builtin_ctzll(v);
    while (u != v) { /* both odd */
        uint64_t d = u > v ? u - v : v - u;
        u = u < v ? u : v;
        v = d >> __builtin_ctzll(d);
    }
    return (int64_t)(u << shift);
}

/* Reduce n/d (d != 0) and narrow to 64 bits, or NaR. */
static Rat narrow(i128 n, i128 d) {
    if (n > -INT64_MAX && n <= INT64_MAX && d > 0 && d <= INT64_MAX) {
        /* the common case: 64-bit arithmetic is enough (and much faster) */
        int64_t nn = (int64_t)n, dd = (int64_t)d;
        if (dd == 1) return (Rat){nn, 1};
        int64_t g = gcd64(nn, dd);
        if (g > 1) nn /= g, dd /= g;
        if (nn == 0) dd = 1;
        return (Rat){nn, dd};
    }
    if (d == 0) return RAT_NAR;
    if (d < 0) {
        n = -n;
        d = -d;
    }
    i128 g = gcd128(n, d);
    if (g > 1) {
        n /= g;
        d /= g;
    }
    if (n == 0) d = 1;
    /* INT64_MIN is excluded so that negation is always safe. */
    if (n > INT64_MAX || n < -INT64_MAX || d > INT64_MAX) return RAT_NAR;
    return (Rat){(int64_t)n, (int64_t)d};
}

Rat rat_make(int64_t n, int64_t d) {
    return narrow(n, d);
}

/* An already reduced n/d (d > 0) if it fits in 64 bits, else NaR: narrow's
 * last step, for the operations below that reduce as they go. */
static Rat fit(i128 n, i128 d) {
    if (n == 0) return (Rat){0, 1};
    if (n > INT64_MAX || n < -INT64_MAX || d > INT64_MAX) return RAT_NAR;
    return (Rat){(int64_t)n, (int64_t)d};
}

/* gcd(|t|, m), m > 0 */
static int64_t gcd_wide(i128 t, int64_t m) {
    if (t > INT64_MAX || t < -INT64_MAX) t %= m;
    return gcd64((int64_t)t, m);
}

/* t / g, g > 0 dividing t: in 64 bits when t fits (a 128-bit division is a
 * library call) */
static i128 div_wide(i128 t, int64_t g) {
    if (g == 1) return t;
    if (t <= INT64_MAX && t >= -INT64_MAX) return (int64_t)t / g;
    return t / g;
}

/* The operations reduce as they go (Knuth, TAOCP 4.5.1), from operands
 * that are reduced (every Rat is): the gcds are of denominators and of
 * smaller numbers, and adding an integer or a fraction of a coprime
 * denominator needs none, yet the result is the same reduced fraction a
 * division by the gcd of the whole would give. */
static Rat add_reduced(int64_t a, int64_t b, int64_t c, int64_t d) {
    if (b == d) { /* (a + c) / b: the common case (b == 1 included) */
        i128 t = (i128)a + c;
        if (b == 1) return fit(t, 1);
        int64_t g = gcd_wide(t, b);
        return fit(div_wide(t, g), b / g);
    }
    int64_t d1 = gcd64(b, d);
    if (d1 == 1) return fit((i128)a * d + (i128)c * b, (i128)b * d);
    i128 t = (i128)a * (d / d1) + (i128)c * (b / d1);
    int64_t d2 = gcd_wide(t, d1);
    return fit(div_wide(t, d2), (i128)(b / d1) * (d / d2));
}

Rat rat_add(Rat a, Rat b) {
    if (!a.den || !b.den) return RAT_NAR;
    return add_reduced(a.num, a.den, b.num, b.den);
}

Rat rat_sub(Rat a, Rat b) {
    if (!a.den || !b.den) return RAT_NAR;
    if (b.num == INT64_MIN)
        return narrow((i128)a.num * b.den - (i128)b.num * a.den, (i128)a.den * b.den);
    return add_reduced(a.num, a.den, -b.num, b.den);
}

/* (a/b) * (c/d), b, d > 0: a with d and c with b cancelled first */
static Rat mul_reduced(int64_t a, int64_t b, int64_t c, int64_t d) {
    if (a == 0 || c == 0) return (Rat){0, 1};
    int64_t g1 = gcd64(a, d), g2 = gcd64(c, b);
    return fit((i128)(a / g1) * (c / g2), (i128)(b / g2) * (d / g1));
}

Rat rat_mul(Rat a, Rat b) {
    if (!a.den || !b.den) return RAT_NAR;
    return mul_reduced(a.num, a.den, b.num, b.den);
}

Rat rat_div(Rat a, Rat b) {
    if (!a.den || !b.den || b.num == 0) return RAT_NAR;
    if (b.num == INT64_MIN) return narrow((i128)a.num * b.den, (i128)a.den * b.num);
    /* times den/num, the sign moved to the numerator */
    return b.num > 0 ? mul_reduced(a.num, a.den, b.den, b.num)
                     : mul_reduced(a.num, a.den, -b.den, -b.num);
}

Rat rat_neg(Rat a) {
    if (!a.den) return RAT_NAR;
    return (Rat){-a.num, a.den};
}

Rat rat_inv(Rat a) {
    if (!a.den || a.num == 0) return RAT_NAR;
    return narrow(a.den, a.num);
}

int rat_cmp(Rat a, Rat b) {
    if (!a.den || !b.den) return (a.den != 0) - (b.den != 0);
    i128 l = (i128)a.num * b.den, r = (i128)b.num * a.den;
    return (l > r) - (l < r);
}

Rat rat_cyclepos(Rat a) {
    return rat_sub(a, rat_floor(a));
}

double rat_to_double(Rat a) {
    if (!a.den) return NAN;
    return (double)a.num / (double)a.den;
}

/*
 * fraction.js walks the Farey sequence one mediant at a time, which can take
 * up to 10^7 steps. We take the same walk but jump over each run of moves in
 * one direction with a binary search over the run length, evaluating exactly
 * the same double comparisons, so the result is identical and fast.
 */
#define FAREY_N 10000000LL

static double mediant(int64_t a, int64_t b) {
    return (double)a / (double)b;
}

static void farey(double p, int64_t *on, int64_t *od) {
    int64_t A = 0, B = 1, C = 1, D = 1, n = 0, d = 1;
    while (B <= FAREY_N && D <= FAREY_N) {
        double M = mediant(A + C, B + D);
        if (p == M) {
            if (B + D <= FAREY_N) {
                n = A + C;
                d = B + D;
            } else if (D > B) {
                n = C;
                d = D;
            } else {
                n = A;
                d = B;
            }
            break;
        }
        if (p > M) {
            /* Right moves: after j moves the mediant is (A+(j+1)C)/(B+(j+1)D).
             * Move j (j >= 1) needs B + j*D <= N to still be in the loop. */
            int64_t tmax = 1 + (FAREY_N - B) / D;
            int64_t lo = 1, hi = tmax; /* p > M_j holds for j < lo */
            while (lo < hi) {
                int64_t mid = lo + (hi - lo + 1) / 2; /* test j = mid - 1 */
                if (p > mediant(A + mid * C, B + mid * D))
                    lo = mid;
                else
                    hi = mid - 1;
            }
            A += lo * C;
            B += lo * D;
        } else {
            int64_t tmax = 1 + (FAREY_N - D) / B;
            int64_t lo = 1, hi = tmax;
            while (lo < hi) {
                int64_t mid = lo + (hi - lo + 1) / 2;
                if (p < mediant(mid * A + C, mid * B + D))
                    lo = mid;
                else
                    hi = mid - 1;
            }
            C += lo * A;
            D += lo * B;
        }
        if (B > FAREY_N) {
            n = C;
            d = D;
        } else {
            n = A;
            d = B;
        }
    }
    *on = n;
    *od = d;
}

Rat rat_from_double(double x) {
    if (!isfinite(x)) return RAT_NAR;
    int neg = x < 0;
    if (neg) x = -x;
    if (fmod(x, 1.0) == 0.0) {
        if (x > (double)INT64_MAX / 2) return RAT_NAR;
        return narrow(neg ? -(i128)x : (i128)x, 1);
    }
    double z = 1;
    if (x >= 1) {
        /* fraction.js (5.x, the one Strudel 1.2.6 uses) scales into (0.1, 1] by a
         * power of ten first. */
        z = pow(10, floor(1 + log10(x)));
        x /= z;
    }
    int64_t n, d;
    farey(x, &n, &d);
    if (z > 1e18) return RAT_NAR;
    i128 nn = (i128)n * (i128)(int64_t)z;
    return narrow(neg ? -nn : nn, d);
}

size_t rat_parse(const char *s, size_t len, Rat *out) {
    size_t i = 0;
    int neg = 0;
    if (i < len && (s[i] == '-' || s[i] == '+')) neg = s[i++] == '-';
    size_t digits_at = i;
    i128 n = 0, d = 1;
    int overflow = 0;
    while (i < len && s[i] >= '0' && s[i] <= '9') {
        n = n * 10 + (s[i++] - '0');
        if (n > INT64_MAX) overflow = 1, n = INT64_MAX;
    }
    size_t int_digits = i - digits_at;
    size_t frac_digits = 0;
    if (i + 1 < len && s[i] == '.' && s[i + 1] >= '0' && s[i + 1] <= '9') {
        i++;
        while (i < len && s[i] >= '0' && s[i] <= '9') {
            n = n * 10 + (s[i++] - '0');
            d *= 10;
            frac_digits++;
            if (n > INT64_MAX || d > INT64_MAX) overflow = 1, n = 1, d = 1;
        }
    }
    if (int_digits == 0 && frac_digits == 0) return 0;
    /* n/d form: "3/4" */
    if (frac_digits == 0 && i + 1 < len && s[i] == '/' && s[i + 1] >= '0' && s[i + 1] <= '9') {
        size_t j = i + 1;
        i128 dd = 0;
        while (j < len && s[j] >= '0' && s[j] <= '9') {
            dd = dd * 10 + (s[j++] - '0');
            if (dd > INT64_MAX) overflow = 1, dd = 1;
        }
        i = j;
        d = dd;
    } else if (i < len && (s[i] == 'e' || s[i] == 'E')) {
        size_t j = i + 1;
        int eneg = 0;
        if (j < len && (s[j] == '-' || s[j] == '+')) eneg = s[j++] == '-';
        if (j < len && s[j] >= '0' && s[j] <= '9') {
            int e = 0;
            while (j < len && s[j] >= '0' && s[j] <= '9') {
                if (e < 1000) e = e * 10 + (s[j] - '0');
                j++;
            }
            i = j;
            for (int k = 0; k < e && !overflow; k++) {
                if (eneg)
                    d *= 10;
                else
                    n *= 10;
                if (n > INT64_MAX || d > INT64_MAX) overflow = 1;
            }
        }
    }
    *out = overflow ? RAT_NAR : narrow(neg ? -n : n, d);
    return i;
}

int rat_format(Rat a, char *buf, size_t size) {
    if (!a.den) return snprintf(buf, size, "NaR");
    if (a.den == 1) return snprintf(buf, size, "%lld", (long long)a.num);
    return snprintf(buf, size, "%lld/%lld", (long long)a.num, (long long)a.den);
}

Rat rat_lcm(Rat a, Rat b) {
    if (!rat_ok(a)) return b;
    if (!rat_ok(b)) return a;
    if (a.num == b.num && a.den == b.den && a.num > 0) return a; /* (a sequence's steps, often) */
    /* lcm(p/q, r/s) = lcm(p, r) / gcd(q, s), as fraction.js's */
    int64_t p = a.num < 0 ? -a.num : a.num, r = b.num < 0 ? -b.num : b.num;
    if (p == 0 || r == 0) return rat_int(0);
    int64_t g = gcd64(p, r);
    return rat_make(p / g * r, gcd64(a.den, b.den));
}
