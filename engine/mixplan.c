/*
 * mixplan.c - mixer planning: a track's strip from its `mix` settings, the
 * effect chains of tracks, buses and master (planned during an evaluation,
 * sent for their bar line), and the reverb and delay of each orbit.
 *
 * Control side only. A plan owns its new SynthDef until send_chain hands it
 * to an AEV_CHAIN event; the session keeps a copy of what it last sent, to
 * compare the next plan with, and the audio side owns the running chains.
 */
#include "session_impl.h"

#include "../stdlib/stdlib.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

static bool truthy_setting(Value v) {
    return !IS_NIL(v) && !(v.kind == VAL_BOOL && !v.as.b) && !(IS_NUM(v) && v.as.num == 0);
}

/* The strip a track's `mix` asks for; false with err when a send names no bus. */
bool ses_strip_from_mix(Session *s, ObjString *name, Strip *st, Rat *quant, Err *err) {
    *st = (Strip){.gain = 1, .pan = 0.5f};
    *quant = rat_int(1);
    ObjRecord *mix;
    if (!name || !vm_mix(s->vm, name->chars, &mix)) return true;
    double x;
    if (ses_record_num(mix, "gain", &x)) st->gain = (float)pow(10, x / 20); /* dB in mix */
    if (ses_record_num(mix, "pan", &x)) st->pan = (float)x;
    st->mute = truthy_setting(ses_record_get(mix, "mute"));
    st->solo = truthy_setting(ses_record_get(mix, "solo"));
    Value q = ses_record_get(mix, "quant");
    char word[16];
    if (stdlib_word(s->vm, q, word, sizeof word) && strcmp(word, "now") == 0)
        *quant = rat_int(0);
    else if (IS_NUM(q) && q.as.num >= 0 && q.as.num <= 1024)
        *quant = rat_from_double(q.as.num);
    else if (!IS_NIL(q)) {
        err_set(err, (SrcRef){0}, "mix %s: quant is a number of bars (0 or \"now\": at once)",
                name->chars);
        return false;
    }
    Value send = ses_record_get(mix, "send");
    if (IS_RECORD(send)) {
        ObjRecord *sr = AS_RECORD(send);
        for (uint32_t k = 0; k < sr->len; k++) {
            int b;
            for (b = 0; b < s->nbuses; b++)
                if (s->bus_names[b] == sr->fields[k].key) break;
            if (b == s->nbuses) {
                err_set(err, (SrcRef){0}, "mix %s: no bus named '%s'", name->chars,
                        sr->fields[k].key->chars);
                err_hint(err, "define it: bus %s = reverb(size: 0.8)", sr->fields[k].key->chars);
                return false;
            }
            if (IS_NUM(sr->fields[k].val)) st->send[b] = (float)sr->fields[k].val.as.num;
        }
    }
    return true;
}

int ses_track_by_name(void *ud, const char *name) {
    TrackNames *tn = ud;
    Session *s = tn->s;
    for (int i = 0; i < s->ntracks; i++)
        if (s->tracks[i].name && strcmp(s->tracks[i].name->chars, name) == 0) return i;
    int fresh = s->ntracks;
    for (int i = 0; i < tn->n; i++) {
        bool known = false;
        for (int k = 0; k < s->ntracks && !known; k++) known = s->tracks[k].name == tn->names[i];
        for (int k = 0; k < i && !known; k++) known = tn->names[k] == tn->names[i]; /* play a, a */
        if (known) continue;
        if (strcmp(tn->names[i]->chars, name) == 0) return fresh < MAX_TRACKS ? fresh : -1;
        fresh++;
    }
    return -1;
}

bool ses_plan_chain(Session *s, const ChainEnv *env, const char *name, Value graph,
                    const SynthDef *sent, ChainPlan *p, Err *err) {
    *p = (ChainPlan){0};
    if (IS_NIL(graph)) {
        p->change = sent->nnodes > 0;
        return true;
    }
    p->def = calloc(1, sizeof *p->def);
    if (!p->def) abort();
    if (!engine_compile_chain(s->vm, name, graph, env, p->def, err)) {
        free(p->def);
        p->def = NULL;
        return false;
    }
    p->change = sent->nnodes == 0 || memcmp(sent, p->def, sizeof *p->def) != 0;
    p->keep = p->change && sent->nnodes > 0 && bus_same_shape(sent, p->def);
    if (!p->change) {
        free(p->def);
        p->def = NULL;
    }
    return true;
}

