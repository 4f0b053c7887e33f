/*
 * lv2.c - LV2 plugins through lilv (see lv2.h).
 */
#include "lv2.h"

#include <lilv/lilv.h>

#include <pthread.h>

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define LV2_CORE "http://lv2plug.in/ns/lv2core#"

typedef struct {
    LilvWorld *world;
    LilvNode *audio, *control, *input, *output;
} World;

static bool world_open(World *w, char *why, size_t n) {
    memset(w, 0, sizeof *w);
    w->world = lilv_world_new();
    if (!w->world) {
        snprintf(why, n, "lilv cannot start");
        return false;
    }
    lilv_world_load_all(w->world); /* LV2_PATH, else the system's and the user's folders */
    w->audio = lilv_new_uri(w->world, LV2_CORE "AudioPort");
    w->control = lilv_new_uri(w->world, LV2_CORE "ControlPort");
    w->input = lilv_new_uri(w->world, LV2_CORE "InputPort");
    w->output = lilv_new_uri(w->world, LV2_CORE "OutputPort");
    return true;
}

static int ports(const World *w, const LilvPlugin *p, const LilvNode *kind, const LilvNode *dir) {
    return (int)lilv_plugin_get_num_ports_of_class(p, kind, dir, NULL);
}

/* The plugin's name (free it), "" when it has none. */
static char *plugin_name(const LilvPlugin *p) {
    LilvNode *nm = lilv_plugin_get_name(p);
    char *s = strdup(nm ? lilv_node_as_string(nm) : "");
    lilv_node_free(nm);
    return s;
}

static bool contains_nocase(const char *hay, const char *needle) {
    size_t n = strlen(needle);
    for (; *hay; hay++)
        if (!strncasecmp(hay, needle, n)) return true;
    return false;
}

/* The plugins' world: loaded once (LV2_PATH, else the system's and the
 * user's folders), kept for the process; NULL with why. Control thread. */
static pthread_mutex_t LV2_LOCK = PTHREAD_MUTEX_INITIALIZER;
static World WORLD;
static bool WORLD_OK;

static World *world(char *why, size_t n) {
    pthread_mutex_lock(&LV2_LOCK);
    if (!WORLD_OK) WORLD_OK = world_open(&WORLD, why, n);
    pthread_mutex_unlock(&LV2_LOCK);
    return WORLD_OK ? &WORLD : NULL;
}

/* The plugin `want` names: its URI or its whole name, else a part of either
 * that only it has; NULL with why (none, or those that share it). */
static const LilvPlugin *find(World *w, const char *want, char *why, size_t n) {
    const LilvPlugins *all = lilv_world_get_all_plugins(w->world);
    const LilvPlugin *found = NULL;
    int matches = 0;
    char names[400] = "";
    LILV_FOREACH(plugins, i, all) {
        const LilvPlugin *p = lilv_plugins_get(all, i);
        const char *uri = lilv_node_as_uri(lilv_plugin_get_uri(p));
        char *name = plugin_name(p);
        bool exact = !strcmp(uri, want) || !strcasecmp(name, want);
        bool like = contains_nocase(uri, want) || contains_nocase(name, want);
        free(name);
        if (exact) return p;
        if (!like) continue;
        size_t k = strlen(names);
        if (matches < 4) snprintf(names + k, sizeof names - k, "%s%s", k ? ", " : "", uri);
        found = p;
        matches++;
    }
    if (matches == 1) return found;
    if (matches == 0)
        snprintf(why, n, "no LV2 plugin named like '%s' (tala plugins lists them)", want);
    else
        snprintf(why, n,
                 "%d LV2 plugins are named like '%s': %s%s; give more of the name or the URI",
                 matches, want, names, matches > 4 ? ", ..." : "");
    return NULL;
}

int lv2_list(FILE *f, char *why, size_t n) {
    World *w = world(why, n);
    if (!w) return -1;
    const LilvPlugins *all = lilv_world_get_all_plugins(w->world);
    int count = 0;
    LILV_FOREACH(plugins, i, all) {
        const LilvPlugin *p = lilv_plugins_get(all, i);
        char *name = plugin_name(p);
        int controls = ports(w, p, w->control, w->input);
        fprintf(f, "%s  \"%s\"  audio %d in, %d out; %d control%s\n",
                lilv_node_as_uri(lilv_plugin_get_uri(p)), name, ports(w, p, w->audio, w->input),
                ports(w, p, w->audio, w->output), controls, controls == 1 ? "" : "s");
        free(name);
        count++;
    }
    return count;
}

