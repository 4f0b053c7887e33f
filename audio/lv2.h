/*
 * lv2.h - LV2 plugins through lilv: the ones installed, found by URI or by
 * a unique part of their name or URI.
 *
 * Control side only (lilv reads the plugins' Turtle files: never on the
 * audio thread).
 */
#ifndef TALA_LV2_H
#define TALA_LV2_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

/* Prints the installed plugins, one a line: URI, name in quotes, audio
 * inputs and outputs, control inputs. Returns how many, or -1 with why. */
int lv2_list(FILE *f, char *why, size_t n);

/* Prints one plugin (its URI, or a part of its URI or name that only it
 * has): name, URI, audio ports, and each control input with its symbol,
 * name, default and range. False with why (none or several match: they are
 * named). */
bool lv2_describe(FILE *f, const char *name, char *why, size_t n);

/* ---- plugins in effect chains ---- */

#define LV2_MAX_CONTROLS 96

/* The plugin a chain names (its URI, its whole name, or a part of either
 * that only it has), checked for use: 1 or 2 audio inputs and outputs, no
 * required feature tala lacks (it gives urid:map), no port it cannot feed;
 * in safe mode only from the system's LV2 folders. Its number (the same
 * for the same plugin), or -1 with why. Control thread. */
int lv2_plugin(const char *name, bool safe, char *why, size_t n);
const char *lv2_uri(int k);
/* Its control inputs, in port order: how many, which one a symbol names
 * (-1: none), and each one's symbol, default and range. */
int lv2_controls(int k);
int lv2_control_find(int k, const char *symbol);
void lv2_control_info(int k, int i, const char **symbol, float *def, float *min, float *max);

/* A plugin running on a stereo signal: two instances of a mono plugin (a
 * side each), one of a stereo one (a mono-in, stereo-out one hears the
 * sides' mean). Made, activated and freed on the control thread; run on
 * the audio thread, where it allocates nothing (the plugin's run() is its
 * own: LV2's hardRTCapable ones promise the same). */
typedef struct Lv2Run Lv2Run;
/* Whether plugin k starts at this rate (tried once a rate; the answer kept):
 * false with why. Control thread. */
bool lv2_try(int k, double rate, char *why, size_t n);
Lv2Run *lv2_run_new(int k, double rate, int block, char *why, size_t n);
/* In place, n frames, with these control values (in lv2_controls order).
 * The plugin runs on whole 64-frame blocks, one block (64 frames) late, so
 * what it makes never depends on how the caller cut its buffers. */
void lv2_run(Lv2Run *r, const float *controls, float *left, float *right, int n);
void lv2_run_free(Lv2Run *r);

#endif
