/*
 * soundlib.c - the sound library (see soundlib.h).
 *
 * Nothing is read until a sound is asked for: the first Sonic Pi name lists
 * the samples folder (names only), the first bank or Hydrogen sound parses
 * the kits' drumkit.xml files (libxml2), the first General MIDI note loads
 * the soundfont (FluidSynth reads its samples as notes need them). A sound
 * file is read once and kept; a GM note is rendered once per program, key,
 * velocity and length and kept: every voice plays a buffer, so onsets stay
 * sample-exact and renders repeat byte for byte.
 *
 * A mutex guards the library: live sessions read files here before an
 * evaluation takes the session's lock (soundlib_preload), and the reading
 * itself happens outside the mutex, so the scheduler never waits on a disk.
 */
#include "soundlib.h"

#include "samples.h"
#include "spec/sounds.h"

#include <ctype.h>
#include <dirent.h>
#include <fluidsynth.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <math.h>
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../spec/lazylib.h"

/* FluidSynth and libxml2 are opened when the first General MIDI note or
 * Hydrogen kit is needed (spec/lazylib.h): a run without them does not map
 * them, GLib or SDL. */
/* clang-format off */
#define FLUID_FNS(X) \
    X(delete_fluid_settings) X(delete_fluid_synth) X(fluid_set_log_function) \
    X(fluid_settings_setint) X(fluid_settings_setnum) X(fluid_synth_noteoff) \
    X(fluid_synth_noteon) X(fluid_synth_program_select) X(fluid_synth_sfload) \
    X(fluid_synth_system_reset) X(fluid_synth_write_float) X(new_fluid_settings) \
    X(new_fluid_synth)
/* clang-format on */
LAZY_LIB(fluid_api, TALA_SO_FLUIDSYNTH, FLUID_FNS)
/* clang-format off */
#define XML_FNS(X) \
    X(xmlDocGetRootElement) X(xmlFreeDoc) X(xmlReadFile)
/* clang-format on */
LAZY_LIB(xml_api, TALA_SO_LIBXML, XML_FNS)

#define SONIC_PI_DIR "/usr/share/sonic-pi/samples"
#define HYDROGEN_DIR "/usr/share/hydrogen/data/drumkits"
#define SOUNDFONT    "/usr/share/sounds/sf2/FluidR3_GM.sf2"

/* the longest GM note held, and the longest release after it */
#define GM_MAX_GATE 30.0
#define GM_MAX_TAIL 4.0

typedef struct {
    char *path;
    Sample s;
    float peak; /* its largest sample's size */
    bool ok;
} Loaded;

/* The peak every Dirt name's sound is brought to: -6 dBFS, so the
 * variations of a name (and the names of a kit) play at one level, whatever
 * level their files were made at. */
#define DIRT_PEAK 0.5

typedef struct {
    char *path;
    double min, max, gain, pitch;
} Layer;

typedef struct {
    char *name;
    const char *role; /* its Dirt name in the kit's bank, or NULL */
    double volume;
    Layer *layers;
    int nlayers;
} Instrument;

typedef struct {
    char *dir;  /* its folder's name ("Gimme A Hand 1.0") */
    char *bank; /* the folder's letters, digits and _ ("GimmeAHand10") */
    Instrument *inst;
    int ninst;
} Kit;

typedef struct {
    int program, key, vel;
    uint32_t gate; /* frames held */
    Sample s;
} GmNote;

struct SoundLib {
    pthread_mutex_t lock;
    double rate;
    char *sonicpi, *hydrogen, *soundfont; /* NULL: none */
    char **sp;                            /* Sonic Pi's names, sorted */
    int nsp;
    bool sp_listed;
    Kit *kits;
    int nkits;
    bool kits_read;
    Loaded **loaded;
    int nloaded;
    /* each Dirt name's sounds that are here, in order (found the first time: -1 before) */
    const char *(*dirt_refs)[64];
    int *dirt_n;
    fluid_settings_t *fs;
    fluid_synth_t *fsynth; /* used under synth_lock (a render takes milliseconds) */
    int sfont;
    bool gm_tried;
    pthread_mutex_t synth_lock;
    GmNote **notes;
    int nnotes;
    /* the loader (soundlib_start_loader): GM notes asked for ahead, rendered on
     * a thread of their own */
    pthread_t loader;
    bool loader_on, stop;
    bool gm_seen; /* a GM sound was named, played or asked for */
    pthread_cond_t wake, idle;
    GmNote *queue[256];
    int nqueue;
    bool busy;
};

static char *dup_or_null(const char *env, const char *dflt) {
    const char *v = getenv(env);
    if (!v) v = dflt;
    if (!*v) return NULL;
    char *d = strdup(v);
    if (!d) abort();
    return d;
}

