/*
 * prelude.c - the built-in instruments, written in tala itself: a
 * synthesized drum kit and a set of melodic synths, so the first beat needs
 * no sample files. Each is an ordinary synth definition (see
 * docs/language.md); a program may redefine any of them.
 */
#include "engine.h"

#include <string.h>

static const char PRELUDE[] =
    "-- drums: parameters are ignored where a drum has a fixed pitch\n"
    "synth bd(freq, gate) = (sine(line(160, 48, 0.09)) * env(0.001, 0.34)\n"
    "  + noise().lpf(1200) * env(0.0005, 0.006) * 0.3) * 0.65\n"
    "synth sn(freq, gate) = (noise().bpf(1900, 0.8) * env(0.001, 0.18) * 0.7\n"
    "  + sine(line(230, 180, 0.05)) * env(0.001, 0.09) * 0.5)\n"
    "synth hh(freq, gate) = noise().hpf(8000, 0.8) * env(0.001, 0.05) * 0.32\n"
    "synth oh(freq, gate) = noise().hpf(6500, 0.8) * env(0.002, 0.32) * 0.28\n"
    "synth cp(freq, gate) = noise().bpf(1150, 1.6) * env(0.001, 0.14) * 0.6\n"
    "synth rim(freq, gate) = (sine(1750) * env(0.0005, 0.03) * 0.5\n"
    "  + noise().hpf(3000) * env(0.0005, 0.015) * 0.4)\n"
    "synth lt(freq, gate) = sine(line(130, 82, 0.15)) * env(0.001, 0.32) * 0.8\n"
    "synth mt(freq, gate) = sine(line(180, 120, 0.13)) * env(0.001, 0.28) * 0.75\n"
    "synth ht(freq, gate) = sine(line(250, 170, 0.1)) * env(0.001, 0.22) * 0.7\n"
    "synth cb(freq, gate) = (square(540) + square(800)).bpf(850, 2.5) * env(0.001, 0.22) * 0.2\n"
    "synth cy(freq, gate) = noise().hpf(5200, 0.7) * env(0.002, 1.3) * 0.3\n"
    "-- melodic synths: freq from note/n/freq, gate from the event length\n"
    "synth sine(freq, gate) = sine(freq) * adsr(0.005, 0.1, 0.8, 0.12) * 0.5\n"
    "synth tri(freq, gate) = tri(freq) * adsr(0.005, 0.1, 0.8, 0.12) * 0.5\n"
    "synth triangle(freq, gate) = tri(freq) * adsr(0.005, 0.1, 0.8, 0.12) * 0.5\n"
    "synth saw(freq, gate) = saw(freq).lpf(5000, 0.7) * adsr(0.005, 0.1, 0.8, 0.12) * 0.35\n"
    "synth sawtooth(freq, gate) = saw(freq).lpf(5000, 0.7) * adsr(0.005, 0.1, 0.8, 0.12) * 0.35\n"
    "synth square(freq, gate) = square(freq).lpf(4000, 0.7) * adsr(0.005, 0.1, 0.8, 0.12) * 0.3\n"
    "synth pulse(freq, gate) = pulse(freq, 0.25).lpf(4000, 0.7) * adsr(0.005, 0.1, 0.8, 0.12) * "
    "0.3\n"
    "synth fm(freq, gate) = fm(freq, 2, line(3, 0.5, 0.4)) * adsr(0.003, 0.2, 0.6, 0.2) * 0.45\n"
    "synth pad(freq, gate) = supersaw(freq, 0.35).lpf(1800, 0.6) * adsr(0.35, 0.4, 0.75, 1.2) * "
    "0.35\n"
    "synth pluck(freq, gate) =\n"
    "  saw(freq).lpf(env(0.001, 0.25) * 3000 + 300, 1.5) * env(0.003, 0.45) * 0.5\n"
    "synth bass(freq, gate) =\n"
    "  saw(freq).lpf(env(0.001, 0.2) * 1400 + 140, 2) * adsr(0.004, 0.1, 0.7, 0.08) * 0.55\n"
    "synth supersaw(freq, gate) = supersaw(freq, 0.3).lpf(6000, 0.7) * adsr(0.01, 0.2, 0.8, 0.3) * "
    "0.35\n";

bool engine_load_prelude(Vm *vm, Err *err) {
    vm_set_prelude(vm, true);
    bool ok = vm_run_source(vm, "<prelude>", PRELUDE, strlen(PRELUDE), err);
    vm_set_prelude(vm, false);
    return ok;
}
