/*
 * ugens.c - the unit generator table, made from UGEN_LIST (ugens.h) in
 * UgenId order. Data only; any thread may read it.
 */
#include "ugens.h"

#include <stdatomic.h>
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
    {name, kind, COUNT_##inputs, ARRAY_##inputs, ARRAY_##defaults, required, doc, NULL},

static const UgenDef UGENS[UGEN_COUNT] = {UGEN_LIST(UGEN_TABLE_ROW)};

const UgenDef *ugen_table(int *count) {
    *count = UGEN_COUNT;
    return UGENS;
}

/* the extensions' (their defs are the extension loader's, kept for the
 * process); published by the count, so the audio thread may read them */
static const UgenDef *EXT[UGEN_MAX_ID + 1 - UGEN_COUNT];
static _Atomic int NEXT;

const UgenDef *ugen_find(const char *name, unsigned len) {
    for (size_t i = 0; i < UGEN_COUNT; i++)
        if (strlen(UGENS[i].name) == len && memcmp(UGENS[i].name, name, len) == 0) return &UGENS[i];
    int n = atomic_load(&NEXT);
    for (int i = 0; i < n; i++)
        if (strlen(EXT[i]->name) == len && memcmp(EXT[i]->name, name, len) == 0) return EXT[i];
    return NULL;
}

int ugen_register(const UgenDef *def) {
    int n = atomic_load(&NEXT);
    if (ugen_find(def->name, (unsigned)strlen(def->name)) || UGEN_COUNT + n > UGEN_MAX_ID)
        return -1;
    EXT[n] = def;
    atomic_store(&NEXT, n + 1);
    return UGEN_COUNT + n;
}

const UgenDef *ugen_by_id(int id) {
    if (id >= 0 && id < UGEN_COUNT) return &UGENS[id];
    return id >= UGEN_COUNT && id - UGEN_COUNT < atomic_load(&NEXT) ? EXT[id - UGEN_COUNT] : NULL;
}

float ugen_input_default(int id, int slot) {
    const UgenDef *u = ugen_by_id(id);
    int at = u && u->kind == UG_EFFECT ? slot - 1 : slot; /* an effect's slot 0 is its signal */
    return u && at >= 0 && at < UGEN_MAX_INPUTS ? (float)u->defaults[at] : 0;
}

int ugen_id(const UgenDef *u) {
    if (u >= UGENS && u < UGENS + UGEN_COUNT) return (int)(u - UGENS);
    int n = atomic_load(&NEXT);
    for (int i = 0; i < n; i++)
        if (EXT[i] == u) return UGEN_COUNT + i;
    return -1;
}
