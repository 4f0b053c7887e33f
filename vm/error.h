/*
 * error.h - errors as values, with the source position they came from.
 *
 * A Source is a named text (a file, a REPL block, a `tala query` argument).
 * A SrcRef points at bytes of one. An Err carries a message, an optional
 * hint, where it happened and optionally a second place ("opened here").
 * Parsers, the compiler and pattern queries fill an Err and return failure;
 * err_print is the one place that turns it into text for the user:
 *
 *     WHERE:LINE:COL: message
 *       the source line
 *          ^~~
 *     hint: what to do about it
 *
 * Sources are immutable once made and must outlive every pattern built from
 * them (patterns keep SrcRefs to report query errors).
 */
#ifndef TALA_ERROR_H
#define TALA_ERROR_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

typedef struct Source {
    char *name; /* "song.tala", "<query>", "<repl>" */
    char *text; /* NUL-terminated copy */
    size_t len;
} Source;

typedef struct {
    const Source *src; /* NULL when the position is unknown */
    uint32_t off;      /* byte offset into src->text */
    uint32_t len;      /* bytes underlined (at least one caret is shown) */
} SrcRef;

typedef struct {
    bool set;
    char msg[256];
    char hint[256];
    SrcRef at;
} Err;

Source *source_new(const char *name, const char *text, size_t len);
void source_free(Source *s);

static inline SrcRef srcref(const Source *s, size_t off, size_t len) {
    return (SrcRef){s, (uint32_t)off, (uint32_t)len};
}

/* Sets the error (the first one wins: a set error is not overwritten). */
void err_set(Err *e, SrcRef at, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
/* Puts prefix ("warning: ") before the message, cutting its end if need be. */
void err_prefix(Err *e, const char *prefix);
void err_hint(Err *e, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* 1-based line and column (columns count UTF-8 characters). */
void src_linecol(const Source *s, uint32_t off, int *line, int *col);

/* Prints the error in the format above. */
void err_print(FILE *f, const Err *e);
/* The same text as err_print, without the final newline (malloc'd). */
char *err_text(const Err *e);

#endif
