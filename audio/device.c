/*
 * device.c - PortAudio output, or a clock thread without a device (see
 * device.h).
 */
#define _GNU_SOURCE
#include "device.h"

#include <dlfcn.h>
#include <fcntl.h>
#include <math.h>
#include <portaudio.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

/* Hooks a test build can provide (an allocation counter preloaded into the
 * process): called on entering and leaving the callback. */
typedef void (*Hook)(void);

struct Device {
    PaStream *stream;
    bool pa; /* Pa_Initialize was called */
    bool null;
    double rate;
    int buffer;
    PaDeviceIndex index;
    char name[128];
    AudioEngine *audio;
    _Atomic float volume;
    _Atomic unsigned long xruns, dropped, callbacks;
    _Atomic uint64_t busy_ns, period_ns; /* for the CPU share */
    float *scratch[2];                   /* the null device's output */
    /* recording: interleaved frames, single producer (callback), single consumer */
    float *rec;
    size_t rec_cap; /* frames, a power of two */
    _Atomic size_t rec_head, rec_tail;
    pthread_t clock;
    _Atomic bool running;
    Hook enter, leave;
};

static uint64_t now_ns(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

/* PortAudio probes ALSA, OSS and JACK on start and prints their complaints
 * to stderr when there is no sound card; they are noise to a user, so
 * stderr is closed while it initializes (our own errors come after). */
static PaError quiet_init(void) {
    fflush(stderr);
    int saved = dup(2), null = open("/dev/null", 1);
    if (saved >= 0 && null >= 0) dup2(null, 2);
    PaError e = Pa_Initialize();
    if (saved >= 0) {
        dup2(saved, 2);
        close(saved);
    }
    if (null >= 0) close(null);
    return e;
}

static void render_block(Device *d, float *l, float *r, unsigned long frames) {
    audio_render(d->audio, l, r, (int)frames, NULL);
    if (d->rec) {
        size_t h = atomic_load_explicit(&d->rec_head, memory_order_relaxed);
        size_t t = atomic_load_explicit(&d->rec_tail, memory_order_acquire);
        size_t room = d->rec_cap - (h - t), n = frames < room ? frames : room;
        for (size_t i = 0; i < n; i++) {
            size_t k = (h + i) & (d->rec_cap - 1);
            d->rec[2 * k] = l[i];
            d->rec[2 * k + 1] = r[i];
        }
        atomic_store_explicit(&d->rec_head, h + n, memory_order_release);
        if (n < frames) atomic_fetch_add(&d->dropped, frames - n);
    }
    float v = atomic_load_explicit(&d->volume, memory_order_relaxed);
    if (v != 1)
        for (unsigned long i = 0; i < frames; i++) l[i] *= v, r[i] *= v;
}

static int callback(const void *in, void *out, unsigned long frames,
                    const PaStreamCallbackTimeInfo *ti, PaStreamCallbackFlags flags, void *ud) {
    (void)in, (void)ti;
    Device *d = ud;
    if (d->enter) d->enter();
    uint64_t t0 = now_ns();
    if (flags & paOutputUnderflow) atomic_fetch_add(&d->xruns, 1);
    float **o = out;
    render_block(d, o[0], o[1], frames);
    atomic_fetch_add(&d->callbacks, 1);
    atomic_store_explicit(&d->busy_ns, now_ns() - t0, memory_order_relaxed);
    if (d->leave) d->leave();
    return paContinue;
}

/* The null device: the same callback, paced by the clock. */
static void *clock_thread(void *ud) {
    Device *d = ud;
    uint64_t period = (uint64_t)(1e9 * d->buffer / d->rate), next = now_ns();
    while (atomic_load(&d->running)) {
        uint64_t t0 = now_ns();
        render_block(d, d->scratch[0], d->scratch[1], (unsigned long)d->buffer);
        atomic_fetch_add(&d->callbacks, 1);
        atomic_store_explicit(&d->busy_ns, now_ns() - t0, memory_order_relaxed);
        next += period;
        uint64_t now = now_ns();
        if (next > now) {
            struct timespec ts = {(time_t)((next - now) / 1000000000u),
                                  (long)((next - now) % 1000000000u)};
            nanosleep(&ts, NULL);
        } else if (now - next > 10 * period) {
            atomic_fetch_add(&d->xruns, 1);
            next = now; /* fell far behind (suspended): do not race to catch up */
        }
    }
    return NULL;
}

static const PaDeviceInfo *out_info(PaDeviceIndex i) {
    const PaDeviceInfo *info = Pa_GetDeviceInfo(i);
    return info && info->maxOutputChannels >= 2 ? info : NULL;
}

int device_list(FILE *f, char *why, size_t n) {
    PaError e = quiet_init();
    if (e != paNoError) {
        snprintf(why, n, "audio: %s", Pa_GetErrorText(e));
        return -1;
    }
    int count = 0, all = Pa_GetDeviceCount();
    PaDeviceIndex def = Pa_GetDefaultOutputDevice();
    for (int i = 0; i < all; i++) {
        const PaDeviceInfo *info = out_info(i);
        if (!info) continue;
        fprintf(f, "%c%3d  %-40s %-12s %g Hz, %d channels\n", i == def ? '*' : ' ', i, info->name,
                Pa_GetHostApiInfo(info->hostApi)->name, info->defaultSampleRate,
                info->maxOutputChannels);
        count++;
    }
    Pa_Terminate();
    return count;
}

/* The names of the output devices, for an error message. */
static void names(char *buf, size_t n) {
    size_t used = 0;
    buf[0] = 0;
    for (int i = 0; i < Pa_GetDeviceCount(); i++) {
        const PaDeviceInfo *info = out_info(i);
        if (!info) continue;
        int k = snprintf(buf + used, n - used, "%s%d: %s", used ? ", " : "", i, info->name);
        if (k < 0 || (size_t)k >= n - used) break;
        used += (size_t)k;
    }
    if (!used) snprintf(buf, n, "none");
}

static PaDeviceIndex find(const char *name) {
    if (!name) {
        /* JACK first when a server runs: it is what a studio (and the tests) use */
        PaHostApiIndex jack = Pa_HostApiTypeIdToHostApiIndex(paJACK);
        if (jack >= 0) {
            const PaHostApiInfo *h = Pa_GetHostApiInfo(jack);
            if (h && h->defaultOutputDevice != paNoDevice) return h->defaultOutputDevice;
        }
        return Pa_GetDefaultOutputDevice();
    }
    char *end;
    long k = strtol(name, &end, 10);
    if (*name && !*end)
        return k >= 0 && k < Pa_GetDeviceCount() && out_info((int)k) ? (int)k : paNoDevice;
    for (int i = 0; i < Pa_GetDeviceCount(); i++)
        if (out_info(i) && strstr(out_info(i)->name, name)) return i;
    return paNoDevice;
}

Device *device_open(const DeviceOpts *o, char *why, size_t n) {
    Device *d = calloc(1, sizeof *d);
    if (!d) abort();
    atomic_init(&d->volume, 1.0f);
    d->buffer = o->buffer > 0 ? o->buffer : 256;
    d->rate = o->rate > 0 ? o->rate : 48000;
    d->null = o->null;
    if (o->record_frames) {
        d->rec_cap = 1;
        while (d->rec_cap < o->record_frames) d->rec_cap <<= 1;
        d->rec = calloc(2 * d->rec_cap, sizeof(float));
        if (!d->rec) abort();
    }
    void *enter = dlsym(RTLD_DEFAULT, "tala_callback_enter"),
         *leave = dlsym(RTLD_DEFAULT, "tala_callback_leave");
    memcpy(&d->enter, &enter, sizeof enter); /* object to function pointer, as dlsym needs */
    memcpy(&d->leave, &leave, sizeof leave);
    if (d->null) {
        snprintf(d->name, sizeof d->name, "no device (clock only)");
        return d;
    }
    PaError e = quiet_init();
    if (e != paNoError) {
        snprintf(why, n, "audio: %s", Pa_GetErrorText(e));
        free(d->rec);
        free(d);
        return NULL;
    }
    d->pa = true;
    d->index = find(o->name);
    if (d->index == paNoDevice) {
        char list[1024];
        names(list, sizeof list);
        if (o->name)
            snprintf(why, n, "no audio device named '%s' (devices: %s)", o->name, list);
        else
            snprintf(why, n, "no audio output device (devices: %s)", list);
        device_close(d);
        return NULL;
    }
    const PaDeviceInfo *info = Pa_GetDeviceInfo(d->index);
    snprintf(d->name, sizeof d->name, "%s", info->name);
    PaStreamParameters p = {.device = d->index,
                            .channelCount = 2,
                            .sampleFormat = paFloat32 | paNonInterleaved,
                            .suggestedLatency = info->defaultLowOutputLatency};
    /* the wished rate, else the device's own: never a failure for a rate */
    if (Pa_IsFormatSupported(NULL, &p, d->rate) != paFormatIsSupported)
        d->rate = info->defaultSampleRate;
    return d;
}

double device_rate(const Device *d) {
    return d->rate;
}
const char *device_name(const Device *d) {
    return d->name;
}

bool device_start(Device *d, AudioEngine *a, char *why, size_t n) {
    d->audio = a;
    atomic_store(&d->period_ns, (uint64_t)(1e9 * d->buffer / d->rate));
    if (d->null) {
        d->scratch[0] = calloc((size_t)d->buffer, sizeof(float));
        d->scratch[1] = calloc((size_t)d->buffer, sizeof(float));
        if (!d->scratch[0] || !d->scratch[1]) abort();
        atomic_store(&d->running, true);
        if (pthread_create(&d->clock, NULL, clock_thread, d) != 0) {
            atomic_store(&d->running, false);
            snprintf(why, n, "cannot start the clock thread");
            return false;
        }
        return true;
    }
    const PaDeviceInfo *info = Pa_GetDeviceInfo(d->index);
    PaStreamParameters p = {.device = d->index,
                            .channelCount = 2,
                            .sampleFormat = paFloat32 | paNonInterleaved,
                            .suggestedLatency = info->defaultLowOutputLatency};
    PaError e = Pa_OpenStream(&d->stream, NULL, &p, d->rate, (unsigned long)d->buffer,
                              paClipOff | paDitherOff, callback, d);
    if (e == paNoError) e = Pa_StartStream(d->stream);
    if (e != paNoError) {
        snprintf(why, n, "cannot start audio on '%s': %s", d->name, Pa_GetErrorText(e));
        if (d->stream) Pa_CloseStream(d->stream);
        d->stream = NULL;
        return false;
    }
    return true;
}

void device_stop(Device *d) {
    if (d->stream) {
        Pa_StopStream(d->stream);
        Pa_CloseStream(d->stream);
        d->stream = NULL;
    }
    if (atomic_load(&d->running)) {
        atomic_store(&d->running, false);
        pthread_join(d->clock, NULL);
    }
}

void device_close(Device *d) {
    if (!d) return;
    device_stop(d);
    if (d->pa) Pa_Terminate();
    free(d->scratch[0]);
    free(d->scratch[1]);
    free(d->rec);
    free(d);
}

void device_set_volume(Device *d, float v) {
    atomic_store(&d->volume, v < 0 ? 0 : v > 2 ? 2 : v);
}

DeviceStats device_stats(Device *d) {
    uint64_t p = atomic_load(&d->period_ns);
    return (DeviceStats){.xruns = atomic_load(&d->xruns),
                         .cpu = p ? (double)atomic_load(&d->busy_ns) / (double)p : 0,
                         .dropped = atomic_load(&d->dropped),
                         .callbacks = atomic_load(&d->callbacks)};
}

size_t device_take_recorded(Device *d, float *dst, size_t max) {
    if (!d->rec) return 0;
    size_t t = atomic_load_explicit(&d->rec_tail, memory_order_relaxed);
    size_t h = atomic_load_explicit(&d->rec_head, memory_order_acquire);
    size_t n = h - t < max ? h - t : max;
    for (size_t i = 0; i < n; i++) {
        size_t k = (t + i) & (d->rec_cap - 1);
        dst[2 * i] = d->rec[2 * k];
        dst[2 * i + 1] = d->rec[2 * k + 1];
    }
    atomic_store_explicit(&d->rec_tail, t + n, memory_order_release);
    return n;
}