bool lv2_describe(FILE *f, const char *want, char *why, size_t n) {
    World *w = world(why, n);
    const LilvPlugin *found = w ? find(w, want, why, n) : NULL;
    if (!found) return false;
    char *name = plugin_name(found);
    fprintf(f, "%s\n  %s\n  audio: %d in, %d out\n", name,
            lilv_node_as_uri(lilv_plugin_get_uri(found)), ports(w, found, w->audio, w->input),
            ports(w, found, w->audio, w->output));
    free(name);
    uint32_t np = lilv_plugin_get_num_ports(found);
    float *min = calloc(np, sizeof(float)), *max = calloc(np, sizeof(float)),
          *def = calloc(np, sizeof(float));
    if (!min || !max || !def) abort();
    lilv_plugin_get_port_ranges_float(found, min, max, def);
    fprintf(f, "  controls:\n");
    for (uint32_t k = 0; k < np; k++) {
        const LilvPort *port = lilv_plugin_get_port_by_index(found, k);
        if (!lilv_port_is_a(found, port, w->control) || !lilv_port_is_a(found, port, w->input))
            continue;
        LilvNode *pn = lilv_port_get_name(found, port);
        fprintf(f, "    %-16s %-28s default %g, %g to %g\n",
                lilv_node_as_string(lilv_port_get_symbol(found, port)),
                pn ? lilv_node_as_string(pn) : "", def[k], min[k], max[k]);
        lilv_node_free(pn);
    }
    free(min);
    free(max);
    free(def);
    return true;
}

/* ------------------------------------------------------- plugins in chains */

#include <lv2/atom/atom.h>
#include <lv2/urid/urid.h>

#include <dlfcn.h>

#define MAX_PLUGINS  64
#define MAX_CONTROLS LV2_MAX_CONTROLS
#define ATOM_BYTES   (256 * 1024) /* an atom output's room (x42's EQ asks for 128 KB) */

typedef struct {
    const LilvPlugin *p;
    char uri[256];
    int ain[2], aout[2], nain, naout; /* audio port indices */
    int nports;
    int ctl[MAX_CONTROLS], nctl; /* control inputs, by port index */
    float def[MAX_CONTROLS], min[MAX_CONTROLS], max[MAX_CONTROLS];
    char sym[MAX_CONTROLS][48];
    bool *is_atom_in, *is_atom_out, *is_ctl_out;
    double tried_rate; /* lv2_try's last rate, and whether it started there */
    bool tried_ok;
} Plugin;

static Plugin *PLUGINS[MAX_PLUGINS];
static int NPLUGINS;
static char URIS[512][160]; /* urid:map, for the plugins that ask */
static int NURIS;

static LV2_URID map_uri(LV2_URID_Map_Handle h, const char *uri) {
    (void)h;
    pthread_mutex_lock(&LV2_LOCK);
    LV2_URID id = 0;
    for (int i = 0; i < NURIS && !id; i++)
        if (!strcmp(URIS[i], uri)) id = (LV2_URID)i + 1;
    if (!id && NURIS < 512 && strlen(uri) < sizeof URIS[0]) {
        snprintf(URIS[NURIS++], sizeof URIS[0], "%s", uri);
        id = (LV2_URID)NURIS;
    }
    pthread_mutex_unlock(&LV2_LOCK);
    return id;
}

static LV2_URID_Map URID_MAP = {NULL, map_uri};
static const LV2_Feature MAP_FEATURE = {LV2_URID__map, &URID_MAP};
static const LV2_Feature *FEATURES[] = {&MAP_FEATURE, NULL};

/* Whether a required feature is one tala gives (urid:map; what only a UI
 * needs does not count). */
static bool feature_given(const char *uri) {
    return !strcmp(uri, LV2_URID__map) || !strcmp(uri, "http://lv2plug.in/ns/lv2core#isLive") ||
           strstr(uri, "/ui#") != NULL;
}

