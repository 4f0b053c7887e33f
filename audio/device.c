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
#include <sched.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "../spec/lazylib.h"

/* PortAudio (with ALSA, JACK and the C++ library under JACK) is opened when a
 * device is (spec/lazylib.h): a render or a --no-audio session never maps it. */
/* clang-format off */
#define PA_FNS(X) \
    X(Pa_AbortStream) X(Pa_CloseStream) X(Pa_GetDefaultInputDevice) X(Pa_GetDefaultOutputDevice) \
    X(Pa_GetDeviceCount) X(Pa_GetDeviceInfo) X(Pa_GetErrorText) X(Pa_GetHostApiInfo) \
    X(Pa_GetStreamInfo) X(Pa_HostApiTypeIdToHostApiIndex) X(Pa_Initialize) \
    X(Pa_IsFormatSupported) X(Pa_OpenStream) X(Pa_StartStream) X(Pa_StopStream) X(Pa_Terminate)
/* clang-format on */
LAZY_LIB(pa_api, TALA_SO_PORTAUDIO, PA_FNS)

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
    CbTime cbtime;                       /* each period's callback time */
    /* the callback's thread (its kernel id, taken at its first call: the
     * one system call it makes, and it cannot block) and its scheduling */
    _Atomic int cb_tid;
    int rt_priority;      /* DeviceOpts.rt_priority */
    _Atomic int rt_state; /* RT_* below */
    int rt_tid;           /* the thread it was asked for */
    float *scratch[2];    /* the null device's output */
    /* recording: interleaved frames, single producer (callback), single consumer */
    float *rec;
    size_t rec_cap; /* frames, a power of two */
    _Atomic size_t rec_head, rec_tail;
    /* input: frames at their output frame's number (a ring overwritten in turn) */
    int inputs;
    char input_name[128];
    PaDeviceIndex in_index;
    float *in;
    size_t in_cap;            /* frames, a power of two */
    _Atomic uint64_t in_head; /* the frame after the last one written */
    double in_latency_s, out_latency_s;
    pthread_t clock;
    _Atomic bool running;
    Hook enter, leave;
    /* the audio clock against the monotonic one: when frame 0 played, in ns,
     * smoothed over the blocks (audio thread writes, anyone reads) */
    _Atomic int64_t zero_ns;
    _Atomic bool zero_set;
    int64_t out_latency_ns; /* the stream's output latency */
    /* losing the host (device_watch) and opening it again (device_reconnect) */
    char wanted[128];             /* the name asked for ("": the default) */
    pthread_mutex_t pa_lock;      /* PortAudio and the hand-overs, off the audio thread */
    _Atomic bool lost;            /* the clock thread keeps time; the callback renders nothing */
    _Atomic int in_callback;      /* the callback is rendering (a hand-over waits for it) */
    _Atomic unsigned long idle;   /* callbacks while lost: the host is alive again */
    _Atomic unsigned opened;      /* streams started so far (device_watch starts afresh) */
    unsigned long seen_callbacks; /* control thread: the count at seen_at */
    unsigned long seen_idle;
    uint64_t seen_at;
    unsigned seen_opened;
};

/* A host that has not called back for this long has stopped (a JACK server
 * killed, a USB interface pulled). */
#define LOST_NS        300000000ull
#define BACK_CALLBACKS 8 /* callbacks while lost that say the host is back */

enum { RT_NONE, RT_GRANTED, RT_REFUSED };

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
    PaError e = pa_api.Pa_Initialize();
    if (saved >= 0) {
        dup2(saved, 2);
        close(saved);
    }
    if (null >= 0) close(null);
    return e;
}

/* Where frame 0 plays on the monotonic clock, from this block. With the
 * host's times (ti): the block's first frame leaves the DAC at
 * outputBufferDacTime on the stream's clock, whose `now` is currentTime;
 * both come from the host (JACK's frame time, ALSA's status), so the
 * estimate follows the device exactly, xruns and drift included, free of
 * when this thread happened to wake. Without them (the clock thread), the
 * wake-up time: the blocks jitter, so it moves 1/64 of the way. */
