/*
 * linkload.c - link.h's functions, through tala-link.so (io/link.cpp, C++),
 * which is opened when a session first joins Link: the module sits beside
 * the tala binary (or is found on the library path), so a run without
 * --link maps neither it nor libstdc++.
 */
#include "link.h"

#include "linkmodule.h"

#include "../spec/lazylib.h"

#include <limits.h>
#include <unistd.h>

/* tala-link.so beside the running binary; its bare name (the library path)
 * when that cannot be read */
static const char *module_path(void) {
    static char path[PATH_MAX];
    ssize_t k = readlink("/proc/self/exe", path, sizeof path - 1);
    char *slash = k > 0 ? (path[k] = 0, strrchr(path, '/')) : NULL;
    if (!slash || (size_t)(slash - path) + sizeof "/tala-link.so" > sizeof path)
        return "tala-link.so";
    strcpy(slash + 1, "tala-link.so");
    return access(path, R_OK) == 0 ? path : "tala-link.so";
}

/* clang-format off */
#define LINK_FNS(X) \
    X(link_module_join) X(link_module_leave) X(link_module_state) X(link_module_set_tempo) \
    X(link_module_set_playing) X(link_module_quantum)
/* clang-format on */
LAZY_LIB(link_api, module_path(), LINK_FNS)

TalaLink *link_join(double bpm, double quantum, char *why, size_t n) {
    char e[1024];
    if (!link_api_load(e, sizeof e)) {
        snprintf(why, n, "Ableton Link is in tala-link.so, built beside the tala binary: %s", e);
        return NULL;
    }
    return link_api.link_module_join(bpm, quantum, why, n);
}

/* The others are given a TalaLink, so the module is open. */
void link_leave(TalaLink *k) {
    if (k) link_api.link_module_leave(k);
}

void link_state(TalaLink *k, uint64_t t, LinkState *out) {
    link_api.link_module_state(k, t, out);
}

void link_set_tempo(TalaLink *k, double bpm, uint64_t t) {
    link_api.link_module_set_tempo(k, bpm, t);
}

void link_set_playing(TalaLink *k, bool playing, uint64_t t) {
    link_api.link_module_set_playing(k, playing, t);
}

double link_quantum(const TalaLink *k) {
    return link_api.link_module_quantum(k);
}
