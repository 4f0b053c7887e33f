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

/* The code being written: kept NUL-terminated, never past size; what does
 * not fit sets full. */
typedef struct {
    char *out;
    size_t size, at;
    bool full;
} Buf;

static void put(Buf *b, const char *s) {
    size_t len = strlen(s);
    if (b->at + len >= b->size) len = b->size - 1 - b->at, b->full = true;
    memcpy(b->out + b->at, s, len);
    b->at += len;
    b->out[b->at] = 0;
}

bool capture_code(const Captured *notes, int n, int64_t from, int bars, int grid, char *out,
                  size_t size) {
    if (grid < 1) grid = 1;
    if (grid > MAX_GRID) grid = MAX_GRID;
    if (size < 16 || bars < 1) return false;
    Buf buf = {out, size, 0, false};
    out[0] = 0;
    put(&buf, "note(\"");
    if (bars > 1) put(&buf, "<");
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
        if (b) put(&buf, " ");
        if (bars > 1) put(&buf, "[");
        for (int s = 0; s < grid; s += every) {
            if (s) put(&buf, " ");
            if (!nkeys[s]) {
                put(&buf, "~");
                continue;
            }
            if (nkeys[s] > 1) put(&buf, "[");
            for (int k = 0; k < nkeys[s]; k++) {
                char name[16];
                key_name(keys[s][k], name, sizeof name);
                if (k) put(&buf, ",");
                put(&buf, name);
            }
            if (nkeys[s] > 1) put(&buf, "]");
        }
        if (bars > 1) put(&buf, "]");
    }
    if (bars > 1) put(&buf, ">");
    put(&buf, "\")");
    return any && !buf.full; /* code cut short is no code */
}
