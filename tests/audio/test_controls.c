/*
 * test_controls.c - every control tala accepts changes what it says it does:
 * each is rendered with and without it, on every kind of sound it applies to
 * (Strudel's waveforms, tala's own synths and kit, the library's samples, a
 * Hydrogen kit, General MIDI), and the test fails where the two renders are
 * the same bits. Every row of the control table that sounds (not the pattern
 * and MIDI ones) must have a case here, so a new control comes with one.
 */
#include "render_support.h"

#include "spec/controls.h"

/* One case: the control, and a pattern without and with it. */
typedef struct {
    const char *control;
    char without[200], with[240];
} Case;

static Case cases[400];
static int ncases;

static void add(const char *control, const char *without, const char *with) {
    Case *c = &cases[ncases++];
    c->control = control;
    snprintf(c->without, sizeof c->without, "%s", without);
    snprintf(c->with, sizeof c->with, "%s", with);
}

/* The control as a suffix on each base: "BASE" and "BASE.SUFFIX". */
static void on(const char *control, const char *suffix, const char *const *bases) {
    for (int i = 0; bases[i]; i++) {
        char w[240];
        snprintf(w, sizeof w, "%s.%s", bases[i], suffix);
        add(control, bases[i], w);
    }
}

#define B(...)                                                                                     \
    (const char *const[]) {                                                                        \
        __VA_ARGS__, NULL                                                                          \
    }

/* Strudel's waveforms, tala's synths, tala's kit, the library's samples, a
 * Hydrogen kit, General MIDI */
#define WAVE   "note(\"c3 e3 g3 c4\").s(\"sawtooth\")"
#define SINE   "note(\"c4 e4\").s(\"sine\")"
#define PAD    "note(\"c3 g3\").s(\"pad\")"
#define PLUCK  "note(\"c3 g3\").s(\"pluck\")"
#define BASS   "note(\"c2 g2\").s(\"bass\")"
#define FM     "note(\"c3 g3\").s(\"fm\")"
#define KIT    "s(\"bd sd hh cp\").bank(\"tala\")"
#define SMP    "s(\"bd sd hh oh\")"
#define LONG   "s(\"oh ~ oh ~\")"
#define KIT2   "s(\"bd sd hh oh\").bank(\"ColomboAcousticDrumkit\")"
#define GM     "note(\"c4 e4\").s(\"gm_piano\")"
#define GMLONG "note(\"c4 ~ ~ ~\").s(\"gm_church_organ\")"