static void clock_mark(Device *d, const PaStreamCallbackTimeInfo *ti) {
    int64_t now = (int64_t)now_ns();
    double frame_s = (double)audio_frame(d->audio) / d->rate;
    int64_t zero;
    if (ti && ti->outputBufferDacTime > 0 && ti->currentTime > 0) {
        zero = now + (int64_t)((ti->outputBufferDacTime - ti->currentTime - frame_s) * 1e9);
        atomic_store_explicit(&d->zero_ns, zero, memory_order_relaxed);
        atomic_store_explicit(&d->zero_set, true, memory_order_release);
        return;
    }
    zero = now - (int64_t)(frame_s * 1e9) + d->out_latency_ns;
    if (!atomic_load_explicit(&d->zero_set, memory_order_relaxed)) {
        atomic_store_explicit(&d->zero_ns, zero, memory_order_relaxed);
        atomic_store_explicit(&d->zero_set, true, memory_order_release);
        return;
    }
    int64_t est = atomic_load_explicit(&d->zero_ns, memory_order_relaxed);
    atomic_store_explicit(&d->zero_ns, est + (zero - est) / 64, memory_order_relaxed);
}

uint64_t device_time_of(Device *d, uint64_t frame) {
    if (!atomic_load_explicit(&d->zero_set, memory_order_acquire)) return now_ns();
    int64_t zero = atomic_load_explicit(&d->zero_ns, memory_order_relaxed);
    return (uint64_t)(zero + (int64_t)((double)frame * 1e9 / d->rate));
}

bool device_clock_known(Device *d) {
    return atomic_load_explicit(&d->zero_set, memory_order_acquire);
}

uint64_t device_frame_at(Device *d, uint64_t ns) {
    if (!atomic_load_explicit(&d->zero_set, memory_order_acquire)) return 0;
    double s = ((double)ns - (double)atomic_load_explicit(&d->zero_ns, memory_order_relaxed)) / 1e9;
    return s > 0 ? (uint64_t)(s * d->rate) : 0;
}

/* The input of this block into the ring, at the frames being rendered
 * (silence when there is none). */
static void take_in(Device *d, const float *const *in, unsigned long frames) {
    if (!d->in) return;
    uint64_t f0 = audio_frame(d->audio);
    for (unsigned long i = 0; i < frames; i++) {
        size_t k = (size_t)((f0 + i) & (d->in_cap - 1));
        float a = in ? in[0][i] : 0, b = in ? in[d->inputs > 1][i] : 0;
        d->in[2 * k] = a;
        d->in[2 * k + 1] = b;
    }
    atomic_store_explicit(&d->in_head, f0 + frames, memory_order_release);
}

static void render_block(Device *d, float *l, float *r, unsigned long frames,
                         const PaStreamCallbackTimeInfo *ti, const float *const *in) {
    clock_mark(d, ti);
    take_in(d, in, frames);
    audio_set_input(d->audio, in && d->inputs ? in[0] : NULL, in && d->inputs > 1 ? in[1] : NULL);
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
    uint64_t t0 = now_ns();
    Device *d = ud;
    float **o = out;
    atomic_store(&d->in_callback, 1);
    if (atomic_load(&d->lost)) { /* the clock thread renders now (a host back from a stall) */
        memset(o[0], 0, frames * sizeof(float));
        memset(o[1], 0, frames * sizeof(float));
        atomic_fetch_add(&d->idle, 1);
        atomic_store(&d->in_callback, 0);
        return paContinue;
    }
    if (!atomic_load_explicit(&d->cb_tid, memory_order_relaxed))
        atomic_store(&d->cb_tid, (int)gettid()); /* once a stream */
    if (d->enter) d->enter();
    if (flags & paOutputUnderflow) atomic_fetch_add(&d->xruns, 1);
    render_block(d, o[0], o[1], frames, ti, (const float *const *)in);
    atomic_fetch_add(&d->callbacks, 1);
    if (d->leave) d->leave();
    uint64_t busy = now_ns() - t0;
    atomic_store_explicit(&d->busy_ns, busy, memory_order_relaxed);
    cbtime_add(&d->cbtime, busy);
    atomic_store(&d->in_callback, 0);
    return paContinue;
}

