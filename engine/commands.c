/*
 * commands.c - the performer's commands (hush, stop, undo, mute, solo) and
 * the track list.
 *
 * Control side only. A command is logged, takes effect at the horizon (undo:
 * at the track's next quantum) and is flushed to the ring at once; it
 * changes only the tracks' state and what it puts in the outbox.
 */
#include "session_impl.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------ commands */

/* A track the performer stops stays stopped with the code it had (the code
 * it was about to swap to, if a swap was pending): session_eval restarts
 * it only when its definition plays something else or a typed `play`
 * names it. */
static void hold(Track *t) {
    ObjPattern *had = t->pending && t->next ? t->next : t->pat;
    if (had) t->held = had;
}

/* "set TRACK PARAM VALUE" (a fader over OSC): gain in dB, pan 0..1, mute or
 * solo 0/1, send.BUS a level; from the horizon on, until the track's `mix`
 * changes (as :mute). */
static bool set_strip(Session *s, const char *arg, Err *err) {
    char name[128], param[128];
    double v;
    if (!arg || sscanf(arg, "%127s %127s %lf", name, param, &v) != 3 || !isfinite(v)) {
        err_set(err, (SrcRef){0}, "set needs TRACK PARAMETER VALUE, got '%s'", arg ? arg : "");
        return false;
    }
    int i = -1;
    for (int k = 0; k < s->ntracks; k++)
        if (s->tracks[k].name && strcmp(s->tracks[k].name->chars, name) == 0) i = k;
    if (i < 0) {
        err_set(err, (SrcRef){0}, "no track named '%s'", name);
        err_hint(err, ":tracks lists them");
        return false;
    }
    Strip *st = &s->tracks[i].sent;
    if (!strcmp(param, "gain") && v >= -120 && v <= 24) {
        st->gain = v <= -120 ? 0 : (float)pow(10, v / 20);
    } else if (!strcmp(param, "pan") && v >= 0 && v <= 1) {
        st->pan = (float)v;
    } else if (!strcmp(param, "mute") || !strcmp(param, "solo")) {
        *(param[0] == 'm' ? &st->mute : &st->solo) = v != 0;
    } else if (!strncmp(param, "send.", 5) && v >= 0 && v <= 4) {
        int b = -1;
        for (int k = 0; k < s->nbuses; k++)
            if (!strcmp(s->bus_names[k]->chars, param + 5)) b = k;
        if (b < 0) {
            err_set(err, (SrcRef){0}, "set %s: no bus named '%s'", name, param + 5);
            err_hint(err, "a bus is made with: bus NAME = reverb(...)");
            return false;
        }
        st->send[b] = (float)v;
    } else {
        err_set(err, (SrcRef){0}, "set %s %s %g: not a parameter or out of its range", name, param,
                v);
        err_hint(err, "gain -120..24 (dB), pan 0..1, mute 0/1, solo 0/1, send.BUS 0..4");
        return false;
    }
    ses_send_strip(s, i, s->horizon);
    return true;
}

