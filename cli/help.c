/*
 * help.c - the help of a name, for `tala help NAME` and the REPL's `:help
 * NAME`: a builtin function or control (the native table, with the controls
 * of spec/controls.h), a statement of the language (below), a unit generator
 * of synth bodies and effect chains (spec/ugens.h), or a built-in instrument
 * (stdlib/prelude.tala). Each comes with a runnable example.
 */
#include "cli.h"

#include "../spec/ugens.h"
#include "../stdlib/stdlib.h"

#include <stdio.h>
#include <string.h>

/* The statements and forms of the language (docs/language.md). */
static const struct {
    const char *name, *signature, *doc, *example;
} WORDS[] = {
    {"tempo", "tempo BPM",
     "Sets the tempo in beats per minute (a cycle is a bar of 4 beats), from the next bar.",
     "tempo 124"},
    {"play", "play a, b, c",
     "Plays the named patterns, each on its own track; a track no longer named stops at its next "
     "bar. A bare pattern plays too, on the anonymous track $.",
     "drums = s(\"bd*2 [~ sn]\")\nplay drums"},
    {"synth", "synth NAME(freq, gate, ...) = body",
     "Defines an instrument from unit generators (help lists them: saw, lpf, env, ...); "
     "s(\"NAME\") plays it. freq and gate come from each note; other parameters from its controls, "
     "or from their defaults (decay = 0.45) when a note does not give them.",
     "synth pluck(freq, gate, decay = 0.45) = saw(freq).lpf(env(0.001, 0.25) * 3000 + 300) * "
     "env(0.003, decay)"},
    {"bus", "bus NAME = chain",
     "An effect bus: tracks send to it from their mix settings; its output joins the master.",
     "bus verb = reverb(size: 0.8, damp: 0.4, mix: 1)"},
    {"master", "master = chain",
     "The effect chain on the sum of everything (a protection limiter follows it).",
     "master = comp(-14dB, 3).limit(-1dB)"},
    {"mix", "mix NAME { gain, pan, mute, solo, send, fx, quant }",
     "A track's channel strip: gain in dB, pan 0..1, sends to buses, an insert chain (fx), and "
     "when its changes land (quant: 4, or \"now\").",
     "mix drums { gain: -3, pan: 0.4, send: { verb: 0.2 }, fx: lpf(3000) }"},
    {"fn", "fn name(a, b) = expression",
     "Defines a function (the same as name = (a, b) => expression).", "fn double(p) = p.fast(2)"},
    {"let", "let name = value in expression", "Names a value inside an expression.",
     "louder = let g = 1.5 in p => p.gain(g)"},
    {"if", "if condition then a else b", "Chooses a value; both branches are needed.",
     "pick = n => if n > 3 then \"bd*4\" else \"bd\""},
};

/* Unit generators that only effect chains run (bus, master, a mix's fx),
 * with an example there. */
static const struct {
    const char *name, *example;
} CHAIN_ONLY[] = {
    {"reverb", "bus verb = reverb(size: 0.8, damp: 0.4, mix: 1)"},
    {"delay", "bus echo = delay(0.375, 0.4, 1).hpf(500)"},
    {"chorus", "bus wide = chorus(0.8, 0.3, 0.5)"},
    {"comp", "master = comp(-14dB, 3).limit(-1dB)"},
    {"limit", "master = comp(-14dB, 3).limit(-1dB)"},
    {"pan", "mix keys { pan: 0.3 }"},
    {"lv2", "mix keys { fx: lv2(\"fil4#mono\", {freq3: 1000, gain3: -12}) }"},
};

