/*
 * show.h - patterns drawn as a grid of steps (tala show, the REPL's :show).
 */
#ifndef TALA_SHOW_H
#define TALA_SHOW_H

#include "../vm/pattern.h"
#include "../vm/vm.h"

#include <stdbool.h>
#include <stdio.h>

/* Draws cycles [from, from + cycles) of pat to out: a row per sound or note
 * (notes high to low on top, then sounds in the order they come in), a
 * column per step; false (err set) when the query fails. */
bool show_pattern(Vm *vm, ObjPattern *pat, int from, int cycles, FILE *out, Err *err);

/* tala show 'PATTERN' [--cycles N] | --file FILE */
int cli_show(int argc, char **argv);

#endif
