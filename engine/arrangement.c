/*
 * arrangement.c - the song's form and moving through it (:jump).
 *
 * The form is the program's last arrange(...) (stdlib keeps its parts in the
 * global "arrange:form"): sections of whole or fractional cycles, in turn,
 * the whole song looping. A section's name is that of a global holding the
 * section's value (intro = {...}; arrange([4, intro], ...)). A jump moves
 * every track together, from a bar line on: from then on cycle c plays what
 * the patterns hold at c + shift (events.c applies it), so the song goes on
 * from the section's start and everything keeps its exact time.
 */
#include "session_impl.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int session_sections(Session *s, Section *out, int max, Rat *total) {
    Value form;
    *total = rat_int(0);
    if (!vm_get_global(s->vm, "arrange:form", &form) || !IS_LIST(form)) return 0;
    ObjList *parts = AS_LIST(form);
    int nn = vm_global_names(s->vm, NULL, 0);
    const char **names = malloc((size_t)(nn ? nn : 1) * sizeof *names);
    if (!names) abort();
    nn = vm_global_names(s->vm, names, nn);
    int n = 0;
    for (uint32_t i = 0; i < parts->len; i++) {
        Value p = parts->items[i];
        if (!IS_LIST(p) || AS_LIST(p)->len != 2 || !IS_NUM(AS_LIST(p)->items[0])) continue;
        Rat len = rat_from_double(AS_LIST(p)->items[0].as.num);
        Value part = AS_LIST(p)->items[1];
        if (n < max) {
            out[n] = (Section){.at = *total, .len = len, .name = NULL};
            for (int k = 0; k < nn && IS_OBJ(part) && !out[n].name; k++) {
                Value g;
                if (vm_get_global(s->vm, names[k], &g) && IS_OBJ(g) && g.as.obj == part.as.obj)
                    out[n].name = names[k];
            }
            n++;
        }
        *total = rat_add(*total, len);
    }
    free(names);
    return n;
}

static void list_sections(const Section *sec, int n, char *buf, size_t size) {
    size_t k = 0;
    buf[0] = 0;
    for (int i = 0; i < n && k < size; i++) {
        char at[32];
        ses_rat_text(sec[i].at, at, sizeof at);
        k += (size_t)snprintf(buf + k, size - k, "%s%d %s (from cycle %s)", i ? ", " : "", i + 1,
                              sec[i].name ? sec[i].name : "-", at);
    }
}

bool ses_jump(Session *s, const char *to, Err *err) {
    Section sec[256];
    Rat total;
    int n = session_sections(s, sec, 256, &total);
    if (n == 0) {
        err_set(err, (SrcRef){0}, "jump: the program has no arrangement");
        err_hint(err, "arrange([4, intro], [8, verse]) makes one; :jump verse then moves to it");
        return false;
    }
    char list[1024];
    list_sections(sec, n, list, sizeof list);
    int j = -1;
    char *end;
    long num = to ? strtol(to, &end, 10) : 0;
    if (to && end != to && !*end && num >= 1 && num <= n) j = (int)num - 1;
    for (int i = 0; to && j < 0 && i < n; i++)
        if (sec[i].name && !strcmp(sec[i].name, to)) j = i;
    if (j < 0) {
        err_set(err, (SrcRef){0}, "jump: no section '%s'", to ? to : "");
        err_hint(err, "the sections: %s", list);
        return false;
    }
    /* at the next bar B the song is at sec[j].at, in the same pass of the form */
    Rat b = ses_quantize(s->horizon, rat_int(1));
    if (!rat_lt(s->horizon, s->shift_at)) s->shift_prev = s->shift; /* else one is pending */
    Rat pos = rat_add(b, s->shift_prev);
    Rat pass = rat_mul(rat_floor(rat_div(pos, total)), total);
    s->shift = rat_sub(rat_add(pass, sec[j].at), b);
    s->shift_at = b;
    for (int i = 0; i < s->ntracks; i++) s->tracks[i].cpat = NULL; /* query anew */
    char where[64];
    ses_bar_text(b, where, sizeof where);
    info(s, "jump: %s (section %d) -> %s", sec[j].name ? sec[j].name : "", j + 1, where);
    return true;
}
