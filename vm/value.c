/*
 * value.c - equality and the printed form of values.
 *
 * The printed form is the conformance contract (`tala query` output), so
 * numbers follow JavaScript's Number.prototype.toString exactly: the shortest
 * digit string that reads back as the same double, in fixed notation between
 * 1e-7 and 1e21 and exponent notation outside.
 */
#include "value.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

bool val_equal(Value a, Value b) {
    if (a.kind != b.kind) return false;
    switch (a.kind) {
    case VAL_NIL: return true;
    case VAL_BOOL: return a.as.b == b.as.b;
    case VAL_NUM: return a.as.num == b.as.num;
    case VAL_OBJ: break;
    }
    if (a.as.obj == b.as.obj) return true;
    if (a.as.obj->kind != b.as.obj->kind) return false;
    switch (a.as.obj->kind) {
    case OBJ_LIST: {
        ObjList *x = AS_LIST(a), *y = AS_LIST(b);
        if (x->len != y->len) return false;
        for (uint32_t i = 0; i < x->len; i++)
            if (!val_equal(x->items[i], y->items[i])) return false;
        return true;
    }
    case OBJ_RECORD: {
        ObjRecord *x = AS_RECORD(a), *y = AS_RECORD(b);
        if (x->len != y->len) return false;
        for (uint32_t i = 0; i < x->len; i++)
            if (x->fields[i].key != y->fields[i].key ||
                !val_equal(x->fields[i].val, y->fields[i].val))
                return false;
        return true;
    }
    default: return false; /* strings are interned; patterns compare by identity */
    }
}

int num_format(double x, char *buf, size_t size) {
    if (isnan(x)) return snprintf(buf, size, "NaN");
    if (isinf(x)) return snprintf(buf, size, x < 0 ? "-Infinity" : "Infinity");
    if (x == 0) return snprintf(buf, size, "0");

    /* Shortest precision whose correctly rounded output reads back exactly. */
    char tmp[40];
    int prec;
    for (prec = 1; prec <= 17; prec++) {
        snprintf(tmp, sizeof tmp, "%.*e", prec - 1, x);
        if (strtod(tmp, NULL) == x) break;
    }
    /* tmp is "-d.ddde[+-]XX": split into sign, digits and exponent. */
    const char *p = tmp;
    int neg = *p == '-';
    if (neg) p++;
    char digits[24];
    int k = 0;
    for (; *p && *p != 'e'; p++)
        if (*p != '.') digits[k++] = *p;
    digits[k] = 0;
    int e = atoi(p + 1); /* value = d.ddd * 10^e */
    int n = e + 1;       /* value = 0.ddd * 10^n, JavaScript's notation */

    char out[64];
    int o = 0;
    if (neg) out[o++] = '-';
    if (k <= n && n <= 21) {
        memcpy(out + o, digits, k), o += k;
        for (int i = 0; i < n - k; i++) out[o++] = '0';
    } else if (0 < n && n <= 21) {
        memcpy(out + o, digits, n), o += n;
        out[o++] = '.';
        memcpy(out + o, digits + n, k - n), o += k - n;
    } else if (-6 < n && n <= 0) {
        out[o++] = '0';
        out[o++] = '.';
        for (int i = 0; i < -n; i++) out[o++] = '0';
        memcpy(out + o, digits, k), o += k;
    } else {
        out[o++] = digits[0];
        if (k > 1) {
            out[o++] = '.';
            memcpy(out + o, digits + 1, k - 1), o += k - 1;
        }
        o += snprintf(out + o, sizeof out - o, "e%c%d", n - 1 < 0 ? '-' : '+', abs(n - 1));
    }
    out[o] = 0;
    return snprintf(buf, size, "%s", out);
}

static bool all_in(const char *s, size_t len, const char *set) {
    if (len == 0) return false;
    for (size_t i = 0; i < len; i++)
        if (!strchr(set, s[i]) || s[i] == 0) return false;
    return true;
}

