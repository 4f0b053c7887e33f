/*
 * osc.c - OSC over UDP and TCP (see osc.h). liblo deserialises and
 * serialises the messages; bundles are walked here (liblo 0.31 has no
 * public bundle reader); the sockets are plain POSIX ones.
 */
#define _GNU_SOURCE
#include "osc.h"

#include <lo/lo.h>

#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netdb.h>
#include <math.h>
#include <netinet/in.h>
#include <poll.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#define OSC_MAX_PACKET 65536 /* larger is dropped: a code block is never near it */
#define OSC_MAX_CONNS  8
#define OSC_MAX_ARGS   32
#define OSC_MAX_DEPTH  8 /* bundles in bundles */

bool osc_parse_where(const char *spec, char *addr, size_t na, int *port, char *why, size_t n) {
    const char *colon = strrchr(spec, ':');
    const char *p = colon ? colon + 1 : spec;
    char *end;
    long v = strtol(p, &end, 10);
    if (!*p || *end || v < 1 || v > 65535) {
        snprintf(why, n, "'%s' is not [ADDRESS:]PORT (a port 1 to 65535, e.g. 7770)", spec);
        return false;
    }
    *port = (int)v;
    if (!colon) {
        snprintf(addr, na, "127.0.0.1");
    } else {
        size_t len = (size_t)(colon - spec);
        if (len >= 2 && spec[0] == '[' && spec[len - 1] == ']') spec++, len -= 2; /* [::1]:P */
        if (len == 0 || len >= na) {
            snprintf(why, n, "'%s': no address before the port", spec);
            return false;
        }
        memcpy(addr, spec, len);
        addr[len] = 0;
    }
    return true;
}

static struct addrinfo *resolve(const char *addr, int port, int socktype, bool passive, char *why,
                                size_t n) {
    char service[16];
    snprintf(service, sizeof service, "%d", port);
    struct addrinfo hints = {.ai_socktype = socktype,
                             .ai_flags = AI_NUMERICSERV | (passive ? AI_PASSIVE : 0)};
    struct addrinfo *ai = NULL;
    int e = getaddrinfo(addr, service, &hints, &ai);
    if (e) {
        snprintf(why, n, "%s: %s", addr, gai_strerror(e));
        return NULL;
    }
    return ai;
}

/* ------------------------------------------------------------ reading */

typedef struct Conn Conn;

struct OscPeer {
    int fd;                      /* the socket to answer on */
    Conn *conn;                  /* TCP: its connection (closed when an answer cannot go) */
    struct sockaddr_storage who; /* UDP: where to */
    socklen_t wholen;
};

struct Conn {
    int fd;
    unsigned char *buf; /* what has come so far of the current packet */
    size_t have;
    double last; /* when it last sent (monotonic s): idle ones are closed */
    bool dead;   /* an answer could not go (it does not read): closed */
};
#define OSC_IDLE_S 300

struct OscListener {
    int udp, tcp, wake[2];
    Conn conns[OSC_MAX_CONNS];
    pthread_t thread;
    OscHandler on;
    OscWarn warn;
    void *ud;
    char where[80];
    atomic_uint_least64_t dropped;
    uint64_t said;      /* dropped packets already said */
    double last_said;   /* when (monotonic seconds) */
    char last_why[160]; /* the latest drop's reason */
    unsigned char packet[OSC_MAX_PACKET + 4];
};

static double now_mono(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + t.tv_nsec / 1e9;
}

/* Says the drops not said yet: the first at once, then at most once in 2 s
 * (now: whatever is left, when the listener closes). */
static void say_drops(OscListener *l, bool now) {
    uint64_t d = atomic_load(&l->dropped);
    double t = now_mono();
    if (!l->warn || d == l->said || (!now && l->said > 0 && t - l->last_said < 2)) return;
    char text[400];
    snprintf(text, sizeof text, "warning: OSC: %llu bad packet%s dropped on %s (the latest: %s)",
             (unsigned long long)(d - l->said), d - l->said == 1 ? "" : "s", l->where, l->last_why);
    l->warn(l->ud, text);
    l->said = d, l->last_said = t;
}

static void drop(OscListener *l, const char *fmt, const char *what) {
    snprintf(l->last_why, sizeof l->last_why, fmt, what);
    atomic_fetch_add(&l->dropped, 1);
    say_drops(l, false);
}