/* "name(input, input)" of a unit generator, and an example in its place. */
static void ugen_help(const UgenDef *u, char *out, size_t n) {
    char sig[160];
    int k = snprintf(sig, sizeof sig, "%s(", u->name);
    for (int i = 0; i < u->ninputs && k < (int)sizeof sig; i++)
        k += snprintf(sig + k, sizeof sig - (size_t)k, "%s%s", i ? ", " : "", u->inputs[i]);
    if (k < (int)sizeof sig) snprintf(sig + k, sizeof sig - (size_t)k, ")");
    const char *where = u->kind == UG_EFFECT ? "synth bodies and effect chains" : "synth bodies";
    char ex[200];
    snprintf(ex, sizeof ex, "synth tone(freq, gate) = saw(freq).%s() * env(0.005, 0.3)", u->name);
    if (u->kind == UG_SOURCE)
        snprintf(ex, sizeof ex, "synth tone(freq, gate) = %s(%s) * env(0.005, 0.3)", u->name,
                 u->ninputs && !strcmp(u->inputs[0], "freq") ? "freq" : "");
    else if (u->kind == UG_MATH)
        snprintf(ex, sizeof ex, "synth two(freq, gate) = (saw(freq) + sine(freq * 2)) * env()");
    for (size_t i = 0; i < sizeof CHAIN_ONLY / sizeof CHAIN_ONLY[0]; i++)
        if (!strcmp(CHAIN_ONLY[i].name, u->name)) {
            where = !strcmp(u->name, "pan") ? "a track's mix (pan:)"
                                            : "effect chains: bus, master, a mix's fx";
            snprintf(ex, sizeof ex, "%s", CHAIN_ONLY[i].example);
        }
    snprintf(out, n, "%s  (a unit generator, in %s)\n  %s\n  example: %s", sig, where, u->doc, ex);
}

/* Whether the built-in instruments (stdlib/prelude.tala) define `name`. */
extern const char tala_prelude_text[];
static bool instrument(const char *name) {
    char key[96];
    snprintf(key, sizeof key, "synth %s(", name);
    return strstr(tala_prelude_text, key) != NULL;
}

/* Appends one entry to out (a blank line between entries). */
static void add(char *out, size_t n, const char *entry) {
    size_t k = strlen(out);
    if (k + 2 < n) snprintf(out + k, n - k, "%s%s", k ? "\n\n" : "", entry);
}

bool cli_help_text(const char *name, char *out, size_t n) {
    char e[1024];
    out[0] = 0;
    int nd;
    const NativeDef *defs = stdlib_natives(&nd);
    for (int i = 0; i < nd; i++)
        if (!strcmp(defs[i].name, name)) {
            snprintf(e, sizeof e, "%s\n  %s\n  example: %s", defs[i].signature, defs[i].doc,
                     defs[i].example);
            add(out, n, e);
        }
    defs = stdlib_ext_natives(&nd); /* the builtins of extensions loaded (load) */
    for (int i = 0; i < nd; i++)
        if (!strcmp(defs[i].name, name)) {
            snprintf(e, sizeof e, "%s  (from an extension)\n  %s\n  example: %s", defs[i].signature,
                     defs[i].doc, defs[i].example);
            add(out, n, e);
        }
    for (size_t i = 0; i < sizeof WORDS / sizeof WORDS[0]; i++)
        if (!strcmp(WORDS[i].name, name)) {
            snprintf(e, sizeof e, "%s  (a statement)\n  %s\n  example: %s", WORDS[i].signature,
                     WORDS[i].doc, WORDS[i].example);
            add(out, n, e);
        }
    const UgenDef *u = ugen_find(name, (unsigned)strlen(name));
    if (u) {
        ugen_help(u, e, sizeof e);
        add(out, n, e);
    }
    if (instrument(name)) {
        snprintf(e, sizeof e,
                 "%s  (a built-in instrument, written in tala in stdlib/prelude.tala)\n"
                 "  Plays notes (or, for a drum, hits) with s(\"%s\").\n"
                 "  example: note(\"c3 e3 g3\").s(\"%s\")",
                 name, name, name);
        add(out, n, e);
    }
    return out[0] != 0;
}
