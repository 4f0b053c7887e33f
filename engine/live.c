/*
 * live.c - the control thread of a live performance (see live.h).
 *
 * The control thread owns the session and its VM. The REPL and the file
 * watcher hand it their source (live_eval, live_command) and wait for the
 * answer; it runs the evaluation between two steps of the scheduler, and
 * while the evaluation runs, the VM's yield hook steps the scheduler every
 * 2 ms, so an evaluation of any length never delays an event. The mutex
 * keeps the other threads' short looks (status line, completion) out of a
 * step; the audio callback never takes it.
 */
#define _GNU_SOURCE
#include "live.h"

#include "capture.h"
#include "clockin.h"
#include "linkfollow.h"
#include "meter.h"
#include "takes.h"

#include "engine.h"
#include "samples.h"
#include "soundlib.h"

#include <math.h>
#include <pthread.h>
#include <sndfile.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* An evaluation or a command handed to the control thread. */
typedef struct {
    const char *name, *text, *base; /* an evaluation (text != NULL) */
    size_t len;
    const char *cmd, *track; /* or a command */
    Err *err;
    bool ok, done;
} Request;

typedef struct {
    uint64_t frame;
    OscPacket *p;
} DirtWait;

struct Live {
    LiveOpts o;
    Device *dev;
    Session *s;
    pthread_mutex_t lock;  /* the session, for whoever steps or reads it */
    pthread_cond_t wake;   /* a request for the control thread */
    pthread_cond_t answer; /* a request done */
    Request *req;          /* the one in flight, NULL if none */
    pthread_t control;
    _Atomic bool running;
    bool started;
    uint64_t lookahead; /* frames */
    uint64_t last_step; /* when the scheduler last stepped, ns (control thread) */
    uint64_t logged_at; /* the last progress record's frame */
    SNDFILE *rec;
    float *recbuf;
    Meter *meter; /* the master's loudness (:meter), fed from the recording ring */
    /* takes of the audio input (record()): the next input frame to read, the
       round trip in frames, the takes being recorded */
    uint64_t in_at, in_latency;
    bool in_latency_set;
    float *inbuf;
    Recording takes[8];
    MidiOut *midi;       /* MIDI out: messages by time on the audio clock */
    OscOut *dirt;        /* --superdirt: sound events as /dirt/play bundles */
    bool dirt_said;      /* a bundle that could not be sent, said once */
    DirtWait *dirt_wait; /* bundles before the device's clock is known */
    int ndirt_wait, cdirt_wait;
    MidiIn *midi_in[4]; /* --midi-in: their controllers become "cc" commands */
    MidiIn *clock_port; /* --clock midi:NAME: one of them, or its own (clock_own) */
    bool clock_own;
    ClockIn clock;
    LinkFollow link;       /* --link: an Ableton Link session's bars and tempo */
    bool evaluating;       /* a block runs (the scheduler steps meanwhile) */
    Captured played[4096]; /* the last notes played on them, for :capture (a ring) */
    size_t nplayed;
    bool rec_failed; /* a write failed: the rest is not recorded */
    /* how far the audio side is ahead of what plays (frames): the most in
     * this 2-second window and in the one before */
    uint64_t lead_now, lead_prev, lead_since;
    uint64_t key_delay;     /* frames from a key's arrival to its sound */
    double key_ms;          /* the delay last written to the log (ms) */
    uint64_t next_in_check; /* when the MIDI inputs are looked for next (ns) */
    bool held[4][16][128];  /* the keys held down on each input */
};

#define STEP_NS 2000000 /* the scheduler steps every 2 ms */

#define REC_CHUNK 4096

/* The session's MIDI messages: each to be sent when its frame plays (the
 * audio clock), plus its port's latency; a track's stop cuts its notes.
 * Control thread (the session calls it while it schedules). */