SoundLib *soundlib_new(double rate) {
    SoundLib *lib = calloc(1, sizeof *lib);
    if (!lib) abort();
    pthread_mutex_init(&lib->lock, NULL);
    pthread_mutex_init(&lib->synth_lock, NULL);
    pthread_cond_init(&lib->wake, NULL);
    pthread_cond_init(&lib->idle, NULL);
    lib->rate = rate;
    lib->dirt_refs = calloc((size_t)NDIRT_SOUNDS, sizeof *lib->dirt_refs);
    lib->dirt_n = malloc((size_t)NDIRT_SOUNDS * sizeof *lib->dirt_n);
    if (!lib->dirt_refs || !lib->dirt_n) abort();
    for (int i = 0; i < NDIRT_SOUNDS; i++) lib->dirt_n[i] = -1;
    lib->sonicpi = dup_or_null("TALA_SONIC_PI_SAMPLES", SONIC_PI_DIR);
    lib->hydrogen = dup_or_null("TALA_HYDROGEN_KITS", HYDROGEN_DIR);
    lib->soundfont = dup_or_null("TALA_SOUNDFONT", SOUNDFONT);
    return lib;
}

void soundlib_free(SoundLib *lib) {
    if (!lib) return;
    if (lib->loader_on) {
        pthread_mutex_lock(&lib->lock);
        lib->stop = true;
        pthread_cond_signal(&lib->wake);
        pthread_mutex_unlock(&lib->lock);
        pthread_join(lib->loader, NULL);
    }
    for (int i = 0; i < lib->nqueue; i++) free(lib->queue[i]);
    for (int i = 0; i < lib->nsp; i++) free(lib->sp[i]);
    free(lib->sp);
    for (int k = 0; k < lib->nkits; k++) {
        Kit *kit = &lib->kits[k];
        for (int i = 0; i < kit->ninst; i++) {
            for (int j = 0; j < kit->inst[i].nlayers; j++) free(kit->inst[i].layers[j].path);
            free(kit->inst[i].layers);
            free(kit->inst[i].name);
        }
        free(kit->inst);
        free(kit->dir);
        free(kit->bank);
    }
    free(lib->kits);
    for (int i = 0; i < lib->nloaded; i++) {
        free((void *)lib->loaded[i]->s.data);
        free(lib->loaded[i]->path);
        free(lib->loaded[i]);
    }
    free(lib->loaded);
    free(lib->dirt_refs);
    free(lib->dirt_n);
    for (int i = 0; i < lib->nnotes; i++) {
        free((void *)lib->notes[i]->s.data);
        free(lib->notes[i]);
    }
    free(lib->notes);
    if (lib->fsynth) fluid_api.delete_fluid_synth(lib->fsynth);
    if (lib->fs) fluid_api.delete_fluid_settings(lib->fs);
    free(lib->sonicpi);
    free(lib->hydrogen);
    free(lib->soundfont);
    pthread_mutex_destroy(&lib->lock);
    pthread_mutex_destroy(&lib->synth_lock);
    pthread_cond_destroy(&lib->wake);
    pthread_cond_destroy(&lib->idle);
    free(lib);
}

/* ------------------------------------------------------------- Sonic Pi */

static int cmp_str(const void *a, const void *b) {
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static void list_sonic_pi(SoundLib *lib) {
    if (lib->sp_listed) return;
    lib->sp_listed = true;
    DIR *d = lib->sonicpi ? opendir(lib->sonicpi) : NULL;
    if (!d) return;
    for (struct dirent *e; (e = readdir(d));) {
        const char *dot = strrchr(e->d_name, '.');
        if (e->d_name[0] == '.' || !dot || strcmp(dot, ".flac")) continue;
        lib->sp = realloc(lib->sp, (size_t)(lib->nsp + 1) * sizeof *lib->sp);
        if (!lib->sp || !(lib->sp[lib->nsp] = strndup(e->d_name, (size_t)(dot - e->d_name))))
            abort();
        lib->nsp++;
    }
    closedir(d);
    if (lib->nsp > 1) qsort(lib->sp, (size_t)lib->nsp, sizeof *lib->sp, cmp_str);
}

static bool sonic_pi_has(SoundLib *lib, const char *name) {
    list_sonic_pi(lib);
    return lib->nsp && bsearch(&name, lib->sp, (size_t)lib->nsp, sizeof *lib->sp, cmp_str);
}

/* ------------------------------------------------------------- Hydrogen */

static const xmlNode *child(const xmlNode *n, const char *name) {
    for (const xmlNode *c = n ? n->children : NULL; c; c = c->next)
        if (c->type == XML_ELEMENT_NODE && !strcmp((const char *)c->name, name)) return c;
    return NULL;
}

/* The text of n's child element name (its text and CDATA parts; the parser
 * has made &amp; and the like text), trimmed, into buf ("" when none). */
static const char *text_of(const xmlNode *n, const char *name, char *buf, size_t len) {
    buf[0] = 0;
    const xmlNode *c = child(n, name);
    size_t k = 0;
    for (const xmlNode *t = c ? c->children : NULL; t && k + 1 < len; t = t->next)
        if ((t->type == XML_TEXT_NODE || t->type == XML_CDATA_SECTION_NODE) && t->content)
            k += (size_t)snprintf(buf + k, len - k, "%s", (const char *)t->content),
                k = k < len ? k : len - 1;
    const char *p = buf;
    while (isspace((unsigned char)*p)) p++;
    memmove(buf, p, strlen(p) + 1);
    for (k = strlen(buf); k > 0 && isspace((unsigned char)buf[k - 1]); k--) buf[k - 1] = 0;
    return buf;
}

static double num_of(const xmlNode *n, const char *name, double dflt) {
    char buf[64];
    text_of(n, name, buf, sizeof buf);
    char *end;
    double v = strtod(buf, &end);
    return end != buf && isfinite(v) ? v : dflt;
}

static void add_layer(Instrument *in, const char *dir, const char *file, double min, double max,
                      double gain, double pitch) {
    if (!file[0]) return;
    in->layers = realloc(in->layers, (size_t)(in->nlayers + 1) * sizeof *in->layers);
    if (!in->layers) abort();
    Layer *l = &in->layers[in->nlayers++];
    size_t n = strlen(dir) + strlen(file) + 2;
    if (!(l->path = malloc(n))) abort();
    snprintf(l->path, n, "%s/%s", dir, file);
    l->min = min, l->max = max, l->gain = gain, l->pitch = pitch;
}

/* Every <layer> under n (Hydrogen's older files put them in the instrument,
 * newer ones in an instrumentComponent). */
static void add_layers(Instrument *in, const char *dir, const xmlNode *n) {
    for (const xmlNode *c = n->children; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE) continue;
        if (!strcmp((const char *)c->name, "layer")) {
            char file[512];
            add_layer(in, dir, text_of(c, "filename", file, sizeof file), num_of(c, "min", 0),
                      num_of(c, "max", 1), num_of(c, "gain", 1), num_of(c, "pitch", 0));
        } else if (!strcmp((const char *)c->name, "instrumentComponent")) {
            add_layers(in, dir, c);
        }
    }
}

