/*
 * capture.c - notes to mini-notation (see capture.h).
 */
#include "capture.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#define MAX_GRID 96

static void key_name(int key, char *buf, size_t n) {
    static const char *names[12] = {"c",  "c#", "d",  "d#", "e",  "f",
                                    "f#", "g",  "g#", "a",  "a#", "b"};
    snprintf(buf, n, "%s%d", names[key % 12], key / 12 - 1);
}

static int gcd(int a, int b) {
    while (b) {
        int t = a % b;
        a = b, b = t;
    }
    return a;
}

/* Appends to out (kept NUL-terminated, never past size). */
static void put(char *out, size_t size, size_t *at, const char *s) {
    size_t len = strlen(s);
    if (*at + len >= size) len = size - 1 - *at;
    memcpy(out + *at, s, len);
    *at += len;
    out[*at] = 0;
}

bool capture_code(const Captured *notes, int n, int64_t from, int bars, int grid, char *out,
                  size_t size) {
    if (grid < 1) grid = 1;
    if (grid > MAX_GRID) grid = MAX_GRID;
    if (size < 16 || bars < 1) return false;
    size_t at = 0;
    out[0] = 0;
    put(out, size, &at, "note(\"");
    if (bars > 1) put(out, size, &at, "<");
    bool any = false;
    for (int b = 0; b < bars; b++) {
        /* the keys on each step of this bar (an onset past the last step goes to the next bar) */
        int keys[MAX_GRID][8], nkeys[MAX_GRID] = {0};
        for (int i = 0; i < n; i++) {
            double c = rat_to_double(notes[i].cycle) - (double)(from + b);
            int step = (int)floor(c * grid + 0.5);
            if (step < 0 || step >= grid) continue;
            if (nkeys[step] < 8) keys[step][nkeys[step]++] = notes[i].key;
            any = true;
        }
        int g = grid;
        for (int s = 0; s < grid; s++)
            if (nkeys[s]) g = gcd(g, s);
        int every = g ? g : grid; /* steps that hold notes are multiples of every */
        if (b) put(out, size, &at, " ");
        if (bars > 1) put(out, size, &at, "[");
        for (int s = 0; s < grid; s += every) {
            if (s) put(out, size, &at, " ");
            if (!nkeys[s]) {
                put(out, size, &at, "~");
                continue;
            }
            if (nkeys[s] > 1) put(out, size, &at, "[");
            for (int k = 0; k < nkeys[s]; k++) {
                char name[16];
                key_name(keys[s][k], name, sizeof name);
                if (k) put(out, size, &at, ",");
                put(out, size, &at, name);
            }
            if (nkeys[s] > 1) put(out, size, &at, "]");
        }
        if (bars > 1) put(out, size, &at, "]");
    }
    if (bars > 1) put(out, size, &at, ">");
    put(out, size, &at, "\")");
    return any;
}