static void to_midi(void *ud, const MidiMsg *msg) {
    Live *l = ud;
    if (msg->len == 0) {
        midi_out_cut(l->midi, msg->track);
        return;
    }
    char why[200];
    int port = midi_out_port(l->midi, msg->port, why, sizeof why);
    if (port < 0 || msg->len < 0) return; /* < 0: a port named, to be opened */
    midi_out_at(l->midi, device_time_of(l->dev, msg->frame), port, msg->track, msg->bytes,
                msg->len);
}

/* SuperDirt's bundles are stamped with the wall-clock time their frame
 * plays (the audio clock, as MIDI) plus the latency SuperDirt needs. Until
 * the device has told when frames play (the first window goes out before
 * the first block), they wait. Control thread. */
static void say(Live *l, const char *msg);

static void send_dirt(Live *l, uint64_t frame, OscPacket *p) {
    struct timespec mono, wall;
    clock_gettime(CLOCK_MONOTONIC, &mono);
    clock_gettime(CLOCK_REALTIME, &wall);
    double ahead = ((double)device_time_of(l->dev, frame) -
                    ((double)mono.tv_sec * 1e9 + (double)mono.tv_nsec)) /
                   1e9;
    double when = (double)wall.tv_sec + wall.tv_nsec / 1e9 + ahead + l->o.superdirt_latency;
    if (!osc_out_packet(l->dirt, when, "/dirt/play", p) && !l->dirt_said) {
        char msg[300];
        snprintf(msg, sizeof msg,
                 "warning: SuperDirt at %.100s: a bundle could not be sent (said once; tala "
                 "plays on)",
                 l->o.superdirt);
        say(l, msg);
        l->dirt_said = true;
    }
}

static void flush_dirt(Live *l) {
    if (!l->ndirt_wait || !device_clock_known(l->dev)) return;
    for (int i = 0; i < l->ndirt_wait; i++) {
        send_dirt(l, l->dirt_wait[i].frame, l->dirt_wait[i].p);
        osc_packet_free(l->dirt_wait[i].p);
    }
    l->ndirt_wait = 0;
}

static void to_dirt(void *ud, const DirtMsg *m) {
    Live *l = ud;
    if (!l->dirt) return;
    OscPacket *p = osc_pack(m->types, m->argv);
    if (device_clock_known(l->dev) && !l->ndirt_wait) {
        send_dirt(l, m->frame, p);
        osc_packet_free(p);
        return;
    }
    if (l->ndirt_wait == 4096) { /* a device that never starts: the oldest go */
        osc_packet_free(l->dirt_wait[0].p);
        memmove(l->dirt_wait, l->dirt_wait + 1, sizeof *l->dirt_wait * 4095);
        l->ndirt_wait--;
    }
    if (l->ndirt_wait == l->cdirt_wait) {
        l->cdirt_wait = l->cdirt_wait ? 2 * l->cdirt_wait : 64;
        l->dirt_wait = realloc(l->dirt_wait, (size_t)l->cdirt_wait * sizeof *l->dirt_wait);
        if (!l->dirt_wait) abort();
    }
    l->dirt_wait[l->ndirt_wait++] = (DirtWait){m->frame, p};
}

