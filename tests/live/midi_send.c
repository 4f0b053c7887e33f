/*
 * midi_send.c - a controller for tests/live/test_midi.sh: makes a virtual
 * MIDI output port NAME on JACK (RtMidi) and sends each message at its time:
 *     midi_send NAME SECONDS:B0:B1:B2 ...   (hex bytes, times since start)
 * then waits a second and closes the port.
 */
#include <rtmidi/rtmidi_c.h>

#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static double now_s(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

int main(int argc, char **argv) {
    if (argc < 2) {
        fprintf(stderr, "usage: midi_send NAME SECONDS:B0:B1:B2 ...\n");
        return 2;
    }
    RtMidiOutPtr out = rtmidi_out_create(RTMIDI_API_UNIX_JACK, argv[1]);
    if (!out || !out->ok) return 1;
    rtmidi_open_virtual_port(out, argv[1]);
    double t0 = now_s();
    for (int i = 2; i < argc; i++) {
        double at;
        unsigned b[3];
        if (sscanf(argv[i], "%lf:%x:%x:%x", &at, &b[0], &b[1], &b[2]) != 4) return 2;
        double wait = t0 + at - now_s();
        if (wait > 0) {
            struct timespec ts = {(time_t)wait, (long)((wait - (time_t)wait) * 1e9)};
            nanosleep(&ts, NULL);
        }
        unsigned char msg[3] = {(unsigned char)b[0], (unsigned char)b[1], (unsigned char)b[2]};
        rtmidi_out_send_message(out, msg, 3);
    }
    struct timespec one = {1, 0};
    nanosleep(&one, NULL);
    rtmidi_close_port(out);
    rtmidi_out_free(out);
    return 0;
}
