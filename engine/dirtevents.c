/*
 * dirtevents.c - sound events for SuperDirt, as Tidal sends them: every
 * control of the event under its Strudel (= Tidal) name, numbers as floats
 * and words as strings, then cps, cycle and delta; `_id_` is the track.
 * note is in semitones from middle C (Tidal's c5 = 0; tala's note 60).
 *
 * Control side only: called while a window is scheduled (events.c).
 */
#include "session_impl.h"

#include "../spec/controls.h"
#include "../stdlib/lib.h"

#include <string.h>

static void pair(DirtMsg *m, const char *key, char type, double num, const char *str) {
    if (m->argc + 2 > DIRT_MAX_ARGS) return;
    m->types[m->argc] = 's';
    m->argv[m->argc++] = (OscArg){.type = 's', .str = key};
    m->types[m->argc] = type;
    m->argv[m->argc++] = (OscArg){.type = type, .num = num, .str = str};
    m->types[m->argc] = 0;
}

static void send_event(Session *s, int t, const Event *ev) {
    DirtMsg m = {.frame = session_frame_of(s, ev->whole.begin)};
    const char *note = control(CTL_NOTE)->keys[0], *n = control(CTL_N)->keys[0];
    Value v = ev->value;
    double x;
    if (IS_RECORD(v)) {
        ObjRecord *rec = AS_RECORD(v);
        for (uint32_t i = 0; i < rec->len; i++) {
            const char *key = rec->fields[i].key->chars;
            Value val = rec->fields[i].val;
            bool is_note = !strcmp(key, note);
            /* numbers, and note names as numbers (Strudel's parseNumeral) */
            if (IS_NUM(val) || ((is_note || !strcmp(key, n)) && js_numeral(val, &x)))
                x = IS_NUM(val) ? val.as.num : x, pair(&m, key, 'f', is_note ? x - 60 : x, NULL);
            else if (IS_STRING(val))
                pair(&m, key, 's', 0, AS_STRING(val)->chars);
        }
    } else if (IS_STRING(v)) { /* a bare sound name: s("bd") */
        pair(&m, control(CTL_S)->keys[0], 's', 0, AS_STRING(v)->chars);
    } else if (IS_NUM(v)) { /* a bare number plays as a note */
        pair(&m, note, 'f', v.as.num - 60, NULL);
    }
    double cps = session_bpm_at(s, ev->whole.begin) / 240;
    pair(&m, "cps", 'f', cps, NULL);
    pair(&m, "cycle", 'f', rat_to_double(ev->whole.begin), NULL);
    pair(&m, "delta", 'f', rat_to_double(rat_sub(ev->whole.end, ev->whole.begin)) / cps, NULL);
    const char *id = t >= 0 && t < s->ntracks && s->tracks[t].name ? s->tracks[t].name->chars : "";
    pair(&m, "_id_", 's', 0, id);
    s->o.dirt(s->o.dirt_ud, &m);
}

/* An event that goes to MIDI alone (.midi() without s) is not a sound. */
static bool midi_only(Value v) {
    if (!IS_RECORD(v)) return false;
    ObjRecord *r = AS_RECORD(v);
    return !IS_NIL(ses_record_get(r, control(CTL_MIDIPORT)->keys[0])) &&
           IS_NIL(ses_record_get(r, control(CTL_S)->keys[0]));
}

void ses_dirt_window(Session *s, int t, ObjPattern *p, Rat a, Rat b) {
    if (!s->o.dirt || !p || !rat_lt(a, b)) return;
    bool solo = false; /* a muted track, or one another's solo silences, is not sent either */
    for (int i = 0; i < s->ntracks; i++) solo |= s->tracks[i].sent.solo;
    if (s->tracks[t].sent.mute || (solo && !s->tracks[t].sent.solo)) return;
    Query *q = vm_query(s->vm);
    Err err = {0}, *saved = q->err;
    q->err = &err; /* the track's own query of this cycle said any error */
    EvBuf ev;
    evbuf_init(&ev, vm_heap(s->vm));
    Rat sh = rat_lt(a, s->shift_at) ? s->shift_prev : s->shift; /* :jump, as the notes */
    if (pat_events(q, p, rat_add(a, sh), rat_add(b, sh), true, &ev))
        for (size_t i = 0; i < ev.len; i++) {
            Event e = ev.ev[i];
            e.whole.begin = rat_sub(e.whole.begin, sh), e.whole.end = rat_sub(e.whole.end, sh);
            if (rat_lt(e.whole.begin, a) || !rat_lt(e.whole.begin, b) || midi_only(e.value))
                continue;
            send_event(s, t, &e);
        }
    q->err = saved;
    evbuf_free(&ev);
}