int lv2_plugin(const char *want, bool safe, char *why, size_t n) {
    World *w = world(why, n);
    const LilvPlugin *found = w ? find(w, want, why, n) : NULL;
    if (!found) return -1;
    const char *uri = lilv_node_as_uri(lilv_plugin_get_uri(found));
    pthread_mutex_lock(&LV2_LOCK);
    for (int i = 0; i < NPLUGINS; i++)
        if (PLUGINS[i]->p == found) {
            pthread_mutex_unlock(&LV2_LOCK);
            return i;
        }
    pthread_mutex_unlock(&LV2_LOCK);
    if (safe) { /* only the system's own plugin folders (links followed) */
        char *file = lilv_file_uri_parse(lilv_node_as_uri(lilv_plugin_get_bundle_uri(found)), NULL);
        char real[4096];
        bool system =
            file && realpath(file, real) &&
            (!strncmp(real, "/usr/lib/lv2/", 13) || !strncmp(real, "/usr/local/lib/lv2/", 19) ||
             !strncmp(real, "/usr/lib/x86_64-linux-gnu/lv2/", 30));
        lilv_free(file);
        if (!system) {
            snprintf(why, n,
                     "the LV2 plugin '%s' is outside the system's LV2 folders: not "
                     "allowed in safe mode",
                     uri);
            return -1;
        }
    }
    LilvNodes *req = lilv_plugin_get_required_features(found);
    LILV_FOREACH(nodes, i, req) {
        const char *f = lilv_node_as_uri(lilv_nodes_get(req, i));
        if (!feature_given(f)) {
            snprintf(why, n, "the LV2 plugin '%s' needs %s, which tala does not provide", uri, f);
            lilv_nodes_free(req);
            return -1;
        }
    }
    lilv_nodes_free(req);
    Plugin *pl = calloc(1, sizeof *pl);
    if (!pl) abort();
    pl->p = found;
    snprintf(pl->uri, sizeof pl->uri, "%s", uri);
    pl->nports = (int)lilv_plugin_get_num_ports(found);
    pl->is_atom_in = calloc((size_t)pl->nports, sizeof(bool));
    pl->is_atom_out = calloc((size_t)pl->nports, sizeof(bool));
    pl->is_ctl_out = calloc((size_t)pl->nports, sizeof(bool));
    float *mn = calloc((size_t)pl->nports, sizeof(float)),
          *mx = calloc((size_t)pl->nports, sizeof(float)),
          *df = calloc((size_t)pl->nports, sizeof(float));
    if (!pl->is_atom_in || !pl->is_atom_out || !pl->is_ctl_out || !mn || !mx || !df) abort();
    lilv_plugin_get_port_ranges_float(found, mn, mx, df);
    LilvNode *atom = lilv_new_uri(w->world, LV2_ATOM__AtomPort),
             *optional = lilv_new_uri(w->world, LV2_CORE "connectionOptional");
    bool ok = true;
    for (int k = 0; k < pl->nports && ok; k++) {
        const LilvPort *port = lilv_plugin_get_port_by_index(found, (uint32_t)k);
        bool in = lilv_port_is_a(found, port, w->input);
        if (lilv_port_is_a(found, port, w->audio)) {
            int *cnt = in ? &pl->nain : &pl->naout;
            if (*cnt < 2) (in ? pl->ain : pl->aout)[*cnt] = k;
            (*cnt)++;
        } else if (lilv_port_is_a(found, port, w->control)) {
            if (!in) {
                pl->is_ctl_out[k] = true;
            } else if (pl->nctl < MAX_CONTROLS) {
                int c = pl->nctl++;
                pl->ctl[c] = k;
                pl->def[c] = isnan(df[k]) ? 0 : df[k];
                pl->min[c] = isnan(mn[k]) ? -1e9f : mn[k];
                pl->max[c] = isnan(mx[k]) ? 1e9f : mx[k];
                snprintf(pl->sym[c], sizeof pl->sym[c], "%s",
                         lilv_node_as_string(lilv_port_get_symbol(found, port)));
            } else {
                ok = false;
                snprintf(why, n, "the LV2 plugin '%s' has more than %d controls", uri,
                         MAX_CONTROLS);
            }
        } else if (lilv_port_is_a(found, port, atom)) {
            (in ? pl->is_atom_in : pl->is_atom_out)[k] = true;
        } else if (!lilv_port_has_property(found, port, optional)) {
            ok = false;
            snprintf(why, n, "the LV2 plugin '%s' has a port tala cannot feed (port %d)", uri, k);
        }
    }
    lilv_node_free(atom);
    lilv_node_free(optional);
    free(mn);
    free(mx);
    free(df);
    if (ok && !((pl->nain == 1 && pl->naout == 1) || (pl->nain == 2 && pl->naout == 2) ||
                (pl->nain == 1 && pl->naout == 2))) {
        ok = false;
        snprintf(why, n,
                 "the LV2 plugin '%s' has %d audio inputs and %d outputs: a track's "
                 "chain takes plugins of 1 or 2 in and 1 or 2 out",
                 uri, pl->nain, pl->naout);
    }
    if (!ok) {
        free(pl->is_atom_in);
        free(pl->is_atom_out);
        free(pl->is_ctl_out);
        free(pl);
        return -1;
    }
    /* its library stays loaded for the process (lilv would unload it with its
     * last instance: a chain swapped away and back would load it again, and
     * what its start-up allocated would be lost) */
    char *lib = lilv_file_uri_parse(lilv_node_as_uri(lilv_plugin_get_library_uri(found)), NULL);
    if (lib) dlopen(lib, RTLD_NOW | RTLD_LOCAL);
    lilv_free(lib);
    pthread_mutex_lock(&LV2_LOCK);
    int k = -1;
    if (NPLUGINS < MAX_PLUGINS) PLUGINS[k = NPLUGINS++] = pl;
    pthread_mutex_unlock(&LV2_LOCK);
    if (k < 0) {
        snprintf(why, n, "too many different LV2 plugins (%d)", MAX_PLUGINS);
        free(pl);
    }
    return k;
}