/* The null device: the same callback, paced by the clock. */
static void *clock_thread(void *ud) {
    Device *d = ud;
    uint64_t period = (uint64_t)(1e9 * d->buffer / d->rate), next = now_ns();
    while (atomic_load(&d->running)) {
        uint64_t t0 = now_ns();
        render_block(d, d->scratch[0], d->scratch[1], (unsigned long)d->buffer, NULL, NULL);
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
    const PaDeviceInfo *info = pa_api.Pa_GetDeviceInfo(i);
    return info && info->maxOutputChannels >= 2 ? info : NULL;
}

int device_list(FILE *f, char *why, size_t n) {
    if (!pa_api_load(why, n)) return -1;
    PaError e = quiet_init();
    if (e != paNoError) {
        snprintf(why, n, "audio: %s", pa_api.Pa_GetErrorText(e));
        return -1;
    }
    int count = 0, all = pa_api.Pa_GetDeviceCount();
    PaDeviceIndex def = pa_api.Pa_GetDefaultOutputDevice();
    for (int i = 0; i < all; i++) {
        const PaDeviceInfo *info = out_info(i);
        if (!info) continue;
        fprintf(f, "%c%3d  %-40s %-12s %g Hz, %d channels\n", i == def ? '*' : ' ', i, info->name,
                pa_api.Pa_GetHostApiInfo(info->hostApi)->name, info->defaultSampleRate,
                info->maxOutputChannels);
        count++;
    }
    pa_api.Pa_Terminate();
    return count;
}

/* The names of the output devices, for an error message. */
static void names(char *buf, size_t n) {
    size_t used = 0;
    buf[0] = 0;
    for (int i = 0; i < pa_api.Pa_GetDeviceCount(); i++) {
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
        PaHostApiIndex jack = pa_api.Pa_HostApiTypeIdToHostApiIndex(paJACK);
        if (jack >= 0) {
            const PaHostApiInfo *h = pa_api.Pa_GetHostApiInfo(jack);
            if (h && h->defaultOutputDevice != paNoDevice) return h->defaultOutputDevice;
        }
        return pa_api.Pa_GetDefaultOutputDevice();
    }
    char *end;
    long k = strtol(name, &end, 10);
    if (*name && !*end)
        return k >= 0 && k < pa_api.Pa_GetDeviceCount() && out_info((int)k) ? (int)k : paNoDevice;
    for (int i = 0; i < pa_api.Pa_GetDeviceCount(); i++)
        if (out_info(i) && strstr(out_info(i)->name, name)) return i;
    return paNoDevice;
}

/* The input device: the one named, else the output device when it has
 * inputs (JACK's "system"), else the host's default input. */
static bool find_input(Device *d, char *why, size_t n) {
    const char *name = d->input_name[0] ? d->input_name : NULL;
    d->in_index = paNoDevice;
    char *end;
    long k = name ? strtol(name, &end, 10) : -1;
    for (int i = 0; i < pa_api.Pa_GetDeviceCount() && d->in_index == paNoDevice; i++) {
        const PaDeviceInfo *info = pa_api.Pa_GetDeviceInfo(i);
        if (!info || info->maxInputChannels < 1) continue;
        if (name ? ((*name && !*end && k == i) || strstr(info->name, name)) : i == d->index)
            d->in_index = i;
    }
    if (d->in_index == paNoDevice && !name) d->in_index = pa_api.Pa_GetDefaultInputDevice();
    if (d->in_index == paNoDevice) {
        snprintf(why, n, name ? "no audio input device named '%s'" : "no audio input device%s",
                 name ? name : "");
        return false;
    }
    const PaDeviceInfo *info = pa_api.Pa_GetDeviceInfo(d->in_index);
    if (info->maxInputChannels < d->inputs) d->inputs = info->maxInputChannels;
    return true;
}

Device *device_open(const DeviceOpts *o, char *why, size_t n) {
    Device *d = calloc(1, sizeof *d);
    if (!d) abort();
    atomic_init(&d->volume, 1.0f);
    snprintf(d->wanted, sizeof d->wanted, "%s", o->name ? o->name : "");
    pthread_mutex_init(&d->pa_lock, NULL);
    d->buffer = o->buffer > 0 ? o->buffer : 256;
    d->rate = o->rate > 0 ? o->rate : 48000;
    d->null = o->null;
    d->rt_priority = o->rt_priority;
    if (o->inputs > 0) { /* 10 s of input: the control thread reads it every few ms */
        d->inputs = o->inputs > 1 ? 2 : 1;
        snprintf(d->input_name, sizeof d->input_name, "%s", o->input ? o->input : "");
        d->in_cap = 1;
        while (d->in_cap < (size_t)(10 * d->rate)) d->in_cap <<= 1;
        d->in = calloc(2 * d->in_cap, sizeof(float));
        if (!d->in) abort();
    }
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
    if (!pa_api_load(why, n)) {
        device_close(d);
        return NULL;
    }
    PaError e = quiet_init();
    if (e != paNoError) {
        snprintf(why, n, "audio: %s", pa_api.Pa_GetErrorText(e));
        device_close(d);
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
    if (d->inputs && !find_input(d, why, n)) {
        device_close(d);
        return NULL;
    }
    const PaDeviceInfo *info = pa_api.Pa_GetDeviceInfo(d->index);
    snprintf(d->name, sizeof d->name, "%s", info->name);
    PaStreamParameters p = {.device = d->index,
                            .channelCount = 2,
                            .sampleFormat = paFloat32 | paNonInterleaved,
                            .suggestedLatency = info->defaultLowOutputLatency};
    /* the wished rate, else the device's own: never a failure for a rate */
    if (pa_api.Pa_IsFormatSupported(NULL, &p, d->rate) != paFormatIsSupported)
        d->rate = info->defaultSampleRate;
    return d;
}

double device_rate(const Device *d) {
    return d->rate;
}
const char *device_name(const Device *d) {
    return d->name;
}

static bool start_clock(Device *d) {
    if (!d->scratch[0]) {
        d->scratch[0] = calloc((size_t)d->buffer, sizeof(float));
        d->scratch[1] = calloc((size_t)d->buffer, sizeof(float));
        if (!d->scratch[0] || !d->scratch[1]) abort();
    }
    atomic_store(&d->running, true);
    if (pthread_create(&d->clock, NULL, clock_thread, d) != 0) {
        atomic_store(&d->running, false);
        return false;
    }
    return true;
}

static void stop_clock(Device *d) {
    if (atomic_load(&d->running)) {
        atomic_store(&d->running, false);
        pthread_join(d->clock, NULL);
    }
}

/* Opens a stream on d->index, not started. pa_lock held (or no other
 * thread yet). */
static bool open_stream(Device *d, char *why, size_t n) {
    const PaDeviceInfo *info = pa_api.Pa_GetDeviceInfo(d->index);
    PaStreamParameters p = {.device = d->index,
                            .channelCount = 2,
                            .sampleFormat = paFloat32 | paNonInterleaved,
                            .suggestedLatency = info->defaultLowOutputLatency};
    PaStreamParameters ip = {.device = d->in_index,
                             .channelCount = d->inputs,
                             .sampleFormat = paFloat32 | paNonInterleaved};
    const PaDeviceInfo *in_info = d->inputs ? pa_api.Pa_GetDeviceInfo(d->in_index) : NULL;
    if (d->inputs && !in_info) {
        snprintf(why, n, "the audio input device is not there");
        return false;
    }
    if (in_info) ip.suggestedLatency = in_info->defaultLowInputLatency;
    atomic_store(&d->cb_tid, 0); /* a new stream calls back from a new thread */
    PaError e =
        pa_api.Pa_OpenStream(&d->stream, d->inputs ? &ip : NULL, &p, d->rate,
                             (unsigned long)d->buffer, paClipOff | paDitherOff, callback, d);
    if (e != paNoError) {
        snprintf(why, n, "cannot start audio on '%s': %s", info->name, pa_api.Pa_GetErrorText(e));
        d->stream = NULL;
        return false;
    }
    return true;
}

static void close_stream(Device *d) {
    if (!d->stream) return;
    pa_api.Pa_AbortStream(d->stream);
    pa_api.Pa_CloseStream(d->stream);
    d->stream = NULL;
}

bool device_start(Device *d, AudioEngine *a, char *why, size_t n) {
    d->audio = a;
    atomic_store(&d->period_ns, (uint64_t)(1e9 * d->buffer / d->rate));
    if (d->null) {
        if (!start_clock(d)) snprintf(why, n, "cannot start the clock thread");
        return atomic_load(&d->running);
    }
    if (!open_stream(d, why, n)) return false;
    PaError e = pa_api.Pa_StartStream(d->stream);
    if (e != paNoError) {
        snprintf(why, n, "cannot start audio on '%s': %s", d->name, pa_api.Pa_GetErrorText(e));
        close_stream(d);
        return false;
    }
    const PaStreamInfo *si = pa_api.Pa_GetStreamInfo(d->stream);
    d->out_latency_ns = si ? (int64_t)(si->outputLatency * 1e9) : 0;
    d->out_latency_s = si ? si->outputLatency : 0;
    d->in_latency_s = si && d->inputs ? si->inputLatency : 0;
    atomic_fetch_add(&d->opened, 1);
    return true;
}

/* From the callback to the clock thread: the callback renders nothing once
 * lost is set, and the clock starts after the callback's last block, so the
 * two never render at once. pa_lock held. */
static void hand_to_clock(Device *d) {
    atomic_store(&d->lost, true);
    while (atomic_load(&d->in_callback)) {
        struct timespec ts = {0, 100000};
        nanosleep(&ts, NULL);
    }
    start_clock(d);
}

/* And back: the clock's last block done, the callback renders again. */
static void hand_to_callback(Device *d) {
    stop_clock(d);
    atomic_store(&d->lost, false);
}

/* A fresh stream on the device first asked for, PortAudio started anew
 * (new ports, connected anew). pa_lock held, the host alive, the clock
 * thread keeping time. */
static bool reopen(Device *d, char *why, size_t n) {
    close_stream(d);
    if (d->pa) pa_api.Pa_Terminate();
    d->pa = quiet_init() == paNoError;
    if (!d->pa) {
        snprintf(why, n, "audio: PortAudio does not start");
        return false;
    }
    PaDeviceIndex i = find(d->wanted[0] ? d->wanted : NULL);
    if (i == paNoDevice) {
        snprintf(why, n, "the audio device is not there");
        return false;
    }
    d->index = i;
    if (d->inputs && !find_input(d, why, n)) return false; /* (the numbers may have changed) */
    if (!open_stream(d, why, n)) return false;
    hand_to_callback(d);
    PaError e = pa_api.Pa_StartStream(d->stream);
    if (e != paNoError) {
        snprintf(why, n, "cannot start audio on '%s': %s", d->name, pa_api.Pa_GetErrorText(e));
        close_stream(d);
        hand_to_clock(d);
        return false;
    }
    snprintf(d->name, sizeof d->name, "%s", pa_api.Pa_GetDeviceInfo(i)->name);
    const PaStreamInfo *si = pa_api.Pa_GetStreamInfo(d->stream);
    d->out_latency_s = si ? si->outputLatency : 0;
    d->in_latency_s = si && d->inputs ? si->inputLatency : 0;
    atomic_fetch_add(&d->opened, 1);
    return true;
}

/* DeviceOpts.rt_priority: the callback thread to SCHED_FIFO, from outside
 * it, once it has called back (a thread the host already made real-time is
 * left as it is). */
static void request_rt(Device *d) {
    int tid = atomic_load(&d->cb_tid);
    if (!d->rt_priority || !tid || tid == d->rt_tid) return;
    d->rt_tid = tid;
    if (sched_getscheduler(tid) != SCHED_OTHER) return;
    struct sched_param sp = {.sched_priority = d->rt_priority};
    atomic_store(&d->rt_state,
                 sched_setscheduler(tid, SCHED_FIFO, &sp) == 0 ? RT_GRANTED : RT_REFUSED);
}

DeviceChange device_watch(Device *d) {
    if (d->null || !d->stream) return DEVICE_SAME;
    uint64_t now = now_ns();
    if (!atomic_load(&d->lost)) request_rt(d);
    if (atomic_load(&d->lost)) { /* a host that only stalled calls back again */
        unsigned long idle = atomic_load(&d->idle);
        if (idle - d->seen_idle < BACK_CALLBACKS) return DEVICE_SAME;
        if (pthread_mutex_trylock(&d->pa_lock) != 0) return DEVICE_SAME; /* a :reconnect */
        hand_to_callback(d);
        pthread_mutex_unlock(&d->pa_lock);
        d->seen_at = 0;
        return DEVICE_BACK;
    }
    unsigned long c = atomic_load(&d->callbacks);
    unsigned opened = atomic_load(&d->opened);
    if (c != d->seen_callbacks || opened != d->seen_opened || !d->seen_at) {
        d->seen_callbacks = c, d->seen_opened = opened, d->seen_at = now;
        return DEVICE_SAME;
    }
    /* four periods at least: a big --buffer calls back seldom */
    uint64_t lost_after = 4 * atomic_load(&d->period_ns);
    if (now - d->seen_at < (lost_after > LOST_NS ? lost_after : LOST_NS)) return DEVICE_SAME;
    if (pthread_mutex_trylock(&d->pa_lock) != 0) return DEVICE_SAME;
    d->seen_idle = atomic_load(&d->idle);
    hand_to_clock(d);
    pthread_mutex_unlock(&d->pa_lock);
    return DEVICE_WENT;
}

bool device_reconnect(Device *d, char *why, size_t n) {
    if (d->null) {
        snprintf(why, n, "no device to reconnect: tala runs without audio (--no-audio)");
        return false;
    }
    if (atomic_load(&d->lost) && d->stream) {
        /* PortAudio's JACK host waits ten minutes for the last callback of
         * a server that is gone, and cannot let go of it before: only a
         * new process finds a restarted server */
        snprintf(why, n,
                 "'%s' went away, and PortAudio cannot let go of it: restart tala to "
                 "hear it again (the session log replays what was played)",
                 d->name);
        return false;
    }
    pthread_mutex_lock(&d->pa_lock);
    if (!atomic_load(&d->lost)) hand_to_clock(d);
    bool ok = reopen(d, why, n);
    pthread_mutex_unlock(&d->pa_lock);
    return ok;
}

void device_stop(Device *d) {
    pthread_mutex_lock(&d->pa_lock);
    if (d->stream && !atomic_load(&d->lost)) {
        pa_api.Pa_StopStream(d->stream); /* plays out */
        close_stream(d);
    }
    /* a stream whose host went away is left as it is (closing it would
     * wait for a callback that never comes) */
    stop_clock(d);
    pthread_mutex_unlock(&d->pa_lock);
}

void device_close(Device *d) {
    if (!d) return;
    device_stop(d);
    if (d->stream)
        return; /* a host that went away: its stream, and the device it may
                   still call back with, stay (the process is ending) */
    if (d->pa) pa_api.Pa_Terminate();
    pthread_mutex_destroy(&d->pa_lock);
    free(d->scratch[0]);
    free(d->scratch[1]);
    free(d->rec);
    free(d->in);
    free(d);
}

void device_set_volume(Device *d, float v) {
    atomic_store(&d->volume, v < 0 ? 0 : v > 2 ? 2 : v);
}

DeviceStats device_stats(Device *d) {
    uint64_t p = atomic_load(&d->period_ns);
    DeviceStats st = {.xruns = atomic_load(&d->xruns),
                      .cpu = p ? (double)atomic_load(&d->busy_ns) / (double)p : 0,
                      .dropped = atomic_load(&d->dropped),
                      .callbacks = atomic_load(&d->callbacks),
                      .cb = cbtime_summary(&d->cbtime),
                      .period_ns = p,
                      .policy = -1};
    int tid = atomic_load(&d->cb_tid);
    struct sched_param sp;
    if (tid && !atomic_load(&d->lost) && (st.policy = sched_getscheduler(tid)) >= 0)
        st.priority = sched_getparam(tid, &sp) == 0 ? sp.sched_priority : 0;
    st.rt_refused = atomic_load(&d->rt_state) == RT_REFUSED;
    return st;
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

/* Frames at the ring's old end a callback may be writing over right now
 * (its head not yet published): counted as lost when a reader is that far
 * behind. */
#define IN_GUARD 16384

size_t device_take_input(Device *d, uint64_t *at, uint64_t *first, float *dst, size_t max) {
    if (!d->in) return 0;
    uint64_t h = atomic_load_explicit(&d->in_head, memory_order_acquire);
    uint64_t keep = d->in_cap - IN_GUARD;           /* what is surely still there */
    if (h > keep && *at < h - keep) *at = h - keep; /* overwritten (or about to be): skipped */
    if (*at >= h) return 0;
    size_t n = h - *at < max ? (size_t)(h - *at) : max;
    for (size_t i = 0; i < n; i++) {
        size_t k = (size_t)((*at + i) & (d->in_cap - 1));
        dst[2 * i] = d->in[2 * k];
        dst[2 * i + 1] = d->in[2 * k + 1];
    }
    /* what the callback wrote over while this copied is not kept */
    uint64_t h2 = atomic_load_explicit(&d->in_head, memory_order_acquire);
    if (h2 > keep && *at < h2 - keep) {
        uint64_t lost = h2 - keep - *at;
        if (lost >= n) {
            *at = h2 - keep;
            return 0;
        }
        memmove(dst, dst + 2 * lost, (n - lost) * 2 * sizeof(float));
        *at += lost, n -= lost;
    }
    *first = *at;
    *at += n;
    return n;
}

int device_inputs(const Device *d) {
    return d->in ? d->inputs : 0;
}

void device_latency(const Device *d, double *in, double *out) {
    *in = d->in_latency_s;
    *out = d->out_latency_s;
}
