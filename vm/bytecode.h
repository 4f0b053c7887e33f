/*
 * bytecode.h - instruction numbers, from the one table in opcodes.h.
 */
#ifndef TALA_BYTECODE_H
#define TALA_BYTECODE_H

enum {
#define OP(name, n, doc) OP_##name,
#include "opcodes.h"
#undef OP
    OP_COUNT_
};

#endif
