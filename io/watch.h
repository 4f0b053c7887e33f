/*
 * watch.h - tells when a file has been saved, for `tala FILE --watch`.
 *
 * Linux inotify on the file's folder, matched by name, so a save is seen
 * whether the editor rewrites the file in place or writes a new file and
 * renames it over the old one (vim, many IDEs). The descriptor is
 * non-blocking and meant to sit in the caller's poll()/select() beside
 * stdin. Single-threaded: call it from the one thread that owns the Watch
 * (the CLI's main thread). Depends on libc only.
 */
#ifndef TALA_WATCH_H
#define TALA_WATCH_H

#include <stdbool.h>

typedef struct Watch Watch;

/* Starts watching path (it need not exist yet, its folder must); NULL with
 * errno set when inotify or the folder cannot be used. */
Watch *watch_open(const char *path);
/* The descriptor that becomes readable when something happened. */
int watch_fd(Watch *w);
/* Drains what happened: true if the file was written, replaced, created or
 * touched since the last call. The events of one save count once: after
 * the first it waits for a short quiet spell (a few ms, at most 1/4 s). */
bool watch_changed(Watch *w);
void watch_close(Watch *w);

#endif