static void read_kit(SoundLib *lib, const char *name) {
    char dir[1024], path[1100];
    snprintf(dir, sizeof dir, "%s/%s", lib->hydrogen, name);
    snprintf(path, sizeof path, "%s/drumkit.xml", dir);
    if (!xml_api_load(NULL, 0)) return; /* (as a kit that cannot be read) */
    xmlDoc *doc =
        xml_api.xmlReadFile(path, NULL, XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
    if (!doc) return;
    const xmlNode *list = child(xml_api.xmlDocGetRootElement(doc), "instrumentList");
    Kit kit = {0};
    if (!(kit.dir = strdup(name)) || !(kit.bank = calloc(1, strlen(name) + 1))) abort();
    for (size_t i = 0, k = 0; name[i]; i++)
        if (isalnum((unsigned char)name[i]) || name[i] == '_') kit.bank[k++] = name[i];
    for (const xmlNode *c = list ? list->children : NULL; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE || strcmp((const char *)c->name, "instrument")) continue;
        Instrument in = {0};
        char buf[512];
        text_of(c, "name", buf, sizeof buf);
        if (!(in.name = strdup(buf))) abort();
        in.role = hydrogen_role(buf);
        in.volume = num_of(c, "volume", 1);
        add_layer(&in, dir, text_of(c, "filename", buf, sizeof buf), 0, 1, 1, 0); /* oldest files */
        add_layers(&in, dir, c);
        if (!in.nlayers) {
            free(in.name);
            continue;
        }
        kit.inst = realloc(kit.inst, (size_t)(kit.ninst + 1) * sizeof *kit.inst);
        if (!kit.inst) abort();
        kit.inst[kit.ninst++] = in;
    }
    xml_api.xmlFreeDoc(doc);
    lib->kits = realloc(lib->kits, (size_t)(lib->nkits + 1) * sizeof *lib->kits);
    if (!lib->kits) abort();
    lib->kits[lib->nkits++] = kit;
}

static int cmp_kit(const void *a, const void *b) {
    return strcmp(((const Kit *)a)->bank, ((const Kit *)b)->bank);
}

static void read_kits(SoundLib *lib) {
    if (lib->kits_read) return;
    lib->kits_read = true;
    DIR *d = lib->hydrogen ? opendir(lib->hydrogen) : NULL;
    if (!d) return;
    for (struct dirent *e; (e = readdir(d));)
        if (e->d_name[0] != '.') read_kit(lib, e->d_name);
    closedir(d);
    if (lib->nkits > 1) qsort(lib->kits, (size_t)lib->nkits, sizeof *lib->kits, cmp_kit);
}

static Kit *kit_named(SoundLib *lib, const char *name) {
    read_kits(lib);
    for (int k = 0; k < lib->nkits; k++)
        if (!strcmp(lib->kits[k].bank, name) || !strcmp(lib->kits[k].dir, name))
            return &lib->kits[k];
    return NULL;
}

static const Instrument *instrument_named(SoundLib *lib, const char *ref) {
    const char *slash = strchr(ref, '/');
    if (!slash) return NULL;
    char dir[256];
    snprintf(dir, sizeof dir, "%.*s", (int)(slash - ref), ref);
    Kit *kit = kit_named(lib, dir);
    for (int i = 0; kit && i < kit->ninst; i++)
        if (!strcmp(kit->inst[i].name, slash + 1)) return &kit->inst[i];
    return NULL;
}

/* The layer for velocity v: the first whose range holds it, else the one
 * whose range is nearest. */
