/*
 * meter.h - the master's loudness while it plays (the REPL's :meter): EBU
 * R128 momentary (400 ms), short-term (3 s) and integrated loudness, and
 * the true peak, measured by libebur128 on the frames the device played.
 * Control thread only: it is fed from the recording ring, never from the
 * audio callback.
 */
#ifndef TALA_METER_H
#define TALA_METER_H

#include <stddef.h>

typedef struct {
    double momentary, shortterm, integrated; /* LUFS; -inf: silence */
    double true_peak;                        /* dBTP, the last 3 s */
    double true_peak_max;                    /* dBTP, since the start (or a reset) */
    double seconds;                          /* measured since then */
} MeterReading;

typedef struct Meter Meter;

Meter *meter_new(double rate); /* NULL when libebur128 cannot */
void meter_free(Meter *m);
/* Interleaved stereo frames, as they played. */
void meter_add(Meter *m, const float *frames, size_t n);
void meter_read(Meter *m, MeterReading *out);
/* Integrated loudness and the highest peak start again. */
void meter_reset(Meter *m);

#endif
