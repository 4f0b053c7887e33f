/*
 * strudel_table.c - `tala reference --strudel`: the table of every name
 * Strudel 1.2.6 exposes (spec/strudel_names.h) with its status in tala,
 * read from the builtins' table: the part of docs/strudel.md after its
 * marker line (a test checks that it is up to date).
 *
 * A name is "same" when tala has a builtin of that name that does what
 * Strudel's does (the conformance corpus and the tunes test hold them to
 * Strudel's events); "differs" with the reason (NOTES below); "ignored" for
 * strudel.cc's visuals and browser calls tala accepts and ignores (a note
 * says so when a program uses one); "n/a" for what needs the browser or the
 * network; "missing" for what tala does not have yet.
 */
#include "cli.h"

#include "../spec/controls.h"
#include "../spec/strudel_names.h"
#include "../stdlib/stdlib.h"
#include "../vm/vm.h"

#include <stdio.h>
#include <string.h>

typedef struct {
    const char *name, *kind_name, *package, *alias_of;
    StrudelKind kind;
} Name;

#define ROW(n, k, p, a) {n, #k, p, a, k},
static const Name NAMES[] = {STRUDEL_NAMES(ROW)};
#undef ROW

/* What tala does differently, where it has the name. */
static const struct {
    const char *name, *note;
} DIFFERS[] = {
    {"voicing", "also voices chord symbols spelled maj7, min7, dim (Strudel plays nothing for "
                "them)"},
    {"samples", "loads folders on disk; URLs and github: names are not downloaded (a warning "
                "names the sounds they would give)"},
    {"bank", "plays the sample folder BANK_sound, else the Hydrogen kit of that name (tala "
             "sounds lists them); strudel.cc's drum machines (RolandTR909, ...) are not here: "
             "a warning lists the banks there are"},
    {"midi", "sends to tala's MIDI ports (docs/midi.md)"},
    {"time", "its values are numbers (Strudel's are fractions)"},
    {"pickmodF", "picks as pickF does, the indices wrapping around (Strudel 1.2.6 plays nothing "
                 "for it, a bug)"},
    {"splice", "its speed is at the program's tempo (strudel.cc's scheduler tempo)"},
    {"fit", "its speed is at the program's tempo (strudel.cc's scheduler tempo)"},
    {"cpm", "as strudel.cc's editor defines it: cycles a minute at the program's tempo"},
    {"setcps", "the tempo changes from the next bar, as tala's tempo statement"},
    {"setCps", "the tempo changes from the next bar, as tala's tempo statement"},
    {"setcpm", "the tempo changes from the next bar, as tala's tempo statement"},
    {"setCpm", "the tempo changes from the next bar, as tala's tempo statement"},
};

static bool have(const NativeDef *defs, int n, const char *name) {
    for (int i = 0; i < n; i++)
        if (!strcmp(defs[i].name, name)) return true;
    return false;
}

static const char *differs(const char *name) {
    for (size_t i = 0; i < sizeof DIFFERS / sizeof DIFFERS[0]; i++)
        if (!strcmp(DIFFERS[i].name, name)) return DIFFERS[i].note;
    return NULL;
}

typedef enum { ST_SAME, ST_DIFFERS, ST_IGNORED, ST_NA, ST_MISSING } Status;

/* A control tala carries in its events for others to play (DRIVES_EVENT). */
static bool event_only(const char *name) {
    const ControlDef *t = control_table();
    size_t len = strlen(name);
    for (int i = 0; i < CTL_COUNT; i++) {
        if (t[i].drives != DRIVES_EVENT) continue;
        if (!strcmp(t[i].name, name)) return true;
        for (const char *a = t[i].aliases; (a = strstr(a, name)); a += len)
            if ((a == t[i].aliases || a[-1] == ' ') && (a[len] == ' ' || a[len] == 0)) return true;
    }
    return false;
}

static Status status_of(const Name *nm, const NativeDef *defs, int n, const char **note) {
    *note = NULL;
    bool has = have(defs, n, nm->name);
    if (nm->kind == SN_VISUAL || nm->kind == SN_BROWSER) {
        if (!has) return ST_NA;
        if ((*note = differs(nm->name))) return ST_DIFFERS;
        /* the browser names tala gives a meaning of its own */
        if (!strcmp(nm->name, "slider") || !strcmp(nm->name, "sliderWithID")) return ST_SAME;
        return ST_IGNORED;
    }
    if (!has) return ST_MISSING;
    if ((*note = differs(nm->name))) return ST_DIFFERS;
    if (event_only(nm->name))
        *note = "in its events, as Strudel's; superdough 1.2.6 plays nothing for it, nor does "
                "tala's engine (SuperDirt or superdough 1.3 reads it)";
    return ST_SAME;
}

static const char *const STATUS[] = {"same", "differs", "ignored", "n/a", "missing"};

int cli_reference_strudel(void) {
    int n;
    const NativeDef *defs = stdlib_natives(&n);
    size_t count = sizeof NAMES / sizeof NAMES[0];
    int by[5] = {0}, applicable = 0, same = 0;
    for (size_t i = 0; i < count; i++) {
        const char *note;
        Status s = status_of(&NAMES[i], defs, n, &note);
        by[s]++;
        if (NAMES[i].kind == SN_FUNCTION || NAMES[i].kind == SN_SIGNAL ||
            NAMES[i].kind == SN_CONTROL) {
            applicable++;
            same += s == ST_SAME;
        }
    }
    printf("Of the %zu names, %d are the same in tala, %d differ (said why), %d are "
           "accepted and ignored (strudel.cc's visuals and browser calls), %d need the browser "
           "or the network, and %d are missing. Of the %d functions, signals and controls, "
           "%d (%.1f %%) are the same.\n",
           count, by[ST_SAME], by[ST_DIFFERS], by[ST_IGNORED], by[ST_NA], by[ST_MISSING],
           applicable, same, 100.0 * same / applicable);
    static const struct {
        StrudelKind kind;
        const char *title;
    } GROUPS[] = {{SN_FUNCTION, "Functions"},
                  {SN_SIGNAL, "Signals"},
                  {SN_CONTROL, "Controls"},
                  {SN_VISUAL, "Visuals of strudel.cc"},
                  {SN_BROWSER, "Browser and network"}};
    for (size_t g = 0; g < sizeof GROUPS / sizeof GROUPS[0]; g++) {
        printf("\n### %s\n\n| name | in tala | note |\n|---|---|---|\n", GROUPS[g].title);
        for (size_t i = 0; i < count; i++) {
            if (NAMES[i].kind != GROUPS[g].kind) continue;
            const char *note;
            Status s = status_of(&NAMES[i], defs, n, &note);
            char alias[96] = "";
            if (NAMES[i].alias_of[0])
                snprintf(alias, sizeof alias, "another name for `%s`", NAMES[i].alias_of);
            printf("| `%s` | %s | %s%s%s |\n", NAMES[i].name, STATUS[s], alias,
                   alias[0] && note ? "; " : "", note ? note : "");
        }
    }
    return EXIT_OK;
}
