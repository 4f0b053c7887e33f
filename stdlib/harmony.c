/*
 * harmony.c - notes, intervals and scales: scale(), transpose().
 *
 * Spelling matters (C + minor third is Eb, not D#), so pitches are kept as
 * tonal.js-style coordinates: (fifths, octaves) from C4's octave system. A
 * note or an interval is a step (letter), an alteration and an octave;
 * adding coordinates transposes with correct spelling. This reproduces what
 * Strudel's scale/transpose (built on tonal) print: note=Eb3, note=C4.
 */
#include "lib.h"

#include "../spec/controls.h"

#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- pitch coordinates ---- */

static const int FIFTHS[7] = {0, 2, 4, -1, 1, 3, 5};        /* C D E F G A B */
static const int FIFTHS_TO_STEP[7] = {3, 0, 4, 1, 5, 2, 6}; /* F C G D A E B */
static const int STEP_SEMIS[7] = {0, 2, 4, 5, 7, 9, 11};

typedef struct {
    int f, o; /* fifths and octaves */
} Coord;

static int steps_to_octs(int step) {
    return (int)floor(FIFTHS[step] * 7 / 12.0);
}

static Coord encode(int step, int alt, int oct, int dir) {
    int f = FIFTHS[step] + 7 * alt;
    int o = oct - steps_to_octs(step) - 4 * alt;
    return (Coord){dir * f, dir * o};
}

static void decode(Coord c, int *step, int *alt, int *oct) {
    int i = (c.f + 1) % 7;
    if (i < 0) i += 7;
    *step = FIFTHS_TO_STEP[i];
    *alt = (int)floor((c.f + 1) / 7.0);
    *oct = c.o + 4 * *alt + steps_to_octs(*step);
}

/* "Eb3", "F#", "c4": letter, accidentals (# b x), optional octave.
 * has_oct false when there is none. */
static bool parse_note(const char *s, size_t len, int *step, int *alt, int *oct, bool *has_oct) {
    if (len == 0) return false;
    const char *L = "CDEFGAB";
    const char *p = strchr(L, toupper((unsigned char)s[0]));
    if (!p || !s[0]) return false;
    *step = (int)(p - L);
    size_t i = 1;
    *alt = 0;
    while (i < len && (s[i] == '#' || s[i] == 'x')) *alt += s[i++] == 'x' ? 2 : 1;
    while (i < len && s[i] == 'b') (*alt)--, i++;
    *has_oct = false;
    if (i < len) {
        size_t j = i;
        if (s[j] == '-') j++;
        if (j >= len) return false;
        if (len - j > 3) return false; /* octaves beyond 999 are not notes */
        for (size_t k = j; k < len; k++)
            if (!isdigit((unsigned char)s[k])) return false;
        *oct = atoi(s + i);
        *has_oct = true;
    }
    return true;
}

static bool is_note_value(Value v) {
    if (!IS_STRING(v)) return false;
    int st, al, oc;
    bool ho;
    return parse_note(AS_STRING(v)->chars, AS_STRING(v)->len, &st, &al, &oc, &ho);
}

static Value note_name(Query *q, Coord c) {
    int step, alt, oct;
    decode(c, &step, &alt, &oct);
    char buf[32];
    int n = 0;
    buf[n++] = "CDEFGAB"[step];
    for (int i = 0; i < alt && n < 20; i++) buf[n++] = '#';
    for (int i = 0; i > alt && n < 20; i--) buf[n++] = 'b';
    snprintf(buf + n, sizeof buf - (size_t)n, "%d", oct);
    return OBJ_VAL(str_c(q->heap, buf));
}

