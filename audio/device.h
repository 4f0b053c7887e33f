/*
 * device.h - the audio device: a PortAudio output stream whose callback
 * runs audio_render, or, when there is no device, a clock thread that runs
 * it at the same pace into nowhere (so a REPL without sound keeps time).
 *
 * The callback renders exactly what the offline path renders (64-frame
 * blocks aligned to frame 0, whatever the buffer size), applies the master
 * volume (a monitor level: not in recordings), and copies the mix into a
 * lock-free ring when recording. It never allocates, locks or prints. It
 * times itself, entry to exit, into a histogram (cbtime.h) that
 * device_stats reads: the callback's own share of each period.
 */
#ifndef TALA_DEVICE_H
#define TALA_DEVICE_H

#include "cbtime.h"
#include "mixer.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

typedef struct Device Device;

typedef struct {
    const char *name;     /* a device's name (or part of it), or its number; NULL: default */
    double rate;          /* wished rate; the device's own if it cannot do it */
    int buffer;           /* frames per callback; 0: PortAudio's choice */
    bool null;            /* no device: a clock thread instead */
    size_t record_frames; /* room in the recording ring (0: not recording) */
    int inputs;           /* audio input channels to open (0: none; 1 or 2) */
    const char *input;    /* the input device (name or number); NULL: the output's host's */
    int rt_priority;      /* the callback thread to SCHED_FIFO at this priority (1..99) when
                             the host left it without one, where the system grants it; 0: no */
} DeviceOpts;

typedef struct {
    unsigned long xruns;   /* output underflows reported by the host */
    double cpu;            /* share of the callback period spent rendering (0..1) */
    unsigned long dropped; /* recorded frames lost because the ring was full */
    unsigned long callbacks;
    /* each period's callback time, entry to exit, since the start (not the
     * null device's clock thread), against the period's length */
    CbTimeSummary cb;
    uint64_t period_ns;
    /* the callback thread's scheduling as the kernel has it (policy -1:
     * not known yet, or no callback thread) */
    int policy, priority;
    bool rt_refused; /* DeviceOpts.rt_priority was asked for and not granted */
} DeviceStats;

/* Prints the output devices, numbered; returns how many, or -1 (why set). */
int device_list(FILE *f, char *why, size_t n);

/* Opens the device (not started) and settles its rate. NULL with why set
 * ("no device named X; devices: ...") when it cannot. */
Device *device_open(const DeviceOpts *o, char *why, size_t n);
double device_rate(const Device *d);
const char *device_name(const Device *d);
/* Starts calling audio_render(a) from the audio thread. */
bool device_start(Device *d, AudioEngine *a, char *why, size_t n);
void device_stop(Device *d);  /* no more callbacks after it returns */
void device_close(Device *d); /* stops and frees */

/* Losing the host: a device whose callbacks stop for 0.3 s or four periods,
 * whichever is longer (a JACK server
 * killed, an interface pulled) is lost; a clock thread then keeps time as
 * --no-audio does (the recording goes on). When the host calls back again
 * (it only stalled), the callback takes over again. device_watch, called
 * by the control thread every step, says what changed, each change once. */
typedef enum { DEVICE_SAME, DEVICE_WENT, DEVICE_BACK } DeviceChange;
DeviceChange device_watch(Device *d);
/* A fresh stream on the device first asked for (:reconnect), its ports
 * connected anew; time goes on meanwhile. False with why when it cannot:
 * no device, or a host that went away (PortAudio cannot let go of a JACK
 * server that died; only a new process finds the restarted one). */
bool device_reconnect(Device *d, char *why, size_t n);

/* When frame plays, on CLOCK_MONOTONIC (ns): from the host's own times of
 * the last block (its output time), or, without them (the clock thread),
 * from the blocks' wake-ups smoothed, plus the stream's output latency.
 * MIDI is sent by it. Any thread. */
uint64_t device_time_of(Device *d, uint64_t frame);
/* False until the first block has told when frames play (device_time_of
 * guesses "now" for every frame until then). */
bool device_clock_known(Device *d);
/* Its inverse: the frame playing at monotonic time ns (what a performer
 * heard when a key arrived). */
uint64_t device_frame_at(Device *d, uint64_t ns);

void device_set_volume(Device *d, float v); /* 0..2, linear */
DeviceStats device_stats(Device *d);
/* Takes up to max recorded frames (interleaved stereo) from the ring. */
size_t device_take_recorded(Device *d, float *dst, size_t max);

/* Audio input (DeviceOpts.inputs). The callback copies what came in into a
 * ring, each frame at the number of the output frame rendered in the same
 * callback (a mono input on both sides; silence while the device is lost or
 * absent), so what was heard and what came back are on one clock. Takes up
 * to max frames (interleaved stereo) from *at on, moving *at past them; a
 * reader more than the ring behind skips to what is still there; *first is
 * the frame of dst's first. Control thread. */
size_t device_take_input(Device *d, uint64_t *at, uint64_t *first, float *dst, size_t max);
/* The input's channels (0: none) and the stream's reported latencies, in
 * seconds: input (sound in to the callback) and output (callback to sound
 * out). */
int device_inputs(const Device *d);
void device_latency(const Device *d, double *in, double *out);

#endif
