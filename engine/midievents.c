/*
 * midievents.c - events that go to MIDI: an event whose record has a
 * midiport (`.midi()`) becomes MIDI messages on its exact frame, as
 * Strudel's @strudel/midi reads the same controls: program change, control
 * change, pitch bend and aftertouch first, then the note-on, whose note-off
 * is stamped for the end of the event (times clip, Strudel's legato), so
 * every note-on has its note-off; midicmd sends start, stop and continue.
 * The event sounds as well only when it names a sound (s).
 *
 * The messages travel through the outbox with the notes (schedule.c), each
 * stamped with its cycle, and leave it a lookahead before their frame for
 * the session's MIDI output (SessionOpts.midi).
 */
#include "session_impl.h"

#include "../spec/controls.h"
#include "../stdlib/lib.h"

#include <math.h>
#include <string.h>

#define KEY(id) (control(CTL_##id)->keys[0])

/* The number of the port named name ("": tala's own), told to the output
 * the first time so that it opens it before its first message is due. */
static int port_index(Session *s, const char *name) {
    for (int i = 0; i < s->nmidi_ports; i++)
        if (!strcmp(s->midi_ports[i], name)) return i;
    if (s->nmidi_ports == (int)(sizeof s->midi_ports / sizeof s->midi_ports[0])) return 0;
    snprintf(s->midi_ports[s->nmidi_ports], sizeof s->midi_ports[0], "%s", name);
    if (s->o.midi) { /* the output opens it now, before its first message is due */
        MidiMsg m = {.track = -1, .port = s->midi_ports[s->nmidi_ports], .len = -1};
        s->o.midi(s->o.midi_ud, &m);
    }
    return s->nmidi_ports++;
}

/* The number of the port named by v (a name or a number; nil: tala's own). */
static int port_number(Session *s, Value v) {
    char name[64] = "";
    if (IS_STRING(v))
        snprintf(name, sizeof name, "%s", AS_STRING(v)->chars);
    else if (IS_NUM(v))
        snprintf(name, sizeof name, "%g", v.as.num);
    return port_index(s, name);
}

static int clamp7(double x) {
    return x < 0 ? 0 : x > 127 ? 127 : (int)lround(x);
}

static void push(Notes *into, int t, int port, uint64_t frame, Rat on, const uint8_t *bytes,
                 int len, uint64_t off_frame, Rat off) {
    AudioEvent e;
    memset(&e, 0, sizeof e);
    e.kind = AEV_MIDI;
    e.frame = frame;
    e.track = (int16_t)t;
    e.midi.port = (int16_t)port;
    e.midi.len = (uint8_t)len;
    memcpy(e.midi.bytes, bytes, (size_t)len);
    e.midi.on_num = on.num, e.midi.on_den = on.den;
    e.midi.off_frame = off_frame;
    e.midi.off_num = off.num, e.midi.off_den = off.den;
    ses_notes_push(into, &e, on);
}