/* "3m", "-2M", "5P", "4A", "M3": an interval's coordinate. */
static bool parse_interval(const char *s, Coord *out) {
    int dir = 1, num = 0;
    const char *p = s;
    char qual[8] = {0};
    if (isalpha((unsigned char)*p)) { /* quality first: M3 */
        int k = 0;
        while (isalpha((unsigned char)*p) && k < 6) qual[k++] = *p++;
    }
    if (*p == '-' || *p == '+') dir = *p++ == '-' ? -1 : 1;
    if (!isdigit((unsigned char)*p)) return false;
    while (isdigit((unsigned char)*p)) {
        if (num > 10000) return false;
        num = num * 10 + (*p++ - '0');
    }
    if (!qual[0]) {
        int k = 0;
        while (isalpha((unsigned char)*p) && k < 6) qual[k++] = *p++;
    }
    if (*p || num < 1 || !qual[0]) return false;
    int step = (num - 1) % 7, oct = (num - 1) / 7;
    bool perfect = step == 0 || step == 3 || step == 4;
    int alt;
    if (strcmp(qual, "P") == 0 && perfect)
        alt = 0;
    else if (strcmp(qual, "M") == 0 && !perfect)
        alt = 0;
    else if (strcmp(qual, "m") == 0 && !perfect)
        alt = -1;
    else if (qual[0] == 'A' && strspn(qual, "A") == strlen(qual))
        alt = (int)strlen(qual);
    else if (qual[0] == 'd' && strspn(qual, "d") == strlen(qual))
        alt = perfect ? -(int)strlen(qual) : -(int)strlen(qual) - 1;
    else
        return false;
    *out = encode(step, alt, oct, dir);
    return true;
}

bool harmony_interval_semitones(const char *s, int *out) {
    Coord c;
    if (!parse_interval(s, &c)) return false;
    *out = 7 * c.f + 12 * c.o; /* a fifth is 7 semitones, an octave 12 */
    return true;
}

/* tonal's Interval.fromSemitones: 3 -> 3m, 6 -> 5d, -1 -> -2m */
static Coord interval_of_semitones(int semis) {
    static const int IN[12] = {1, 2, 2, 3, 3, 4, 5, 5, 6, 6, 7, 7};
    static const char IQ[12] = {'P', 'm', 'M', 'm', 'M', 'P', 'd', 'P', 'm', 'M', 'm', 'M'};
    int d = semis < 0 ? -1 : 1, n = abs(semis);
    char buf[16];
    snprintf(buf, sizeof buf, "%d%c", d * (IN[n % 12] + 7 * (n / 12)), IQ[n % 12]);
    Coord c = {0, 0};
    parse_interval(buf, &c);
    return c;
}

static int note_midi(int step, int alt, int oct) {
    return (oct + 1) * 12 + STEP_SEMIS[step] + alt;
}

/* ---- scales ---- */

typedef struct {
    const char *names; /* "major|ionian": the name and its aliases */
    const char *intervals;
} ScaleDef;