Live *live_open(const LiveOpts *o, char *why, size_t n) {
    Live *l = calloc(1, sizeof *l);
    if (!l) abort();
    l->o = *o;
    DeviceOpts d = o->device;
    /* the ring the callback copies the master into: for --record and the meter */
    if (!d.record_frames) d.record_frames = 1 << 18; /* ~5 s at 48 kHz */
    l->dev = device_open(&d, why, n);
    if (!l->dev) {
        free(l);
        return NULL;
    }
    SessionOpts so = o->session;
    so.rate = device_rate(l->dev);
    so.input = device_inputs(l->dev) > 0;
    so.midi = to_midi;
    so.midi_ud = l;
    so.dirt = o->superdirt ? to_dirt : NULL;
    so.tempo_by_link = o->link;
    so.dirt_ud = l;
    if (!(l->midi = midi_out_new(why, n))) {
        device_close(l->dev);
        free(l);
        return NULL;
    }
    for (int i = 0; i < o->nmidi_latency; i++)
        midi_out_latency(l->midi, o->midi_latency_port[i], o->midi_latency[i]);
    for (int i = 0; i < o->nmidi_in && i < 4; i++)
        if (!(l->midi_in[i] = midi_in_open(o->midi_in[i], why, n))) {
            for (int k = 0; k < i; k++) midi_in_close(l->midi_in[k]);
            midi_out_free(l->midi);
            device_close(l->dev);
            free(l);
            return NULL;
        }
    for (int i = 0; o->clock_in && i < o->nmidi_in && i < 4; i++)
        if (!strcmp(o->midi_in[i], o->clock_in)) l->clock_port = l->midi_in[i];
    if (o->clock_in && !l->clock_port) {
        l->clock_own = true;
        if (!(l->clock_port = midi_in_open(o->clock_in, why, n))) {
            for (int k = 0; k < 4; k++) midi_in_close(l->midi_in[k]);
            midi_out_free(l->midi);
            device_close(l->dev);
            free(l);
            return NULL;
        }
    }
    if (l->clock_port) midi_in_want_clock(l->clock_port);
    clockin_init(&l->clock, so.rate);
    Err err = {0};
    l->s = session_new(&so, &err);
    if (!l->s) {
        snprintf(why, n, "%s", err.msg);
        if (l->clock_own) midi_in_close(l->clock_port);
        for (int i = 0; i < 4; i++) midi_in_close(l->midi_in[i]);
        midi_out_free(l->midi);
        device_close(l->dev);
        free(l);
        return NULL;
    }
    session_sounds_ahead(l->s); /* GM notes rendered a cycle ahead, off this thread */
    l->lookahead = (uint64_t)((o->lookahead > 0 ? o->lookahead : 0.05) * so.rate);
    pthread_mutex_init(&l->lock, NULL);
    pthread_condattr_t ca;      /* timed waits on the monotonic clock: a wall clock set back */
    pthread_condattr_init(&ca); /* (NTP, resume) must not stall the scheduler */
    pthread_condattr_setclock(&ca, CLOCK_MONOTONIC);
    pthread_cond_init(&l->wake, &ca);
    pthread_condattr_destroy(&ca);
    pthread_cond_init(&l->answer, NULL);
    if (o->link && !(l->link.link = link_join(session_bpm(l->s), o->quantum, why, n))) {
        live_close(l);
        return NULL;
    }
    if (o->superdirt && !(l->dirt = osc_out_open(o->superdirt, why, n))) {
        live_close(l);
        return NULL;
    }
    const char *rec_format = "wav";
    if (o->record && !engine_sound_format(o->record, NULL, &rec_format, why, n)) {
        live_close(l);
        return NULL;
    }
    if (o->record) {
        l->rec = engine_sound_open(o->record, so.rate, rec_format, 0, why, n);
        if (!l->rec) {
            live_close(l);
            return NULL;
        }
    }
    l->recbuf = malloc(2 * REC_CHUNK * sizeof(float));
    if (!l->recbuf) abort();
    l->meter = meter_new(device_rate(l->dev));
    l->inbuf = malloc(2 * REC_CHUNK * sizeof(float));
    if (!l->inbuf) abort();
    return l;
}

static void say_live(void *ud, const char *msg) { /* say() for code that knows no Live */
    say(ud, msg);
}

static void say(Live *l, const char *msg) {
    if (l->o.session.say)
        l->o.session.say(l->o.session.ud, msg);
    else
        fprintf(stderr, "%s\n", msg);
}

/* The frames played: measured by the meter, and to the file when recording.
 * A write that fails (a full disk) stops the recording, said once; the
 * music plays on. Control thread. */
static void drain_recording(Live *l) {
    size_t got;
    while (l->recbuf && (got = device_take_recorded(l->dev, l->recbuf, REC_CHUNK)) > 0) {
        if (l->meter) meter_add(l->meter, l->recbuf, got);
        if (!l->rec || l->rec_failed) continue; /* the ring is emptied all the same */
        if (sf_writef_float(l->rec, l->recbuf, (sf_count_t)got) == (sf_count_t)got) continue;
        char msg[1300];
        snprintf(msg, sizeof msg,
                 "warning: the recording stopped: cannot write %s: %s (the music plays on; "
                 "what was written is kept)",
                 l->o.record, sf_strerror(l->rec));
        say(l, msg);
        l->rec_failed = true;
    }
}

