/*
 * osc.h - Open Sound Control over UDP and TCP: a listener that hands each
 * message to a handler, one question and its answer, and timestamped
 * bundles out. liblo reads and writes the messages; the sockets are this
 * file's, so that a listener binds the address it is given (liblo 0.31's
 * servers bind every interface, and a code-evaluating port must not).
 */
#ifndef TALA_OSC_H
#define TALA_OSC_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* One argument: numbers (i h f d, T F as 1 0) in num, strings (s S) in str. */
typedef struct {
    char type;
    double num;
    const char *str;
} OscArg;

typedef struct {
    const char *path;
    const char *types; /* one letter an argument */
    int argc;
    const OscArg *argv;
} OscMsg;

typedef struct OscListener OscListener;
typedef struct OscPeer OscPeer; /* who sent a message, to answer */

/* Called on the listener's thread for every well-formed message. */
typedef void (*OscHandler)(void *ud, const OscMsg *m, OscPeer *from);
/* Told (on the listener's thread) about packets dropped: the first at once,
 * then at most one line in 2 s with the count. */
typedef void (*OscWarn)(void *ud, const char *text);

/* Splits "[ADDR:]PORT" (ADDR 127.0.0.1 when not given; "[::1]:P" for IPv6).
 * False with why when PORT is not 1..65535. */
bool osc_parse_where(const char *spec, char *addr, size_t na, int *port, char *why, size_t n);

/* Listens on ADDR:PORT over UDP and TCP (OSC 1.0 framing: a 32-bit size
 * before each packet) and calls `on` for every message, from the elements
 * of bundles too. A malformed, truncated or oversized packet (over 64 KiB)
 * is dropped and counted; it never reaches `on`. NULL with why. */
OscListener *osc_listen(const char *spec, OscHandler on, OscWarn warn, void *ud, char *why,
                        size_t n);
/* Stops the thread and closes every socket. */
void osc_listener_close(OscListener *l);
/* The address bound ("127.0.0.1:7770"). */
const char *osc_listener_where(const OscListener *l);

/* Answers the message being handled (only inside the handler). */
bool osc_reply(OscPeer *to, const char *path, const char *types, const OscArg *args);

/* Sends one message over UDP to "[ADDR:]PORT" and waits up to `timeout`
 * seconds for one message back on the same socket, which `on` gets. False
 * with why on a send error, an answer too late or none. */
bool osc_ask(const char *spec, const char *path, const char *types, const OscArg *args,
             double timeout, OscHandler on, void *ud, char *why, size_t n);

/* Timestamped bundles to a peer (SuperDirt): NTP time, liblo's sockets. */
typedef struct OscOut OscOut;
OscOut *osc_out_open(const char *spec, char *why, size_t n);
void osc_out_close(OscOut *o);
/* A message's arguments, copied (strings too): to be sent later. */
typedef struct OscPacket OscPacket;
OscPacket *osc_pack(const char *types, const OscArg *args);
void osc_packet_free(OscPacket *p);
/* p as the one message of a bundle for `when` (seconds since 1970, the wall
 * clock); p stays the caller's. False when it could not be sent. */
bool osc_out_packet(OscOut *o, double when, const char *path, OscPacket *p);

#endif
