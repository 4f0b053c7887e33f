/*
 * evalfile.h - evaluating a source file in a live session: what `tala FILE`
 * does first, and again on each save with --watch. Shared by live.c (the
 * first evaluation and the plain loop) and repl.c (the prompt's loop), so
 * neither calls into the other. Called on the CLI's main thread.
 */
#ifndef TALA_EVALFILE_H
#define TALA_EVALFILE_H

#include "../engine/live.h"

/* Reads FILE and evaluates it in l (definitions that did not change are
 * left alone). False with err set when the code is wrong; false with err
 * unset when the file cannot be read (cli_read_file printed why). */
bool cli_eval_file(Live *l, const char *file, Err *err);

#endif
