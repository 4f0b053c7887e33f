/*
 * midi_send.c - a controller for tests/live/test_midi.sh: makes a virtual
 * MIDI output port NAME on JACK (RtMidi) and sends each message at its time:
 *     midi_send NAME SECONDS:B0:B1:B2 ...   (hex bytes, times since start)
 * then waits a second and closes the port. As a MIDI clock:
 *     midi_send NAME clock START BPM SECONDS [BPM SECONDS ...]
 * sends Start at START seconds, then 24 ticks a quarter note at each tempo
 * for its seconds (each tick on its exact time from the start, so the clock
 * does not drift), then Stop; it prints when each bar's first tick left
 * (CLOCK_MONOTONIC ns) and its tempo.
 */
#include <rtmidi/rtmidi_c.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static double now_s(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

static void sleep_until(double t) {
    double wait = t - now_s();
    if (wait > 0) {
        struct timespec ts = {(time_t)wait, (long)((wait - (time_t)wait) * 1e9)};
        nanosleep(&ts, NULL);
    }
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
    if (argc >= 6 && !strcmp(argv[2], "clock")) {
        double at = atof(argv[3]);
        unsigned char start = 0xFA, tick = 0xF8, stop = 0xFC;
        sleep_until(t0 + at);
        rtmidi_out_send_message(out, &start, 1);
        long k = 0;
        for (int i = 4; i + 1 < argc; i += 2) {
            double bpm = atof(argv[i]), secs = atof(argv[i + 1]), step = 60 / (bpm * 24);
            for (double end = at + secs; at < end - 1e-9; at += step, k++) {
                sleep_until(t0 + at);
                rtmidi_out_send_message(out, &tick, 1);
                if (k % 96 == 0) printf("%llu %g\n", (unsigned long long)(now_s() * 1e9), bpm);
            }
        }
        sleep_until(t0 + at);
        rtmidi_out_send_message(out, &stop, 1);
        fflush(stdout);
        argc = 2; /* nothing more to send */
    }
    for (int i = 2; i < argc; i++) {
        double at;
        unsigned b[3];
        if (sscanf(argv[i], "%lf:%x:%x:%x", &at, &b[0], &b[1], &b[2]) != 4) return 2;
        sleep_until(t0 + at);
        unsigned char msg[3] = {(unsigned char)b[0], (unsigned char)b[1], (unsigned char)b[2]};
        rtmidi_out_send_message(out, msg, 3);
    }
    struct timespec one = {1, 0};
    nanosleep(&one, NULL);
    rtmidi_close_port(out);
    rtmidi_out_free(out);
    return 0;
}
