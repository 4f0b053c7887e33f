/*
 * midi_listen.c - the other end of tala's MIDI, for tests/live/test_midi.sh:
 * midi_listen PORT SECONDS [CONNECT_TO]
 *
 * Opens an RtMidi input on JACK, connects it to the first output port whose
 * name contains CONNECT_TO (default "tala"), waiting up to SECONDS for it to
 * appear, and prints every message that arrives as
 *     ARRIVAL_NS B0 B1 B2
 * (CLOCK_MONOTONIC, the clock tala stamps its messages with), once SECONDS
 * have passed since it connected. Exits 1 when it never found the port.
 * With CONNECT_TO "-", it makes a virtual input port NAME instead, for tala
 * to send to, and closes it after SECONDS.
 */
#include <rtmidi/rtmidi_c.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static unsigned long long now_ns(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (unsigned long long)ts.tv_sec * 1000000000ull + (unsigned long long)ts.tv_nsec;
}

/* what arrived, kept in memory: the callback runs in JACK's process
 * thread, where writing a file could make the xruns it should measure */
#define MAX_MSGS 200000
static struct {
    unsigned long long t;
    unsigned char n, b[3];
} got[MAX_MSGS];
static volatile int ngot;

static void on_message(double stamp, const unsigned char *msg, size_t n, void *ud) {
    (void)stamp, (void)ud;
    if (ngot == MAX_MSGS) return;
    int k = ngot;
    got[k].t = now_ns();
    got[k].n = (unsigned char)(n < 3 ? n : 3);
    memcpy(got[k].b, msg, got[k].n);
    ngot = k + 1;
}

int main(int argc, char **argv) {
    if (argc < 3) {
        fprintf(stderr, "usage: midi_listen NAME SECONDS [CONNECT_TO]\n");
        return 2;
    }
    double seconds = atof(argv[2]);
    const char *want = argc > 3 ? argv[3] : "tala";
    RtMidiInPtr in = rtmidi_in_create(RTMIDI_API_UNIX_JACK, argv[1], 4096);
    if (!in || !in->ok) return 1;
    rtmidi_in_ignore_types(in, false, false, true); /* keep sysex and timing */
    int found = -1;
    if (!strcmp(want, "-")) { /* a port of its own, for tala to find (.midi("NAME")) */
        rtmidi_in_set_callback(in, on_message, NULL);
        rtmidi_open_virtual_port(in, argv[1]);
        fprintf(stderr, "midi_listen: open\n");
        found = -2;
    }
    for (double waited = 0; found == -1 && waited < seconds; waited += 0.05) {
        unsigned count = rtmidi_get_port_count(in);
        for (unsigned i = 0; i < count && found == -1; i++) {
            char name[256];
            int len = sizeof name;
            if (rtmidi_get_port_name(in, i, name, &len) >= 0 && strstr(name, want) &&
                !strstr(name, argv[1]))
                found = (int)i;
        }
        if (found == -1) usleep(50000);
    }
    if (found == -1) {
        fprintf(stderr, "midi_listen: no port named like '%s'\n", want);
        return 1;
    }
    if (found >= 0) {
        rtmidi_in_set_callback(in, on_message, NULL);
        rtmidi_open_port(in, (unsigned)found, "in");
        fprintf(stderr, "midi_listen: connected\n");
    }
    struct timespec ts = {(time_t)seconds, (long)((seconds - (time_t)seconds) * 1e9)};
    nanosleep(&ts, NULL);
    rtmidi_in_cancel_callback(in);
    rtmidi_close_port(in);
    rtmidi_in_free(in);
    for (int k = 0; k < ngot; k++) {
        printf("%llu", got[k].t);
        for (int i = 0; i < got[k].n; i++) printf(" %02x", got[k].b[i]);
        printf("\n");
    }
    return 0;
}
