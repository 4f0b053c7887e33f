/*
 * samples.c - folders of sound files, Tidal's layout: DIR/name/NAME.wav (any
 * format libsndfile reads), sorted by file name, chosen by name:n with n
 * wrapping around. Loaded on the control thread, all at once, before the
 * audio uses them; stereo files are mixed down to mono.
 */
#include "samples.h"

#include <dirent.h>
#include <errno.h>
#include <sndfile.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static bool is_sound_file(const char *name) {
    const char *dot = strrchr(name, '.');
    if (!dot || name[0] == '.') return false;
    static const char *ext[] = {".wav", ".WAV",  ".flac", ".FLAC", ".aif", ".aiff",
                                ".AIF", ".AIFF", ".ogg",  ".OGG",  NULL};
    for (int i = 0; ext[i]; i++)
        if (strcmp(dot, ext[i]) == 0) return true;
    return false;
}

static int cmp_str(const void *a, const void *b) {
    return strcmp(*(char *const *)a, *(char *const *)b);
}

bool samples_read(const char *path, Sample *out, char *why, size_t n) {
    SF_INFO info = {0};
    SNDFILE *sf = sf_open(path, SFM_READ, &info);
    if (!sf) {
        snprintf(why, n, "%s", sf_strerror(NULL));
        return false;
    }
    if (info.frames <= 0 || info.channels <= 0 || info.frames > SAMPLE_MAX_FRAMES) {
        snprintf(why, n,
                 info.frames > SAMPLE_MAX_FRAMES ? "longer than 10 minutes at 48 kHz (%lld frames)"
                                                 : "no sound in it (%lld frames)",
                 (long long)info.frames);
        sf_close(sf);
        return false;
    }
    /* one block: the first channel, then the second of a stereo (or wider)
     * file; more channels than two are not heard */
    int nc = info.channels >= 2 ? 2 : 1;
    float *inter = malloc(sizeof(float) * (size_t)info.frames * (size_t)info.channels);
    float *planes = malloc(sizeof(float) * (size_t)info.frames * (size_t)nc);
    if (!inter || !planes) {
        free(inter);
        free(planes);
        sf_close(sf);
        snprintf(why, n, "out of memory");
        return false;
    }
    sf_count_t got = sf_readf_float(sf, inter, info.frames);
    if (got <= 0) {
        snprintf(why, n, "%s", sf_error(sf) ? sf_strerror(sf) : "no frames could be read");
        sf_close(sf);
        free(inter);
        free(planes);
        return false;
    }
    sf_close(sf);
    for (sf_count_t i = 0; i < got; i++)
        for (int c = 0; c < nc; c++) planes[c * got + i] = inter[i * info.channels + c];
    free(inter);
    out->data = planes;
    out->right = nc == 2 ? planes + got : NULL;
    out->frames = (uint32_t)got;
    out->rate = info.samplerate;
    return true;
}

/* Adds a set; a later folder with the same name replaces the earlier one. */
static void put(SampleBank *bank, SampleSet set) {
    int k;
    for (k = 0; k < bank->n && strcmp(bank->sets[k].name, set.name); k++) {
    }
    if (k == bank->n) {
        bank->sets = realloc(bank->sets, (size_t)(bank->n + 1) * sizeof *bank->sets);
        if (!bank->sets) abort();
        bank->n++;
    } else {
        /* the replaced sounds may still be playing (or be on their way to
         * the audio side): they are freed with the bank, not now */
        bank->old = realloc(bank->old, (size_t)(bank->nold + 1) * sizeof *bank->old);
        if (!bank->old) abort();
        bank->old[bank->nold++] = bank->sets[k];
    }
    bank->sets[k] = set;
}

void samples_merge(SampleBank *into, SampleBank *from) {
    for (int k = 0; k < from->n; k++) put(into, from->sets[k]);
    for (int k = 0; k < from->nold; k++) { /* replaced inside from: keep them too */
        into->old = realloc(into->old, (size_t)(into->nold + 1) * sizeof *into->old);
        if (!into->old) abort();
        into->old[into->nold++] = from->old[k];
    }
    free(from->sets);
    free(from->old);
    memset(from, 0, sizeof *from);
}

