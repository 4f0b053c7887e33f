/*
 * mini.h - mini-notation: the pattern language inside double quotes.
 *
 * source text -> (parse) syntax tree -> (build) pattern objects.
 * The grammar and its meaning are Strudel 1.2.6's (its "krill" grammar and
 * mini.mjs), including its whitespace rules; docs/mini-notation.md describes
 * it for users. Parse errors point at the offending character (or at the
 * bracket left open) and say what was expected.
 *
 * Control thread only (allocates in the VM heap).
 */
#ifndef TALA_MINI_H
#define TALA_MINI_H

#include "../vm/error.h"
#include "../vm/pattern.h"

/* Parses src->text[off, off + len) as mini-notation and builds its pattern.
 * Returns NULL with *err set on a syntax error. Positions in errors and in
 * the pattern's nodes refer to src, so a mini string inside a larger file
 * reports file positions. */
ObjPattern *mini_parse(Heap *h, const Source *src, size_t off, size_t len, Err *err);

#endif