int lv2_controls(int k) {
    return PLUGINS[k]->nctl;
}

int lv2_control_find(int k, const char *symbol) {
    for (int i = 0; i < PLUGINS[k]->nctl; i++)
        if (!strcmp(PLUGINS[k]->sym[i], symbol)) return i;
    return -1;
}

void lv2_control_info(int k, int i, const char **symbol, float *def, float *min, float *max) {
    const Plugin *p = PLUGINS[k];
    *symbol = p->sym[i], *def = p->def[i], *min = p->min[i], *max = p->max[i];
}

const char *lv2_uri(int k) {
    return PLUGINS[k]->uri;
}

struct Lv2Run {
    const Plugin *pl;
    LilvInstance *inst[2]; /* a mono plugin: one a side */
    int ninst;
    float controls[2][MAX_CONTROLS];
    float ctl_out[2][64];
    float *in[2], *out[2]; /* the block's audio */
    LV2_Atom_Sequence *atom_in[2];
    LV2_Atom_Sequence *atom_out[2];
    int block;
    int fill; /* samples of the block being gathered (the one before plays meanwhile) */
    LV2_URID sequence_urid;
};

Lv2Run *lv2_run_new(int k, double rate, int block, char *why, size_t n) {
    const Plugin *pl = PLUGINS[k];
    Lv2Run *r = calloc(1, sizeof *r);
    if (!r) return NULL;
    r->pl = pl;
    r->block = block;
    r->ninst = pl->nain == 1 && pl->naout == 1 ? 2 : 1;
    r->sequence_urid = map_uri(NULL, LV2_ATOM__Sequence);
    for (int c = 0; c < 2; c++) {
        r->in[c] = calloc((size_t)block, sizeof(float));
        r->out[c] = calloc((size_t)block, sizeof(float));
        r->atom_in[c] = calloc(1, sizeof(LV2_Atom_Sequence) + 64);
        r->atom_out[c] = calloc(1, ATOM_BYTES);
        if (!r->in[c] || !r->out[c] || !r->atom_in[c] || !r->atom_out[c]) goto fail;
    }
    for (int i = 0; i < r->ninst; i++) {
        r->inst[i] = lilv_plugin_instantiate(pl->p, rate, FEATURES);
        if (!r->inst[i]) {
            snprintf(why, n, "the LV2 plugin '%s' could not be started", pl->uri);
            goto fail;
        }
        for (int c = 0; c < pl->nctl; c++) r->controls[i][c] = pl->def[c];
        for (int p = 0, co = 0; p < pl->nports; p++) {
            if (pl->is_ctl_out[p])
                lilv_instance_connect_port(r->inst[i], (uint32_t)p, &r->ctl_out[i][co++ % 64]);
            if (pl->is_atom_in[p])
                lilv_instance_connect_port(r->inst[i], (uint32_t)p, r->atom_in[i]);
            if (pl->is_atom_out[p])
                lilv_instance_connect_port(r->inst[i], (uint32_t)p, r->atom_out[i]);
        }
        for (int c = 0; c < pl->nctl; c++)
            lilv_instance_connect_port(r->inst[i], (uint32_t)pl->ctl[c], &r->controls[i][c]);
        if (r->ninst == 2) { /* mono: side i */
            lilv_instance_connect_port(r->inst[i], (uint32_t)pl->ain[0], r->in[i]);
            lilv_instance_connect_port(r->inst[i], (uint32_t)pl->aout[0], r->out[i]);
        } else {
            for (int c = 0; c < pl->nain; c++)
                lilv_instance_connect_port(r->inst[i], (uint32_t)pl->ain[c], r->in[c]);
            for (int c = 0; c < pl->naout; c++)
                lilv_instance_connect_port(r->inst[i], (uint32_t)pl->aout[c], r->out[c]);
        }
        lilv_instance_activate(r->inst[i]);
    }
    return r;
fail:
    lv2_run_free(r);
    return NULL;
}