bool session_command(Session *s, const char *cmd, const char *track, Err *err) {
    char a[64];
    ses_rat_text(s->horizon, a, sizeof a);
    session_log(s, "cmd %s %s%s%s", a, cmd, track ? " " : "", track ? track : "");
    uint64_t now = session_frame_of(s, s->horizon);
    if (strcmp(cmd, "cc") == 0) { /* a MIDI controller moved: "CHANNEL NUMBER VALUE" (0..127) */
        int ch, num, val;
        if (!track || sscanf(track, "%d %d %d", &ch, &num, &val) != 3 || ch < 1 || ch > 16 ||
            num < 0 || num > 127 || val < 0 || val > 127) {
            err_set(err, (SrcRef){0}, "cc needs CHANNEL NUMBER VALUE, got '%s'",
                    track ? track : "");
            return false;
        }
        vm_set_input(s->vm, ch * 128 + num, val / 127.0);
        vm_set_input(s->vm, num, val / 127.0); /* cc(n): the latest on any channel */
        for (int i = 0; i < s->ntracks; i++) s->tracks[i].cpat = NULL; /* query anew from here */
        return true;
    }
    if (strcmp(cmd, "tempo") == 0) { /* an external clock's tempo: "CYCLE BPM", CYCLE >= horizon */
        Rat at;
        double bpm = 0;
        size_t used = track ? rat_parse(track, strlen(track), &at) : 0;
        if (!used || !rat_ok(at) || rat_lt(at, s->horizon) ||
            sscanf(track + used, " %lf", &bpm) != 1 || !(bpm >= 1 && bpm <= 1000)) {
            err_set(err, (SrcRef){0},
                    "tempo needs CYCLE BPM (a cycle from the horizon on, 1 to "
                    "1000 BPM), got '%s'",
                    track ? track : "");
            return false;
        }
        Rat f = ses_frame_exact(s, at);
        if (!rat_ok(f) || rat_to_double(f) > s->o.rate * 86400 * 7) {
            err_set(err, (SrcRef){0}, "tempo: cycle %s is beyond a week of audio", track);
            return false;
        }
        s->tempo_follows = true;
        return ses_set_tempo(s, at, bpm);
    }
    if (strcmp(cmd, "pause") == 0) { /* an external clock stopped: time goes on, nothing new
                                        sounds; the tracks keep their code */
        if (!s->paused) {
            AudioEvent e = {.frame = now, .kind = AEV_RELEASE, .track = -1};
            ses_out_push(s, &e);
            ses_flush(s, now);
            ses_midi_cut(s, -1);
        }
        s->paused = true;
        s->resume_at = (Rat){0, 0};
        return true;
    }
    if (strcmp(cmd, "resume") == 0) { /* ... and started: from CYCLE (the horizon if none) */
        Rat at = s->horizon;
        if (track &&
            (!rat_parse(track, strlen(track), &at) || !rat_ok(at) || rat_lt(at, s->horizon))) {
            err_set(err, (SrcRef){0}, "resume takes a cycle from the horizon on, got '%s'", track);
            return false;
        }
        if (s->paused) s->resume_at = at;
        return true;
    }
    if (strcmp(cmd, "record") == 0) return ses_record_command(s, track, err);
    if (strcmp(cmd, "take") == 0) return ses_take_command(s, track, err);
    if (strcmp(cmd, "jump") == 0) return ses_jump(s, track, err) && (ses_flush(s, now), true);
    if (strcmp(cmd, "hush") == 0) {
        for (int i = 0; i < s->ntracks; i++) {
            Track *t = &s->tracks[i];
            hold(t);
            if (t->pat) t->prev = t->pat;
            t->pat = t->next = NULL;
            t->pending = false;
        }
        AudioEvent e = {.frame = now, .kind = AEV_RELEASE, .track = -1};
        ses_out_push(s, &e);
        ses_flush(s, now);
        ses_midi_cut(s, -1);
        return true;
    }
    if (strcmp(cmd, "set") == 0) return set_strip(s, track, err) && (ses_flush(s, now), true);
    int i = -1;
    for (int k = 0; track && k < s->ntracks; k++)
        if (s->tracks[k].name && strcmp(s->tracks[k].name->chars, track) == 0) i = k;
    if (i < 0) {
        err_set(err, (SrcRef){0}, "no track named '%s'", track ? track : "");
        err_hint(err, ":tracks lists them");
        return false;
    }
    Track *t = &s->tracks[i];
    if (strcmp(cmd, "stop") == 0) {
        hold(t);
        if (t->pat) t->prev = t->pat;
        t->pat = t->next = NULL;
        t->pending = false;
        AudioEvent e = {.frame = now, .kind = AEV_RELEASE, .track = (int16_t)i};
        ses_out_push(s, &e);
        ses_midi_cut(s, i);
    } else if (strcmp(cmd, "undo") == 0) {
        if (!t->prev) {
            err_set(err, (SrcRef){0}, "%s has no earlier code", track);
            return false;
        }
        t->held = NULL; /* the performer asks for it back */
        ObjPattern *back = t->prev;
        t->prev = t->undone = t->pending ? t->next : t->pat;
        t->pending = true;
        t->next = back;
        t->at = ses_quantize(s->horizon, t->quant);
        if (t->faded) { /* taken out of play earlier: it comes back at full level */
            t->faded = false;
            ses_send_strip(s, i, t->at);
        }
        char where[64];
        ses_bar_text(t->at, where, sizeof where);
        info(s, "%s -> %s (previous code)", track, where);
    } else if (!strcmp(cmd, "mute") || !strcmp(cmd, "unmute") || !strcmp(cmd, "solo") ||
               !strcmp(cmd, "unsolo")) {
        bool on = cmd[0] != 'u';
        if (strstr(cmd, "mute"))
            t->sent.mute = on;
        else
            t->sent.solo = on;
        ses_send_strip(s, i, s->horizon);
    } else {
        err_set(err, (SrcRef){0}, "unknown command '%s'", cmd);
        return false;
    }
    ses_flush(s, now);
    return true;
}

int session_patterns(Session *s, ObjPattern **out, int max) {
    bool solo = false;
    for (int i = 0; i < s->ntracks; i++) solo |= s->tracks[i].sent.solo;
    int n = 0;
    for (int i = 0; i < s->ntracks && n < max; i++) {
        Track *t = &s->tracks[i];
        ObjPattern *p = t->pending ? t->next : t->pat;
        if (p && !t->sent.mute && (!solo || t->sent.solo)) out[n++] = p;
    }
    return n;
}

ObjPattern *session_track_pattern(Session *s, const char *name) {
    for (int i = 0; i < s->ntracks; i++) {
        Track *t = &s->tracks[i];
        if (t->name && !strcmp(t->name->chars, name)) return t->pending ? t->next : t->pat;
    }
    return NULL;
}

const char *session_bus_name(Session *s, int b) {
    return b >= 0 && b < s->nbuses && s->bus_names[b] ? s->bus_names[b]->chars : NULL;
}

int session_tracks(Session *s, TrackInfo *out, int max) {
    int n = 0;
    for (int i = 0; i < s->ntracks && n < max; i++) {
        Track *t = &s->tracks[i];
        out[n++] = (TrackInfo){.name = t->name ? t->name->chars : "pattern",
                               .strip = i,
                               .playing = t->pat != NULL,
                               .pending = t->pending,
                               .at = t->at,
                               .quant = t->quant,
                               .mute = t->sent.mute,
                               .solo = t->sent.solo};
    }
    return n;
}

bool session_check(Session *s, int cycles, Err *err) {
    Notes tmp = {0};
    bool ok = true;
    for (int i = 0; ok && i < s->ntracks; i++) {
        Track *t = &s->tracks[i];
        ObjPattern *p = t->pending ? t->next : t->pat;
        for (int k = 0; ok && p && k < cycles; k++) {
            tmp.n = 0;
            ok = ses_query_notes(s, i, p, rat_int(k), rat_int(k + 1), &tmp, err);
        }
    }
    free(tmp.ev);
    free(tmp.on);
    return ok;
}
