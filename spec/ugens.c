/*
 * ugens.c - the unit generator table, made from UGEN_LIST (ugens.h) in
 * UgenId order. Data only; any thread may read it.
 */
#include "ugens.h"

#include <stddef.h>
#include <string.h>

/* IN(...) and DEF(...) of a row become an array and, for IN, its length. */
#define ARRAY_IN(...)                                                                              \
    { __VA_ARGS__ }
#define ARRAY_DEF(...)                                                                             \
    { __VA_ARGS__ }
#define COUNT_IN(...)                                                                              \
    ((int)(sizeof((const char *[]){NULL, __VA_ARGS__}) / sizeof(const char *)) - 1)
#define UGEN_TABLE_ROW(id, name, kind, inputs, defaults, required, doc)                            \
    {name, kind, COUNT_##inputs, ARRAY_##inputs, ARRAY_##defaults, required, doc},

static const UgenDef UGENS[UGEN_COUNT] = {UGEN_LIST(UGEN_TABLE_ROW)};

const UgenDef *ugen_table(int *count) {
    *count = UGEN_COUNT;
    return UGENS;
}

const UgenDef *ugen_find(const char *name, unsigned len) {
    for (size_t i = 0; i < UGEN_COUNT; i++)
        if (strlen(UGENS[i].name) == len && memcmp(UGENS[i].name, name, len) == 0) return &UGENS[i];
    return NULL;
}