/* Sends a planned chain change on cycle `at`; takes the plan's def. */
void ses_send_chain(Session *s, int slot, int track, ChainPlan *p, SynthDef *sent, Rat at,
                    bool sounding) {
    if (!p->change) return;
    AudioEvent e = {.frame = session_frame_of(s, at), .kind = AEV_CHAIN, .track = (int16_t)track};
    e.chain.slot = (int16_t)slot;
    e.chain.xfade = sounding || sent->nnodes > 0;
    if (p->def) {
        *sent = *p->def;
        if (p->keep) {
            e.chain.keep = true;
            e.chain.def = p->def;
        } else {
            e.chain.bus = bus_new(p->def, s->o.rate);
            if (!e.chain.bus) { /* an LV2 plugin that started when compiled but not now */
                ses_say(s,
                        "tala: warning: the chain '%s' could not start (out of memory, or "
                        "a plugin failed): it is left out",
                        p->def->name);
                memset(sent, 0, sizeof *sent);
                free(p->def);
                p->def = NULL;
                return;
            }
        }
    } else {
        memset(sent, 0, sizeof *sent);
    }
    ses_out_push_at(s, &e, at);
    p->def = NULL;
}

void ses_send_strip(Session *s, int i, Rat at) {
    Track *t = &s->tracks[i];
    AudioEvent e = {.frame = session_frame_of(s, at), .kind = AEV_STRIP, .track = (int16_t)i};
    e.strip.gain = t->sent.gain, e.strip.pan = t->sent.pan;
    e.strip.mute = t->sent.mute, e.strip.solo = t->sent.solo;
    memcpy(e.strip.send, t->sent.send, sizeof e.strip.send);
    ses_out_push_at(s, &e, at);
}

/* The reverb (o 0) and delay (o 1) of a note's orbit, set as the note on
 * `frame` asks: sent the first time, then changed keeping their state (same
 * shape) whenever a note asks for other settings. */
void ses_orbit_settings(Session *s, int o, const AudioEvent *e, bool key) {
    float a = o == 0 ? e->roomsize : e->echotime, b = o == 0 ? 0 : e->echofeedback;
    bool *on = &s->orbit_on[e->orbit][o];
    float *set = s->orbit[e->orbit][o];
    if (*on && set[0] == a && set[1] == b) return;
    SynthDef *d = calloc(1, sizeof *d);
    if (!d) abort();
    snprintf(d->name, SYN_NAME, "%s", o == 0 ? "room" : "delay");
    snprintf(d->params[d->nparams++], SYN_NAME, "in");
    d->nnodes = 1;
    if (o == 0) {
        /* Strudel's size is its reverb's length in seconds (0..10): the combs'
         * feedback that makes the tail fall 60 dB in about that time (their
         * mean delay is 31.25 ms), given as the reverb's room 0..1 (feedback
         * 0.7 + 0.28 room; below 0 for the shortest rooms) */
        double size = a > 0 ? (a < 10 ? a : 10) : 0;
        double fb = size > 0 ? pow(10, -3 * 0.03125 / size) : 0;
        d->nodes[0] = (SynNode){.ugen = UGEN_REVERB,
                                .n = 4,
                                .in = {{IN_PARAM, 0, 0},
                                       {IN_CONST, 0, (float)((fb - 0.7) / 0.28)},
                                       {IN_CONST, 0, 0.5f},
                                       {IN_CONST, 0, 1}}};
    } else {
        d->nodes[0] = (SynNode){.ugen = UGEN_DELAY,
                                .n = 5,
                                .in = {{IN_PARAM, 0, 0},
                                       {IN_CONST, 0, a},
                                       {IN_CONST, 0, b},
                                       {IN_CONST, 0, 1},
                                       {IN_CONST, 0, 0}}};
    }
    AudioEvent c = {.frame = e->frame, .kind = AEV_CHAIN, .track = 0};
    c.chain.slot = (int16_t)CHAIN_ORBIT(e->orbit, o);
    if (*on) {
        c.chain.keep = true;
        c.chain.def = d;
    } else {
        c.chain.bus = bus_new(d, s->o.rate);
        if (!c.chain.bus) abort();
    }
    if (!key) {
        ses_out_push(s, &c);
    } else if (!audio_send_key(s->audio, &c)) { /* full: the note goes without its send */
        audio_event_discard(&c);
        return;
    }
    *on = true;
    set[0] = a;
    set[1] = b;
}