static int load_or_list(SampleBank *bank, const char *dir, char *why, size_t whylen, bool list) {
    DIR *d = opendir(dir);
    if (!d) {
        snprintf(why, whylen, "cannot open the samples folder %s: %s", dir, strerror(errno));
        return -1;
    }
    int loaded = 0;
    for (struct dirent *e; (e = readdir(d));) {
        if (e->d_name[0] == '.') continue;
        char sub[1024];
        snprintf(sub, sizeof sub, "%s/%s", dir, e->d_name);
        struct stat st;
        if (stat(sub, &st) != 0 || !S_ISDIR(st.st_mode)) continue;
        DIR *sd = opendir(sub);
        if (!sd) continue;
        char **files = NULL;
        int nf = 0;
        for (struct dirent *f; (f = readdir(sd));) {
            if (!is_sound_file(f->d_name)) continue;
            files = realloc(files, (size_t)(nf + 1) * sizeof *files);
            files[nf++] = strdup(f->d_name);
        }
        closedir(sd);
        if (!nf) continue;
        qsort(files, (size_t)nf, sizeof *files, cmp_str);
        SampleSet set = {0};
        snprintf(set.name, sizeof set.name, "%.63s", e->d_name);
        set.sounds = calloc((size_t)nf, sizeof(Sample));
        for (int i = 0; i < nf && list; i++) free(files[i]);
        if (list) { /* the set's name only: tala check plays nothing */
            free(files);
            free(set.sounds);
            set.sounds = NULL;
            put(bank, set);
            loaded += nf;
            continue;
        }
        for (int i = 0; i < nf; i++) {
            char path[2048];
            snprintf(path, sizeof path, "%s/%s", sub, files[i]);
            char fwhy[160];
            if (samples_read(path, &set.sounds[set.n], fwhy, sizeof fwhy))
                set.n++, loaded++;
            else
                fprintf(stderr, "tala: warning: cannot read %s: %s (skipped)\n", path, fwhy);
            free(files[i]);
        }
        free(files);
        if (!set.n) {
            free(set.sounds);
            continue;
        }
        put(bank, set);
    }
    closedir(d);
    return loaded;
}

int samples_load(SampleBank *bank, const char *dir, char *why, size_t whylen) {
    return load_or_list(bank, dir, why, whylen, false);
}

int samples_list(SampleBank *bank, const char *dir, char *why, size_t whylen) {
    return load_or_list(bank, dir, why, whylen, true);
}

bool samples_has(const SampleBank *bank, const char *name) {
    for (int k = 0; k < bank->n; k++)
        if (strcmp(bank->sets[k].name, name) == 0) return true;
    return false;
}

const Sample *samples_find(const SampleBank *bank, const char *name, int n) {
    for (int k = 0; k < bank->n; k++)
        if (strcmp(bank->sets[k].name, name) == 0) {
            int c = bank->sets[k].n;
            if (!c) return NULL; /* listed, not loaded (tala check) */
            return &bank->sets[k].sounds[((n % c) + c) % c];
        }
    return NULL;
}

int samples_add(SampleBank *bank, const char *name, Sample snd) {
    int k;
    for (k = 0; k < bank->n && strcmp(bank->sets[k].name, name); k++) {
    }
    if (k == bank->n) {
        SampleSet set = {.cap = 8};
        snprintf(set.name, sizeof set.name, "%.63s", name);
        set.sounds = calloc((size_t)set.cap, sizeof(Sample));
        if (!set.sounds) abort();
        put(bank, set);
    }
    SampleSet *set = &bank->sets[k];
    if (set->n >= set->cap) { /* a bigger array; the old one's sounds may be playing */
        int cap = set->n * 2 + 8;
        Sample *more = calloc((size_t)cap, sizeof(Sample));
        if (!more) abort();
        memcpy(more, set->sounds, (size_t)set->n * sizeof(Sample));
        bank->old = realloc(bank->old, (size_t)(bank->nold + 1) * sizeof *bank->old);
        if (!bank->old) abort();
        bank->old[bank->nold] = *set;
        bank->old[bank->nold++].shared = true;
        set->sounds = more;
        set->cap = cap;
    }
    set->sounds[set->n] = snd;
    return set->n++;
}

static void free_set(SampleSet *set) {
    for (int i = 0; i < set->n && !set->shared; i++) free((void *)set->sounds[i].data);
    free(set->sounds);
}

void samples_free(SampleBank *bank) {
    for (int k = 0; k < bank->n; k++) free_set(&bank->sets[k]);
    for (int k = 0; k < bank->nold; k++) free_set(&bank->old[k]);
    free(bank->sets);
    free(bank->old);
    bank->sets = bank->old = NULL;
    bank->n = bank->nold = 0;
}
