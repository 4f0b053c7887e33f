/*
 * repl.h - the interactive prompt of `tala`: GNU readline (history kept
 * between sessions, completion of every builtin and defined name,
 * multi-line blocks while brackets are open), `:` commands, and a status
 * line in the prompt (bar:beat, CPU, xruns, a peak meter per track).
 */
#ifndef TALA_REPL_H
#define TALA_REPL_H

#include "../engine/live.h"

#include <time.h>

typedef struct Repl Repl;

Repl *repl_new(void);
void repl_free(Repl *r);
/* The session log (:render replays it); may be NULL. */
void repl_set_log(Repl *r, const char *path);
/* A SayFn: queues a message to print above the prompt (any thread). */
void repl_say(void *ud, const char *text);
/* Runs until :quit, Ctrl-D, SIGTERM or `seconds` of audio (0: no limit);
 * FILE is re-evaluated when saved after *watched (NULL: not watched).
 * Returns the exit status. */
int repl_run(Repl *r, Live *l, const char *file, struct timespec *watched, double seconds);

/* Shared by the REPL and `tala FILE`: evaluates a file in the session (err
 * set when the code is wrong; a file that cannot be read is reported by
 * cli_read_file, err unset), and whether a file was saved after *last
 * (updated). */
bool cli_eval_file(Live *l, const char *file, Err *err);
bool cli_file_changed(const char *file, struct timespec *last);

#endif