static uint32_t be32(const unsigned char *p) {
    return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

/* One message: liblo checks it whole (path, type tags, every argument's size). */
static void message(OscListener *l, unsigned char *data, size_t size, OscPeer *from) {
    if (data[0] != '/') {
        drop(l, "%s", "a message whose address does not begin with '/'");
        return;
    }
    int result = 0;
    lo_message m = lo_message_deserialise(data, size, &result);
    if (!m) {
        char code[16];
        snprintf(code, sizeof code, "%d", result);
        drop(l, "a malformed or truncated message (liblo error %s)", code);
        return;
    }
    const char *types = lo_message_get_types(m);
    int argc = lo_message_get_argc(m);
    lo_arg **argv = lo_message_get_argv(m);
    if (argc > OSC_MAX_ARGS) {
        lo_message_free(m);
        drop(l, "%s: too many arguments", (const char *)data);
        return;
    }
    OscArg args[OSC_MAX_ARGS];
    for (int i = 0; i < argc; i++) {
        OscArg *a = &args[i];
        *a = (OscArg){.type = types[i]};
        /* liblo's arguments lie in the packet, unaligned: read them by bytes */
        const void *p = argv[i];
        int32_t i32;
        int64_t i64;
        float f;
        double d;
        switch (types[i]) {
        case 'i': memcpy(&i32, p, 4), a->num = i32; break;
        case 'h': memcpy(&i64, p, 8), a->num = (double)i64; break;
        case 'f': memcpy(&f, p, 4), a->num = f; break;
        case 'd': memcpy(&d, p, 8), a->num = d; break;
        case 'T': a->num = 1; break;
        case 's':
        case 'S': a->str = (const char *)p; break;
        default: break; /* blobs, time tags, MIDI...: the type alone */
        }
    }
    OscMsg msg = {.path = (const char *)data, .types = types, .argc = argc, .argv = args};
    l->on(l->ud, &msg, from);
    lo_message_free(m);
}

/* A packet: a message, or a bundle ("#bundle", a time tag, then elements each
 * with its size), whose time tag is not waited for: code runs when it comes. */
static void packet(OscListener *l, unsigned char *data, size_t size, OscPeer *from, int depth) {
    if (size >= 16 && !memcmp(data, "#bundle", 8)) {
        if (depth >= OSC_MAX_DEPTH) {
            drop(l, "%s", "bundles nested too deep");
            return;
        }
        size_t at = 16;
        while (at < size) {
            if (size - at < 4) {
                drop(l, "%s", "a truncated bundle");
                return;
            }
            uint32_t len = be32(data + at);
            at += 4;
            if (len > size - at || len % 4) {
                drop(l, "%s", "a bundle element longer than the bundle");
                return;
            }
            packet(l, data + at, len, from, depth + 1);
            at += len;
        }
        return;
    }
    if (size == 0 || size % 4) {
        drop(l, "%s", size ? "a packet whose size is not a multiple of 4" : "an empty packet");
        return;
    }
    message(l, data, size, from);
}

static void read_udp(OscListener *l) {
    OscPeer from = {.fd = l->udp, .wholen = sizeof from.who};
    ssize_t got = recvfrom(l->udp, l->packet, sizeof l->packet, MSG_TRUNC,
                           (struct sockaddr *)&from.who, &from.wholen);
    if (got < 0) return;
    if ((size_t)got > OSC_MAX_PACKET) {
        char size[32];
        snprintf(size, sizeof size, "%zd", got);
        drop(l, "a packet of %s bytes (at most 65536)", size);
        return;
    }
    packet(l, l->packet, (size_t)got, &from, 0);
}

static void close_conn(Conn *c) {
    close(c->fd);
    free(c->buf);
    *c = (Conn){.fd = -1};
}

/* TCP: a 32-bit big-endian size, then the packet; a connection that sends a
 * size over the limit cannot be followed further and is closed. */
static void read_tcp(OscListener *l, Conn *c) {
    unsigned char chunk[4096];
    ssize_t got = recv(c->fd, chunk, sizeof chunk, 0);
    if (got < 0 && (errno == EINTR || errno == EAGAIN)) return;
    if (got <= 0) {
        if (c->have) drop(l, "%s", "a connection closed in the middle of a packet");
        close_conn(c);
        return;
    }
    unsigned char *nb = realloc(c->buf, c->have + (size_t)got);
    if (!nb) abort();
    c->buf = nb;
    memcpy(c->buf + c->have, chunk, (size_t)got);
    c->have += (size_t)got;
    c->last = now_mono();
    size_t at = 0;
    while (c->have - at >= 4 && !c->dead) {
        uint32_t len = be32(c->buf + at);
        if (len > OSC_MAX_PACKET) {
            char size[32];
            snprintf(size, sizeof size, "%u", len);
            drop(l, "a packet of %s bytes (at most 65536; the connection is closed)", size);
            close_conn(c);
            return;
        }
        if (c->have - at - 4 < len) break;
        OscPeer from = {.fd = c->fd, .conn = c};
        memcpy(l->packet, c->buf + at + 4, len);
        packet(l, l->packet, len, &from, 0);
        at += 4 + len;
    }
    if (c->dead) { /* it does not take its answers: it is not waited for */
        close_conn(c);
        return;
    }
    memmove(c->buf, c->buf + at, c->have - at);
    c->have -= at;
}

static void *listen_thread(void *arg) {
    OscListener *l = arg;
    for (;;) {
        struct pollfd pf[3 + OSC_MAX_CONNS];
        int np = 0;
        pf[np++] = (struct pollfd){.fd = l->wake[0], .events = POLLIN};
        pf[np++] = (struct pollfd){.fd = l->udp, .events = POLLIN};
        pf[np++] = (struct pollfd){.fd = l->tcp, .events = POLLIN};
        for (int i = 0; i < OSC_MAX_CONNS; i++)
            pf[np++] = (struct pollfd){.fd = l->conns[i].fd, .events = POLLIN};
        int k = poll(pf, (nfds_t)np, 500); /* drops not said yet are said within 2.5 s */
        say_drops(l, false);
        if (k < 0 && errno == EINTR) continue;
        if (k < 0) break;
        if (pf[0].revents) break;
        if (pf[1].revents & POLLIN) read_udp(l);
        if (pf[2].revents & POLLIN) {
            int fd = accept4(l->tcp, NULL, NULL, SOCK_NONBLOCK | SOCK_CLOEXEC);
            int slot = -1;
            for (int i = 0; i < OSC_MAX_CONNS && slot < 0; i++)
                if (l->conns[i].fd < 0) slot = i;
            if (fd >= 0 && slot < 0) close(fd); /* too many at once: the newest waits */
            if (fd >= 0 && slot >= 0) l->conns[slot] = (Conn){.fd = fd, .last = now_mono()};
        }
        double t = now_mono();
        for (int i = 0; i < OSC_MAX_CONNS; i++) {
            Conn *c = &l->conns[i];
            if (c->fd >= 0 && pf[3 + i].revents) read_tcp(l, c);
            if (c->fd >= 0 && t - c->last > OSC_IDLE_S) close_conn(c); /* a slot back */
        }
    }
    return NULL;
}

static int bound_socket(const char *addr, int port, int type, char *why, size_t n) {
    struct addrinfo *ai = resolve(addr, port, type, true, why, n);
    if (!ai) return -1;
    int fd = socket(ai->ai_family, ai->ai_socktype | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
    int one = 1;
    if (fd >= 0 && type == SOCK_STREAM) setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    if (fd < 0 || bind(fd, ai->ai_addr, ai->ai_addrlen) < 0 ||
        (type == SOCK_STREAM && listen(fd, 8) < 0)) {
        snprintf(why, n, "cannot listen on %s:%d (%s): %s", addr, port,
                 type == SOCK_STREAM ? "TCP" : "UDP", strerror(errno));
        if (fd >= 0) close(fd);
        fd = -1;
    }
    freeaddrinfo(ai);
    return fd;
}

OscListener *osc_listen(const char *spec, OscHandler on, OscWarn warn, void *ud, char *why,
                        size_t n) {
    char addr[64];
    int port;
    if (!osc_parse_where(spec, addr, sizeof addr, &port, why, n)) return NULL;
    OscListener *l = calloc(1, sizeof *l);
    if (!l) abort();
    l->on = on, l->warn = warn, l->ud = ud;
    l->udp = l->tcp = l->wake[0] = l->wake[1] = -1;
    for (int i = 0; i < OSC_MAX_CONNS; i++) l->conns[i].fd = -1;
    snprintf(l->where, sizeof l->where, strchr(addr, ':') ? "[%s]:%d" : "%s:%d", addr, port);
    bool bound = (l->udp = bound_socket(addr, port, SOCK_DGRAM, why, n)) >= 0 &&
                 (l->tcp = bound_socket(addr, port, SOCK_STREAM, why, n)) >= 0;
    if (bound &&
        (pipe2(l->wake, O_CLOEXEC) < 0 || pthread_create(&l->thread, NULL, listen_thread, l)))
        snprintf(why, n, "cannot start the OSC listener: %s", strerror(errno)), bound = false;
    if (!bound) {
        if (l->udp >= 0) close(l->udp);
        if (l->tcp >= 0) close(l->tcp);
        if (l->wake[0] >= 0) close(l->wake[0]), close(l->wake[1]);
        free(l);
        return NULL;
    }
    return l;
}

void osc_listener_close(OscListener *l) {
    if (!l) return;
    if (write(l->wake[1], "x", 1) < 0) { /* the thread sees the pipe either way */
    }
    pthread_join(l->thread, NULL);
    say_drops(l, true);
    for (int i = 0; i < OSC_MAX_CONNS; i++)
        if (l->conns[i].fd >= 0) close_conn(&l->conns[i]);
    close(l->udp), close(l->tcp), close(l->wake[0]), close(l->wake[1]);
    free(l);
}

const char *osc_listener_where(const OscListener *l) {
    return l->where;
}

/* ------------------------------------------------------------ writing */

static lo_message build(const char *types, const OscArg *args) {
    lo_message m = lo_message_new();
    for (int i = 0; types[i]; i++) {
        switch (types[i]) {
        case 'i': lo_message_add_int32(m, (int32_t)args[i].num); break;
        case 'f': lo_message_add_float(m, (float)args[i].num); break;
        case 'd': lo_message_add_double(m, args[i].num); break;
        case 's': lo_message_add_string(m, args[i].str ? args[i].str : ""); break;
        default: break;
        }
    }
    return m;
}

/* The message as bytes (malloc'd, *size set), or NULL. */
static void *serialise(const char *path, const char *types, const OscArg *args, size_t *size) {
    lo_message m = build(types, args);
    void *data = lo_message_serialise(m, path, NULL, size);
    lo_message_free(m);
    return data;
}

bool osc_reply(OscPeer *to, const char *path, const char *types, const OscArg *args) {
    size_t size = 0;
    unsigned char *data = serialise(path, types, args, &size);
    if (!data) return false;
    bool ok;
    if (to->conn) { /* framed, in one piece, never waiting for a client that does not read */
        unsigned char *framed = malloc(size + 4);
        if (!framed) abort();
        framed[0] = (unsigned char)(size >> 24), framed[1] = (unsigned char)(size >> 16);
        framed[2] = (unsigned char)(size >> 8), framed[3] = (unsigned char)size;
        memcpy(framed + 4, data, size);
        ok = send(to->fd, framed, size + 4, MSG_NOSIGNAL | MSG_DONTWAIT) == (ssize_t)(size + 4);
        if (!ok) to->conn->dead = true;
        free(framed);
    } else {
        ok = sendto(to->fd, data, size, MSG_DONTWAIT, (struct sockaddr *)&to->who, to->wholen) ==
             (ssize_t)size;
    }
    free(data);
    return ok;
}

typedef struct {
    OscHandler on;
    void *ud;
    bool got;
} Asked;

static void asked(void *ud, const OscMsg *m, OscPeer *from) {
    Asked *a = ud;
    if (!a->got) a->on(a->ud, m, from);
    a->got = true;
}

bool osc_ask(const char *spec, const char *path, const char *types, const OscArg *args,
             double timeout, OscHandler on, void *ud, char *why, size_t n) {
    char addr[64];
    int port;
    if (!osc_parse_where(spec, addr, sizeof addr, &port, why, n)) return false;
    why[0] = 0;
    struct addrinfo *ai = resolve(addr, port, SOCK_DGRAM, false, why, n);
    if (!ai) return false;
    size_t size = 0;
    void *data = serialise(path, types, args, &size);
    int fd = socket(ai->ai_family, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    bool ok = false;
    if (!data) {
        snprintf(why, n, "the message could not be made");
    } else if (size > OSC_MAX_PACKET - 64) {
        snprintf(why, n, "%zu bytes is too long for one OSC packet (at most %d)", size,
                 OSC_MAX_PACKET - 64);
    } else if (fd < 0 || connect(fd, ai->ai_addr, ai->ai_addrlen) < 0 ||
               send(fd, data, size, 0) != (ssize_t)size) {
        snprintf(why, n, "cannot send to %s: %s", spec, strerror(errno));
    } else {
        /* the answer: a listener's thread reading this one socket */
        OscListener *l = calloc(1, sizeof *l); /* its packet buffer is large */
        if (!l) abort();
        Asked a = {on, ud, false};
        l->udp = fd, l->on = asked, l->ud = &a;
        snprintf(l->where, sizeof l->where, "%s", spec);
        double until = now_mono() + timeout;
        while (!a.got) {
            double left = until - now_mono();
            if (left <= 0) break;
            struct pollfd pf = {.fd = fd, .events = POLLIN};
            int k = poll(&pf, 1, (int)(left * 1000) + 1);
            if (k > 0 && (pf.revents & POLLERR)) {
                int e = 0;
                socklen_t el = sizeof e;
                getsockopt(fd, SOL_SOCKET, SO_ERROR, &e, &el);
                snprintf(why, n, "nothing listens on %s (%s): is tala running with --listen %d?",
                         spec, strerror(e ? e : ECONNREFUSED), port);
                break;
            }
            if (k > 0) {
                OscPeer from = {.fd = fd, .wholen = sizeof from.who};
                ssize_t got = recvfrom(fd, l->packet, sizeof l->packet, 0,
                                       (struct sockaddr *)&from.who, &from.wholen);
                if (got < 0 && errno == ECONNREFUSED) {
                    snprintf(why, n, "nothing listens on %s: is tala running with --listen %d?",
                             spec, port);
                    break;
                }
                if (got > 0) packet(l, l->packet, (size_t)got, &from, 0);
            }
        }
        free(l);
        ok = a.got;
        if (!ok && !why[0])
            snprintf(why, n, "no answer from %s in %g s: is tala running with --listen %d?", spec,
                     timeout, port);
    }
    if (fd >= 0) close(fd);
    free(data);
    freeaddrinfo(ai);
    return ok;
}

/* ------------------------------------------------------------ bundles out */

struct OscOut {
    lo_address to;
};

OscOut *osc_out_open(const char *spec, char *why, size_t n) {
    char addr[64], port[16], host[NI_MAXHOST];
    int p;
    if (!osc_parse_where(spec, addr, sizeof addr, &p, why, n)) return NULL;
    /* resolved once, here: a name that stops resolving never holds up a send */
    struct addrinfo *ai = resolve(addr, p, SOCK_DGRAM, false, why, n);
    if (!ai) return NULL;
    int e = getnameinfo(ai->ai_addr, ai->ai_addrlen, host, sizeof host, NULL, 0, NI_NUMERICHOST);
    freeaddrinfo(ai);
    if (e) {
        snprintf(why, n, "%s: %s", addr, gai_strerror(e));
        return NULL;
    }
    snprintf(port, sizeof port, "%d", p);
    lo_address a = lo_address_new(host, port);
    if (!a) {
        snprintf(why, n, "cannot send to %s", spec);
        return NULL;
    }
    OscOut *o = calloc(1, sizeof *o);
    if (!o) abort();
    o->to = a;
    return o;
}

void osc_out_close(OscOut *o) {
    if (!o) return;
    lo_address_free(o->to);
    free(o);
}

OscPacket *osc_pack(const char *types, const OscArg *args) {
    return (OscPacket *)build(types, args);
}

void osc_packet_free(OscPacket *p) {
    if (p) lo_message_free((lo_message)p);
}

bool osc_out_packet(OscOut *o, double when, const char *path, OscPacket *p) {
    double secs = fmod(when + 2208988800.0, 4294967296.0); /* NTP: from 1900, in eras of 2^32 s */
    lo_timetag tt = {(uint32_t)secs, (uint32_t)((secs - floor(secs)) * 4294967296.0)};
    lo_bundle b = lo_bundle_new(tt);
    lo_message_incref((lo_message)p); /* the bundle's reference: p stays the caller's */
    lo_bundle_add_message(b, path, (lo_message)p);
    bool ok = lo_send_bundle(o->to, b) >= 0;
    lo_bundle_free_recursive(b); /* its copy of the path, and its reference to p */
    return ok;
}