bool ses_midi_event(Session *s, int t, const Event *ev, ObjRecord *rec, Notes *into, bool *sounds) {
    bool has = false;
    for (uint32_t i = 0; rec && i < rec->len && !has; i++)
        has = !strcmp(rec->fields[i].key->chars, KEY(MIDIPORT));
    if (!has) return false;
    Value portv = ses_record_get(rec, KEY(MIDIPORT));
    *sounds = !IS_NIL(ses_record_get(rec, KEY(S)));
    int port = port_number(s, portv);
    double x, chan = 1;
    ses_record_num(rec, KEY(MIDICHAN), &chan);
    uint8_t ch = (uint8_t)((chan >= 1 && chan <= 16 ? (int)chan : 1) - 1);

    Rat on = ev->whole.begin;
    Rat f = ses_frame_exact(s, on);
    double nudge = 0;
    if (ses_record_num(rec, KEY(NUDGE), &nudge) && nudge != 0)
        f = rat_add(f, rat_from_double(nudge * s->o.rate));
    if (!rat_ok(f)) return true;
    int64_t frame = ses_round_half_up(f);
    if (frame < 0) return true;
    Rat none = {0, 0};
    uint8_t b[3];

    if (ses_record_num(rec, KEY(PROGNUM), &x)) {
        b[0] = (uint8_t)(0xC0 | ch), b[1] = (uint8_t)clamp7(x);
        push(into, t, port, (uint64_t)frame, on, b, 2, 0, none);
    }
    double ccn, ccv;
    if (ses_record_num(rec, KEY(CCN), &ccn) && ses_record_num(rec, KEY(CCV), &ccv)) {
        b[0] = (uint8_t)(0xB0 | ch), b[1] = (uint8_t)clamp7(ccn), b[2] = (uint8_t)clamp7(ccv * 127);
        push(into, t, port, (uint64_t)frame, on, b, 3, 0, none);
    }
    if (ses_record_num(rec, KEY(MIDIBEND), &x)) {
        double v = (fmax(-1, fmin(1, x)) + 1) / 2 * 16383;
        int bend = (int)lround(v);
        b[0] = (uint8_t)(0xE0 | ch), b[1] = (uint8_t)(bend & 0x7F), b[2] = (uint8_t)(bend >> 7);
        push(into, t, port, (uint64_t)frame, on, b, 3, 0, none);
    }
    if (ses_record_num(rec, KEY(MIDITOUCH), &x)) {
        b[0] = (uint8_t)(0xD0 | ch), b[1] = (uint8_t)clamp7(x * 127);
        push(into, t, port, (uint64_t)frame, on, b, 2, 0, none);
    }
    /* an NRPN as the WebMidi Strudel uses sends it: parameter (99, 98), value (6, 38),
     * then no parameter selected (101, 100 at 127) */
    Value nrpnn = ses_record_get(rec, KEY(NRPNN)), nrpv = ses_record_get(rec, KEY(NRPV));
    if (!IS_NIL(nrpnn) && !IS_NIL(nrpv)) {
        double pn[2] = {0, 0}, pv[2] = {0, -1};
        if (IS_LIST(nrpnn) && AS_LIST(nrpnn)->len >= 2) {
            js_numeral(AS_LIST(nrpnn)->items[0], &pn[0]),
                js_numeral(AS_LIST(nrpnn)->items[1], &pn[1]);
        } else if (js_numeral(nrpnn, &x)) {
            pn[0] = floor(x / 128), pn[1] = fmod(x, 128);
        }
        if (IS_LIST(nrpv) && AS_LIST(nrpv)->len >= 2)
            js_numeral(AS_LIST(nrpv)->items[0], &pv[0]),
                js_numeral(AS_LIST(nrpv)->items[1], &pv[1]);
        else
            js_numeral(nrpv, &pv[0]);
        const double ccs[6][2] = {{99, pn[0]}, {98, pn[1]}, {6, pv[0]},
                                  {38, pv[1]}, {101, 127},  {100, 127}};
        for (int i = 0; i < 6; i++) {
            if (ccs[i][1] < 0) continue; /* (no second value byte) */
            b[0] = (uint8_t)(0xB0 | ch), b[1] = (uint8_t)ccs[i][0],
            b[2] = (uint8_t)clamp7(ccs[i][1]);
            push(into, t, port, (uint64_t)frame, on, b, 3, 0, none);
        }
    }
    Value cmd = ses_record_get(rec, KEY(MIDICMD));
    if (IS_STRING(cmd)) {
        const char *c = AS_STRING(cmd)->chars;
        uint8_t sys = !strcmp(c, "start")      ? 0xFA
                      : !strcmp(c, "stop")     ? 0xFC
                      : !strcmp(c, "continue") ? 0xFB
                      : !strcmp(c, "clock")    ? 0xF8
                                               : 0;
        if (sys)
            push(into, t, port, (uint64_t)frame, on, &sys, 1, 0, none);
        else
            ses_warn_once(s, c, false);
    }

    /* the note: note, else n (a number), else a frequency's nearest key */
    double note = NAN;
    if (ses_record_num(rec, KEY(NOTE), &x))
        note = x;
    else if (ses_record_num(rec, KEY(N), &x) && !*sounds)
        note = x;
    else if (ses_record_num(rec, KEY(FREQ), &x) && x > 0)
        note = 69 + 12 * log2(x / 440);
    else if (IS_STRING(ses_record_get(rec, KEY(NOTE))))
        ses_warn_note(s, AS_STRING(ses_record_get(rec, KEY(NOTE)))->chars);
    if (isnan(note)) return true;
    double vel = 0.9, gain = 1, clip = 1;
    ses_record_num(rec, KEY(VELOCITY), &vel);
    ses_record_num(rec, KEY(GAIN), &gain);
    ses_record_num(rec, KEY(CLIP), &clip);
    int key = clamp7(note), v = clamp7(vel * gain * 127);
    if (v == 0) return true; /* a note-on with velocity 0 would be a note-off */
    Rat len = rat_sub(ev->whole.end, ev->whole.begin);
    if (clip != 1) len = rat_mul(len, rat_from_double(clip > 0 ? clip : 0));
    Rat off = rat_add(on, len);
    Rat ff = rat_add(ses_frame_exact(s, off), rat_sub(f, ses_frame_exact(s, on)));
    if (!rat_ok(off) || !rat_ok(ff)) return true;
    int64_t off_frame = ses_round_half_up(ff);
    if (off_frame <= frame) off_frame = frame + 1;
    b[0] = (uint8_t)(0x90 | ch), b[1] = (uint8_t)key, b[2] = (uint8_t)v;
    push(into, t, port, (uint64_t)frame, on, b, 3, (uint64_t)off_frame, off);
    if (ses_record_num(rec, KEY(POLYTOUCH), &x)) { /* the key's pressure, after its note-on */
        b[0] = (uint8_t)(0xA0 | ch), b[1] = (uint8_t)key, b[2] = (uint8_t)clamp7(x * 127);
        push(into, t, port, (uint64_t)frame, on, b, 3, 0, none);
    }
    return true;
}