/* The plugin over the block gathered (r->block frames). */
static void run_block(Lv2Run *r, const float *controls) {
    const Plugin *pl = r->pl;
    for (int i = 0; i < r->ninst; i++) {
        memcpy(r->controls[i], controls, sizeof(float) * (size_t)pl->nctl);
        /* an empty sequence in; the room there is out */
        r->atom_in[i]->atom.type = r->sequence_urid;
        r->atom_in[i]->atom.size = sizeof(LV2_Atom_Sequence_Body);
        r->atom_out[i]->atom.type = 0;
        r->atom_out[i]->atom.size = ATOM_BYTES - sizeof(LV2_Atom);
        lilv_instance_run(r->inst[i], (uint32_t)r->block);
    }
}

void lv2_run(Lv2Run *r, const float *controls, float *left, float *right, int n) {
    /* Whole blocks, one block late: the plugin runs on the same 64 frames
     * however the caller's buffers cut the stream (a plugin may smooth or
     * analyse per run), so live and offline renders are the same. */
    const Plugin *pl = r->pl;
    bool mean = pl->nain == 1 && r->ninst == 1, two = r->ninst == 2 || pl->naout == 2;
    for (int i = 0; i < n; i++) {
        if (r->fill == r->block) {
            run_block(r, controls);
            r->fill = 0;
        }
        int j = r->fill++;
        r->in[0][j] = mean ? 0.5f * (left[i] + right[i]) : left[i];
        r->in[1][j] = right[i];
        left[i] = r->out[0][j];
        right[i] = two ? r->out[1][j] : r->out[0][j];
    }
}

bool lv2_try(int k, double rate, char *why, size_t n) {
    Plugin *pl = PLUGINS[k];
    if (pl->tried_rate == rate) return pl->tried_ok;
    LilvInstance *inst = lilv_plugin_instantiate(pl->p, rate, FEATURES);
    pl->tried_rate = rate;
    pl->tried_ok = inst != NULL;
    if (inst) lilv_instance_free(inst);
    if (!pl->tried_ok)
        snprintf(why, n,
                 "the LV2 plugin '%s' does not start at %g Hz (it may need a feature "
                 "tala does not give)",
                 pl->uri, rate);
    return pl->tried_ok;
}

void lv2_run_free(Lv2Run *r) {
    if (!r) return;
    for (int i = 0; i < 2; i++) {
        if (r->inst[i]) {
            lilv_instance_deactivate(r->inst[i]);
            lilv_instance_free(r->inst[i]);
        }
        free(r->in[i]);
        free(r->out[i]);
        free(r->atom_in[i]);
        free(r->atom_out[i]);
    }
    free(r);
}