static const Layer *layer_for(const Instrument *in, double v) {
    const Layer *best = &in->layers[0];
    double dist = INFINITY;
    for (int j = 0; j < in->nlayers; j++) {
        const Layer *l = &in->layers[j];
        double d = v < l->min ? l->min - v : v > l->max ? v - l->max : 0;
        if (d < dist) dist = d, best = l;
    }
    return best;
}

/* ---------------------------------------------------------------- files */

static Loaded *find_loaded(SoundLib *lib, const char *path) {
    for (int i = 0; i < lib->nloaded; i++)
        if (!strcmp(lib->loaded[i]->path, path)) return lib->loaded[i];
    return NULL;
}

/* The sound file at path, read the first time (outside the lock; called
 * with it held). NULL with why when it cannot be read. */
static const Loaded *file_sample(SoundLib *lib, const char *path, char *why, size_t whylen) {
    Loaded *l = find_loaded(lib, path);
    if (!l) {
        pthread_mutex_unlock(&lib->lock);
        Loaded *nl = calloc(1, sizeof *nl);
        if (!nl || !(nl->path = strdup(path))) abort();
        char w[200] = "";
        nl->ok = samples_read(path, &nl->s, w, sizeof w);
        for (uint32_t i = 0; nl->ok && i < nl->s.frames * (nl->s.right ? 2u : 1u); i++)
            nl->peak = fmaxf(nl->peak, fabsf(nl->s.data[i]));
        pthread_mutex_lock(&lib->lock);
        if ((l = find_loaded(lib, path))) { /* read meanwhile by another thread */
            free((void *)nl->s.data);
            free(nl->path);
            free(nl);
        } else {
            lib->loaded = realloc(lib->loaded, (size_t)(lib->nloaded + 1) * sizeof *lib->loaded);
            if (!lib->loaded) abort();
            lib->loaded[lib->nloaded++] = l = nl;
            if (!nl->ok) snprintf(why, whylen, "cannot read %s: %s", path, w);
        }
    }
    if (!l->ok && why[0] == 0) snprintf(why, whylen, "cannot read %s", path);
    return l->ok ? l : NULL;
}

static bool instrument_sound(SoundLib *lib, const Instrument *in, double velocity, bool dirt,
                             LibSound *out, char *why, size_t whylen) {
    const Layer *l = layer_for(in, velocity);
    const Loaded *f = file_sample(lib, l->path, why, whylen);
    if (!f) return false;
    double amp = dirt && f->peak > 0 ? DIRT_PEAK / f->peak : in->volume * l->gain;
    *out = (LibSound){&f->s, amp, pow(2, l->pitch / 12), "hydrogen-drumkits"};
    return true;
}

/* Whether a library sound (a Sonic Pi name or a "Kit/Instrument") is here. */
static bool ref_available(SoundLib *lib, const char *ref) {
    return strchr(ref, '/') ? instrument_named(lib, ref) != NULL : sonic_pi_has(lib, ref);
}

/* One library sound: a Sonic Pi name or a "Kit/Instrument"; dirt: played
 * under a Dirt name (at DIRT_PEAK). */
static bool ref_sound(SoundLib *lib, const char *ref, double velocity, bool dirt, LibSound *out,
                      char *why, size_t whylen) {
    if (strchr(ref, '/')) {
        const Instrument *in = instrument_named(lib, ref);
        return in && instrument_sound(lib, in, velocity, dirt, out, why, whylen);
    }
    char path[1024];
    snprintf(path, sizeof path, "%s/%s.flac", lib->sonicpi, ref);
    const Loaded *f = file_sample(lib, path, why, whylen);
    if (!f) return false;
    *out = (LibSound){&f->s, dirt && f->peak > 0 ? DIRT_PEAK / f->peak : 1, 1, "sonic-pi-samples"};
    return true;
}

static const DirtSound *dirt_named(const char *name) {
    for (int i = 0; i < NDIRT_SOUNDS; i++)
        if (!strcmp(DIRT_SOUNDS[i].name, name)) return &DIRT_SOUNDS[i];
    return NULL;
}

/* The sounds of Dirt name d that are here, in order, as *refs; how many
 * (lib->lock held). */
static int dirt_have(SoundLib *lib, const DirtSound *d, const char *const **refs) {
    int k = (int)(d - DIRT_SOUNDS);
    if (lib->dirt_n[k] < 0) {
        int n = 0;
        for (int i = 0; d->sounds[i] && n < 64; i++)
            if (ref_available(lib, d->sounds[i])) lib->dirt_refs[k][n++] = d->sounds[i];
        lib->dirt_n[k] = n;
    }
    *refs = lib->dirt_refs[k];
    return lib->dirt_n[k];
}

static int wrap(int n, int c) {
    return ((n % c) + c) % c;
}

bool soundlib_sample(SoundLib *lib, const char *name, int n, double velocity, LibSound *out,
                     bool *missing, char *why, size_t whylen) {
    *missing = false;
    why[0] = 0;
    pthread_mutex_lock(&lib->lock);
    bool ok = false;
    const DirtSound *d = dirt_named(name);
    if (d) {
        const char *const *have;
        int nhave = dirt_have(lib, d, &have);
        if (nhave && !out)
            ok = true;
        else if (nhave)
            ok = ref_sound(lib, have[wrap(n, nhave)], velocity, true, out, why, whylen);
        else
            *missing = true;
    } else if (sonic_pi_has(lib, name)) {
        ok = !out || ref_sound(lib, name, velocity, false, out, why, whylen);
    }
    pthread_mutex_unlock(&lib->lock);
    return ok;
}

