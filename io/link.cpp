// link.cpp - the C face of Ableton Link (see link.h): the one C++ file, built
// as the module tala-link.so (linkmodule.h), which io/linkload.c opens.
#include <ableton/Link.hpp>

#include <chrono>
#include <cmath>
#include <cstdio>
#include <ctime>
#include <exception>
#include <new>

extern "C" {
#include "link.h"
#include "linkmodule.h"
}

struct TalaLink {
    ableton::Link link;
    double quantum;
    explicit TalaLink(double bpm, double q) : link(bpm), quantum(q) {}
};

namespace {

// CLOCK_MONOTONIC minus CLOCK_MONOTONIC_RAW now, in ns: they differ by how
// far NTP has slewed the first, slowly, so it is read at every conversion.
int64_t mono_minus_raw() {
    timespec m, r;
    clock_gettime(CLOCK_MONOTONIC, &m);
    clock_gettime(CLOCK_MONOTONIC_RAW, &r);
    return (int64_t(m.tv_sec) - int64_t(r.tv_sec)) * 1000000000 +
           (int64_t(m.tv_nsec) - int64_t(r.tv_nsec));
}

std::chrono::microseconds to_link(uint64_t mono_ns) {
    return std::chrono::microseconds((int64_t(mono_ns) - mono_minus_raw()) / 1000);
}

} // namespace

extern "C" TalaLink *link_module_join(double bpm, double quantum, char *why, size_t n) {
    TalaLink *k = nullptr;
    try {
        k = new TalaLink(bpm, quantum > 0 ? quantum : 4);
        k->link.enableStartStopSync(true);
        k->link.enable(true);
        return k;
    } catch (const std::exception &e) {
        std::snprintf(why, n, "Ableton Link could not start: %s", e.what());
    } catch (...) {
        std::snprintf(why, n, "Ableton Link could not start");
    }
    delete k;
    return nullptr;
}

extern "C" void link_module_leave(TalaLink *k) {
    if (!k) return;
    k->link.enable(false);
    delete k;
}

extern "C" void link_module_state(TalaLink *k, uint64_t t, LinkState *out) {
    auto s = k->link.captureAppSessionState();
    auto at = to_link(t);
    out->bpm = s.tempo();
    out->beat = s.beatAtTime(at, k->quantum);
    out->phase = s.phaseAtTime(at, k->quantum);
    out->playing = s.isPlaying();
    out->peers = int(k->link.numPeers());
}

extern "C" void link_module_set_tempo(TalaLink *k, double bpm, uint64_t t) {
    auto s = k->link.captureAppSessionState();
    s.setTempo(bpm, to_link(t));
    k->link.commitAppSessionState(s);
}

extern "C" void link_module_set_playing(TalaLink *k, bool playing, uint64_t t) {
    auto s = k->link.captureAppSessionState();
    s.setIsPlaying(playing, to_link(t));
    k->link.commitAppSessionState(s);
}

extern "C" double link_module_quantum(const TalaLink *k) {
    return k->quantum;
}