static const ScaleDef SCALES[] = {
    {"major|ionian", "1P 2M 3M 4P 5P 6M 7M"},
    {"minor|aeolian", "1P 2M 3m 4P 5P 6m 7m"},
    {"dorian", "1P 2M 3m 4P 5P 6M 7m"},
    {"phrygian", "1P 2m 3m 4P 5P 6m 7m"},
    {"lydian", "1P 2M 3M 4A 5P 6M 7M"},
    {"mixolydian|dominant", "1P 2M 3M 4P 5P 6M 7m"},
    {"locrian", "1P 2m 3m 4P 5d 6m 7m"},
    {"harmonic minor", "1P 2M 3m 4P 5P 6m 7M"},
    {"melodic minor", "1P 2M 3m 4P 5P 6M 7M"},
    {"harmonic major", "1P 2M 3M 4P 5P 6m 7M"},
    {"major pentatonic|pentatonic", "1P 2M 3M 5P 6M"},
    {"minor pentatonic", "1P 3m 4P 5P 7m"},
    {"blues|minor blues", "1P 3m 4P 5d 5P 7m"},
    {"major blues", "1P 2M 3m 3M 5P 6M"},
    {"whole tone", "1P 2M 3M 4A 5A 6A"},
    {"chromatic", "1P 2m 2M 3m 3M 4P 5d 5P 6m 6M 7m 7M"},
    {"phrygian dominant|spanish", "1P 2m 3M 4P 5P 6m 7m"},
    {"lydian dominant", "1P 2M 3M 4A 5P 6M 7m"},
    {"altered|super locrian", "1P 2m 2A 3M 4A 6m 7m"},
    {"diminished|whole-half diminished", "1P 2M 3m 4P 5d 6m 6M 7M"},
    {"half-whole diminished", "1P 2m 3m 3M 4A 5P 6M 7m"},
    {"bebop", "1P 2M 3M 4P 5P 6M 7m 7M"},
    {"bebop major", "1P 2M 3M 4P 5P 5A 6M 7M"},
    {"hungarian minor", "1P 2M 3m 4A 5P 6m 7M"},
    {"double harmonic major", "1P 2m 3M 4P 5P 6m 7M"},
    {"neapolitan major", "1P 2m 3m 4P 5P 6M 7M"},
    {"oriental", "1P 2m 3M 4P 5d 6M 7m"},
    {"flamenco", "1P 2m 3m 3M 4A 5P 7m"},
    {"hungarian major", "1P 2A 3M 4A 5P 6M 7m"},
    {"balinese", "1P 2m 3m 4P 5P 6m 7M"},
    {"scriabin", "1P 2m 3M 5P 6M"},
    {"minor six pentatonic", "1P 3m 4P 5P 6M"},
    {"lydian #9", "1P 2A 3M 4A 5P 6M 7M"},
    {"bebop minor", "1P 2M 3m 3M 4P 5P 6M 7m"},
    {"bebop locrian", "1P 2m 3m 4P 5d 5P 6m 7m"},
    {"ultralocrian", "1P 2m 3m 4d 5d 6m 7d"},
    {"mixolydian b6", "1P 2M 3M 4P 5P 6m 7m"},
    {"locrian major", "1P 2M 3M 4P 5d 6m 7m"},
    {"leading whole tone", "1P 2M 3M 4A 5A 7m 7M"},
    {"six tone symmetric", "1P 2m 3M 4P 5A 6M"},
    {"todi raga", "1P 2m 3m 4A 5P 6m 7M"},
    {"purvi raga", "1P 2m 3M 4P 4A 5P 6m 7M"},
    {"kafi raga", "1P 3m 3M 4P 5P 6M 7m 7M"},
    {"egyptian", "1P 2M 4P 5P 7m"},
    {"hirajoshi", "1P 2M 3m 5P 6m"},
    {"in-sen", "1P 2m 4P 5P 7m"},
    {"iwato", "1P 2m 4P 5d 7m"},
    {"kumoijoshi", "1P 2m 4P 5P 6m"},
    {"pelog", "1P 2m 3m 5P 6m"},
    {"ritusen", "1P 2M 4P 5P 6M"},
    {"augmented", "1P 2A 3M 5P 5A 7M"},
    {"prometheus", "1P 2M 3M 4A 6M 7m"},
    {"enigmatic", "1P 2m 3M 5d 6m 7m 7M"},
    {"persian", "1P 2m 3M 4P 5d 6m 7M"},
    {"lydian augmented", "1P 2M 3M 4A 5A 6M 7M"},
    {"dorian b2", "1P 2m 3m 4P 5P 6M 7m"},
    {"locrian #2", "1P 2M 3m 4P 5d 6m 7m"},
};

#define NSCALES (sizeof SCALES / sizeof SCALES[0])

static bool name_matches(const char *names, const char *want) {
    size_t wl = strlen(want);
    for (const char *p = names; *p;) {
        const char *bar = strchr(p, '|');
        size_t l = bar ? (size_t)(bar - p) : strlen(p);
        if (l == wl && strncasecmp(p, want, l) == 0) return true;
        if (!bar) break;
        p = bar + 1;
    }
    return false;
}

typedef struct {
    Coord iv[16];
    int n;
    int tonic_step, tonic_alt; /* pitch class */
    int tonic_oct;             /* 3 unless the name gives one (C4:major) */
} Scale;

/* "C:major", "C4:major", "major" (tonic C): as tonal's Scale.get reads the
 * name Strudel makes of it. False (no error set) for a name tonal does not
 * know: Strudel then drops the events, logging an error. */
static bool get_scale(Value v, Scale *out) {
    char buf[96];
    val_format(v, buf, sizeof buf); /* a list C:major prints joined by ':' */
    for (char *p = buf; *p; p++)
        if (*p == ':') *p = ' ';
    char *sp = strchr(buf, ' ');
    const char *type = buf;
    int st = 0, al = 0, oc = 3;
    bool ho = false;
    if (sp) {
        *sp = 0;
        if (!parse_note(buf, strlen(buf), &st, &al, &oc, &ho)) return false;
        type = sp + 1;
    } else if (parse_note(buf, strlen(buf), &st, &al, &oc, &ho)) {
        return false; /* "C" alone: incomplete */
    }
    for (size_t i = 0; i < NSCALES; i++) {
        if (!name_matches(SCALES[i].names, type)) continue;
        out->n = 0;
        char ivs[96];
        snprintf(ivs, sizeof ivs, "%s", SCALES[i].intervals);
        for (char *tok = strtok(ivs, " "); tok && out->n < 16; tok = strtok(NULL, " "))
            parse_interval(tok, &out->iv[out->n++]);
        out->tonic_step = st;
        out->tonic_alt = al;
        out->tonic_oct = ho ? oc : 3;
        return true;
    }
    return false;
}

