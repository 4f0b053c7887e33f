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

#endif
