/*
 * midi.c - RtMidi ports and the timed sender (see midi.h).
 *
 * The queue is a binary heap ordered by due time (then by arrival, so two
 * messages due together keep their order); the sender sleeps on a
 * monotonic condition variable until the earliest is due or a new one
 * comes first. A sounding-note table per port counts note-ons by channel
 * and key with the track that played them, for cuts and for closing.
 */
#define _GNU_SOURCE
#include "midi.h"

#include <rtmidi/rtmidi_c.h>

#include <ctype.h>
#include <fcntl.h>
#include <pthread.h>
#include <sched.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "../spec/lazylib.h"

/* RtMidi (C++: libstdc++ with it) is opened when MIDI is first used
 * (spec/lazylib.h): a run without MIDI does not map it. */
/* clang-format off */
#define RTMIDI_FNS(X) \
    X(rtmidi_api_display_name) X(rtmidi_close_port) X(rtmidi_get_port_count) \
    X(rtmidi_get_port_name) X(rtmidi_in_create) X(rtmidi_in_free) X(rtmidi_in_ignore_types) \
    X(rtmidi_in_set_callback) X(rtmidi_open_port) X(rtmidi_open_virtual_port) \
    X(rtmidi_out_create) X(rtmidi_out_free) X(rtmidi_out_send_message)
/* clang-format on */
LAZY_LIB(rtmidi_api, TALA_SO_RTMIDI, RTMIDI_FNS)

#define MAX_PORTS    16
#define VIRTUAL_NAME "tala"

typedef struct {
    uint64_t due, seq;
    uint64_t played; /* when its frame plays (due is that plus the port's latency) */
    int16_t port, track;
    uint8_t len, bytes[3];
} Msg;

typedef struct {
    RtMidiOutPtr out; /* opened by the sender thread, at its first message */
    char name[128];
    char why[320]; /* why it failed */
    int64_t latency_ns;
    bool opened, failed, said;
    char actual[256]; /* the full name of the port it is connected to */
    bool gone;        /* that port went away (its messages go nowhere until it is back) */
    char news[320];   /* went away / is back, to be said (midi_out_news) */
    bool news_good;
    /* [channel][key]: note-ons sounding, and the track of the last one */
    uint8_t sounding[16][128];
    int16_t owner[16][128];
    uint16_t channels_used; /* bit c: channel c+1 had a message */
} Port;

struct MidiOut {
    pthread_mutex_t lock;
    pthread_cond_t wake;
    pthread_t sender;
    bool quit;
    Msg *q;
    size_t n, cap;
    uint64_t seq;
    Port ports[MAX_PORTS];
    int nports;
    enum RtMidiApi api;
    FILE *trace; /* TALA_MIDI_TRACE, for the tests: per message sent, when its frame
                    played, when it was sent (ns), its bytes */
    struct {
        char name[128];
        int64_t ns;
    } latency[8]; /* midi_out_latency, by port name: given to a port when it is named */
    int nlatency;
    uint64_t next_check; /* when the named ports are looked for next */
    RtMidiOutPtr watch;  /* the sender's own client, to list the ports */
};