/* scaleStep: degree n (from 0) of the scale, octave 3 by default */
static Coord scale_step(const Scale *s, int step) {
    int len = s->n;
    int oct_off = (int)floor((double)step / len);
    int idx = ((step % len) + len) % len;
    /* tonal's octavesInterval: (o <= 0 ? -1 : 1) + o * 7, perfect */
    int num = (oct_off <= 0 ? -1 : 1) + oct_off * 7;
    char buf[16];
    snprintf(buf, sizeof buf, "%dP", num);
    Coord o;
    parse_interval(buf, &o);
    Coord tonic = encode(s->tonic_step, s->tonic_alt, s->tonic_oct, 1);
    return (Coord){tonic.f + s->iv[idx].f + o.f, tonic.o + s->iv[idx].o + o.o};
}

/* The scale note nearest to a midi note, higher on ties (quantizing). */
static Coord nearest_scale_note(const Scale *s, int midi) {
    Coord notes[17];
    int midis[17] = {0};
    for (int i = 0; i <= s->n; i++) {
        Coord base = encode(s->tonic_step, s->tonic_alt, 0, 1);
        Coord iv = i < s->n ? s->iv[i] : interval_of_semitones(12);
        notes[i] = (Coord){base.f + iv.f, base.o + iv.o};
        int st, al, oc;
        decode(notes[i], &st, &al, &oc);
        midis[i] = note_midi(st, al, oc);
    }
    int diff = (int)floor((midi - midis[0]) / 12.0);
    int best = 0, bestd = 1 << 30;
    for (int i = 0; i <= s->n; i++) {
        int d = abs(midis[i] + 12 * diff - midi);
        if (d <= bestd) best = i, bestd = d;
    }
    Coord sh = interval_of_semitones(12 * diff);
    return (Coord){notes[best].f + sh.f, notes[best].o + sh.o};
}

/* A record without n/note/value, plus note = v. */
static Value with_note(Query *q, ObjRecord *r, Value note) {
    RecField fs[130];
    uint32_t n = 0;
    for (uint32_t i = 0; r && i < r->len && n < 128; i++) {
        const char *k = r->fields[i].key->chars;
        if (strcmp(k, "n") && strcmp(k, "note") && strcmp(k, "value")) fs[n++] = r->fields[i];
    }
    heap_push(q->heap, note);
    fs[n++] = (RecField){str_c(q->heap, "note"), note};
    Value out = OBJ_VAL(rec_new(q->heap, fs, n));
    heap_pop(q->heap, 1);
    return out;
}

static bool scale_map(Query *q, Value v, Value scale_name, Value *out) {
    Scale s;
    if (!get_scale(scale_name, &s)) {
        *out = NIL_VAL; /* an unknown scale drops the event, as in Strudel */
        return true;
    }
    ObjRecord *r = IS_RECORD(v) ? AS_RECORD(v) : NULL;
    Value step = v;
    if (r && !rec_get(r, "note", &step) && !rec_get(r, "n", &step) && !rec_get(r, "value", &step)) {
        *out = v;
        return true;
    }
    Coord c;
    if (is_note_value(step)) {
        int st, al, oc;
        bool ho;
        parse_note(AS_STRING(step)->chars, AS_STRING(step)->len, &st, &al, &oc, &ho);
        c = nearest_scale_note(&s, note_midi(st, al, ho ? oc : 3));
    } else {
        double x;
        int offset = 0;
        if (IS_NUM(step)) {
            x = step.as.num;
        } else if (IS_STRING(step)) {
            /* "3#", "-2b": a step with accidentals */
            const char *t = AS_STRING(step)->chars;
            char *end;
            long k = strtol(t, &end, 10);
            if (end == t) return lib_fail(q, NULL, "invalid scale step '%s'", t);
            for (; *end; end++) {
                if (*end == '#' || *end == 's')
                    offset++;
                else if (*end == 'b' || *end == 'f')
                    offset--;
                else
                    return lib_fail(q, NULL, "invalid scale step '%s'", t);
            }
            x = (double)k;
        } else {
            return lib_fail(q, NULL, "scale needs numbers or notes, got %s", val_type_name(step));
        }
        if (!(fabs(x) < 1e6)) return lib_fail(q, NULL, "scale step out of range: %g", x);
        c = scale_step(&s, (int)ceil(x));
        if (offset) {
            Coord o = interval_of_semitones(offset);
            c.f += o.f;
            c.o += o.o;
        }
    }
    Value name = note_name(q, c);
    *out = r ? with_note(q, r, name) : name;
    q->ctx = scale_name; /* for scaleTranspose, as Strudel's hap context */
    return true;
}

