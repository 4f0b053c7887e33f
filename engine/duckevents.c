/*
 * duckevents.c - what a note does to whole orbits (audio/duck.h): its
 * duckorbit, one AEV_DUCK for each orbit it ducks, 10 ms before the note as
 * superdough's Orbit.duck sets them, with that orbit's onset, attack and
 * depth (a list gives one a target; a shorter one repeats its first); its
 * djf, an AEV_DJF setting its own orbit's DJ filter from the note on.
 */
#include "session_impl.h"

#include "../spec/controls.h"

#include <math.h>
#include <string.h>

#define KEY(id) (control(CTL_##id)->keys[0])
#define DEF(id) (control(CTL_##id)->def)

/* item i of a control's value (a number, or a list of them), else its first, else def */
static double item(ObjRecord *rec, const char *key, uint32_t i, double def) {
    Value v = ses_record_get(rec, key);
    if (IS_LIST(v) && AS_LIST(v)->len) {
        ObjList *l = AS_LIST(v);
        Value x = l->items[i < l->len ? i : 0];
        return IS_NUM(x) ? x.as.num : def;
    }
    return IS_NUM(v) ? v.as.num : def;
}

/* an orbit number as a note's: eight, the others wrapping */
static uint8_t orbit_of(double o) {
    double ob = fmod(floor(o), AUDIO_MAX_ORBITS);
    return (uint8_t)(ob < 0 ? ob + AUDIO_MAX_ORBITS : ob);
}

void ses_duck_events(Session *s, int t, const Event *ev, ObjRecord *rec, Notes *into) {
    Value targets = ses_record_get(rec, KEY(DUCKORBIT));
    uint32_t n = IS_LIST(targets) ? AS_LIST(targets)->len : IS_NUM(targets) ? 1 : 0;
    double djf = NAN, orbit = DEF(ORBIT);
    ses_record_num(rec, KEY(DJF), &djf);
    if (!n && !isfinite(djf)) return;
    Rat f = ses_frame_exact(s, ev->whole.begin);
    double nudge = 0;
    if (ses_record_num(rec, KEY(NUDGE), &nudge) && nudge != 0)
        f = rat_add(f, rat_from_double(nudge * s->o.rate));
    if (!rat_ok(f)) return;
    int64_t note = ses_round_half_up(f), before = (int64_t)llround(0.01 * s->o.rate);
    if (note < 0) return;
    if (isfinite(djf)) { /* superdough sets the filter's value at the note's time */
        ses_record_num(rec, KEY(ORBIT), &orbit);
        AudioEvent e;
        memset(&e, 0, sizeof e);
        e.kind = AEV_DJF;
        e.track = (int16_t)t;
        e.frame = (uint64_t)note;
        e.djf.orbit = orbit_of(isfinite(orbit) ? orbit : 1);
        e.djf.value = (float)djf;
        ses_notes_push(into, &e, ev->whole.begin);
    }
    for (uint32_t i = 0; i < n; i++) {
        double o = item(rec, KEY(DUCKORBIT), i, NAN);
        if (!isfinite(o)) continue;
        AudioEvent e;
        memset(&e, 0, sizeof e);
        e.kind = AEV_DUCK;
        e.track = (int16_t)t;
        e.frame = (uint64_t)(note > before ? note - before : 0);
        e.duck.orbit = orbit_of(o);
        e.duck.note = (uint64_t)note;
        e.duck.onset = (float)item(rec, KEY(DUCKONSET), i, DEF(DUCKONSET));
        e.duck.attack = (float)item(rec, KEY(DUCKATTACK), i, DEF(DUCKATTACK));
        e.duck.depth = (float)item(rec, KEY(DUCKDEPTH), i, DEF(DUCKDEPTH));
        ses_notes_push(into, &e, ev->whole.begin);
    }
}