static void hand_over(Session *s, const AudioEvent *e, Rat cycle, const uint8_t *bytes, int len,
                      uint64_t frame) {
    if (!s->o.midi) return;
    MidiMsg m = {.frame = frame,
                 .cycle = cycle,
                 .track = e->track,
                 .port = e->midi.port < s->nmidi_ports ? s->midi_ports[e->midi.port] : "",
                 .len = len};
    memcpy(m.bytes, bytes, (size_t)len);
    s->o.midi(s->o.midi_ud, &m);
}

void ses_midi_send(Session *s, const AudioEvent *e) {
    hand_over(s, e, (Rat){e->midi.on_num, e->midi.on_den}, e->midi.bytes, e->midi.len, e->frame);
}

void ses_midi_cut(Session *s, int track) {
    /* the note-offs still waiting: the output sends them now, for what sounds */
    size_t keep = 0;
    for (size_t i = 0; i < s->nout; i++)
        if (!(s->out[i].kind == AEV_MIDI && s->out[i].track != SESSION_CLOCK_TRACK &&
              (track < 0 || s->out[i].track == track))) {
            s->out[keep] = s->out[i];
            s->out_at[keep++] = s->out_at[i];
        }
    s->nout = keep;
    if (!s->o.midi) return;
    MidiMsg m = {.frame = session_frame_of(s, s->horizon),
                 .cycle = s->horizon,
                 .track = track,
                 .port = "",
                 .len = 0};
    s->o.midi(s->o.midi_ud, &m);
}

void session_set_midi(Session *s, MidiFn fn, void *ud) {
    s->o.midi = fn;
    s->o.midi_ud = ud;
}

void session_midi_drain(Session *s) {
    size_t keep = 0;
    for (size_t i = 0; i < s->nout; i++)
        if (s->out[i].kind == AEV_MIDI) {
            ses_midi_send(s, &s->out[i]);
        } else {
            s->out[keep] = s->out[i];
            s->out_at[keep++] = s->out_at[i];
        }
    s->nout = keep;
}

int session_tempos(const Session *s, Rat *at, double *bpm, int max) {
    for (int i = 0; i < s->nsegs && i < max; i++) at[i] = s->segs[i].cycle, bpm[i] = s->segs[i].bpm;
    return s->nsegs;
}

/* One system message of the clock on cycle c. */
static void clock_msg(Session *s, int port, Rat c, const uint8_t *bytes, int len) {
    AudioEvent e;
    memset(&e, 0, sizeof e);
    e.kind = AEV_MIDI;
    e.frame = session_frame_of(s, c);
    e.track = SESSION_CLOCK_TRACK;
    e.midi.port = (int16_t)port;
    e.midi.len = (uint8_t)len;
    memcpy(e.midi.bytes, bytes, (size_t)len);
    e.midi.on_num = c.num, e.midi.on_den = c.den;
    ses_out_push_at(s, &e, c); /* a tempo change moves it with its cycle */
}

void ses_midi_clock(Session *s, Rat a, Rat b) {
    if (!s->o.midi_clock || !s->o.midi) return;
    const int per_bar = 4 * SESSION_CLOCK_PPQN;
    int port = port_index(s, strcmp(s->o.midi_clock, "tala") ? s->o.midi_clock : "");
    if (!s->clock_started) { /* song position: where the performance starts, in 16ths */
        int64_t sixteenths = rat_floor(rat_mul(a, rat_int(16))).num;
        if (sixteenths < 0) sixteenths = 0;
        uint8_t spp[3] = {0xF2, (uint8_t)(sixteenths & 0x7F), (uint8_t)((sixteenths >> 7) & 0x7F)};
        uint8_t start = sixteenths ? 0xFB : 0xFA; /* continue from there, or start */
        clock_msg(s, port, a, spp, 3);
        clock_msg(s, port, a, &start, 1);
        s->clock_started = true;
    }
    Rat t = rat_ceil(rat_mul(a, rat_int(per_bar)));
    Rat end = rat_mul(b, rat_int(per_bar));
    static const uint8_t tick = 0xF8;
    for (int64_t k = t.num; rat_lt(rat_int(k), end); k++)
        clock_msg(s, port, rat_make(k, per_bar), &tick, 1);
}