int soundlib_variations(SoundLib *lib, const char *name) {
    const DirtSound *d = dirt_named(name);
    pthread_mutex_lock(&lib->lock);
    const char *const *refs;
    int have = d ? dirt_have(lib, d, &refs) : sonic_pi_has(lib, name);
    pthread_mutex_unlock(&lib->lock);
    return have;
}

bool soundlib_bank_sample(SoundLib *lib, const char *bank, const char *name, int n, double velocity,
                          LibSound *out, char *why, size_t whylen) {
    why[0] = 0;
    pthread_mutex_lock(&lib->lock);
    Kit *kit = kit_named(lib, bank);
    const Instrument *pick[64];
    int np = 0;
    for (int i = 0; kit && i < kit->ninst && np < 64; i++)
        if (kit->inst[i].role && !strcmp(kit->inst[i].role, name)) pick[np++] = &kit->inst[i];
    bool ok =
        np && (!out || instrument_sound(lib, pick[wrap(n, np)], velocity, false, out, why, whylen));
    pthread_mutex_unlock(&lib->lock);
    return ok;
}

bool soundlib_has_bank(SoundLib *lib, const char *bank) {
    pthread_mutex_lock(&lib->lock);
    bool has = kit_named(lib, bank) != NULL;
    pthread_mutex_unlock(&lib->lock);
    return has;
}

void soundlib_banks(SoundLib *lib, char *buf, size_t n) {
    pthread_mutex_lock(&lib->lock);
    read_kits(lib);
    size_t k = 0;
    buf[0] = 0;
    for (int i = 0; i < lib->nkits && k < n; i++)
        k += (size_t)snprintf(buf + k, n - k, "%s%s", k ? ", " : "", lib->kits[i].bank);
    pthread_mutex_unlock(&lib->lock);
}

/* ----------------------------------------------------------- General MIDI */

bool soundlib_is_gm(const char *name) {
    return gm_program(name, 0) >= 0;
}

static bool open_soundfont(SoundLib *lib, char *why, size_t whylen) {
    if (lib->fsynth) return true;
    if (lib->gm_tried || !lib->soundfont) {
        snprintf(why, whylen,
                 lib->soundfont ? "the soundfont %s cannot be read"
                                : "no General MIDI soundfont (install fluid-soundfont-gm)",
                 lib->soundfont);
        return false;
    }
    lib->gm_tried = true;
    if (!fluid_api_load(why, whylen)) return false;
    for (int level = 0; level < LAST_LOG_LEVEL; level++)
        fluid_api.fluid_set_log_function(level, NULL, NULL);
    lib->fs = fluid_api.new_fluid_settings();
    fluid_api.fluid_settings_setnum(lib->fs, "synth.sample-rate", lib->rate);
    fluid_api.fluid_settings_setnum(lib->fs, "synth.gain", 1.0);
    fluid_api.fluid_settings_setint(lib->fs, "synth.reverb.active",
                                    0); /* tala's own room and delay */
    fluid_api.fluid_settings_setint(lib->fs, "synth.chorus.active", 0);
    fluid_api.fluid_settings_setint(lib->fs, "synth.dynamic-sample-loading", 1);
    fluid_api.fluid_settings_setint(lib->fs, "synth.cpu-cores", 1);
    lib->fsynth = lib->fs ? fluid_api.new_fluid_synth(lib->fs) : NULL;
    if (!lib->fsynth ||
        (lib->sfont = fluid_api.fluid_synth_sfload(lib->fsynth, lib->soundfont, 1)) < 0) {
        if (lib->fsynth) fluid_api.delete_fluid_synth(lib->fsynth);
        lib->fsynth = NULL;
        snprintf(why, whylen, "the soundfont %s cannot be read", lib->soundfont);
        return false;
    }
    return true;
}

/* Renders a note: held gate frames, then its release until it is silent
 * (a block below -100 dB) or GM_MAX_TAIL seconds have passed. */
static bool render_note(SoundLib *lib, GmNote *g) {
    fluid_synth_t *sy = lib->fsynth;
    fluid_api.fluid_synth_system_reset(sy); /* every note from the same state */
    fluid_api.fluid_synth_program_select(sy, 0, lib->sfont, 0, g->program);
    size_t tail = (size_t)(GM_MAX_TAIL * lib->rate), cap = g->gate + tail;
    float *l = malloc(cap * sizeof *l), *r = malloc(cap * sizeof *r);
    if (!l || !r) abort();
    fluid_api.fluid_synth_noteon(sy, 0, g->key, g->vel);
    size_t at = 0;
    while (at < g->gate) {
        int len = g->gate - at > 4096 ? 4096 : (int)(g->gate - at);
        fluid_api.fluid_synth_write_float(sy, len, l, (int)at, 1, r, (int)at, 1);
        at += (size_t)len;
    }
    fluid_api.fluid_synth_noteoff(sy, 0, g->key);
    while (at < cap) {
        int len = cap - at > 1024 ? 1024 : (int)(cap - at);
        fluid_api.fluid_synth_write_float(sy, len, l, (int)at, 1, r, (int)at, 1);
        float peak = 0;
        for (int i = 0; i < len; i++) {
            float a = fabsf(l[at + i]), b = fabsf(r[at + i]);
            peak = a > peak ? a : b > peak ? b : peak;
        }
        at += (size_t)len;
        if (peak < 1e-5f) break;
    }
    if (at == 0) at = 1, l[0] = r[0] = 0;
    float *planes = malloc(2 * at * sizeof *planes);
    if (!planes) abort();
    memcpy(planes, l, at * sizeof *l);
    memcpy(planes + at, r, at * sizeof *r);
    free(l);
    free(r);
    g->s = (Sample){planes, planes + at, (uint32_t)at, lib->rate};
    return true;
}