/* A take done (or, when the performance ends, as far as it got): saved,
 * playing, said. */
static void finish_take(Live *l, Recording *t, uint64_t frames) {
    char path[1200], why[300], msg[1700];
    int n =
        session_add_take(l->s, t->req.name, t->l, t->r, frames, path, sizeof path, why, sizeof why);
    if (n >= 0)
        snprintf(msg, sizeof msg, "take %s:%d recorded (%g bar%s%s), saved as %s", t->req.name, n,
                 t->req.bars, t->req.bars == 1 ? "" : "s",
                 frames < t->req.frames ? ", cut short by the end" : "", path);
    else
        snprintf(msg, sizeof msg, "take %s recorded; it plays, but %s", t->req.name, why);
    say(l, msg);
    take_end(t);
}

/* Takes: requests start recording (the round trip measured when the first
 * one comes, the stream being open by then); the input is read every step
 * and what it holds of each take copied; a finished take is saved and plays. */
static void record_takes(Live *l) {
    TakeRequest q[8];
    int nq = session_take_requests(l->s, q, 8);
    if (nq && !l->in_latency_set) {
        l->in_latency_set = true;
        double in, out;
        device_latency(l->dev, &in, &out);
        double ms = l->o.input_latency_ms >= 0 ? l->o.input_latency_ms : (in + out) * 1000;
        l->in_latency = (uint64_t)llround(ms / 1000 * device_rate(l->dev));
        char msg[200];
        snprintf(msg, sizeof msg, "tala: takes are moved %.1f ms earlier: the round trip %s", ms,
                 l->o.input_latency_ms >= 0 ? "--input-latency gives" : "the device reports");
        say(l, msg);
    }
    for (int i = 0; i < nq; i++) {
        int k = 0;
        while (k < 8 && l->takes[k].active) k++;
        if (k == 8) {
            say(l, "tala: warning: eight takes are recording already; this one is not");
            continue;
        }
        take_begin(&l->takes[k], &q[i], l->in_latency);
    }
    size_t got;
    uint64_t first;
    while ((got = device_take_input(l->dev, &l->in_at, &first, l->inbuf, REC_CHUNK)) > 0)
        for (int k = 0; k < 8; k++)
            if (l->takes[k].active && take_feed(&l->takes[k], first, l->inbuf, got))
                finish_take(l, &l->takes[k], l->takes[k].req.frames);
}

