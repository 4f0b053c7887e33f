/*
 * lazylib.h - a shared library opened when it is first needed (dlopen), not
 * when tala starts: a run that never draws a plot or plays a soundfont does
 * not map the library, its dependencies (GLib, SDL, Pixman, ...) or their
 * pages, so its memory stays small.
 *
 * In the one file that calls the library:
 *
 *     #define CAIRO_FNS(X) X(cairo_create) X(cairo_destroy) ...
 *     LAZY_LIB(cairo_api, TALA_SO_CAIRO, CAIRO_FNS)
 *     ...
 *     char why[256];
 *     if (!cairo_api_load(why, sizeof why)) { say why; }
 *     cairo_t *cr = cairo_api.cairo_create(surface);
 *
 * The header's declarations give each pointer its type; TALA_SO_* is the
 * library's soname, found by the build (any expression giving a name or path
 * will do: it is evaluated once, when loading). Loading is once, thread-safe, and
 * all or nothing: a missing library or symbol is a message, not a crash.
 */
#ifndef TALA_LAZYLIB_H
#define TALA_LAZYLIB_H

#include <dlfcn.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#define LAZY_FIELD_(f) __typeof__(f) *f;
#define LAZY_SYM_(f)                                                                               \
    if (ok_ && !(*(void **)&api_->f = dlsym(h_, #f))) {                                            \
        snprintf(err_, sizeof err_, "%.300s has no %s", so_, #f);                                  \
        ok_ = false;                                                                               \
    }

#define LAZY_LIB(api, soname, LIST)                                                                \
    static struct { LIST(LAZY_FIELD_) } api;                                                       \
    static bool api##_load(char *why, size_t n) {                                                  \
        static pthread_mutex_t lock_ = PTHREAD_MUTEX_INITIALIZER;                                  \
        static int state_; /* 0: not tried, 1: loaded, -1: failed (err_ says why) */               \
        static char err_[1024];                                                                    \
        pthread_mutex_lock(&lock_);                                                                \
        if (state_ == 0) {                                                                         \
            const char *so_ = (soname);                                                            \
            bool ok_ = true;                                                                       \
            __typeof__(api) *api_ = &api;                                                          \
            void *h_ = dlopen(so_, RTLD_NOW | RTLD_LOCAL);                                         \
            if (!h_) {                                                                             \
                const char *e_ = dlerror();                                                        \
                snprintf(err_, sizeof err_, "cannot load %.300s: %.600s", so_,                     \
                         e_ ? e_ : "not found");                                                   \
                ok_ = false;                                                                       \
            }                                                                                      \
            LIST(LAZY_SYM_)                                                                        \
            if (!ok_ && h_) dlclose(h_);                                                           \
            state_ = ok_ ? 1 : -1;                                                                 \
        }                                                                                          \
        bool loaded_ = state_ == 1;                                                                \
        pthread_mutex_unlock(&lock_);                                                              \
        if (!loaded_ && why) snprintf(why, n, "%s", err_);                                         \
        return loaded_;                                                                            \
    }

#endif