static uint64_t now_ns(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

/* ---------------------------------------------------------------- ports */

/* RtMidi, ALSA and JACK print their complaints (no sequencer, no server)
 * to stderr; tala says what matters itself, so stderr is closed while a
 * client is made. */
/* Several threads may be quiet at once (the sender, the control thread): the
 * first one in closes stderr, the last one out gives it back. */
static pthread_mutex_t QUIET_LOCK = PTHREAD_MUTEX_INITIALIZER;
static int quiet_depth, quiet_saved = -1;

static int quiet_begin(void) {
    pthread_mutex_lock(&QUIET_LOCK);
    if (quiet_depth++ == 0) {
        fflush(stderr);
        int null = open("/dev/null", O_WRONLY);
        quiet_saved = dup(2);
        if (quiet_saved >= 0 && null >= 0) dup2(null, 2);
        if (null >= 0) close(null);
    }
    pthread_mutex_unlock(&QUIET_LOCK);
    return 0;
}

static void quiet_end(int unused) {
    (void)unused;
    pthread_mutex_lock(&QUIET_LOCK);
    if (--quiet_depth == 0 && quiet_saved >= 0) {
        dup2(quiet_saved, 2);
        close(quiet_saved);
        quiet_saved = -1;
    }
    pthread_mutex_unlock(&QUIET_LOCK);
}

static RtMidiOutPtr out_create(enum RtMidiApi api, const char *client) {
    int q = quiet_begin();
    RtMidiOutPtr dev = rtmidi_api.rtmidi_out_create(api, client);
    quiet_end(q);
    return dev;
}

static RtMidiInPtr in_create(enum RtMidiApi api, const char *client) {
    int q = quiet_begin();
    RtMidiInPtr dev = rtmidi_api.rtmidi_in_create(api, client, 100);
    quiet_end(q);
    return dev;
}

/* ALSA's sequencer where it answers, else JACK; TALA_MIDI_API chooses. */
static enum RtMidiApi pick_api(void) {
    const char *want = getenv("TALA_MIDI_API");
    if (want && !strcmp(want, "jack")) return RTMIDI_API_UNIX_JACK;
    if (want && !strcmp(want, "alsa")) return RTMIDI_API_LINUX_ALSA;
    RtMidiOutPtr probe = out_create(RTMIDI_API_LINUX_ALSA, "tala");
    bool alsa = probe && probe->ok;
    if (probe) rtmidi_api.rtmidi_out_free(probe);
    return alsa ? RTMIDI_API_LINUX_ALSA : RTMIDI_API_UNIX_JACK;
}

static void port_name(RtMidiPtr dev, unsigned i, char *buf, int size) {
    int len = size;
    buf[0] = 0;
    if (rtmidi_api.rtmidi_get_port_name(dev, i, buf, &len) < 0) buf[0] = 0;
}

static int list_side(FILE *f, RtMidiPtr dev, const char *side) {
    if (!dev || !dev->ok) return 0;
    unsigned count = rtmidi_api.rtmidi_get_port_count(dev);
    for (unsigned i = 0; i < count; i++) {
        char name[256];
        port_name(dev, i, name, sizeof name);
        fprintf(f, "%-6s %3u  %s\n", side, i, name);
    }
    return (int)count;
}

int midi_list(FILE *f, char *why, size_t n) {
    if (!rtmidi_api_load(why, n)) return -1;
    enum RtMidiApi api = pick_api();
    RtMidiInPtr in = in_create(api, "tala-list");
    RtMidiOutPtr out = out_create(api, "tala-list");
    if ((!in || !in->ok) && (!out || !out->ok)) {
        snprintf(why, n, "no MIDI system answers (%s does not start)",
                 rtmidi_api.rtmidi_api_display_name(api));
        if (in) rtmidi_api.rtmidi_in_free(in);
        if (out) rtmidi_api.rtmidi_out_free(out);
        return -1;
    }
    int q = quiet_begin();
    char buf[8192];
    FILE *mem = fmemopen(buf, sizeof buf, "w");
    int count = list_side(mem ? mem : f, in, "input") + list_side(mem ? mem : f, out, "output");
    if (mem) fclose(mem);
    rtmidi_api.rtmidi_in_free(in);
    rtmidi_api.rtmidi_out_free(out);
    quiet_end(q);
    if (mem) fputs(buf, f);
    return count;
}

/* The port of dev that name names: its number (as `tala midi` lists them),
 * else the first whose name contains it; the port count when none does. */
static unsigned find_port(RtMidiPtr dev, const char *name) {
    unsigned count = dev && dev->ok ? rtmidi_api.rtmidi_get_port_count(dev) : 0;
    char *end;
    long k = strtol(name, &end, 10);
    if (*name && !*end && k >= 0 && (unsigned long)k < count) return (unsigned)k;
    for (unsigned i = 0; i < count; i++) {
        char pn[256];
        port_name(dev, i, pn, sizeof pn);
        if (strstr(pn, name)) return i;
    }
    return count;
}

/* dev's ports as "0: name, 1: name" ("none"), for an error message. */
static void list_ports(RtMidiPtr dev, char *buf, size_t n) {
    size_t used = 0;
    buf[0] = 0;
    unsigned count = dev && dev->ok ? rtmidi_api.rtmidi_get_port_count(dev) : 0;
    for (unsigned i = 0; i < count; i++) {
        char name[128];
        port_name(dev, i, name, sizeof name);
        int k = snprintf(buf + used, n - used, "%s%u: %s", used ? ", " : "", i, name);
        if (k < 0 || (size_t)k >= n - used) break;
        used += (size_t)k;
    }
    if (!used) snprintf(buf, n, "none");
}

int midi_out_port(MidiOut *m, const char *name, char *why, size_t n) {
    const char *want = name && *name ? name : VIRTUAL_NAME;
    pthread_mutex_lock(&m->lock);
    int found = -1;
    for (int i = 0; i < m->nports && found < 0; i++)
        if (!strcmp(m->ports[i].name, want)) found = i;
    if (found < 0 && m->nports < MAX_PORTS) {
        found = m->nports++;
        Port *p = &m->ports[found];
        memset(p, 0, sizeof *p);
        snprintf(p->name, sizeof p->name, "%s", want);
        for (int i = 0; i < m->nlatency; i++)
            if (!strcmp(m->latency[i].name, want)) p->latency_ns = m->latency[i].ns;
        pthread_cond_signal(&m->wake); /* the sender opens it now */
    } else if (found < 0) {
        snprintf(why, n, "too many MIDI ports (%d)", MAX_PORTS);
    }
    pthread_mutex_unlock(&m->lock);
    return found;
}

bool midi_out_exists(const char *name, char *why, size_t n) {
    if (!name || !*name || !strcmp(name, VIRTUAL_NAME)) return true;
    if (!rtmidi_api_load(why, n)) return false;
    int q = quiet_begin();
    RtMidiOutPtr dev = rtmidi_api.rtmidi_out_create(pick_api(), "tala-list");
    bool found = dev && find_port(dev, name) < rtmidi_api.rtmidi_get_port_count(dev);
    if (!found) {
        char list[600];
        list_ports(dev, list, sizeof list);
        snprintf(why, n, "no MIDI output port named '%.60s' (ports: %.500s)", name, list);
    }
    if (dev) rtmidi_api.rtmidi_out_free(dev);
    quiet_end(q);
    return found;
}

/* Opens port p (the sender thread, without the lock: opening a JACK or
 * ALSA client takes a while, and the scheduler must not wait for it). */
static void open_port_quietly(MidiOut *m, Port *p);

static void open_port(MidiOut *m, Port *p) {
    if (m->api == RTMIDI_API_UNSPECIFIED) m->api = pick_api();
    Port tmp; /* opened aside, then published under the lock (a cut may read the port) */
    pthread_mutex_lock(&m->lock);
    tmp = *p;
    pthread_mutex_unlock(&m->lock);
    int q = quiet_begin();
    open_port_quietly(m, &tmp);
    quiet_end(q);
    pthread_mutex_lock(&m->lock);
    p->out = tmp.out;
    memcpy(p->why, tmp.why, sizeof p->why);
    memcpy(p->actual, tmp.actual, sizeof p->actual);
    p->failed = tmp.failed;
    p->opened = tmp.opened;
    pthread_mutex_unlock(&m->lock);
}

static void open_port_quietly(MidiOut *m, Port *p) {
    RtMidiOutPtr dev = rtmidi_api.rtmidi_out_create(m->api, "tala");
    if (!dev || !dev->ok) {
        snprintf(p->why, sizeof p->why, "MIDI: %s does not start (is its server running?)",
                 rtmidi_api.rtmidi_api_display_name(m->api));
        if (dev) rtmidi_api.rtmidi_out_free(dev);
        p->failed = true;
        return;
    }
    if (!strcmp(p->name, VIRTUAL_NAME)) {
        rtmidi_api.rtmidi_open_virtual_port(dev, VIRTUAL_NAME);
    } else {
        unsigned pick = find_port(dev, p->name);
        if (pick == rtmidi_api.rtmidi_get_port_count(dev)) {
            char list[200];
            list_ports(dev, list, sizeof list);
            rtmidi_api.rtmidi_out_free(dev);
            snprintf(p->why, sizeof p->why, "no MIDI output port named '%.60s' (ports: %.200s)",
                     p->name, list);
            p->failed = true;
            return;
        }
        port_name(dev, pick, p->actual, sizeof p->actual);
        rtmidi_api.rtmidi_open_port(dev, pick, "tala");
    }
    if (!dev->ok) { /* (RtMidi's message is gone by now: say what it means) */
        snprintf(p->why, sizeof p->why,
                 "cannot open the MIDI port '%s' (%s: is its server running?)", p->name,
                 rtmidi_api.rtmidi_api_display_name(m->api));
        rtmidi_api.rtmidi_out_free(dev);
        p->failed = true;
        return;
    }
    p->out = dev;
    p->opened = true;
}

void midi_out_latency(MidiOut *m, const char *name, double seconds) {
    const char *want = name && *name ? name : VIRTUAL_NAME;
    int64_t ns = (int64_t)(seconds * 1e9);
    pthread_mutex_lock(&m->lock);
    for (int i = 0; i < m->nports; i++)
        if (!strcmp(m->ports[i].name, want)) m->ports[i].latency_ns = ns;
    if (m->nlatency < 8) {
        snprintf(m->latency[m->nlatency].name, sizeof m->latency[0].name, "%s", want);
        m->latency[m->nlatency++].ns = ns;
    }
    pthread_mutex_unlock(&m->lock);
}

/* ---------------------------------------------------------------- queue */

static bool before(const Msg *a, const Msg *b) {
    return a->due < b->due || (a->due == b->due && a->seq < b->seq);
}

static void heap_push(MidiOut *m, Msg x) {
    if (m->n == m->cap) {
        m->cap = m->cap ? 2 * m->cap : 1024;
        m->q = realloc(m->q, m->cap * sizeof *m->q);
        if (!m->q) abort();
    }
    size_t i = m->n++;
    while (i && before(&x, &m->q[(i - 1) / 2])) {
        m->q[i] = m->q[(i - 1) / 2];
        i = (i - 1) / 2;
    }
    m->q[i] = x;
}

static Msg heap_pop(MidiOut *m) {
    Msg top = m->q[0], x = m->q[--m->n];
    size_t i = 0;
    for (;;) {
        size_t c = 2 * i + 1;
        if (c >= m->n) break;
        if (c + 1 < m->n && before(&m->q[c + 1], &m->q[c])) c++;
        if (!before(&m->q[c], &x)) break;
        m->q[i] = m->q[c];
        i = c;
    }
    if (m->n) m->q[i] = x;
    return top;
}

/* Sends one message now and keeps the sounding table. Lock held. */
static void send(MidiOut *m, const Msg *x, uint64_t due) {
    Port *p = &m->ports[x->port];
    if (!p->opened || p->gone) return; /* failed or gone: its messages go nowhere */
    uint8_t status = x->bytes[0] & 0xF0, ch = x->bytes[0] & 0x0F;
    if (status >= 0x80 && status <= 0xE0) p->channels_used |= (uint16_t)(1u << ch);
    if (status == 0x90 && x->len == 3 && x->bytes[2] > 0) {
        uint8_t *s = &p->sounding[ch][x->bytes[1] & 0x7F];
        if (*s < 255) (*s)++;
        p->owner[ch][x->bytes[1] & 0x7F] = x->track;
    } else if ((status == 0x80 || status == 0x90) && x->len == 3) {
        uint8_t *s = &p->sounding[ch][x->bytes[1] & 0x7F];
        if (*s == 0) return; /* already off (a cut took it) */
        (*s)--;
    }
    if (rtmidi_api.rtmidi_out_send_message(p->out, x->bytes, x->len) < 0 || !p->out->ok) {
        char why[sizeof p->why];
        snprintf(why, sizeof why, "the MIDI port '%s' stopped taking messages", p->name);
        memcpy(p->why, why, sizeof why);
        p->failed = true;
    }
    if (m->trace) {
        fprintf(m->trace, "%llu %llu", (unsigned long long)(x->played ? x->played : due),
                (unsigned long long)now_ns());
        for (int i = 0; i < x->len; i++) fprintf(m->trace, " %02x", x->bytes[i]);
        fputc('\n', m->trace);
    }
}

/* A port's name without ALSA's client and port numbers ("USB MIDI:USB MIDI
 * MIDI 1 20:0" -> "USB MIDI:USB MIDI MIDI 1"): a device plugged in again
 * may come back under other numbers. */
static void base_name(const char *name, char *out, size_t n) {
    snprintf(out, n, "%s", name);
    size_t len = strlen(out), i = len;
    while (i > 0 && isdigit((unsigned char)out[i - 1])) i--;
    if (i == len || i == 0 || out[i - 1] != ':') return;
    size_t colon = --i;
    while (i > 0 && isdigit((unsigned char)out[i - 1])) i--;
    if (i == colon || i == 0 || out[i - 1] != ' ') return;
    out[i - 1] = 0;
}

/* The number of dev's port `name` is, or one of the same name but for its
 * numbers (then *found is its full name); -1 when none is there. */
static int locate(RtMidiPtr dev, const char *name, char *found, size_t n) {
    unsigned count = dev && dev->ok ? rtmidi_api.rtmidi_get_port_count(dev) : 0;
    char want[256], pn[256], pb[256];
    base_name(name, want, sizeof want);
    int like = -1;
    for (unsigned i = 0; i < count; i++) {
        port_name(dev, i, pn, sizeof pn);
        if (!strcmp(pn, name)) {
            snprintf(found, n, "%s", pn);
            return (int)i;
        }
        base_name(pn, pb, sizeof pb);
        if (like < 0 && !strcmp(pb, want)) {
            like = (int)i;
            snprintf(found, n, "%s", pn);
        }
    }
    return like;
}

/* The ports tala connected to by name: one that went away (a synth
 * switched off, a DAW closed) is said once and its messages go nowhere;
 * when it is back, tala connects to it again, on a new client, and says
 * so. Sender thread, called with the lock held; it lets go of it while it
 * lists the ports (on a client of its own) and while it connects. stderr
 * is not closed here (quiet_begin): other threads print meanwhile. */
static void check_ports(MidiOut *m) {
    bool named = false; /* connected to a port by name: its server answers */
    for (int i = 0; i < m->nports; i++) named |= m->ports[i].opened && m->ports[i].actual[0];
    if (!named) return;
    if (!m->watch) { /* (not kept quiet: other threads may be printing, and the server is up) */
        pthread_mutex_unlock(&m->lock);
        RtMidiOutPtr w = rtmidi_api.rtmidi_out_create(m->api, "tala-watch");
        pthread_mutex_lock(&m->lock);
        if (!w || !w->ok) {
            if (w) rtmidi_api.rtmidi_out_free(w);
            return;
        }
        m->watch = w;
    }
    for (int i = 0; i < m->nports; i++) {
        Port *p = &m->ports[i];
        if (!p->opened || !p->actual[0]) continue;
        char name[sizeof p->actual], now[sizeof p->actual];
        memcpy(name, p->actual, sizeof name);
        bool gone = p->gone;
        pthread_mutex_unlock(&m->lock);
        int at = locate(m->watch, name, now, sizeof now);
        RtMidiOutPtr fresh = NULL;
        if (at >= 0 && gone) { /* back: a new client connects to it (on a server that
                                  answers: nothing to keep quiet, and other threads may be
                                  printing) */
            fresh = rtmidi_api.rtmidi_out_create(m->api, "tala");
            int k = fresh && fresh->ok ? locate(fresh, now, now, sizeof now) : -1;
            if (k >= 0) rtmidi_api.rtmidi_open_port(fresh, (unsigned)k, "tala");
            if (fresh && (k < 0 || !fresh->ok)) {
                rtmidi_api.rtmidi_out_free(fresh);
                fresh = NULL;
            }
        }
        RtMidiOutPtr old = NULL;
        pthread_mutex_lock(&m->lock);
        if (at < 0 && !p->gone) {
            p->gone = true;
            memset(p->sounding, 0, sizeof p->sounding); /* its notes went with it */
            snprintf(p->news, sizeof p->news,
                     "the MIDI port '%.100s' went away (its messages go nowhere until it is "
                     "back; the rest plays on)",
                     name);
            p->news_good = false;
        } else if (fresh) {
            old = p->out;
            p->out = fresh;
            p->gone = false;
            memcpy(p->actual, now, sizeof p->actual);
            snprintf(p->news, sizeof p->news, "the MIDI port '%.100s' is back", now);
            p->news_good = true;
        }
        if (old) { /* no one sends on it any more */
            pthread_mutex_unlock(&m->lock);
            rtmidi_api.rtmidi_close_port(old);
            rtmidi_api.rtmidi_out_free(old);
            pthread_mutex_lock(&m->lock);
        }
    }
}

static void *sender(void *ud) {
    MidiOut *m = ud;
    /* real-time priority where the system grants it (an audio group's
     * rtprio, root): a busy machine then wakes it on time; else as it is */
    struct sched_param sp = {.sched_priority = 60};
    pthread_setschedparam(pthread_self(), SCHED_FIFO, &sp);
    pthread_mutex_lock(&m->lock);
    while (!m->quit) {
        for (int i = 0; i < m->nports; i++) /* ports named since: open them */
            if (!m->ports[i].opened && !m->ports[i].failed) {
                pthread_mutex_unlock(&m->lock);
                open_port(m, &m->ports[i]);
                pthread_mutex_lock(&m->lock);
            }
        uint64_t now = now_ns();
        while (m->n && m->q[0].due <= now) {
            Msg x = heap_pop(m);
            send(m, &x, x.due);
        }
        if (now >= m->next_check) {
            check_ports(m);
            m->next_check = now + 500000000u;
        }
        uint64_t at = m->n && m->q[0].due < m->next_check ? m->q[0].due : m->next_check;
        struct timespec ts = {(time_t)(at / 1000000000u), (long)(at % 1000000000u)};
        pthread_cond_timedwait(&m->wake, &m->lock, &ts);
    }
    pthread_mutex_unlock(&m->lock);
    return NULL;
}

MidiOut *midi_out_new(char *why, size_t n) {
    if (!rtmidi_api_load(why, n)) return NULL;
    MidiOut *m = calloc(1, sizeof *m);
    if (!m) abort();
    m->api = RTMIDI_API_UNSPECIFIED; /* chosen when a port is first opened */
    pthread_mutex_init(&m->lock, NULL);
    pthread_condattr_t ca;
    pthread_condattr_init(&ca);
    pthread_condattr_setclock(&ca, CLOCK_MONOTONIC);
    pthread_cond_init(&m->wake, &ca);
    pthread_condattr_destroy(&ca);
    const char *trace = getenv("TALA_MIDI_TRACE");
    if (trace && *trace) m->trace = fopen(trace, "w");
    if (pthread_create(&m->sender, NULL, sender, m) != 0) {
        snprintf(why, n, "cannot start the MIDI thread");
        pthread_mutex_destroy(&m->lock);
        pthread_cond_destroy(&m->wake);
        free(m);
        return NULL;
    }
    return m;
}

void midi_out_at(MidiOut *m, uint64_t due_ns, int port, int track, const uint8_t *bytes, int len) {
    if (port < 0 || len < 1 || len > 3) return;
    Msg x = {.due = due_ns,
             .played = due_ns,
             .port = (int16_t)port,
             .track = (int16_t)track,
             .len = (uint8_t)len};
    /* the port's latency is added now: the queue is in the order messages go out */
    memcpy(x.bytes, bytes, (size_t)len);
    pthread_mutex_lock(&m->lock);
    if (port < m->nports) {
        x.due = (uint64_t)((int64_t)x.due + m->ports[port].latency_ns);
        x.seq = m->seq++;
        bool first = !m->n || before(&x, &m->q[0]);
        heap_push(m, x);
        if (first) pthread_cond_signal(&m->wake);
    }
    pthread_mutex_unlock(&m->lock);
}

/* Note-offs now for what track (< 0: every track) has sounding. Lock held. */
static void notes_off(MidiOut *m, int track) {
    uint64_t now = now_ns();
    for (int pi = 0; pi < m->nports; pi++) {
        Port *p = &m->ports[pi];
        for (int c = 0; c < 16; c++)
            for (int k = 0; k < 128; k++)
                while (p->sounding[c][k] && (track < 0 || p->owner[c][k] == track)) {
                    Msg off = {.port = (int16_t)pi,
                               .track = p->owner[c][k],
                               .len = 3,
                               .bytes = {(uint8_t)(0x80 | c), (uint8_t)k, 0}};
                    send(m, &off, now);
                }
    }
}

void midi_out_cut(MidiOut *m, int track) {
    pthread_mutex_lock(&m->lock);
    size_t keep = 0;
    for (size_t i = 0; i < m->n; i++) /* tracks below -1 (a clock) are never cut */
        if (track >= 0 ? m->q[i].track != track : m->q[i].track < -1) m->q[keep++] = m->q[i];
    m->n = keep;
    /* the kept ones are a heap no longer: order them again */
    Msg *old = m->q;
    size_t count = m->n;
    m->q = NULL, m->n = 0, m->cap = 0;
    for (size_t i = 0; i < count; i++) heap_push(m, old[i]);
    free(old);
    notes_off(m, track);
    pthread_mutex_unlock(&m->lock);
}

const char *midi_out_failed(MidiOut *m) {
    const char *why = NULL;
    pthread_mutex_lock(&m->lock);
    for (int i = 0; i < m->nports && !why; i++)
        if (m->ports[i].failed && !m->ports[i].said) {
            m->ports[i].said = true;
            why = m->ports[i].why;
        }
    pthread_mutex_unlock(&m->lock);
    return why;
}

bool midi_out_news(MidiOut *m, char *text, size_t n, bool *good) {
    bool any = false;
    pthread_mutex_lock(&m->lock);
    for (int i = 0; i < m->nports && !any; i++)
        if (m->ports[i].news[0]) {
            snprintf(text, n, "%s", m->ports[i].news);
            *good = m->ports[i].news_good;
            m->ports[i].news[0] = 0;
            any = true;
        }
    pthread_mutex_unlock(&m->lock);
    return any;
}

void midi_out_free(MidiOut *m) {
    if (!m) return;
    pthread_mutex_lock(&m->lock);
    m->quit = true;
    pthread_cond_signal(&m->wake);
    pthread_mutex_unlock(&m->lock);
    pthread_join(m->sender, NULL);
    uint64_t now = now_ns();           /* what is due (a clock's stop) goes; what is not, not */
    bool stopped[MAX_PORTS] = {false}; /* a port's clock stopped: a tick due meanwhile stays */
    while (m->n && m->q[0].due <= now) {
        Msg x = heap_pop(m);
        bool tick = x.len == 1 && x.bytes[0] == 0xF8, stop = x.len == 1 && x.bytes[0] == 0xFC;
        if (tick && stopped[x.port]) continue;
        if (stop) stopped[x.port] = true;
        send(m, &x, x.due);
    }
    m->n = 0;
    notes_off(m, -1);
    bool any = false;
    for (int i = 0; i < m->nports; i++) {
        Port *p = &m->ports[i];
        for (int c = 0; c < 16 && p->opened; c++)
            if (p->channels_used & (1u << c)) {
                Msg all = {.port = (int16_t)i, .len = 3, .bytes = {(uint8_t)(0xB0 | c), 123, 0}};
                send(m, &all, now_ns());
                any = true;
            }
    }
    /* JACK takes messages from RtMidi's buffer in its next cycles: give it
     * those before the ports go */
    if (any) nanosleep(&(struct timespec){0, 50000000}, NULL);
    for (int i = 0; i < m->nports; i++)
        if (m->ports[i].out) {
            rtmidi_api.rtmidi_close_port(m->ports[i].out);
            rtmidi_api.rtmidi_out_free(m->ports[i].out);
        }
    if (m->watch) rtmidi_api.rtmidi_out_free(m->watch);
    if (m->trace) fclose(m->trace);
    free(m->q);
    pthread_mutex_destroy(&m->lock);
    pthread_cond_destroy(&m->wake);
    free(m);
}

/* ---------------------------------------------------------------- input */

#define NOTE_RING 4096

typedef struct {
    uint64_t when;
    uint8_t status, key, vel;
} InNote;

#define CLOCK_RING 1024

typedef struct {
    uint64_t when;
    uint8_t status;
    uint16_t spp;
} InClock;

struct MidiIn {
    RtMidiInPtr dev;
    enum RtMidiApi api;
    char actual[256]; /* the full name of its port */
    bool gone;
    InNote notes[NOTE_RING]; /* RtMidi's thread writes, the control thread reads */
    _Atomic size_t head, tail;
    InClock clock[CLOCK_RING]; /* the same, for clock messages (when asked for) */
    _Atomic size_t chead, ctail;
    _Atomic bool want_clock;
    _Atomic uint8_t value[16][128];
    _Atomic bool changed[16][128];
    _Atomic bool any; /* some changed: worth a look */
    int scan;         /* where the last look stopped */
};

/* RtMidi's thread: the latest value of each controller. */
static void on_input(double stamp, const unsigned char *msg, size_t n, void *ud) {
    (void)stamp;
    MidiIn *in = ud;
    if (n >= 1 && (msg[0] == 0xF8 || msg[0] == 0xFA || msg[0] == 0xFB || msg[0] == 0xFC ||
                   (msg[0] == 0xF2 && n >= 3))) {
        size_t h = atomic_load_explicit(&in->chead, memory_order_relaxed);
        if (atomic_load_explicit(&in->want_clock, memory_order_relaxed) &&
            h - atomic_load_explicit(&in->ctail, memory_order_acquire) < CLOCK_RING) {
            uint16_t spp = msg[0] == 0xF2 ? (uint16_t)((msg[1] & 0x7F) | (msg[2] & 0x7F) << 7) : 0;
            in->clock[h % CLOCK_RING] = (InClock){now_ns(), msg[0], spp};
            atomic_store_explicit(&in->chead, h + 1, memory_order_release);
        }
        return;
    }
    uint8_t st = n >= 3 ? msg[0] & 0xF0 : 0;
    if (st == 0x80 || st == 0x90) {
        size_t h = atomic_load_explicit(&in->head, memory_order_relaxed);
        if (h - atomic_load_explicit(&in->tail, memory_order_acquire) < NOTE_RING) {
            in->notes[h % NOTE_RING] = (InNote){now_ns(), msg[0], msg[1] & 0x7F, msg[2] & 0x7F};
            atomic_store_explicit(&in->head, h + 1, memory_order_release);
        }
        return;
    }
    if (n < 3 || st != 0xB0) return;
    int ch = msg[0] & 0x0F, num = msg[1] & 0x7F;
    atomic_store(&in->value[ch][num], (uint8_t)(msg[2] & 0x7F));
    atomic_store(&in->changed[ch][num], true);
    atomic_store(&in->any, true);
}

MidiIn *midi_in_open(const char *name, char *why, size_t n) {
    if (!rtmidi_api_load(why, n)) return NULL;
    enum RtMidiApi api = pick_api();
    int q = quiet_begin();
    RtMidiInPtr dev = rtmidi_api.rtmidi_in_create(api, "tala", 1024);
    unsigned pick = find_port(dev, name);
    MidiIn *in = NULL;
    if (dev && pick < rtmidi_api.rtmidi_get_port_count(dev)) {
        in = calloc(1, sizeof *in);
        if (!in) abort();
        in->dev = dev;
        in->api = api;
        port_name(dev, pick, in->actual, sizeof in->actual);
        rtmidi_api.rtmidi_in_set_callback(dev, on_input, in);
        rtmidi_api.rtmidi_in_ignore_types(dev, true, false,
                                          true); /* clock messages in, for --clock */
        rtmidi_api.rtmidi_open_port(dev, pick, "tala-in");
        if (!dev->ok) {
            snprintf(why, n, "cannot open the MIDI input '%.60s'", name);
            rtmidi_api.rtmidi_in_free(dev);
            free(in);
            in = NULL;
        }
    } else {
        char list[600];
        list_ports(dev, list, sizeof list);
        snprintf(why, n, "no MIDI input port named '%.60s' (ports: %.400s)", name, list);
        if (dev) rtmidi_api.rtmidi_in_free(dev);
    }
    quiet_end(q);
    return in;
}

bool midi_in_cc(MidiIn *in, int *channel, int *number, int *value) {
    if (!atomic_load(&in->any)) return false;
    atomic_store(&in->any, false); /* one arriving from here on sets it again */
    for (int k = 0; k < 16 * 128; k++) {
        int at = (in->scan + k) % (16 * 128), ch = at / 128, num = at % 128;
        if (atomic_exchange(&in->changed[ch][num], false)) {
            *channel = ch + 1, *number = num, *value = atomic_load(&in->value[ch][num]);
            in->scan = at + 1;
            atomic_store(&in->any, true); /* there may be more */
            return true;
        }
    }
    return false;
}

bool midi_in_note(MidiIn *in, uint64_t *when, bool *on, int *channel, int *key, int *velocity) {
    size_t t = atomic_load_explicit(&in->tail, memory_order_relaxed);
    if (t == atomic_load_explicit(&in->head, memory_order_acquire)) return false;
    InNote x = in->notes[t % NOTE_RING];
    atomic_store_explicit(&in->tail, t + 1, memory_order_release);
    *when = x.when;
    *on = (x.status & 0xF0) == 0x90 && x.vel > 0;
    *channel = (x.status & 0x0F) + 1, *key = x.key, *velocity = x.vel;
    return true;
}

int midi_in_check(MidiIn *in, const char **name) {
    static RtMidiInPtr watch; /* the control thread's own client, for listing */
    if (!watch) {             /* (not kept quiet: the REPL may be printing; its server is up) */
        watch = rtmidi_api.rtmidi_in_create(in->api, "tala-watch", 100);
        if (watch && !watch->ok) {
            rtmidi_api.rtmidi_in_free(watch);
            watch = NULL;
        }
        if (!watch) return 0;
    }
    char now[sizeof in->actual];
    int at = locate(watch, in->actual, now, sizeof now), change = 0;
    *name = in->actual;
    if (at < 0 && !in->gone) {
        in->gone = true;
        change = 1;
    } else if (at >= 0 && in->gone) { /* back: a new client listens to it */
        RtMidiInPtr fresh = rtmidi_api.rtmidi_in_create(in->api, "tala", 1024);
        int k = fresh && fresh->ok ? locate(fresh, now, now, sizeof now) : -1;
        if (k >= 0) {
            rtmidi_api.rtmidi_close_port(in->dev); /* no callback from the old one after this */
            rtmidi_api.rtmidi_in_free(in->dev);
            in->dev = fresh;
            rtmidi_api.rtmidi_in_set_callback(fresh, on_input, in);
            rtmidi_api.rtmidi_in_ignore_types(fresh, true, false, true);
            rtmidi_api.rtmidi_open_port(fresh, (unsigned)k, "tala-in");
            memcpy(in->actual, now, sizeof in->actual);
            in->gone = false;
            change = 2;
        } else if (fresh) {
            rtmidi_api.rtmidi_in_free(fresh);
        }
    }
    return change;
}

void midi_in_want_clock(MidiIn *in) {
    atomic_store(&in->want_clock, true);
}

bool midi_in_clock(MidiIn *in, uint64_t *when, uint8_t *status, int *spp) {
    size_t t = atomic_load_explicit(&in->ctail, memory_order_relaxed);
    if (t == atomic_load_explicit(&in->chead, memory_order_acquire)) return false;
    InClock x = in->clock[t % CLOCK_RING];
    atomic_store_explicit(&in->ctail, t + 1, memory_order_release);
    *when = x.when, *status = x.status, *spp = x.spp;
    return true;
}

void midi_in_close(MidiIn *in) {
    if (!in) return;
    int q = quiet_begin();
    rtmidi_api.rtmidi_close_port(in->dev); /* no callback after it returns */
    rtmidi_api.rtmidi_in_free(in->dev);
    quiet_end(q);
    free(in);
}
