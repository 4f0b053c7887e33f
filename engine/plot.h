/*
 * plot.h - a sound file drawn as a PNG: waveform, spectrogram, loudness
 * (tala render ... --plot OUT.png).
 */
#ifndef TALA_PLOT_H
#define TALA_PLOT_H

#include <stdbool.h>
#include <stddef.h>

typedef struct {
    int width, height;
    double seconds;
    double lufs, true_peak; /* integrated LUFS, dBTP (-inf: silence) */
    int loudness_points;    /* the short-term curve's points drawn (every 100 ms) */
    /* where the panels are, in pixels: x0 and plot_w across all three; the
     * spectrogram's rows run from 20 kHz (or half the rate) at spec_y down to
     * 30 Hz, on a logarithmic scale */
    int x0, plot_w, wave_y, wave_h, spec_y, spec_h, loud_y, loud_h;
} PlotReport;

/* Reads audio (any file libsndfile opens) and writes png, width x height
 * pixels (320x240 to 8192x8192): a title line, the waveform of each side,
 * a spectrogram from 30 Hz to 20 kHz and the short-term and momentary
 * loudness with the integrated level. False with why when either file
 * cannot be read or written. */
bool engine_plot(const char *audio, const char *png, int width, int height, PlotReport *rep,
                 char *why, size_t n);

#endif
