/*
 * midi.h - MIDI through RtMidi's C API: listing ports, and an output that
 * sends each message at the time it is due.
 *
 * The engine stamps every message with the monotonic time of its frame on
 * the audio clock; a sender thread sleeps until then (plus the port's
 * latency) and sends it, so MIDI and audio share one clock. The output
 * keeps what each port has sounding: a track that stops gets its note-offs
 * at once, and closing sends every note-off still owed and All Notes Off on
 * every channel used. Ports are RtMidi's: ALSA's sequencer where there is
 * one, else JACK's (TALA_MIDI_API=alsa|jack chooses).
 *
 * Any thread may call these; the sender thread is the only one that talks
 * to the ports after they are opened. Depends on RtMidi and libc only.
 */
#ifndef TALA_MIDI_H
#define TALA_MIDI_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

/* Prints the MIDI input and output ports, numbered; returns how many (0:
 * none), or -1 with why when no MIDI system answers. */
int midi_list(FILE *f, char *why, size_t n);

/* True when an output port named name (a number, or part of a name; "tala"
 * is tala's own, always there) exists; else false with why naming the
 * ports there are. */
bool midi_out_exists(const char *name, char *why, size_t n);

typedef struct MidiOut MidiOut;

/* The output side, its sender thread running; NULL with why when RtMidi
 * cannot start. Ports are opened by midi_out_port. */
MidiOut *midi_out_new(char *why, size_t n);

/* The index of the output port NAME: NULL or "tala" is tala's own virtual
 * port "tala"; else a number (as `tala midi` lists them) or part of a
 * port's name. The sender thread opens it before its first message (the
 * caller never waits for a MIDI system); one that cannot be opened is
 * said by midi_out_failed. -1 with why when there are too many. */
int midi_out_port(MidiOut *m, const char *name, char *why, size_t n);
/* Sets the latency of the port named name (as midi_out_port names it, now
 * or later): its messages queued from then on go out that much later (to
 * line up with audio that leaves the device late). Up to 8 names. */
void midi_out_latency(MidiOut *m, const char *name, double seconds);

/* Queues a channel message (1 to 3 bytes) of track for time due_ns
 * (CLOCK_MONOTONIC). A note-on with velocity 0 is a note-off. */
void midi_out_at(MidiOut *m, uint64_t due_ns, int port, int track, const uint8_t *bytes, int len);
/* Track stops: its queued messages are dropped and its sounding notes get
 * their note-offs now. track -1: every track (tracks below -1, such as a
 * MIDI clock, are never cut). */
void midi_out_cut(MidiOut *m, int track);
/* Why a port failed (it could not be opened, naming the ports that exist,
 * or stopped taking messages), once per port; NULL when none failed since
 * the last call. */
const char *midi_out_failed(MidiOut *m);
/* A port tala connected to by name is looked for twice a second: one that
 * went away (its messages go nowhere meanwhile), or came back (tala is
 * connected to it again), is news, said once each time. False when there
 * is none; else the sentence, good when it is back. */
bool midi_out_news(MidiOut *m, char *text, size_t n, bool *good);
/* Sends what is due, the note-offs owed and All Notes Off on every channel
 * used, then closes the ports. */
void midi_out_free(MidiOut *m);

/* An input port: what its controllers send is kept (the latest value of
 * each) for the control thread to take. */
typedef struct MidiIn MidiIn;

/* Opens the input port NAME (a number, as `tala midi` lists them, or part
 * of a name). NULL with why naming the ports there are. */
MidiIn *midi_in_open(const char *name, char *why, size_t n);
/* The next controller that changed since it was last taken: false when
 * none did. Channel 1..16, number and value 0..127. */
bool midi_in_cc(MidiIn *in, int *channel, int *number, int *value);
/* The next note-on or note-off that arrived (oldest first), with when it
 * arrived (CLOCK_MONOTONIC ns): false when none is waiting. A note-on with
 * velocity 0 comes as a note-off. Up to 4,096 wait; more are dropped. */
bool midi_in_note(MidiIn *in, uint64_t *when, bool *on, int *channel, int *key, int *velocity);
/* Whether its port is still there: 1 when it went away since the last look
 * (a keyboard unplugged), 2 when it came back (connected to again), else
 * 0; *name is the port's full name. Control thread, now and then. */
int midi_in_check(MidiIn *in, const char **name);
/* Clock messages are kept from now on (they are dropped until asked for):
 * midi_in_clock gives the next (0xF8 tick, 0xFA start, 0xFB continue, 0xFC
 * stop, 0xF2 song position with spp in sixteenths) with when it arrived;
 * false when none is waiting. Up to 1,024 wait. */
void midi_in_want_clock(MidiIn *in);
bool midi_in_clock(MidiIn *in, uint64_t *when, uint8_t *status, int *spp);
void midi_in_close(MidiIn *in);

#endif