/* scaleTranspose(offset): a note moved offset steps within the scale scale()
 * gave the event (Strudel's scaleOffset: by pitch class, the octave counted up
 * at each C). */
static bool strans_map(Query *q, Value v, Value offv, Value *out) {
    Scale s;
    if (IS_NIL(q->ctx) || !get_scale(q->ctx, &s))
        return lib_fail(q, "write n(\"0 2\").scale(\"C:major\").scaleTranspose(1)",
                        "can only use scaleTranspose after .scale");
    double off;
    if (!js_numeral(offv, &off) || !(fabs(off) < 1e6))
        return lib_fail(q, NULL, "scaleTranspose needs a number of steps");
    ObjRecord *r = IS_RECORD(v) ? AS_RECORD(v) : NULL;
    Value note = v;
    if (r && !rec_get(r, "note", &note)) note = NIL_VAL;
    int st, al, oc;
    bool ho;
    if (!IS_STRING(note) ||
        !parse_note(AS_STRING(note)->chars, AS_STRING(note)->len, &st, &al, &oc, &ho))
        return lib_fail(q, NULL, "can only use scaleTranspose with notes");
    if (!ho) oc = 3;
    int pst[16], pal[16], from = -1;
    for (int i = 0; i < s.n; i++) { /* the scale's pitch classes, spelled */
        Coord c = encode(s.tonic_step, s.tonic_alt, 4, 1);
        c.f += s.iv[i].f;
        c.o += s.iv[i].o;
        int o;
        decode(c, &pst[i], &pal[i], &o);
        if (from < 0 && pst[i] == st && pal[i] == al) from = i;
    }
    if (from < 0) {
        char buf[48];
        val_format(note, buf, sizeof buf);
        return lib_fail(q, NULL, "note \"%s\" is not in the scale", buf);
    }
    long steps = (long)off;
    int dir = steps > 0 ? 1 : steps < 0 ? -1 : 0;
    long i = from;
    int o = oc, cur_st = st, cur_al = al;
    while (labs(i - from) < labs(steps)) {
        i += dir;
        int idx = (int)(((i % s.n) + s.n) % s.n);
        if (dir < 0 && cur_st == 0) o += dir; /* leaving a C downwards */
        cur_st = pst[idx];
        cur_al = pal[idx];
        if (dir > 0 && cur_st == 0) o += dir; /* reaching a C upwards */
    }
    char buf[32];
    int k = 0;
    buf[k++] = "CDEFGAB"[cur_st];
    for (int a = 0; a < cur_al && k < 20; a++) buf[k++] = '#';
    for (int a = 0; a > cur_al && k < 20; a--) buf[k++] = 'b';
    snprintf(buf + k, sizeof buf - (size_t)k, "%d", o);
    Value name = OBJ_VAL(str_c(q->heap, buf));
    if (!r) {
        *out = name;
        return true;
    }
    RecField fs[130]; /* the record as it is, with the new note */
    uint32_t n = 0;
    for (uint32_t j = 0; j < r->len && n < 128; j++) fs[n++] = r->fields[j];
    heap_push(q->heap, name);
    fs[n++] = (RecField){str_c(q->heap, "note"), name};
    *out = OBJ_VAL(rec_new(q->heap, fs, n));
    heap_pop(q->heap, 1);
    return true;
}

static bool b_strans(Query *q, const Value *a, ObjPattern *sub, Value pm, ObjPattern **out) {
    (void)pm;
    *out = pat_map(q->heap, sub, strans_map, a[0]);
    return true;
}

