/*
 * repl.h - the interactive prompt of `tala`: GNU readline (history kept
 * between sessions, completion of every builtin and defined name,
 * multi-line blocks while brackets are open), `:` commands, and a status
 * line in the prompt (bar:beat, CPU, xruns, a peak meter per track).
 */
#ifndef TALA_REPL_H
#define TALA_REPL_H

#include "../engine/live.h"
#include "../io/watch.h"

typedef struct Repl Repl;

Repl *repl_new(void);
void repl_free(Repl *r);
/* The session log (:render replays it); may be NULL. */
void repl_set_log(Repl *r, const char *path);
/* A SayFn: queues a message to print above the prompt (any thread). */
void repl_say(void *ud, const char *text);
/* Runs until :quit, Ctrl-D, SIGTERM or `seconds` of audio (0: no limit);
 * with a watch (NULL: none), FILE is re-evaluated each time it is saved.
 * Returns the exit status. */
int repl_run(Repl *r, Live *l, const char *file, Watch *watch, double seconds);

#endif
