/*
 * soundfile.c - the sound files tala writes: which format a path asks for,
 * opening it with libsndfile, and closing it so that every tool reads it
 * without a complaint.
 *
 * libsndfile writes a 32-bit float WAV with a 16-byte fmt chunk; the WAV
 * rules give every non-PCM format an 18-byte one (its cbSize field), and sox
 * warns "wave header missing extended part of fmt chunk" without it. On
 * close, the fmt chunk gains its cbSize (0) and the PAD chunk libsndfile
 * puts before the audio data gives up those two bytes, so the data stays
 * where it was and only the header is rewritten.
 */
#include "engine.h"

#include <sndfile.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

static const struct {
    const char *name;
    int sf;
} FORMATS[] = {
    {"wav", SF_FORMAT_WAV | SF_FORMAT_FLOAT},
    {"flac", SF_FORMAT_FLAC | SF_FORMAT_PCM_24},
    {"ogg", SF_FORMAT_OGG | SF_FORMAT_VORBIS},
    {"mp3", SF_FORMAT_MPEG | SF_FORMAT_MPEG_LAYER_III}, /* libsndfile >= 1.1 */
};
#define NFORMATS (int)(sizeof FORMATS / sizeof FORMATS[0])

/* libsndfile's code for a format name of engine_sound_format. */
static int sf_format(const char *name) {
    for (int i = 0; i < NFORMATS; i++)
        if (name && strcmp(FORMATS[i].name, name) == 0) return FORMATS[i].sf;
    return FORMATS[0].sf;
}

static const char *format_named(const char *name, size_t len) {
    for (int i = 0; i < NFORMATS; i++)
        if (strlen(FORMATS[i].name) == len && strncasecmp(FORMATS[i].name, name, len) == 0) {
            SF_INFO info = {.samplerate = 48000, .channels = 2, .format = FORMATS[i].sf};
            return sf_format_check(&info) ? FORMATS[i].name : NULL; /* this libsndfile writes it */
        }
    return NULL;
}

static void format_list(char *buf, size_t n) {
    size_t k = 0;
    buf[0] = 0;
    for (int i = 0; i < NFORMATS && k < n; i++)
        if (format_named(FORMATS[i].name, strlen(FORMATS[i].name)))
            k += (size_t)snprintf(buf + k, n - k, "%s%s", k ? ", " : "", FORMATS[i].name);
}

bool engine_sound_format(const char *path, const char *format, const char **out, char *why,
                         size_t n) {
    const char *slash = strrchr(path, '/'), *dot = strrchr(path, '.');
    const char *ext = dot && (!slash || dot > slash) && dot[1] ? dot + 1 : NULL;
    const char *by_ext = ext ? format_named(ext, strlen(ext)) : NULL;
    const char *by_opt = format ? format_named(format, strlen(format)) : NULL;
    char list[64];
    format_list(list, sizeof list);
    if (format && !by_opt) {
        snprintf(why, n, "cannot write the format '%s' (tala writes %s)", format, list);
        return false;
    }
    if (ext && !by_ext && !format) {
        snprintf(why, n, "%s: cannot write .%s files (tala writes %s)", path, ext, list);
        return false;
    }
    if (by_opt && by_ext && by_opt != by_ext) {
        snprintf(why, n, "%s ends in .%s but --format says %s", path, ext, format);
        return false;
    }
    *out = by_opt ? by_opt : by_ext ? by_ext : "wav";
    return true;
}

bool engine_sound_bits(const char *format, int bits, char *why, size_t n) {
    bool pcm = format && !strcmp(format, "flac"), wav = !format || !strcmp(format, "wav");
    if (bits == 0 || ((wav || pcm) && (bits == 16 || bits == 24)) || (wav && bits == 32))
        return true;
    if (pcm)
        snprintf(why, n, "FLAC holds 16 or 24 bits, not %s", bits == 32 ? "32f" : "that");
    else if (wav)
        snprintf(why, n, "--bits takes 16, 24 or 32f");
    else
        snprintf(why, n, "--bits is for wav and flac (%s has no bit depth)", format);
    return false;
}

int engine_sound_depth(const char *format, int bits) {
    if (bits) return bits;
    return format && !strcmp(format, "flac") ? 24 : 32;
}