static void build_cases(void) {
    const char *const *all = B(WAVE, PAD, KIT, SMP, KIT2, GM);
    const char *const *sampled = B(SMP, KIT2, GM);
    on("gain", "gain(0.5)", all);
    on("velocity", "velocity(0.4)", all);
    on("pan", "pan(0.1)", all);
    on("postgain", "postgain(0.5)", all);
    on("nudge", "nudge(0.01)", all);
    on("speed", "speed(1.5)", sampled);
    on("speed", "speed(-1)", B(SMP));
    on("begin", "begin(0.3)", B(SMP, KIT2, GMLONG));
    on("end", "end(0.2)", B(LONG, KIT2, GMLONG));
    on("loop", "loop(1)", B("s(\"bd ~ ~ ~\")", "note(\"c4 ~ ~ ~\").s(\"gm_piano\").end(0.1)"));
    on("cut", "cut(1)", B("s(\"oh*4\").speed(0.5)", "note(\"c3 e3\").s(\"pad\").legato(2)"));
    on("clip", "clip(0.2)", B(WAVE, PAD, LONG, GMLONG));
    on("legato", "legato(0.2)", B(WAVE, LONG));
    add("unit", "s(\"bd ~ ~ ~\").speed(0.5)", "s(\"bd ~ ~ ~\").speed(0.5).unit(\"c\")");
    /* Strudel's envelope: its waveforms, tala's synths (a pluck and the
     * drums have attack and decay), samples and GM notes */
    const char *const *held = B(WAVE, SINE, PAD, BASS, FM, LONG, GMLONG);
    on("attack", "attack(0.2)", B(WAVE, SINE, PAD, PLUCK, BASS, FM, KIT, SMP, KIT2, GM));
    on("decay", "decay(0.05).sustain(0)", B(WAVE, SINE, PAD, BASS, FM, LONG, GMLONG));
    on("decay", "decay(0.02)", B(PLUCK, KIT));
    on("sustain", "sustain(0.1)", held);
    on("release", "release(0.5)", held);
    on("release", "clip(0.3).release(1)", B(LONG, GMLONG));
    /* the note's own effects */
    const char *const *fx = B(WAVE, PAD, KIT, SMP, GM);
    on("cutoff", "lpf(400)", fx);
    on("lpf", "lpf(400)", B(WAVE));
    on("resonance", "lpf(400).resonance(15)",
       B(WAVE "."
              "lpf(400)"));
    on("hcutoff", "hpf(2000)", fx);
    on("hresonance", "hpf(900).hpq(15)",
       B(WAVE "."
              "hpf(900)"));
    on("bandf", "bpf(1000)", fx);
    on("bandq", "bpf(1000).bpq(15)",
       B(WAVE "."
              "bpf(1000)"));
    on("vowel", "vowel(\"o\")", fx);
    on("coarse", "coarse(6)", fx);
    on("crush", "crush(4)", fx);
    on("shape", "shape(0.7)", fx);
    on("distort", "distort(0.7)", fx);
    on("lpenv", "lpenv(4)", B(WAVE ".lpf(300)", SMP ".lpf(300)"));
    on("lpattack", "lpattack(0.3)", B(WAVE ".lpf(300).lpenv(4)"));
    on("lpdecay", "lpdecay(0.5)", B(WAVE ".lpf(300).lpenv(4)"));
    on("lpsustain", "lpsustain(0.8)", B(WAVE ".lpf(300).lpenv(4)"));
    on("lprelease", "lprelease(1)", B(WAVE ".lpf(300).lpenv(4).clip(0.5)"));
    on("fanchor", "fanchor(1)", B(WAVE ".lpf(300).lpenv(4)"));
    on("hpenv", "hpenv(-3)", B(WAVE ".hpf(2000)", SMP ".hpf(2000)"));
    on("hpattack", "hpattack(0.3)", B(WAVE ".hpf(2000).hpenv(-3)"));
    on("hpdecay", "hpdecay(0.5)", B(WAVE ".hpf(2000).hpenv(-3)"));
    on("hpsustain", "hpsustain(0.8)", B(WAVE ".hpf(2000).hpenv(-3)"));
    on("hprelease", "hprelease(1)", B(WAVE ".hpf(2000).hpenv(-3).clip(0.5)"));
    on("bpenv", "bpenv(3)", B(WAVE ".bpf(300)", SMP ".bpf(300)"));
    on("bpattack", "bpattack(0.3)", B(WAVE ".bpf(300).bpenv(3)"));
    on("bpdecay", "bpdecay(0.5)", B(WAVE ".bpf(300).bpenv(3)"));
    on("bpsustain", "bpsustain(0.8)", B(WAVE ".bpf(300).bpenv(3)"));
    on("bprelease", "bprelease(1)", B(WAVE ".bpf(300).bpenv(3).clip(0.5)"));
    on("penv", "penv(12)", B(WAVE, SINE, SMP, GM));
    on("pattack", "pattack(0.3)", B(WAVE ".penv(12)", SMP ".penv(12)"));
    on("pdecay", "pdecay(0.3).psustain(0)", B(WAVE ".penv(12)"));
    on("pdecay", "pdecay(0.3)", B(WAVE ".penv(12).psustain(0)"));
    on("psustain", "psustain(0.3)", B(WAVE ".penv(12)"));
    on("prelease", "prelease(0.5)", B(WAVE ".penv(12).clip(0.5)"));
    on("panchor", "panchor(0)", B(WAVE ".penv(12)"));
    on("fmi", "fmi(3)", B(WAVE, SINE));
    on("fmh", "fmh(3)", B(SINE ".fmi(3)"));
    on("vib", "vib(6)", B(WAVE, SMP, GM));
    on("vibmod", "vibmod(2)", B(WAVE ".vib(6)"));
    /* sends */
    on("room", "room(0.6)", fx);
    on("roomsize", "roomsize(0.95)", B(WAVE ".room(0.6)", SMP ".room(0.6)"));
    on("delay", "delay(0.6)", fx);
    on("delaytime", "delaytime(0.3)", B(WAVE ".delay(0.6)", SMP ".delay(0.6)"));
    on("delayfeedback", "delayfeedback(0.8)", B(WAVE ".delay(0.6)", SMP ".delay(0.6)"));
    /* an orbit is an effect bus of its own: with another sound's room on
     * orbit 1, this one's reverb on orbit 2 keeps its own size */
    add("orbit", "stack(" WAVE ".room(0.6).size(0.1), " SMP ".room(0.6).size(0.95))",
        "stack(" WAVE ".room(0.6).size(0.1).orbit(2), " SMP ".room(0.6).size(0.95))");
    /* what plays and at which pitch */
    add("s", "s(\"bd\")", "s(\"sd\")");
    add("sound", "sound(\"bd\")", "sound(\"hh\")");
    add("synth", "note(\"c3\").synth(\"sawtooth\")", "note(\"c3\").synth(\"square\")");
    add("bank", SMP, KIT2);
    add("n", "s(\"bd\")", "s(\"bd\").n(3)");
    add("n", "n(\"60 64\").s(\"sawtooth\")", "n(\"62 65\").s(\"sawtooth\")");
    add("n", GM, GM ".n(1)");
    add("note", "note(\"c3\")", "note(\"e3\")");
    add("freq", "freq(300)", "freq(400)");
}

static bool same(const Audio *a, const Audio *b) {
    if (a->n != b->n) return false;
    for (long i = 0; i < a->n; i++)
        if (a->l[i] != b->l[i] || a->r[i] != b->r[i]) return false;
    return true;
}

/* Every control that sounds has a case (by its name or an alias). */
static void test_every_control_has_a_case(void **st) {
    build_cases();
    const ControlDef *t = control_table();
    for (int i = 0; i < CTL_COUNT; i++) {
        if (t[i].drives == DRIVES_PATTERN || t[i].drives == DRIVES_MIDI) continue;
        bool found = false;
        for (int k = 0; k < ncases && !found; k++) found = !strcmp(cases[k].control, t[i].name);
        if (!found) fail_msg("the control %s has no case here", t[i].name);
    }
    print_message("%d cases\n", ncases);
}

static void test_each_control_changes_the_sound(void **st) {
    int bad = 0;
    for (int k = 0; k < ncases; k++) {
        Audio a = render(NULL, cases[k].without, 120, 1), b = render(NULL, cases[k].with, 120, 1);
        double level = rms(b.l, 0, b.n) + rms(b.r, 0, b.n);
        if (same(&a, &b)) {
            print_message("%s: %s renders the same bits as %s\n", cases[k].control, cases[k].with,
                          cases[k].without);
            bad++;
        } else if (!(level > 1e-5)) {
            print_message("%s: %s is silent\n", cases[k].control, cases[k].with);
            bad++;
        }
        audio_done(&a);
        audio_done(&b);
    }
    if (bad) fail_msg("%d of %d cases: the control changed nothing", bad, ncases);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_every_control_has_a_case),
        cmocka_unit_test(test_each_control_changes_the_sound),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
