/*
 * watch.c - file watching with Linux inotify (see watch.h).
 *
 * The folder is watched, not the file: an editor that saves by writing a
 * new file and renaming it over the old one replaces the inode, and a watch
 * on the old inode would go quiet after the first save. Events are matched
 * by name. A path that is a symbolic link is watched at both ends (the link
 * and the file it points to). Called from the CLI's main thread only; the
 * descriptor is non-blocking, so only watch_changed's short wait can block.
 */
#define _GNU_SOURCE
#include "watch.h"

#include <errno.h>
#include <limits.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/inotify.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

/* what a save can look like: written in place, renamed or linked over,
 * created anew, touched */
#define WATCH_EVENTS (IN_CLOSE_WRITE | IN_MOVED_TO | IN_CREATE | IN_ATTRIB)
#define QUIET_MS     20  /* no event for this long: the save is over */
#define MAX_WAIT_MS  250 /* a busy folder does not hold the caller longer */

typedef struct {
    int wd;                  /* inotify's id of the folder */
    char name[NAME_MAX + 1]; /* the file's name in it */
} Target;

struct Watch {
    int fd;            /* the inotify instance */
    int ntargets;      /* 2 when the path is a symbolic link */
    Target targets[2]; /* the path, then what it links to */
};

/* Watches path's folder for events on path's name. */
static bool add_target(Watch *w, const char *path) {
    char folder[PATH_MAX];
    const char *slash = strrchr(path, '/');
    const char *name = slash ? slash + 1 : path;
    size_t flen = slash ? (size_t)(slash - path) : 0;
    if (!*name) {
        errno = EISDIR;
        return false;
    }
    if (strlen(name) > NAME_MAX || flen >= sizeof folder) {
        errno = ENAMETOOLONG;
        return false;
    }
    if (!slash)
        snprintf(folder, sizeof folder, ".");
    else if (flen == 0)
        snprintf(folder, sizeof folder, "/");
    else
        snprintf(folder, sizeof folder, "%.*s", (int)flen, path);
    int wd = inotify_add_watch(w->fd, folder, WATCH_EVENTS | IN_ONLYDIR);
    if (wd < 0) return false;
    Target *t = &w->targets[w->ntargets++];
    t->wd = wd;
    snprintf(t->name, sizeof t->name, "%s", name);
    return true;
}

Watch *watch_open(const char *path) {
    Watch *w = calloc(1, sizeof *w);
    if (!w) return NULL;
    w->fd = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
    if (w->fd < 0 || !add_target(w, path)) {
        int e = errno;
        watch_close(w);
        errno = e;
        return NULL;
    }
    struct stat st;
    char real[PATH_MAX];
    if (lstat(path, &st) == 0 && S_ISLNK(st.st_mode) && realpath(path, real))
        add_target(w, real); /* best effort: the link itself is watched */
    return w;
}

int watch_fd(Watch *w) {
    return w->fd;
}

/* Reads every queued event: true if one of them is about the file. */
static bool drain(Watch *w) {
    char buf[4096] __attribute__((aligned(__alignof__(struct inotify_event))));
    bool hit = false;
    ssize_t n;
    while ((n = read(w->fd, buf, sizeof buf)) > 0) {
        for (char *p = buf; p < buf + n;) {
            const struct inotify_event *e = (const struct inotify_event *)p;
            if (e->mask & IN_Q_OVERFLOW) hit = true; /* events were lost: assume a save */
            if ((e->mask & WATCH_EVENTS) && e->len)
                for (int i = 0; i < w->ntargets; i++)
                    if (e->wd == w->targets[i].wd && !strcmp(e->name, w->targets[i].name))
                        hit = true;
            p += sizeof *e + e->len;
        }
    }
    return hit; /* n < 0: EAGAIN, all read (or EINTR: the next call reads on) */
}

static long ms_since(const struct timespec *t0) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (t.tv_sec - t0->tv_sec) * 1000 + (t.tv_nsec - t0->tv_nsec) / 1000000;
}

bool watch_changed(Watch *w) {
    if (!drain(w)) return false;
    /* One save is often several events (vim: create, close-write, attrib),
     * not all queued yet when the first wakes the caller: wait for a quiet
     * spell so the file is read once, whole. */
    struct timespec t0;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    while (ms_since(&t0) < MAX_WAIT_MS) {
        struct pollfd p = {.fd = w->fd, .events = POLLIN};
        int k = poll(&p, 1, QUIET_MS);
        if (k == 0 || (k < 0 && errno != EINTR)) break;
        drain(w);
    }
    return true;
}

void watch_close(Watch *w) {
    if (!w) return;
    if (w->fd >= 0) close(w->fd);
    free(w);
}