/* The note a GM sound asks for: false (why set) when it cannot be one. */
static bool gm_want(SoundLib *lib, const char *name, int n, double note, double velocity,
                    double gate, GmNote *want, char *why, size_t whylen) {
    int program = gm_program(name, n);
    if (program < 0 || !isfinite(note)) return false;
    double key = round(note);
    if (key < 0 || key > 127) {
        snprintf(why, whylen, "note %g is outside General MIDI's keys (0-127)", note);
        return false;
    }
    int vel = (int)lround((isfinite(velocity) ? velocity : 1) * 127);
    vel = vel < 1 ? 1 : vel > 127 ? 127 : vel;
    gate = !isfinite(gate) || gate < 0 ? 0 : gate > GM_MAX_GATE ? GM_MAX_GATE : gate;
    *want = (GmNote){program, (int)key, vel, (uint32_t)lround(gate * lib->rate), {0}};
    return true;
}

static bool same_note(const GmNote *a, const GmNote *b) {
    return a->program == b->program && a->key == b->key && a->vel == b->vel && a->gate == b->gate;
}

/* The rendered note like want, or NULL (lib->lock held). */
static GmNote *gm_cached(SoundLib *lib, const GmNote *want) {
    for (int i = 0; i < lib->nnotes; i++)
        if (same_note(lib->notes[i], want)) return lib->notes[i];
    return NULL;
}

/* Renders want into a new note, outside lib->lock (synth_lock held while
 * FluidSynth works), and keeps it; the note kept (another thread's, when it
 * was quicker). Called without lib->lock. NULL with why: no soundfont. */
static GmNote *gm_render(SoundLib *lib, const GmNote *want, char *why, size_t whylen) {
    pthread_mutex_lock(&lib->synth_lock);
    GmNote *g = NULL;
    if (open_soundfont(lib, why, whylen)) {
        if (!(g = malloc(sizeof *g))) abort();
        *g = *want;
        render_note(lib, g);
    }
    pthread_mutex_unlock(&lib->synth_lock);
    if (!g) return NULL;
    pthread_mutex_lock(&lib->lock);
    GmNote *had = gm_cached(lib, want);
    if (had) {
        free((void *)g->s.data);
        free(g);
        g = had;
    } else {
        lib->notes = realloc(lib->notes, (size_t)(lib->nnotes + 1) * sizeof *lib->notes);
        if (!lib->notes) abort();
        lib->notes[lib->nnotes++] = g;
    }
    lib->gm_seen = true;
    pthread_mutex_unlock(&lib->lock);
    return g;
}

bool soundlib_gm(SoundLib *lib, const char *name, int n, double note, double velocity, double gate,
                 LibSound *out, char *why, size_t whylen) {
    GmNote want;
    if (!gm_want(lib, name, n, note, velocity, gate, &want, why, whylen)) return false;
    if (!out) return lib->soundfont && access(lib->soundfont, R_OK) == 0;
    pthread_mutex_lock(&lib->lock);
    GmNote *g = gm_cached(lib, &want);
    pthread_mutex_unlock(&lib->lock);
    if (!g && !(g = gm_render(lib, &want, why, whylen))) return false;
    *out = (LibSound){&g->s, 1, pow(2, (note - want.key) / 12), "fluid-soundfont-gm"};
    return true;
}

static void *loader_main(void *arg) {
    SoundLib *lib = arg;
    pthread_mutex_lock(&lib->lock);
    for (;;) {
        while (!lib->nqueue && !lib->stop) {
            lib->busy = false;
            pthread_cond_broadcast(&lib->idle);
            pthread_cond_wait(&lib->wake, &lib->lock);
        }
        if (lib->stop) break;
        GmNote *want = lib->queue[--lib->nqueue];
        lib->busy = true;
        bool have = gm_cached(lib, want) != NULL;
        pthread_mutex_unlock(&lib->lock);
        char why[200];
        if (!have) gm_render(lib, want, why, sizeof why);
        free(want);
        pthread_mutex_lock(&lib->lock);
    }
    lib->busy = false;
    pthread_cond_broadcast(&lib->idle);
    pthread_mutex_unlock(&lib->lock);
    return NULL;
}

bool soundlib_start_loader(SoundLib *lib) {
    if (lib->loader_on) return true;
    lib->loader_on = pthread_create(&lib->loader, NULL, loader_main, lib) == 0;
    return lib->loader_on;
}

