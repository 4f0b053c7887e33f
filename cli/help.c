/*
 * help.c - the help of a name, for `tala help NAME` and the REPL's `:help
 * NAME`: a builtin function or control (the native table, with the controls
 * of spec/controls.h), a statement of the language (below), a unit generator
 * of synth bodies and effect chains (spec/ugens.h), or a built-in instrument
 * (stdlib/prelude.tala). Each comes with a runnable example.
 */
#define _GNU_SOURCE /* strcasestr */
#include "cli.h"

#include "../spec/ugens.h"
#include "../stdlib/stdlib.h"

#include <ctype.h>
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
    {"glue", "master = glue(-18dB, 2).limit(-1dB)"},
    {"mastereq", "master = mastereq(low: 1dB, high: 2dB).limit(-1dB)"},
    {"width", "master = width(1.2).limit(-1dB)"},
    {"lv2", "mix keys { fx: lv2(\"fil4#mono\", {freq3: 1000, gain3: -12}) }"},
};

/* A value to show for an input in an example, by its name; NULL: none known
 * (the example stops there, leaving the rest to their defaults). */
static const char *example_value(const char *input) {
    static const char *V[][2] = {
        {"freq", "freq"},   {"cutoff", "1200"}, {"q", "0.7"},       {"gain", "6"},
        {"attack", "0.01"}, {"decay", "0.2"},   {"sustain", "0.6"}, {"release", "0.4"},
        {"from", "3000"},   {"to", "300"},      {"time", "0.5"},    {"rate", "5"},
        {"depth", "0.3"},   {"mix", "0.3"},     {"width", "0.5"},   {"amount", "0.5"},
        {"drive", "2"},     {"bits", "6"},      {"ratio", "4"},     {"threshold", "-18dB"}};
    for (size_t i = 0; i < sizeof V / sizeof V[0]; i++)
        if (!strcmp(V[i][0], input)) return V[i][1];
    return NULL;
}