SNDFILE *engine_sound_open(const char *path, double rate, const char *format, int bits, char *why,
                           size_t n) {
    SF_INFO info = {.samplerate = (int)rate, .channels = 2, .format = sf_format(format)};
    int depth = engine_sound_depth(format, bits);
    if ((info.format & SF_FORMAT_TYPEMASK) == SF_FORMAT_WAV ||
        (info.format & SF_FORMAT_TYPEMASK) == SF_FORMAT_FLAC)
        info.format = (info.format & SF_FORMAT_TYPEMASK) | (depth == 16   ? SF_FORMAT_PCM_16
                                                            : depth == 24 ? SF_FORMAT_PCM_24
                                                                          : SF_FORMAT_FLOAT);
    SNDFILE *sf = sf_open(path, SFM_WRITE, &info);
    if (!sf) {
        snprintf(why, n, "cannot write %s: %s", path, sf_strerror(NULL));
        return NULL;
    }
    /* no PEAK chunk: it carries a time stamp, and renders must repeat byte for byte */
    sf_command(sf, SFC_SET_ADD_PEAK_CHUNK, NULL, SF_FALSE);
    return sf;
}

/* A uniform number in [0, 1) from a xorshift64* generator. */
static double uniform(uint64_t *s) {
    *s ^= *s >> 12, *s ^= *s << 25, *s ^= *s >> 27;
    return (double)((*s * 0x2545F4914F6CDD1DULL) >> 11) / 9007199254740992.0;
}

bool engine_sound_write(SNDFILE *sf, int bits, uint64_t *seed, float *frames, uint64_t n) {
    if (bits != 16 && bits != 24)
        return sf_writef_float(sf, frames, (sf_count_t)n) == (sf_count_t)n;
    /* TPDF dither: the difference of two uniform numbers, +-1 step, before
     * rounding; the frames become what the file holds (a reader divides by
     * 2^(bits-1), as libsndfile and sox do) */
    const double scale = bits == 16 ? 32768.0 : 8388608.0, top = scale - 1;
    enum { CHUNK = 512 };
    union {
        short s[2 * CHUNK];
        int i[2 * CHUNK];
    } q;
    for (uint64_t done = 0; done < n;) {
        uint64_t k = n - done < CHUNK ? n - done : CHUNK;
        for (uint64_t j = 0; j < 2 * k; j++) {
            double d = uniform(seed) - uniform(seed);
            double v = floor(frames[2 * done + j] * scale + d + 0.5);
            v = v > top ? top : v < -scale ? -scale : v;
            frames[2 * done + j] = (float)(v / scale);
            if (bits == 16)
                q.s[j] = (short)v;
            else
                q.i[j] = (int)v * 256; /* libsndfile keeps an int's top 24 bits */
        }
        sf_count_t w = bits == 16 ? sf_writef_short(sf, q.s, (sf_count_t)k)
                                  : sf_writef_int(sf, q.i, (sf_count_t)k);
        if (w != (sf_count_t)k) return false;
        done += k;
    }
    return true;
}

static uint32_t le32(const unsigned char *p) {
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

static void put32(unsigned char *p, uint32_t v) {
    for (int i = 0; i < 4; i++) p[i] = (unsigned char)(v >> (8 * i));
}

/* RIFF/WAVE, fmt (16 bytes, float), fact, PAD (at least 2 bytes), data:
 * the layout libsndfile writes. Anything else is left as it is. */
static void add_cbsize(const char *path) {
    FILE *f = fopen(path, "r+b");
    if (!f) return;
    unsigned char h[128], o[128];
    size_t got = fread(h, 1, sizeof h, f);
    if (got < 60 || memcmp(h, "RIFF", 4) || memcmp(h + 8, "WAVEfmt ", 8) || le32(h + 16) != 16 ||
        h[20] != 3 || h[21] != 0 || memcmp(h + 36, "fact", 4) || le32(h + 40) != 4 ||
        memcmp(h + 48, "PAD ", 4)) {
        fclose(f);
        return;
    }
    uint32_t pad = le32(h + 52);
    size_t data = 56 + (size_t)pad;
    if (pad < 2 || data + 8 > got || memcmp(h + data, "data", 4)) {
        fclose(f);
        return;
    }
    memcpy(o, h, 16);
    put32(o + 16, 18);
    memcpy(o + 20, h + 20, 16); /* the format itself */
    o[36] = o[37] = 0;          /* cbSize: no extension */
    memcpy(o + 38, h + 36, 12); /* fact */
    memcpy(o + 50, "PAD ", 4);
    put32(o + 54, pad - 2);
    memset(o + 58, 0, pad - 2);
    if (fseek(f, 0, SEEK_SET) == 0) fwrite(o, 1, data, f);
    fclose(f);
}

bool engine_sound_close(SNDFILE *sf, const char *path) {
    if (!sf) return true;
    SF_INFO info;
    sf_command(sf, SFC_GET_CURRENT_SF_INFO, &info, sizeof info);
    int err = sf_close(sf);
    if (info.format == (SF_FORMAT_WAV | SF_FORMAT_FLOAT)) add_cbsize(path);
    return err == 0;
}