void soundlib_gm_ahead(SoundLib *lib, const char *name, int n, double note, double velocity,
                       double gate) {
    GmNote want;
    char why[200];
    if (!lib->loader_on || !gm_want(lib, name, n, note, velocity, gate, &want, why, sizeof why))
        return;
    pthread_mutex_lock(&lib->lock);
    bool queued = gm_cached(lib, &want) != NULL;
    for (int i = 0; i < lib->nqueue && !queued; i++) queued = same_note(lib->queue[i], &want);
    if (!queued && lib->nqueue < 256) {
        GmNote *q = malloc(sizeof *q);
        if (!q) abort();
        *q = want;
        lib->queue[lib->nqueue++] = q;
        lib->busy = true;
        pthread_cond_signal(&lib->wake);
    }
    pthread_mutex_unlock(&lib->lock);
}

bool soundlib_gm_active(SoundLib *lib) {
    pthread_mutex_lock(&lib->lock);
    bool on = lib->loader_on && lib->gm_seen;
    pthread_mutex_unlock(&lib->lock);
    return on;
}

void soundlib_wait_loader(SoundLib *lib) {
    pthread_mutex_lock(&lib->lock);
    while (lib->loader_on && (lib->busy || lib->nqueue)) pthread_cond_wait(&lib->idle, &lib->lock);
    pthread_mutex_unlock(&lib->lock);
}

int soundlib_gm_notes(SoundLib *lib) {
    pthread_mutex_lock(&lib->lock);
    int n = lib->nnotes;
    pthread_mutex_unlock(&lib->lock);
    return n;
}

/* ------------------------------------------------------------- preload */

static bool word_char(char c) {
    return isalnum((unsigned char)c) || c == '_';
}

int soundlib_preload(SoundLib *lib, const char *text, size_t len) {
    /* the words of the strings ("...", `...`), each once */
    char words[256][64];
    int nw = 0;
    char quote = 0;
    for (size_t i = 0; i < len; i++) {
        char c = text[i];
        if (!quote) {
            if (c == '"' || c == '`') quote = c;
            continue;
        }
        if (c == quote) {
            quote = 0;
            continue;
        }
        if (!word_char(c) || (i > 0 && word_char(text[i - 1]))) continue;
        size_t e = i;
        while (e < len && word_char(text[e])) e++;
        if (e - i < 64 && isalpha((unsigned char)c) && nw < 256) {
            snprintf(words[nw], 64, "%.*s", (int)(e - i), text + i);
            bool seen = false;
            for (int k = 0; k < nw && !seen; k++) seen = !strcmp(words[k], words[nw]);
            nw += !seen;
        }
        i = e - 1;
    }
    pthread_mutex_lock(&lib->lock);
    int before = lib->nloaded;
    char why[200];
    LibSound ls;
    for (int w = 0; w < nw; w++) {
        const char *word = words[w];
        const DirtSound *d = dirt_named(word);
        const char *const *refs;
        for (int i = 0, n = d ? dirt_have(lib, d, &refs) : 0; i < n; i++)
            ref_sound(lib, refs[i], 1, true, &ls, why, sizeof why);
        if (!d && sonic_pi_has(lib, word)) ref_sound(lib, word, 1, false, &ls, why, sizeof why);
        if (gm_program(word, 0) >= 0) { /* the soundfont, read without holding the library */
            pthread_mutex_unlock(&lib->lock);
            pthread_mutex_lock(&lib->synth_lock);
            open_soundfont(lib, why, sizeof why);
            pthread_mutex_unlock(&lib->synth_lock);
            pthread_mutex_lock(&lib->lock);
            lib->gm_seen = true;
        }
        Kit *kit = kit_named(lib, word);
        for (int i = 0; kit && i < kit->ninst; i++) /* its sounds the strings name, every layer */
            for (int k = 0; kit->inst[i].role && k < nw; k++)
                if (!strcmp(kit->inst[i].role, words[k]))
                    for (int j = 0; j < kit->inst[i].nlayers; j++)
                        file_sample(lib, kit->inst[i].layers[j].path, why, sizeof why);
    }
    int read = lib->nloaded - before;
    pthread_mutex_unlock(&lib->lock);
    return read;
}

int soundlib_loaded(SoundLib *lib) {
    pthread_mutex_lock(&lib->lock);
    int n = lib->nloaded;
    pthread_mutex_unlock(&lib->lock);
    return n;
}

/* -------------------------------------------------------------- listing */

void soundlib_version(const char *package, char *buf, size_t n) {
    snprintf(buf, n, "%s (not a Debian package)", package);
    FILE *f = fopen("/var/lib/dpkg/status", "r");
    if (!f) return;
    char line[512];
    bool in = false;
    while (fgets(line, sizeof line, f)) {
        if (!strncmp(line, "Package: ", 9)) {
            line[strcspn(line, "\n")] = 0;
            in = !strcmp(line + 9, package);
        } else if (in && !strncmp(line, "Version: ", 9)) {
            line[strcspn(line, "\n")] = 0;
            snprintf(buf, n, "%s %s", package, line + 9);
            break;
        }
    }
    fclose(f);
}

