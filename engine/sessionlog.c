/*
 * sessionlog.c - the session's two text outputs: messages to the performer
 * (confirmations, warnings and errors, through SessionOpts.say) and the
 * session log (opts, evaluated blocks, commands, late events), which a
 * replay reads back (script.c).
 *
 * Control side only, on the thread that owns the session. The log's FILE
 * is the caller's; each line is flushed at once, so a crash loses nothing
 * logged before it.
 */
#include "session_impl.h"

#include "../spec/sounds.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* ------------------------------------------------------------ messages */

void ses_say(Session *s, const char *fmt, ...) {
    char buf[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    if (s->o.say)
        s->o.say(s->o.ud, buf);
    else
        fprintf(stderr, "%s\n", buf);
}

void ses_say_err(Session *s, const Err *e) {
    char *text = err_text(e);
    ses_say(s, "%s", text);
    free(text);
}

void session_log(Session *s, const char *fmt, ...) {
    if (!s->o.log) return;
    va_list ap;
    va_start(ap, fmt);
    vfprintf(s->o.log, fmt, ap);
    va_end(ap);
    fputc('\n', s->o.log);
    fflush(s->o.log);
}

void ses_rat_text(Rat r, char *buf, size_t n) {
    if (r.den == 1)
        snprintf(buf, n, "%lld", (long long)r.num);
    else
        snprintf(buf, n, "%lld/%lld", (long long)r.num, (long long)r.den);
}

/* "bar 17", "bar 17 + 1/2": cycles count from 0, bars from 1 */
void ses_bar_text(Rat c, char *buf, size_t n) {
    Rat f = rat_floor(c), x = rat_sub(c, f);
    if (x.num == 0)
        snprintf(buf, n, "bar %lld", (long long)f.num + 1);
    else
        snprintf(buf, n, "bar %lld + %lld/%lld", (long long)f.num + 1, (long long)x.num,
                 (long long)x.den);
}

/* "; did you mean sawtooth, saw?": instruments and sample sets a few edits
 * away, or whose name starts the unknown one (saw for sawtoth), closest
 * first, at most three. Empty when none is near. */
static void near_sounds(Session *s, const char *name, char *out, size_t n) {
    const char *names[512];
    int count = vm_instruments(s->vm, names, 400);
    for (int k = 0; k < s->bank.n && count < 512; k++) names[count++] = s->bank.sets[k].name;
    size_t len = strlen(name);
    int best[3] = {99, 99, 99};
    const char *pick[3] = {0};
    for (int i = 0; i < count; i++) {
        size_t l = strlen(names[i]);
        int d = vm_name_distance(name, len, names[i], l);
        if (d > (len <= 4 ? 1 : 2) && !(l >= 3 && l < len && !strncmp(name, names[i], l))) continue;
        if (l >= 3 && l < len && !strncmp(name, names[i], l) && d > 2) d = 3; /* a prefix */
        for (int j = 0; j < 3; j++) {
            if (pick[j] && !strcmp(pick[j], names[i])) break;
            if (d < best[j] || (d == best[j] && pick[j] && strcmp(names[i], pick[j]) < 0)) {
                for (int m = 2; m > j; m--) best[m] = best[m - 1], pick[m] = pick[m - 1];
                best[j] = d, pick[j] = names[i];
                break;
            }
        }
    }
    out[0] = 0;
    for (int j = 0; j < 3 && pick[j]; j++) {
        size_t k = strlen(out);
        snprintf(out + k, n - k, "%s%s", j ? ", " : "; did you mean ", pick[j]);
    }
    if (out[0]) {
        size_t k = strlen(out);
        snprintf(out + k, n - k, "?");
    }
}

/* A warning about an unknown sound (or, with vowel set, an unknown vowel),
 * once per name. */
/* True the first time a key is seen (then it is remembered): each unknown
 * name is warned about once; past 64 names, no more (said with the 64th). */
static bool first_time(Session *s, char kind, const char *name) {
    char key[48];
    snprintf(key, sizeof key, "%c%s", kind, name);
    for (int i = 0; i < s->nwarned; i++)
        if (strcmp(s->warned[i], key) == 0) return false;
    if (s->nwarned == 64) return false;
    snprintf(s->warned[s->nwarned++], 48, "%s", key);
    return true;
}

void ses_warn_once(Session *s, const char *name, bool vowel) {
    if (!first_time(s, vowel ? 'v' : 's', name)) return;
    const char *more = s->nwarned == 64 ? "; further unknown names are not reported" : "";
    if (vowel)
        ses_say(s,
                "tala: warning: no vowel '%s' (a e i o u ae aa oe ue y uh un en an on): those "
                "notes play without it%s",
                name, more);
    else if (network_sound(name))
        ses_say(s,
                "tala: warning: no sound named '%s' here: strudel.cc takes it from %s on the "
                "network, which tala does not (its events are silent; tala sounds lists what "
                "is here)%s",
                name, network_sound(name), more);
    else {
        char near[160];
        near_sounds(s, name, near, sizeof near);
        SrcRef at = vm_find_word(s->vm, name, true);
        if (!at.src) {
            ses_say(s, "tala: warning: no sound named '%s' (its events are silent)%s%s", name, near,
                    more);
            return;
        }
        Err e = {0}; /* where it is written, as errors are */
        err_set(&e, at, "warning: no sound named '%s': its events are silent%s", name, more);
        err_hint(&e, "%s%s", near[0] ? near + 2 : "tala sounds (:sounds in the REPL) lists them",
                 strchr(name, ' ') ? " ('...' is one name; a pattern goes in \"...\")" : "");
        ses_say_err(s, &e);
    }
}

void ses_warn_bank(Session *s, const char *bank, const char *sound) {
    if (!first_time(s, 'b', bank)) return;
    char have[600] = "tala";
    size_t k = strlen(have);
    char kits[480];
    soundlib_banks(s->lib, kits, sizeof kits);
    if (kits[0]) k += (size_t)snprintf(have + k, sizeof have - k, ", %s", kits);
    for (int i = 0; i < s->bank.n && k < sizeof have - 40; i++) { /* folders named BANK_sound */
        const char *n = s->bank.sets[i].name, *u = strchr(n, '_');
        if (!u || u == n) continue;
        char b[64];
        snprintf(b, sizeof b, "%.*s", (int)(u - n < 63 ? u - n : 63), n);
        if (!strstr(have, b)) k += (size_t)snprintf(have + k, sizeof have - k, ", %s", b);
    }
    ses_say(s,
            "tala: warning: no bank '%s' (no sound %s_%s)%s: its events play the sounds without "
            "a bank; banks here: %s",
            bank, bank, sound,
            network_bank(bank) ? ", one of strudel.cc's drum machines from the network" : "", have);
}

void ses_warn_lib(Session *s, const char *name, const char *why) {
    if (!first_time(s, 'l', name)) return;
    ses_say(s, "tala: warning: %s: %s (its events are silent)", name, why);
}

void ses_note_library(Session *s, const char *name, bool kit) {
    if (!first_time(s, 'p', kit ? "sonic-pi-samples" : name)) return;
    if (kit)
        ses_say(s,
                "tala: note: Sonic Pi's samples are not installed: %s and the other Dirt drum "
                "names play tala's own kit (apt-get install sonic-pi-samples hydrogen-drumkits)",
                name);
    else
        ses_say(s,
                "tala: warning: no sound named '%s' here: it is one of the library's, whose "
                "packages are not installed (apt-get install sonic-pi-samples "
                "hydrogen-drumkits); its events are silent",
                name);
}

void ses_warn_silent(Session *s, const char *track, int cycles) {
    if (!first_time(s, 'e', track)) return;
    SrcRef at = vm_find_word(s->vm, track, false);
    Err e = {0};
    err_set(&e, at, "warning: '%s' plays nothing in its next %d bars", track, cycles);
    err_hint(&e, "its pattern has no notes: only rests (~), or notes a warning above dropped; "
                 "a beat to start from: s(\"bd ~ sn ~\")");
    ses_say_err(s, &e);
}

void ses_warn_note(Session *s, const char *name) {
    if (!first_time(s, 'n', name)) return;
    SrcRef at = vm_find_word(s->vm, name, true);
    if (!at.src) {
        ses_say(s,
                "tala: warning: no note named '%s' (notes are like c4, eb3, f#2, or MIDI "
                "numbers): those events are silent",
                name);
        return;
    }
    Err e = {0};
    err_set(&e, at, "warning: no note named '%s': those events are silent", name);
    if ((name[0] == 'h' || name[0] == 'H') && strlen(name) < 8) /* German H: B */
        err_hint(&e, "did you mean %c%s? (notes are like c4, eb3, f#2, or MIDI numbers)",
                 name[0] == 'h' ? 'b' : 'B', name + 1);
    else
        err_hint(&e, "notes are a letter a to g, then # or b, then an octave: c4, eb3, f#2 (or "
                     "MIDI numbers)");
    ses_say_err(s, &e);
}

void ses_write_log_eval(Session *s, Rat at, const char *name, const char *text, size_t len) {
    if (!s->o.log) return;
    int lines = 0;
    for (size_t i = 0; i < len; i++) lines += text[i] == '\n';
    bool open_end = len > 0 && text[len - 1] != '\n';
    char a[64], when[32];
    ses_rat_text(at, a, sizeof a);
    time_t now = time(NULL);
    strftime(when, sizeof when, "%Y-%m-%dT%H:%M:%SZ", gmtime(&now));
    fprintf(s->o.log, "eval %s %d %s %s\n", a, lines + open_end, when, name);
    fwrite(text, 1, len, s->o.log);
    if (open_end) fputc('\n', s->o.log);
    fflush(s->o.log);
}
