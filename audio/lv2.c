/*
 * lv2.c - LV2 plugins through lilv (see lv2.h).
 */
#include "lv2.h"

#include <lilv/lilv.h>

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

static void world_close(World *w) {
    lilv_node_free(w->audio);
    lilv_node_free(w->control);
    lilv_node_free(w->input);
    lilv_node_free(w->output);
    lilv_world_free(w->world);
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

int lv2_list(FILE *f, char *why, size_t n) {
    World w;
    if (!world_open(&w, why, n)) return -1;
    const LilvPlugins *all = lilv_world_get_all_plugins(w.world);
    int count = 0;
    LILV_FOREACH(plugins, i, all) {
        const LilvPlugin *p = lilv_plugins_get(all, i);
        char *name = plugin_name(p);
        int controls = ports(&w, p, w.control, w.input);
        fprintf(f, "%s  \"%s\"  audio %d in, %d out; %d control%s\n",
                lilv_node_as_uri(lilv_plugin_get_uri(p)), name, ports(&w, p, w.audio, w.input),
                ports(&w, p, w.audio, w.output), controls, controls == 1 ? "" : "s");
        free(name);
        count++;
    }
    world_close(&w);
    return count;
}

bool lv2_describe(FILE *f, const char *want, char *why, size_t n) {
    World w;
    if (!world_open(&w, why, n)) return false;
    const LilvPlugins *all = lilv_world_get_all_plugins(w.world);
    const LilvPlugin *found = NULL;
    int matches = 0;
    char names[400] = "";
    LILV_FOREACH(plugins, i, all) {
        const LilvPlugin *p = lilv_plugins_get(all, i);
        const char *uri = lilv_node_as_uri(lilv_plugin_get_uri(p));
        char *name = plugin_name(p);
        bool exact = !strcmp(uri, want);
        if (exact || contains_nocase(uri, want) || contains_nocase(name, want)) {
            if (exact) matches = 0, names[0] = 0;
            size_t k = strlen(names);
            if (matches < 4) snprintf(names + k, sizeof names - k, "%s%s", k ? ", " : "", uri);
            found = p;
            matches++;
            if (exact) {
                free(name);
                matches = 1;
                break;
            }
        }
        free(name);
    }
    if (matches != 1) {
        if (matches == 0)
            snprintf(why, n, "no LV2 plugin named like '%s' (tala plugins lists them)", want);
        else
            snprintf(why, n,
                     "%d LV2 plugins are named like '%s': %s%s; give more of the name "
                     "or the URI",
                     matches, want, names, matches > 4 ? ", ..." : "");
        world_close(&w);
        return false;
    }
    char *name = plugin_name(found);
    fprintf(f, "%s\n  %s\n  audio: %d in, %d out\n", name,
            lilv_node_as_uri(lilv_plugin_get_uri(found)), ports(&w, found, w.audio, w.input),
            ports(&w, found, w.audio, w.output));
    free(name);
    uint32_t np = lilv_plugin_get_num_ports(found);
    float *min = calloc(np, sizeof(float)), *max = calloc(np, sizeof(float)),
          *def = calloc(np, sizeof(float));
    if (!min || !max || !def) abort();
    lilv_plugin_get_port_ranges_float(found, min, max, def);
    fprintf(f, "  controls:\n");
    for (uint32_t k = 0; k < np; k++) {
        const LilvPort *port = lilv_plugin_get_port_by_index(found, k);
        if (!lilv_port_is_a(found, port, w.control) || !lilv_port_is_a(found, port, w.input))
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
    world_close(&w);
    return true;
}