bool num_parse_js(const char *s, size_t len, double *out) {
    char buf[128];
    if (len == 0 || len >= sizeof buf) return false;
    /* words are the common case: a number starts with a digit, a sign, a
     * point, or is Infinity */
    if (!((s[0] >= '0' && s[0] <= '9') || s[0] == '-' || s[0] == '+' || s[0] == '.' || s[0] == 'I'))
        return false;
    /* Radix literals: no sign allowed. */
    if (len > 2 && s[0] == '0' && strchr("xXoObB", s[1])) {
        int base = (s[1] == 'x' || s[1] == 'X') ? 16 : (s[1] == 'o' || s[1] == 'O') ? 8 : 2;
        const char *set = base == 16 ? "0123456789abcdefABCDEF" : base == 8 ? "01234567" : "01";
        if (!all_in(s + 2, len - 2, set)) return false;
        double v = 0;
        for (size_t i = 2; i < len; i++) {
            int c = s[i];
            int d = c <= '9' ? c - '0' : (c | 32) - 'a' + 10;
            v = v * base + d;
        }
        *out = v;
        return true;
    }
    size_t i = 0;
    int neg = 0;
    if (s[i] == '+' || s[i] == '-') neg = s[i++] == '-';
    if (len - i == 8 && memcmp(s + i, "Infinity", 8) == 0) {
        *out = neg ? -INFINITY : INFINITY;
        return true;
    }
    /* StrDecimalLiteral: digits [. digits] | . digits, then [eE][+-]digits */
    size_t start = i, intd = 0, fracd = 0;
    while (i < len && s[i] >= '0' && s[i] <= '9') i++, intd++;
    if (i < len && s[i] == '.') {
        i++;
        while (i < len && s[i] >= '0' && s[i] <= '9') i++, fracd++;
    }
    if (intd + fracd == 0) return false;
    if (i < len && (s[i] == 'e' || s[i] == 'E')) {
        i++;
        if (i < len && (s[i] == '+' || s[i] == '-')) i++;
        size_t ed = 0;
        while (i < len && s[i] >= '0' && s[i] <= '9') i++, ed++;
        if (ed == 0) return false;
    }
    if (i != len) return false;
    if (fracd == 0 && intd == len - start && intd <= 15) {
        /* a plain integer: exact in a double, no need for strtod */
        double v = 0;
        for (size_t k = start; k < len; k++) v = v * 10 + (s[k] - '0');
        *out = neg ? -v : v;
        return true;
    }
    memcpy(buf, s + start, len - start);
    buf[len - start] = 0;
    double v = strtod(buf, NULL);
    *out = neg ? -v : v;
    return true;
}

static size_t put(char *buf, size_t size, size_t at, const char *s, size_t n) {
    if (at < size) {
        size_t room = size - at - 1;
        memcpy(buf + at, s, n < room ? n : room);
        buf[at + (n < room ? n : room)] = 0;
    }
    return at + n;
}

static size_t fmt_at(Value v, char *buf, size_t size, size_t at) {
    char tmp[64];
    switch (v.kind) {
    case VAL_NIL: return put(buf, size, at, "nil", 3);
    case VAL_BOOL: return v.as.b ? put(buf, size, at, "true", 4) : put(buf, size, at, "false", 5);
    case VAL_NUM: {
        int n = num_format(v.as.num, tmp, sizeof tmp);
        return put(buf, size, at, tmp, (size_t)n);
    }
    case VAL_OBJ: break;
    }
    switch (v.as.obj->kind) {
    case OBJ_STRING: return put(buf, size, at, AS_STRING(v)->chars, AS_STRING(v)->len);
    case OBJ_LIST: {
        ObjList *l = AS_LIST(v);
        for (uint32_t i = 0; i < l->len; i++) {
            if (i) at = put(buf, size, at, ":", 1);
            at = fmt_at(l->items[i], buf, size, at);
        }
        return at;
    }
    case OBJ_RECORD: {
        ObjRecord *r = AS_RECORD(v);
        for (uint32_t i = 0; i < r->len; i++) {
            if (i) at = put(buf, size, at, " ", 1);
            at = put(buf, size, at, r->fields[i].key->chars, r->fields[i].key->len);
            at = put(buf, size, at, "=", 1);
            at = fmt_at(r->fields[i].val, buf, size, at);
        }
        return at;
    }
    case OBJ_PATTERN: return put(buf, size, at, "<pattern>", 9);
    case OBJ_GRAPH: return put(buf, size, at, "<graph>", 7);
    case OBJ_SYNTH: return put(buf, size, at, "<synth>", 7);
    default: return put(buf, size, at, "<function>", 10);
    }
    return at;
}

size_t val_format(Value v, char *buf, size_t size) {
    if (size) buf[0] = 0;
    return fmt_at(v, buf, size, 0);
}