bool nat_scaleTranspose(Vm *vm, Value *args, int argc, Value *out) {
    return patterned(vm, b_strans, args, argc, NIL_VAL, BIND_INNER, out);
}

static bool b_scale(Query *q, const Value *a, ObjPattern *sub, Value pm, ObjPattern **out) {
    *out = pat_map(q->heap, sub, scale_map, a[0]);
    return true;
}

/* An unknown scale name drops its notes (as in Strudel): say so, with the
 * nearest names. The names a constant or a pattern gives in its first
 * cycles are looked at when the call is made. */
static void check_scale_name(Vm *vm, Value v) {
    Scale sc;
    if (!IS_STRING(v) && !IS_LIST(v)) return;
    if (get_scale(v, &sc)) return;
    char buf[96];
    val_format(v, buf, sizeof buf);
    const char *type = strchr(buf, ':') ? strchr(buf, ':') + 1 : buf;
    const char *best = NULL;
    int bd = 3;
    char names[96];
    for (size_t i = 0; i < NSCALES; i++) {
        snprintf(names, sizeof names, "%s", SCALES[i].names);
        for (char *t = strtok(names, "|"); t; t = strtok(NULL, "|")) {
            int d = vm_name_distance(type, strlen(type), t, strlen(t));
            if (d < bd) bd = d, best = SCALES[i].names;
        }
    }
    char hint[160];
    if (best) {
        snprintf(names, sizeof names, "%s", best);
        names[strcspn(names, "|")] = 0;
        snprintf(hint, sizeof hint, "did you mean %.*s%s? (scales are written like C:minor)",
                 (int)(type - buf), buf, names);
    } else {
        snprintf(hint, sizeof hint,
                 "scales are written like C:minor, D:dorian, Eb:major:pentatonic (a space "
                 "in \"...\" starts a new step)");
    }
    vm_warn(vm, hint, "unknown scale '%s': its notes are dropped", buf);
}

bool nat_scale(Vm *vm, Value *args, int argc, Value *out) {
    if (IS_PATTERN(args[0])) { /* the names of its first cycles */
        Query *q = vm_query(vm);
        Err qerr = {0};
        Err *saved = q->err;
        q->err = &qerr;
        EvBuf ev;
        evbuf_init(&ev, vm_heap(vm));
        if (pat_events(q, AS_PATTERN(args[0]), rat_int(0), rat_int(4), false, &ev))
            for (size_t i = 0; i < ev.len; i++) check_scale_name(vm, ev.ev[i].value);
        evbuf_free(&ev);
        q->err = saved;
    } else {
        check_scale_name(vm, args[0]);
    }
    return patterned(vm, b_scale, args, argc, NIL_VAL, BIND_INNER, out);
}

/* transpose: numbers add semitones; note names move by an interval, spelled */
static bool transpose_map(Query *q, Value v, Value by, Value *out) {
    ObjRecord *r = IS_RECORD(v) ? AS_RECORD(v) : NULL;
    Value note = v;
    if (r && !rec_get(r, "note", &note)) {
        *out = v;
        return true;
    }
    if (IS_NUM(note)) {
        double semis = 0;
        if (IS_NUM(by)) {
            semis = by.as.num;
        } else if (IS_STRING(by)) {
            Coord c;
            if (parse_interval(AS_STRING(by)->chars, &c)) semis = c.f * 7 + c.o * 12;
        }
        Value res = NUM_VAL(note.as.num + semis);
        *out = r ? with_note(q, r, res) : res;
        return true;
    }
    if (!is_note_value(note)) {
        *out = v; /* Strudel warns and leaves it */
        return true;
    }
    Coord iv;
    bool valid;
    if (IS_NUM(by))
        valid = fabs(by.as.num) < 1000 && by.as.num == floor(by.as.num) &&
                (iv = interval_of_semitones((int)by.as.num), true);
    else
        valid = IS_STRING(by) && parse_interval(AS_STRING(by)->chars, &iv);
    if (!valid) {
        /* tonal gives an empty note for an interval it cannot read, and
         * Strudel prints it so; we keep that, rather than failing */
        Value empty = OBJ_VAL(str_c(q->heap, ""));
        *out = r ? with_note(q, r, empty) : empty;
        return true;
    }
    int st, al, oc;
    bool ho;
    parse_note(AS_STRING(note)->chars, AS_STRING(note)->len, &st, &al, &oc, &ho);
    Coord n = encode(st, al, ho ? oc : 0, 1);
    Coord c = {n.f + iv.f, n.o + iv.o};
    Value res;
    if (ho) {
        res = note_name(q, c);
    } else { /* a pitch class stays a pitch class */
        int s2, a2, o2;
        decode(c, &s2, &a2, &o2);
        char buf[16];
        int k = 0;
        buf[k++] = "CDEFGAB"[s2];
        for (int i = 0; i < a2 && k < 12; i++) buf[k++] = '#';
        for (int i = 0; i > a2 && k < 12; i--) buf[k++] = 'b';
        buf[k] = 0;
        res = OBJ_VAL(str_c(q->heap, buf));
    }
    *out = r ? with_note(q, r, res) : res;
    return true;
}