/* "name(input, input)" of a unit generator, and an example in its place. */
static void ugen_help(const UgenDef *u, char *out, size_t n) {
    char sig[160], args[160] = "";
    int k = snprintf(sig, sizeof sig, "%s(", u->name), a = 0;
    bool stop = false;
    for (int i = 0; i < u->ninputs && k < (int)sizeof sig; i++) {
        k += snprintf(sig + k, sizeof sig - (size_t)k, "%s%s", i ? ", " : "", u->inputs[i]);
        const char *v = example_value(u->inputs[i]);
        if (v && u->kind == UG_EFFECT && !strcmp(v, "freq")) v = "1000"; /* an EQ band's */
        if (!v) stop = true;
        if (!stop && a < (int)sizeof args)
            a += snprintf(args + a, sizeof args - (size_t)a, "%s%s", a ? ", " : "", v);
    }
    if (k < (int)sizeof sig) snprintf(sig + k, sizeof sig - (size_t)k, ")");
    const char *where = u->kind == UG_EFFECT ? "synth bodies and effect chains" : "synth bodies";
    char ex[240];
    bool has_freq = u->ninputs && !strcmp(u->inputs[0], "freq");
    if (u->kind == UG_EFFECT)
        snprintf(ex, sizeof ex, "synth tone(freq, gate) = saw(freq).%s(%s) * env(0.005, 0.3)",
                 u->name, args);
    else if (u->kind == UG_SOURCE && has_freq) /* an oscillator */
        snprintf(ex, sizeof ex, "synth tone(freq, gate) = %s(%s) * env(0.005, 0.3)", u->name, args);
    else if (u->kind == UG_SOURCE && !strcmp(u->name, "line")) /* a sweep */
        snprintf(ex, sizeof ex,
                 "synth sweep(freq, gate) = saw(freq).lpf(line(%s)) * env(0.005, 0.6)", args);
    else if (u->kind == UG_SOURCE && u->ninputs && !strcmp(u->inputs[0], "attack"))
        snprintf(ex, sizeof ex, "synth tone(freq, gate) = saw(freq) * %s(%s)", u->name, args);
    else if (u->kind == UG_SOURCE) /* noise, and other sources of their own */
        snprintf(ex, sizeof ex, "synth hat(freq, gate) = %s(%s).hpf(6000) * env(0.001, 0.08)",
                 u->name, args);
    else
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

/* The topics of `:help TOPIC` (and `tala help TOPIC`): a few lines each and
 * where the whole story is. */
static const struct {
    const char *name, *text;
} TOPICS[] = {
    {"start", "Type code and press Enter; it plays from the next bar.\n"
              "  drums = s(\"bd*4\")      a pattern of sounds, named drums\n"
              "  play drums              play it (play a, b, c plays several)\n"
              "  drums = s(\"bd sn\")     change it: the new one comes in on the next bar\n"
              "  :tour walks through ten steps; examples/course/ has ten lessons; "
              "docs/tutorial.md"},
    {"mini", "Inside \"...\" is mini-notation, a bar of steps:\n"
             "  bd sn       two steps      ~        a rest        [bd bd]   two in one step\n"
             "  bd*4        four in one    <a b>    one a bar     bd(3,8)   3 hits over 8\n"
             "  bd, hh*8    at once        bd?      sometimes     bd:3      the 4th bd\n"
             "  docs/mini-notation.md"},
    {"patterns", "Functions change patterns: fast(2), slow(2), rev, every(4, fast(2)), "
                 "off(1/8, add(7)), jux(rev), sometimes(x => x.speed(2)), chop(4).\n"
                 "  write them after a dot: s(\"bd sn\").fast(2).every(4, rev)\n"
                 "  :search WORD finds them; :help NAME explains one; docs/reference.md"},
    {"notes", "Pitches: note(\"c3 e3 g3\") by name or MIDI number; n(\"0 2 4\").scale(\"C:minor\") "
              "by scale step; chord(\"<Cm7 Fm9>\").voicing() for chords.\n"
              "  add an instrument: .s(\"piano\"), .s(\"bass\"), .s(\"pad\"); :sounds lists them"},
    {"sound", "Sounds: samples (bd, sn, hh, ... :sounds), General MIDI names (piano, strings), "
              "and instruments written in tala:\n"
              "  synth pluck(freq, gate) = saw(freq).lpf(env(0.001, 0.2) * 3000 + 300) * env()\n"
              "  controls on a pattern: gain, pan, lpf, hpf, room, delay, speed, attack, "
              "release; docs/sound.md"},
    {"mix", "A track's channel strip, buses and the master:\n"
            "  mix drums { gain: -3, pan: 0.4, send: { verb: 0.2 }, fx: lpf(3000) }\n"
            "  bus verb = reverb(size: 0.8, mix: 1)\n"
            "  master = glue().mastereq().limit(-1dB)\n"
            "  docs/production.md (mixing)"},
    {"arrange", "A song from scenes: records of patterns, played in a form.\n"
                "  song = arrange([4, {drums: d, bass: b}], [8, {drums: d2, bass: b, keys: k}])\n"
                "  play song      :jump 2 moves to a section on the next bar; docs/production.md"},
    {"record",
     "Takes of the audio input (start tala with --input): :record vox 1 (or "
     "record(\"vox\", 1)) records a bar from the next bar line into takes/vox-N.wav (N counts up); "
     "s(\"vox:N\") plays it. docs/production.md (recording)"},
    {"master", "The end of the chain: master = glue().mastereq().width(1.1).limit(-1dB); a "
               "render to a loudness: tala render song.tala -o song.wav --lufs -14; "
               "tala loudness FILE measures; :meter on shows it live. docs/production.md"},
    {"live", "Changes land on the next bar (mix NAME { quant: 4 }: on a 4-bar line). "
             ":mute :solo :undo NAME, :hush, :tempo BPM, :show NAME (the grid of a track), "
             ":render FILE, :record NAME BARS. The session is logged: tala replay LOG. "
             "docs/live.md"},
    {"strudel", "Strudel's code works: $: and name: blocks, setcps(0.5), const, // comments, "
                "samples(...). docs/strudel.md lists every Strudel name and its status."},
    {"connect", "Editors: tala song.tala --listen 7770, then tala send --line N song.tala (or "
                "editors/: Neovim, Emacs, VS Code). Controllers: OSC /tala/set TRACK gain -6. "
                "--superdirt sends every sound event to SuperDirt as Tidal does; --link joins "
                "an Ableton Link session (:link). docs/editors.md, docs/connect.md"},
    {"pictures", "tala show 'bd*2 [~ sn], hh*8' --cycles 2 draws a pattern as a grid (:show NAME "
                 "for a playing track); tala render FILE -o OUT.wav --plot OUT.png draws its "
                 "waveform, spectrogram and loudness."},
};

const char *cli_help_topic(const char *name) {
    for (size_t i = 0; i < sizeof TOPICS / sizeof TOPICS[0]; i++)
        if (!strcmp(TOPICS[i].name, name)) return TOPICS[i].text;
    return NULL;
}

void cli_help_topics(char *out, size_t n) {
    int k = snprintf(out, n, "topics (:help TOPIC):");
    for (size_t i = 0; i < sizeof TOPICS / sizeof TOPICS[0] && k < (int)n; i++)
        k += snprintf(out + k, n - (size_t)k, " %s", TOPICS[i].name);
}

bool cli_example_of(const char *name, char *out, size_t n) {
    int nd;
    const NativeDef *defs = stdlib_natives(&nd);
    for (int i = 0; i < nd; i++)
        if (!strcmp(defs[i].name, name) && defs[i].example && defs[i].example[0]) {
            snprintf(out, n, "%s", defs[i].example);
            return true;
        }
    for (size_t i = 0; i < sizeof WORDS / sizeof WORDS[0]; i++)
        if (!strcmp(WORDS[i].name, name)) {
            snprintf(out, n, "%s", WORDS[i].example);
            return true;
        }
    if (instrument(name)) {
        snprintf(out, n, "note(\"c3 e3 g3 c4\").s(\"%s\")", name);
        return true;
    }
    return false;
}

/* One line of a search: the name and the doc's first sentence. */
static size_t found_line(char *out, size_t n, int found, const char *name, const char *doc) {
    int len = 0;
    bool end = false; /* the sentence (or the doc) ends at len */
    while (len < 72 && !end) {
        end = !doc[len] ||
              (doc[len] == '.' &&
               (!doc[len + 1] || (doc[len + 1] == ' ' && isupper((unsigned char)doc[len + 2]))));
        if (!end) len++;
    }
    return (size_t)snprintf(out, n, "%s  %-14s %.*s%s", found ? "\n" : "", name, len, doc,
                            end ? "" : "...");
}

/* A search's results so far, in out. */
typedef struct {
    char *out;
    size_t n, k;
    int found, pass; /* pass 0: names that have the word; 1: docs that do */
    const char *word;
} Search;

/* Adds name when it is found in this pass (and there is room). */
static void consider(Search *s, const char *name, const char *doc) {
    bool named = strcasestr(name, s->word) != NULL;
    if (s->k + 120 >= s->n || (s->pass == 0 ? !named : named || !strcasestr(doc, s->word))) return;
    s->k += found_line(s->out + s->k, s->n - s->k, s->found++, name, doc);
}

int cli_search(const char *word, char *out, size_t n) {
    int nd, nu;
    out[0] = 0;
    const NativeDef *defs = stdlib_natives(&nd);
    const UgenDef *ug = ugen_table(&nu);
    Search s = {.out = out, .n = n, .word = word};
    for (s.pass = 0; s.pass < 2; s.pass++) { /* names first, then what the docs say */
        for (size_t i = 0; i < sizeof WORDS / sizeof WORDS[0]; i++)
            consider(&s, WORDS[i].name, WORDS[i].doc);
        for (int i = 0; i < nu; i++) consider(&s, ug[i].name, ug[i].doc);
        for (int i = 0; i < nd; i++) {
            bool seen = false; /* a name may have two entries (a control and a function) */
            for (int j = 0; j < i && !seen; j++) seen = !strcmp(defs[j].name, defs[i].name);
            if (!seen) consider(&s, defs[i].name, defs[i].doc);
        }
    }
    return s.found;
}