void soundlib_list(SoundLib *lib, FILE *out) {
    pthread_mutex_lock(&lib->lock);
    list_sonic_pi(lib);
    read_kits(lib);
    char v[160];
    soundlib_version("sonic-pi-samples", v, sizeof v);
    fprintf(out, "# Dirt names (s(\"bd:3\") is variation 3)\n");
    for (int i = 0; i < NDIRT_SOUNDS; i++) {
        const char *const *refs;
        int have = dirt_have(lib, &DIRT_SOUNDS[i], &refs);
        fprintf(out, "%-6s %2d  %s\n", DIRT_SOUNDS[i].name, have, DIRT_SOUNDS[i].doc);
    }
    fprintf(out, "\n# Sonic Pi's samples: %s\n", lib->nsp ? v : "not installed (sonic-pi-samples)");
    for (int i = 0; i < lib->nsp; i++)
        fprintf(out, "%s%s", lib->sp[i], (i + 1) % 6 && i + 1 < lib->nsp ? " " : "\n");
    soundlib_version("hydrogen-drumkits", v, sizeof v);
    fprintf(out, "\n# banks: Hydrogen's kits, %s (.bank(\"NAME\"), sounds and variations)\n",
            lib->nkits ? v : "not installed (hydrogen-drumkits)");
    for (int k = 0; k < lib->nkits; k++) {
        const Kit *kit = &lib->kits[k];
        fprintf(out, "%s:", kit->bank);
        static const char *roles[] = {"bd", "sd", "rim", "cp", "hh", "oh", "lt",  "mt",
                                      "ht", "cr", "rd",  "cb", "tb", "sh", "perc"};
        for (int r = 0; r < (int)(sizeof roles / sizeof *roles); r++) {
            int c = 0;
            for (int i = 0; i < kit->ninst; i++)
                c += kit->inst[i].role && !strcmp(kit->inst[i].role, roles[r]);
            if (c) fprintf(out, " %s%s", roles[r], c > 1 ? "" : "");
            if (c > 1) fprintf(out, "(%d)", c);
        }
        fprintf(out, "\n");
    }
    fprintf(out, "tala: tala's own synthesized kit (bd sn sd hh oh cp rim lt mt ht cb cy)\n");
    soundlib_version("fluid-soundfont-gm", v, sizeof v);
    bool sf = lib->soundfont && access(lib->soundfont, R_OK) == 0;
    fprintf(out, "\n# General MIDI: %s (note(\"c4\").s(\"gm_piano\"))\n",
            sf ? v : "not installed (fluid-soundfont-gm)");
    for (int i = 0; i < NGM_SOUNDS; i++)
        fprintf(out, "%s%s", GM_SOUNDS[i].name, (i + 1) % 4 && i + 1 < NGM_SOUNDS ? " " : "\n");
    fprintf(out, "piano (gm_piano)\n");
    pthread_mutex_unlock(&lib->lock);
}

bool soundlib_describe(SoundLib *lib, const char *name, FILE *out) {
    pthread_mutex_lock(&lib->lock);
    list_sonic_pi(lib);
    read_kits(lib);
    bool found = false;
    const DirtSound *d = dirt_named(name);
    if (d) {
        found = true;
        fprintf(out, "%s: %s, a Dirt name; its variations (%s:N):\n", name, d->doc, name);
        const char *const *refs;
        int k = dirt_have(lib, d, &refs);
        for (int i = 0; i < k; i++) fprintf(out, "  %s:%d  %s\n", name, i, refs[i]);
        if (!k) fprintf(out, "  none here: install sonic-pi-samples and hydrogen-drumkits\n");
    } else if (sonic_pi_has(lib, name)) {
        found = true;
        fprintf(out, "%s: Sonic Pi's sample %s/%s.flac\n", name, lib->sonicpi, name);
    }
    Kit *kit = kit_named(lib, name);
    if (kit) {
        found = true;
        fprintf(out, "%s: a bank, Hydrogen's kit %s/%s (.bank(\"%s\")):\n", name, lib->hydrogen,
                kit->dir, kit->bank);
        for (int i = 0; i < kit->ninst; i++) {
            const Instrument *in = &kit->inst[i];
            if (!in->role) continue;
            int v = 0;
            for (int j = 0; j < i; j++)
                v += kit->inst[j].role && !strcmp(kit->inst[j].role, in->role);
            fprintf(out, "  %s:%d  %s (%d layer%s)\n", in->role, v, in->name, in->nlayers,
                    in->nlayers == 1 ? "" : "s");
        }
    }
    int program = gm_program(name, 0);
    if (program >= 0) {
        found = true;
        fprintf(out, "%s: General MIDI program %d", name, program);
        for (int i = 0; i < NGM_SOUNDS; i++)
            if (!strcmp(GM_SOUNDS[i].name, name) && GM_SOUNDS[i].nprograms > 1) {
                fprintf(out, " (variations:");
                for (int k = 0; k < GM_SOUNDS[i].nprograms; k++)
                    fprintf(out, " %d", GM_SOUNDS[i].programs[k]);
                fprintf(out, ")");
            }
        fprintf(out, ", rendered by FluidSynth from %s\n",
                lib->soundfont ? lib->soundfont : "(no soundfont)");
    }
    pthread_mutex_unlock(&lib->lock);
    return found;
}
