/*
 * controls.c - the control table, made from CONTROL_LIST (controls.h) in
 * ControlId order. Data only; any thread may read it.
 */
#include "controls.h"

#include <stddef.h>
#include <string.h>

#define K(...)                                                                                     \
    { __VA_ARGS__ }
#define R(lo, hi) lo, hi
#define CONTROL_TABLE_ROW(id, name, keys, aliases, drives, ugen, input2, range, def, doc, example) \
    {name, keys, aliases, drives, ugen, input2, range, def, doc, example},

static const ControlDef CONTROLS[CTL_COUNT] = {CONTROL_LIST(CONTROL_TABLE_ROW)};

const ControlDef *control_table(void) {
    return CONTROLS;
}

const ControlDef *control_by_key(const char *key) {
    for (size_t i = 0; i < CTL_COUNT; i++)
        if (strcmp(CONTROLS[i].keys[0], key) == 0) return &CONTROLS[i];
    return NULL;
}