static bool b_transpose(Query *q, const Value *a, ObjPattern *sub, Value pm, ObjPattern **out) {
    *out = pat_map(q->heap, sub, transpose_map, a[0]);
    return true;
}

bool nat_transpose(Vm *vm, Value *args, int argc, Value *out) {
    return patterned(vm, b_transpose, args, argc, NIL_VAL, BIND_INNER, out);
}

/* For the docs: the scale names. */
const char *harmony_scale_names(int i) {
    return i < (int)NSCALES ? SCALES[i].names : NULL;
}

/* ---- chords and voicing ---- */

typedef struct {
    const char *names; /* "m7|min7|-7" */
    const char *intervals;
} ChordDef;

static const ChordDef CHORDS[] = {
    {"|M|maj|major", "1P 3M 5P"},
    {"m|min|minor|-", "1P 3m 5P"},
    {"dim|o", "1P 3m 5d"},
    {"aug|+", "1P 3M 5A"},
    {"sus2", "1P 2M 5P"},
    {"sus4|sus", "1P 4P 5P"},
    {"5", "1P 5P"},
    {"6|M6", "1P 3M 5P 6M"},
    {"m6|min6", "1P 3m 5P 6M"},
    {"69|6/9", "1P 3M 5P 6M 9M"},
    {"m69|m6/9", "1P 3m 5P 6M 9M"},
    {"7|dom7", "1P 3M 5P 7m"},
    {"maj7|M7|^7|Δ7|Δ", "1P 3M 5P 7M"},
    {"m7|min7|-7", "1P 3m 5P 7m"},
    {"mM7|m(maj7)|mmaj7|-^7", "1P 3m 5P 7M"},
    {"dim7|o7", "1P 3m 5d 7d"},
    {"m7b5|ø|ø7|h7|-7b5", "1P 3m 5d 7m"},
    {"aug7|+7|7#5|7+5", "1P 3M 5A 7m"},
    {"maj7#5|M7#5|^7#5", "1P 3M 5A 7M"},
    {"7b5", "1P 3M 5d 7m"},
    {"7sus4|7sus", "1P 4P 5P 7m"},
    {"9", "1P 3M 5P 7m 9M"},
    {"maj9|M9|^9", "1P 3M 5P 7M 9M"},
    {"m9|min9|-9", "1P 3m 5P 7m 9M"},
    {"add9|add2", "1P 3M 5P 9M"},
    {"madd9|m(add9)", "1P 3m 5P 9M"},
    {"7b9", "1P 3M 5P 7m 9m"},
    {"7#9", "1P 3M 5P 7m 9A"},
    {"9sus4|9sus", "1P 4P 5P 7m 9M"},
    {"11", "1P 3M 5P 7m 9M 11P"},
    {"m11|min11|-11", "1P 3m 5P 7m 9M 11P"},
    {"7#11", "1P 3M 5P 7m 11A"},
    {"maj7#11|M7#11|^7#11", "1P 3M 5P 7M 11A"},
    {"13", "1P 3M 5P 7m 9M 13M"},
    {"m13|min13|-13", "1P 3m 5P 7m 9M 13M"},
    {"maj13|M13|^13", "1P 3M 5P 7M 9M 13M"},
    {"7b13", "1P 3M 5P 7m 13m"},
    {"m7b9", "1P 3m 5P 7m 9m"},
};

#define NCHORDS (sizeof CHORDS / sizeof CHORDS[0])

const char *harmony_chord_names(int i) {
    return i < (int)NCHORDS ? CHORDS[i].names : NULL;
}