static uint64_t now_ns(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

/* A device that went away or came back is said once; the session and its
 * log never notice (the frames go on). Control thread. */
static void watch_device(Live *l) {
    char msg[400];
    switch (device_watch(l->dev)) {
    case DEVICE_WENT:
        snprintf(msg, sizeof msg,
                 "warning: the audio device '%s' stopped (is the JACK server gone?); the music "
                 "goes on in time without sound%s; it plays again if the device comes back",
                 device_name(l->dev), l->rec ? " (and is recorded)" : "");
        say(l, msg);
        session_log(l->s, "# the audio device stopped");
        break;
    case DEVICE_BACK:
        snprintf(msg, sizeof msg, "tala: the audio device '%s' plays again", device_name(l->dev));
        say(l, msg);
        session_log(l->s, "# the audio device is back");
        break;
    case DEVICE_SAME: break;
    }
}

/* The controllers that moved since the last step: each a logged "cc"
 * command at the horizon, so cc() reads it from there on, in a replay too;
 * and the keys played, to the tracks that play midiin() (session_key).
 * Control thread, lock held. */
static void take_controllers(Live *l) {
    int ch, num, val;
    uint64_t when;
    bool on;
    /* Keys sound a fixed time after they arrive, so keys keep their timing:
     * the most the audio side was ahead of what plays in the last 2 to 4
     * seconds (a stall is forgotten), plus a step and a block (a key is on
     * time even if it waits for a step). */
    uint64_t now = now_ns();
    uint64_t ahead = audio_frame(session_audio(l->s)), heard = device_frame_at(l->dev, now);
    if (now >= l->lead_since + 2000000000u) {
        l->lead_prev = l->lead_now, l->lead_now = 0, l->lead_since = now;
    }
    if (ahead > heard && ahead - heard > l->lead_now &&
        ahead - heard < (uint64_t)device_rate(l->dev))
        l->lead_now = ahead - heard;
    uint64_t lead = l->lead_now > l->lead_prev ? l->lead_now : l->lead_prev;
    l->key_delay = lead + (uint64_t)(device_rate(l->dev) * STEP_NS / 1e9) + AUDIO_BLOCK;
    for (int i = 0; i < 4 && l->midi_in[i]; i++)
        while (midi_in_note(l->midi_in[i], &when, &on, &ch, &num, &val)) {
            uint64_t frame = device_frame_at(l->dev, when);
            if (on) /* kept for :capture */
                l->played[l->nplayed++ % 4096] = (Captured){session_cycle_at(l->s, frame), num};
            double ms = (double)l->key_delay * 1000 / device_rate(l->dev);
            if (fabs(ms - l->key_ms) >= 0.5) { /* said in the log when it changes */
                session_log(l->s, "# keys sound %.1f ms after they arrive", ms);
                l->key_ms = ms;
            }
            session_key(l->s, frame + l->key_delay, i, ch, num, on ? val : 0);
            l->held[i][ch - 1][num] = on;
        }
    for (int i = 0; i < 4 && l->midi_in[i]; i++)
        while (midi_in_cc(l->midi_in[i], &ch, &num, &val)) {
            char arg[32];
            Err e = {0};
            snprintf(arg, sizeof arg, "%d %d %d", ch, num, val);
            session_command(l->s, "cc", arg, &e);
        }
}

/* MIDI ports that failed, went away or came back: said once each time.
 * Inputs are looked for twice a second. Control thread. */
static void watch_midi(Live *l) {
    char msg[400], news[320];
    bool good;
    const char *why = midi_out_failed(l->midi);
    if (why) {
        snprintf(msg, sizeof msg, "warning: %s (its messages go nowhere; the rest plays on)", why);
        say(l, msg);
    }
    while (midi_out_news(l->midi, news, sizeof news, &good)) {
        snprintf(msg, sizeof msg, "%s%s", good ? "tala: " : "warning: ", news);
        say(l, msg);
    }
    uint64_t now = now_ns();
    if (now < l->next_in_check) return;
    l->next_in_check = now + 500000000u;
    MidiIn *ins[5] = {l->midi_in[0], l->midi_in[1], l->midi_in[2], l->midi_in[3],
                      l->clock_own ? l->clock_port : NULL};
    for (int i = 0; i < 5; i++) {
        const char *name;
        int change = ins[i] ? midi_in_check(ins[i], &name) : 0;
        if (change == 1 && i < 4) /* the keys it held are let go */
            for (int ch = 0; ch < 16; ch++)
                for (int k = 0; k < 128; k++)
                    if (l->held[i][ch][k]) { /* as if let go now */
                        session_key(l->s, device_frame_at(l->dev, now) + l->key_delay, i, ch + 1, k,
                                    0);
                        l->held[i][ch][k] = false;
                    }
        if (change == 1)
            snprintf(msg, sizeof msg,
                     "warning: the MIDI input '%.100s' went away (nothing comes from it until it "
                     "is back; the rest plays on)",
                     name);
        else if (change == 2)
            snprintf(msg, sizeof msg, "tala: the MIDI input '%.100s' is back", name);
        if (change) say(l, msg);
    }
}

/* One step of the scheduler: the events of the next lookahead go out.
 * Control thread, lock held. */
/* An external MIDI clock: its messages on the frames they arrived, and
 * once a beat the tempo that keeps tala's bars on its (clockin.h). */
static void follow_clock(Live *l) {
    uint64_t when;
    uint8_t st;
    int spp;
    if (!l->clock_port) return;
    bool waiting = l->clock.waiting;
    while (midi_in_clock(l->clock_port, &when, &st, &spp)) {
        clockin_message(&l->clock, l->s, st, spp, (double)device_frame_at(l->dev, when));
        if (st == 0xFA || st == 0xFB)
            say(l, "tala: the MIDI clock started: the tracks wait "
                   "until tala's bars are on its");
        if (st == 0xFC) say(l, "tala: the MIDI clock stopped: the tracks pause");
    }
    clockin_step(&l->clock, l->s);
    if (waiting && !l->clock.waiting) {
        char msg[160];
        snprintf(msg, sizeof msg, "tala: on the MIDI clock at %.2f BPM: playing from the next bar",
                 l->clock.bpm);
        say(l, msg);
    }
}

static void step(Live *l) {
    watch_device(l);
    take_controllers(l);
    follow_clock(l);
    linkfollow_step(&l->link, l->s, l->dev, &l->clock, l->evaluating, say_live, l);
    watch_midi(l);
    flush_dirt(l);
    uint64_t frame = audio_frame(session_audio(l->s));
    session_advance(l->s, frame + l->lookahead);
    drain_recording(l);
    record_takes(l);
    l->last_step = now_ns();
    /* progress in the log, every second of audio: a replay after a crash
     * runs to where the performance got */
    uint64_t second = (uint64_t)device_rate(l->dev);
    if (second && frame >= l->logged_at + second) {
        l->logged_at = frame - frame % second;
        session_log(l->s, "at %llu", (unsigned long long)l->logged_at);
    }
}

/* The VM's yield hook while an evaluation runs on the control thread. */
static bool step_while_evaluating(void *ud) {
    Live *l = ud;
    if (now_ns() - l->last_step >= STEP_NS) step(l);
    return true;
}

static void run_request(Live *l, Request *r) {
    if (r->text) {
        vm_set_yield(session_vm(l->s), step_while_evaluating, l, 20000);
        l->evaluating = true;
        r->ok = session_eval(l->s, r->name, r->text, r->len, r->base, r->err);
        l->evaluating = false;
        vm_set_yield(session_vm(l->s), NULL, NULL, 0);
    } else {
        r->ok = session_command(l->s, r->cmd, r->track, r->err);
    }
}

static void *control(void *ud) {
    Live *l = ud;
    pthread_mutex_lock(&l->lock);
    while (atomic_load(&l->running)) {
        if (l->req) {
            run_request(l, l->req);
            l->req->done = true;
            l->req = NULL;
            pthread_cond_broadcast(&l->answer);
        }
        step(l);
        /* sleep until the next step, or until a request comes */
        struct timespec until;
        clock_gettime(CLOCK_MONOTONIC, &until);
        until.tv_nsec += STEP_NS;
        if (until.tv_nsec >= 1000000000) until.tv_sec++, until.tv_nsec -= 1000000000;
        if (!l->req) pthread_cond_timedwait(&l->wake, &l->lock, &until);
    }
    if (l->req) { /* asked for as the performance ended: still answered */
        run_request(l, l->req);
        l->req->done = true;
        l->req = NULL;
        pthread_cond_broadcast(&l->answer);
    }
    pthread_mutex_unlock(&l->lock);
    return NULL;
}

/* Hands r to the control thread and waits for it; before the control
 * thread starts (or after it stops), runs it here. */
static bool submit(Live *l, Request *r) {
    pthread_mutex_lock(&l->lock);
    if (!atomic_load(&l->running)) {
        run_request(l, r);
    } else {
        while (l->req) pthread_cond_wait(&l->answer, &l->lock); /* one at a time */
        l->req = r;
        pthread_cond_signal(&l->wake);
        while (!r->done) pthread_cond_wait(&l->answer, &l->lock);
    }
    pthread_mutex_unlock(&l->lock);
    return r->ok;
}

bool live_start(Live *l, char *why, size_t n) {
    if (l->link.link) { /* in a Link session nothing plays until tala's bars are on its */
        Err err = {0};
        session_command(l->s, "pause", NULL, &err);
    }
    /* the first events go out before the first callback */
    session_advance(l->s, l->lookahead);
    if (!device_start(l->dev, session_audio(l->s), why, n)) return false;
    atomic_store(&l->running, true);
    if (pthread_create(&l->control, NULL, control, l) != 0) {
        atomic_store(&l->running, false);
        snprintf(why, n, "cannot start the control thread");
        return false;
    }
    l->started = true;
    return true;
}

void live_close(Live *l) {
    if (!l) return;
    if (l->started) {
        atomic_store(&l->running, false);
        pthread_join(l->control, NULL);
    }
    if (l->s && l->dev) {
        device_stop(l->dev); /* the callback no longer runs */
        uint64_t end = audio_frame(session_audio(l->s));
        drain_recording(l);
        record_takes(l); /* what came in: no take is lost, a cut one kept as far as it got */
        for (int k = 0; k < 8; k++)
            if (l->takes[k].active && l->takes[k].reached)
                finish_take(l, &l->takes[k], l->takes[k].reached);
        session_collect(l->s); /* the last late notes into the log */
        uint64_t lost = audio_lates_lost(session_audio(l->s));
        if (lost) /* the replay will differ where these were */
            session_log(l->s, "# %llu late events were not recorded (their ring was full)",
                        (unsigned long long)lost);
        session_log(l->s, "end %llu", (unsigned long long)end);
    }
    engine_sound_close(l->rec, l->o.record);
    if (l->midi && l->o.session.midi_clock) { /* the clock stops with the performance */
        char why[200];
        int port = midi_out_port(l->midi, l->o.session.midi_clock, why, sizeof why);
        static const uint8_t stop = 0xFC;
        if (port >= 0) midi_out_at(l->midi, 0, port, SESSION_CLOCK_TRACK, &stop, 1);
    }
    midi_out_free(l->midi); /* every note owed its note-off, then all notes off */
    for (int i = 0; i < l->ndirt_wait; i++) osc_packet_free(l->dirt_wait[i].p);
    free(l->dirt_wait);
    osc_out_close(l->dirt);
    link_leave(l->link.link);
    if (l->clock_own) midi_in_close(l->clock_port);
    for (int i = 0; i < 4; i++) midi_in_close(l->midi_in[i]);
    device_close(l->dev);
    session_free(l->s);
    pthread_mutex_destroy(&l->lock);
    pthread_cond_destroy(&l->wake);
    pthread_cond_destroy(&l->answer);
    free(l->recbuf);
    free(l->inbuf);
    for (int k = 0; k < 8; k++)
        if (l->takes[k].active) take_end(&l->takes[k]);
    meter_free(l->meter);
    free(l);
}

/* The folders of samples("...") calls written with a plain string are read
 * before the evaluation takes the lock: reading files must not hold up the
 * scheduler. (A path computed by code is still read during the evaluation.) */
static void preload_samples(Live *l, const char *text, size_t len, const char *base) {
    /* text need not end in a NUL: every scan stops at text + len */
    static const char key[] = "samples(";
    const size_t klen = sizeof key - 1;
    for (size_t at = 0; at + klen <= len; at++) {
        if (memcmp(text + at, key, klen) != 0) continue;
        const char *q = text + at + klen, *stop = text + len;
        while (q < stop && *q == ' ') q++;
        if (q >= stop || (*q != '"' && *q != '\'')) continue;
        const char *end = memchr(q + 1, *q, (size_t)(stop - q - 1));
        if (!end || end - q - 1 >= 1024) continue;
        char d[1024], dir[2048], why[256];
        memcpy(d, q + 1, (size_t)(end - q - 1));
        d[end - q - 1] = 0;
        session_sample_path(base, d, dir, sizeof dir);
        pthread_mutex_lock(&l->lock);
        bool have = session_has_samples(l->s, dir);
        pthread_mutex_unlock(&l->lock);
        if (have) continue;
        SampleBank bank = {0};
        if (samples_load(&bank, dir, why, sizeof why) < 0) continue; /* the evaluation says why */
        pthread_mutex_lock(&l->lock);
        session_adopt_samples(l->s, dir, &bank);
        pthread_mutex_unlock(&l->lock);
    }
}

bool live_eval(Live *l, const char *name, const char *text, size_t len, const char *base,
               Err *err) {
    if (!l->o.session.safe) /* safe mode: the evaluation reads them, after its checks */
        preload_samples(l, text, len, base);
    /* the library's sounds the text names, read before the evaluation takes
     * the lock (its own lock is not held while a file is read either) */
    soundlib_preload(session_soundlib(l->s), text, len);
    Request r = {.name = name, .text = text, .base = base, .len = len, .err = err};
    return submit(l, &r);
}

bool live_command(Live *l, const char *cmd, const char *track, Err *err) {
    Request r = {.cmd = cmd, .track = track, .err = err};
    return submit(l, &r);
}

bool live_capture(Live *l, int bars, int grid, char *out, size_t n) {
    pthread_mutex_lock(&l->lock);
    size_t count = l->nplayed < 4096 ? l->nplayed : 4096;
    Captured *notes = malloc((count ? count : 1) * sizeof *notes);
    if (!notes) abort();
    for (size_t i = 0; i < count; i++) notes[i] = l->played[(l->nplayed - count + i) % 4096];
    Rat now = session_cycle_at(l->s, audio_frame(session_audio(l->s)));
    pthread_mutex_unlock(&l->lock);
    /* the last `bars` bars, the current one among them once it has a note */
    int64_t bar = rat_floor(now).num;
    bool current = false;
    for (size_t i = 0; i < count && !current; i++) current = !rat_lt(notes[i].cycle, rat_int(bar));
    int64_t from = (current ? bar + 1 : bar) - bars;
    bool ok = capture_code(notes, (int)count, from, bars, grid, out, n);
    free(notes);
    return ok;
}

int live_link_peers(Live *l) {
    if (!l->link.link) return -1;
    LinkState st;
    link_state(l->link.link, 0, &st);
    return st.peers;
}

void live_link_text(Live *l, char *out, size_t n) {
    pthread_mutex_lock(&l->lock);
    linkfollow_text(&l->link, l->s, l->dev, out, n);
    pthread_mutex_unlock(&l->lock);
}

bool live_reconnect(Live *l, char *why, size_t n) {
    /* the device's own locks: the control thread goes on stepping meanwhile */
    return device_reconnect(l->dev, why, n);
}

void live_set_volume(Live *l, float v) {
    device_set_volume(l->dev, v);
}

Session *live_lock(Live *l) {
    pthread_mutex_lock(&l->lock);
    return l->s;
}

void live_unlock(Live *l) {
    pthread_mutex_unlock(&l->lock);
}

bool live_meter(Live *l, MeterReading *out, bool reset) {
    pthread_mutex_lock(&l->lock);
    bool ok = l->meter != NULL;
    if (ok && reset) meter_reset(l->meter);
    if (ok) meter_read(l->meter, out);
    pthread_mutex_unlock(&l->lock);
    return ok;
}

void live_status(Live *l, LiveStatus *st) {
    memset(st, 0, sizeof *st);
    AudioEngine *a = session_audio(l->s);
    st->device = device_stats(l->dev);
    st->device_name = device_name(l->dev);
    st->null = l->o.device.null;
    pthread_mutex_lock(&l->lock);
    st->rate = device_rate(l->dev);
    st->frame = audio_frame(a);
    st->cycle = rat_to_double(session_cycle_at(l->s, st->frame));
    st->bpm = session_bpm(l->s);
    st->audio = audio_stats(a);
    st->ntracks = session_tracks(l->s, st->tracks, AUDIO_MAX_TRACKS);
    pthread_mutex_unlock(&l->lock);
    for (int t = 0; t < st->ntracks; t++) {
        double ms;
        audio_meter(a, st->tracks[t].strip, &st->peak[t], &ms);
    }
}
