/*
 * test_controls.c - every control tala accepts changes what it says it does:
 * each is rendered with and without it, on every kind of sound it applies to
 * (Strudel's waveforms, tala's own synths and kit, the library's samples, a
 * Hydrogen kit, General MIDI), and the test fails where the two renders are
 * the same bits. Every row of the control table that sounds (not the pattern
 * and MIDI ones) must have a case here, so a new control comes with one.
 */
#include "render_support.h"

#include "audio/sampler.h"
#include "engine/zzfx.h"
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
/* superdough's stereo oscillators: tala's wavetables, the supersaw, the pulse */
#define WT     "note(\"c2 g2\").s(\"wt_harmonics\")"
#define WB     "note(\"c2 g2\").s(\"wt_basic\")"
#define WF     WB ".warpmode(\"fold\")"
#define SSAW   "note(\"c3 e3\").s(\"supersaw\")"
#define PULSE  "note(\"c2 g2\").s(\"pulse\")"
#define ZS     "note(\"c4 e4\").s(\"z_sine\")"
#define DUCKED "stack(note(\"c3\").s(\"sawtooth\").orbit(2).sustain(1), s(\"bd*4\")"
#define ZQ     "note(\"c3 g3\").s(\"z_square\")"

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
    on("shapevol", "shapevol(0.5)", B(WAVE ".shape(0.7)"));
    on("distortvol", "distortvol(0.4)", B(WAVE ".distort(3)"));
    on("distorttype", "distorttype(\"<fold chebyshev>\")",
       B(WAVE ".distort(2)", SMP ".distort(2)"));
    on("tremolo", "tremolo(6)", B(WAVE, SMP, GM));
    on("tremolosync", "tremolosync(4)", B(WAVE, SMP));
    on("tremolodepth", "tremolodepth(0.5)", B(WAVE ".tremolo(4)"));
    on("tremoloskew", "tremoloskew(0.2)", B(WAVE ".tremolo(4)"));
    on("tremolophase", "tremolophase(0.25)", B(WAVE ".tremolo(4)"));
    on("tremoloshape", "tremoloshape(\"sine\")", B(WAVE ".tremolo(4)"));
    on("compressor", "compressor(-30)", B(WAVE, SMP));
    on("compressorRatio", "compressorRatio(2)", B(WAVE ".compressor(-30)"));
    on("compressorKnee", "compressorKnee(0)", B(WAVE ".compressor(-30)"));
    on("compressorAttack", "compressorAttack(0.1)", B(WAVE ".compressor(-30)"));
    on("compressorRelease", "compressorRelease(0.5)", B(WAVE ".compressor(-30)"));
    on("phaserrate", "phaser(2)", B(WAVE, SMP));
    on("phaserdepth", "phaserdepth(0.3)", B(WAVE ".phaser(2)"));
    on("phasercenter", "phasercenter(2000)", B(WAVE ".phaser(2)"));
    on("phasersweep", "phasersweep(600)", B(WAVE ".phaser(2)"));
    on("fmattack", "fmattack(0.3)", B(SINE ".fmi(3)", WAVE ".fm(2)"));
    on("fmdecay", "fmdecay(0.1)", B(SINE ".fmi(3).fmsustain(0)"));
    on("fmsustain", "fmsustain(0.2)", B(SINE ".fmi(3).fmdecay(0.1)"));
    on("fmrelease", "fmrelease(0.5)", B(SINE ".fmi(3).fmdecay(0.1).clip(0.5)"));
    on("fmenv", "fmenv(\"lin\")", B(SINE ".fmi(3).fmdecay(0.1).fmsustain(0)"));
    on("fmwave", "fmwave(\"<square sawtooth triangle white>\")", B(SINE ".fmi(3)"));
    /* the other operators, their settings, the matrix */
    on("fm2", "fm2(3)", B(SINE ".fm(2)", WAVE ".fm(1)"));
    on("fmh2", "fmh2(2.5)", B(SINE ".fm(2).fm2(3)"));
    on("fm30", "fm30(3)", B(SINE, SINE ".fm(2)"));
    on("fm13", "fm13(2)", B(SINE ".fm(2).fm30(1)"));
    on("fm11", "fm11(0.5)", B(SINE ".fm(2)"));
    on("fmattack3", "fmattack3(0.3)", B(SINE ".fm30(3)"));
    on("fmwave8", "fmwave8(\"square\")", B(SINE ".fm80(3)"));
    on("wt", "wt(0.7)", B(WT));
    on("wtenv", "wtenv(1)", B(WT));
    on("wtattack", "wtattack(0.3)", B(WT));
    on("wtdecay", "wtdecay(0.2)", B(WT));
    on("wtsustain", "wtsustain(0.5)", B(WT ".wtdecay(0.1)"));
    on("wtrelease", "wtrelease(0.5)", B(WT ".wtdecay(0.1).wtsustain(0.6).release(0.5)"));
    on("wtrate", "wtrate(3)", B(WT));
    on("wtsync", "wtsync(4)", B(WT));
    on("wtdepth", "wtdepth(1)", B(WT ".wtrate(2)"));
    on("wtshape", "wtshape(\"square\")", B(WT ".wtrate(2)"));
    on("wtdc", "wtdc(0.5)", B(WT ".wtrate(2)"));
    on("wtskew", "wtskew(0.1)", B(WT ".wtrate(2)"));
    on("wtphaserand", "wtphaserand(0)", B(WB ".unison(3)"));
    on("warp", "warp(0.5)", B(WF));
    on("warpmode", "warpmode(\"<sync pwm>\")", B(WB ".warp(0.5)"));
    on("warpenv", "warpenv(1)", B(WF));
    on("warpattack", "warpattack(0.3)", B(WF));
    on("warpdecay", "warpdecay(0.2)", B(WF));
    on("warpsustain", "warpsustain(0.5)", B(WF ".warpdecay(0.1)"));
    on("warprelease", "warprelease(0.5)", B(WF ".warpdecay(0.1).warpsustain(0.6).release(0.5)"));
    on("warprate", "warprate(3)", B(WF));
    on("warpsync", "warpsync(4)", B(WF));
    on("warpdepth", "warpdepth(1)", B(WF ".warprate(2)"));
    on("warpshape", "warpshape(\"square\")", B(WF ".warprate(2)"));
    on("warpdc", "warpdc(0.5)", B(WF ".warprate(2)"));
    on("warpskew", "warpskew(0.1)", B(WF ".warprate(2)"));
    on("unison", "unison(2)", B(SSAW, WB));
    on("detune", "detune(1)", B(SSAW, WB ".unison(3)"));
    on("spread", "spread(0.2)", B(SSAW, WB ".unison(3)"));
    on("pw", "pw(0.2)", B(PULSE));
    on("pwrate", "pwrate(3)", B(PULSE));
    on("pwsweep", "pwsweep(0.5)", B(PULSE));
    on("zrand", "zrand(0.3)", B(ZS));
    on("curve", "curve(3)", B(ZS));
    on("slide", "slide(2)", B(ZS, ZQ));
    on("deltaSlide", "deltaSlide(-10)", B(ZS ".slide(1)"));
    on("pitchJump", "pitchJump(200)", B(ZQ ".pitchJumpTime(0.05)"));
    on("pitchJumpTime", "pitchJumpTime(0.2)", B(ZQ ".pitchJump(200)"));
    on("znoise", "znoise(1)", B(ZS));
    on("zmod", "zmod(20)", B(ZS));
    on("zcrush", "zcrush(0.1)", B(ZS));
    on("zdelay", "zdelay(0.1)", B(ZS));
    add("zzfx", "s(\"zzfx\").zzfx([0.5, 0, 220, 0, 0.2, 0.1])",
        "s(\"zzfx\").zzfx([0.5, 0, 330, 0, 0.2, 0.1, 2])");
    add("duckorbit", DUCKED ")", DUCKED ".duckorbit(2))");
    add("duckorbit", DUCKED ")", DUCKED ".duck(\"1:2\"))");
    add("duckonset", DUCKED ".duckorbit(2))", DUCKED ".duckorbit(2).duckonset(0.05))");
    add("duckattack", DUCKED ".duckorbit(2))", DUCKED ".duckorbit(2).duckattack(0.3))");
    add("duckdepth", DUCKED ".duckorbit(2))", DUCKED ".duckorbit(2).duckdepth(0.5))");
    on("channels", "channels(\"2:1\")", B(WAVE ".pan(0.2)", SMP ".pan(0.8)"));
    on("channels", "channels(1)", B(WAVE, SSAW));
    on("noise", "noise(0.3)", B(WAVE, SINE));
    on("density", "density(0.3)", B("s(\"crackle*2\")"));
    on("djf", "djf(0.3)", B(WAVE, SMP ".room(0.5)"));
    on("djf", "djf(0.7)", B(WAVE, GM));
    on("vib", "vib(6)", B(WAVE, SMP, GM));
    on("vibmod", "vibmod(2)", B(WAVE ".vib(6)"));
    /* sends */
    on("room", "room(0.6)", fx);
    on("roomsize", "roomsize(0.95)", B(WAVE ".room(0.6)", SMP ".room(0.6)"));
    on("delay", "delay(0.6)", fx);
    on("delaytime", "delaytime(0.3)", B(WAVE ".delay(0.6)", SMP ".delay(0.6)"));
    on("loopBegin", "loopBegin(0.5)", B(SMP ".loop(1).clip(4)"));
    on("loopEnd", "loopEnd(0.2)", B(SMP ".loop(1).clip(4)"));
    on("delaysync", "delaysync(0.5)", B(WAVE ".delay(0.6)", SMP ".delay(0.6)"));
    on("dry", "dry(0.3)", B(WAVE ".room(0.6)", SMP ".delay(0.6)", WAVE));
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

static bool same(const Audio *a, const Audio *b);

/* The amplitude of the frequency f in x[from..to) (a Hann window; 1 for a
 * full-scale sine whose frequency is f). */
static double tone(const float *x, long from, long to, double f, double rate) {
    double re = 0, im = 0, wsum = 0;
    for (long i = from; i < to; i++) {
        double w = 0.5 - 0.5 * cos(2 * M_PI * (double)(i - from) / (double)(to - from));
        re += w * x[i] * cos(2 * M_PI * f * (double)i / rate);
        im += w * x[i] * sin(2 * M_PI * f * (double)i / rate);
        wsum += w;
    }
    return 2 * sqrt(re * re + im * im) / wsum;
}

/* Frequency modulation of index I by a sine at h times the note's frequency f
 * puts the Bessel function J_n(I) of the note's level at f + n h f: fm(1) with
 * fmh 0.25 on a3 (220 Hz), the sidebands 55 Hz apart, measured against the
 * carrier over a second of the held note. */
static void test_fm_spectrum_is_bessel(void **st) {
    (void)st;
    Audio a = render(NULL, "note(\"a3\").s(\"sine\").fm(1).fmh(0.25)", 120, 1);
    const double J[4] = {0.765197686557967, 0.440050585744934, 0.114903484931901,
                         0.019563353982668}; /* J_0(1) ... J_3(1) */
    double c = tone(a.l, 24000, 72000, 220, 48000);
    for (int n = 1; n <= 3; n++)
        for (int sign = -1; sign <= 1; sign += 2) {
            double got = tone(a.l, 24000, 72000, 220 + sign * n * 55.0, 48000) / c;
            double want = J[n] / J[0];
            if (fabs(got - want) > 0.02 * want + 1e-4)
                fail_msg("sideband %+d: %.5f of the carrier, Bessel says %.5f", sign * n, got,
                         want);
        }
    audio_done(&a);
}

/* Operator numbers only name the routes: operator 2 straight into the note
 * sounds as operator 1 into it; routes superdough does not read (fm10, fm21:
 * those are fm and fm2) change nothing; fm2 sends 2 into 1, not into the note. */
static void test_fm_routes(void **st) {
    (void)st;
    Audio one = render(NULL, "note(\"a3\").s(\"sine\").fm(1.5).fmh(0.25)", 120, 1);
    Audio two = render(NULL, "note(\"a3\").s(\"sine\").fm20(1.5).fmh2(0.25)", 120, 1);
    Audio unread =
        render(NULL, "note(\"a3\").s(\"sine\").fm(1.5).fmh(0.25).fm10(3).fm21(2)", 120, 1);
    Audio chain = render(NULL, "note(\"a3\").s(\"sine\").fm(1.5).fmh(0.25).fm2(1)", 120, 1);
    Audio both = render(NULL, "note(\"a3\").s(\"sine\").fm(1.5).fmh(0.25).fm20(1)", 120, 1);
    assert_true(same(&one, &two));
    assert_true(same(&one, &unread));
    assert_false(same(&chain, &both));
    assert_false(same(&one, &chain));
    audio_done(&one), audio_done(&two), audio_done(&unread), audio_done(&chain), audio_done(&both);
}

/* An operator's envelope: decaying to sustain 0, exponential ramps stop at
 * 0.001 (superdough's floor: the sideband is then J_1(0.001) / J_0(0.001),
 * 0.0005 of the carrier), linear ones at 0; an attack of a second brings the
 * sidebands in. */
static void test_fm_envelope(void **st) {
    (void)st;
    Audio d =
        render(NULL, "note(\"a3\").s(\"sine\").fm(1).fmh(0.25).fmdecay(0.05).fmsustain(0)", 120, 1);
    double side = tone(d.l, 24000, 72000, 275, 48000) / tone(d.l, 24000, 72000, 220, 48000);
    if (fabs(side - 0.0005) > 0.00002) fail_msg("exp: the sideband is %g of the carrier", side);
    audio_done(&d);
    d = render(NULL,
               "note(\"a3\").s(\"sine\").fm(1).fmh(0.25).fmdecay(0.05).fmsustain(0).fmenv(\"lin\")",
               120, 1);
    side = tone(d.l, 24000, 72000, 275, 48000) / tone(d.l, 24000, 72000, 220, 48000);
    if (!(side < 1e-5)) fail_msg("lin: the sideband is %g of the carrier", side);
    Audio a = render(NULL, "note(\"a3\").s(\"sine\").fm(1).fmh(0.25).fmattack(1)", 120, 1);
    double early = tone(a.l, 2400, 9600, 275, 48000) / tone(a.l, 2400, 9600, 220, 48000);
    double late = tone(a.l, 57600, 76800, 275, 48000) / tone(a.l, 57600, 76800, 220, 48000);
    if (!(early < 0.3 * late)) fail_msg("sideband %g early, %g late", early, late);
    audio_done(&d), audio_done(&a);
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
        if (t[i].drives == DRIVES_PATTERN || t[i].drives == DRIVES_MIDI ||
            t[i].drives == DRIVES_EVENT)
            continue;
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

/* superdough's tremolo with a square wave at 4 Hz and depth 1: the level is
 * whole for the first half of each quarter second (the phase counted from the
 * timeline's start), nothing for the second. */
/* tala's wt_basic is a sine, a triangle, a sawtooth and a square, one frame
 * each: at wt 0 c3 (130.8 Hz) has no second harmonic (below -60 dB), at wt 2/3
 * (the saw) its second is half its first, the square's (wt 1) third a third
 * and its second nothing; halfway between the saw and the square (the frames
 * mixed half and half) the second harmonic is half the saw's. */
static double wt_harmonic(const char *wt, int h) {
    char pat[120];
    snprintf(pat, sizeof pat, "note(\"c3\").s(\"wt_basic\").wt(%s).release(0)", wt);
    Audio a = render(NULL, pat, 120, 1);
    double f = 440 * pow(2, (48 - 69) / 12.0), x = tone(a.l, 4800, 76800, h * f, 48000);
    audio_done(&a);
    return x;
}

static void test_wavetable_frames(void **st) {
    (void)st;
    static const struct {
        const char *wt;
        int h;
        double ratio, tol;
    } C[] = {{"0", 2, 0, 0.001},
             {"0.6666667", 2, 0.5, 0.02},
             {"1", 3, 1.0 / 3, 0.02},
             {"1", 2, 0, 0.002}};
    for (size_t k = 0; k < sizeof C / sizeof C[0]; k++) {
        double one = wt_harmonic(C[k].wt, 1), r = wt_harmonic(C[k].wt, C[k].h) / one;
        if (!(one > 0.01 && fabs(r - C[k].ratio) < C[k].tol))
            fail_msg("wt %s: harmonic %d at %g of the first (%g expected)", C[k].wt, C[k].h, r,
                     C[k].ratio);
    }
    double saw = wt_harmonic("0.6666667", 2), mid = wt_harmonic("0.8333333", 2);
    if (!(fabs(mid / saw - 0.5) < 0.01)) fail_msg("halfway: %g of the saw's second", mid / saw);
}

/* superdough's supersaw and wavetable voices are stereo: with no spread the
 * two sides are the same bits, spread makes them differ; panned hard left a
 * note is all on the left (Web Audio's stereo panner) */
static void test_stereo_oscillators(void **st) {
    (void)st;
    static const char *const flat[] = {SSAW ".spread(0)", SSAW ".unison(1)", WB};
    static const char *const wide[] = {SSAW, WB ".unison(4)"};
    for (int k = 0; k < 3; k++) {
        Audio a = render(NULL, flat[k], 120, 1);
        assert_true(a.n > 0 && rms(a.l, 0, a.n) > 0.01);
        assert_memory_equal(a.l, a.r, sizeof(float) * (size_t)a.n);
        audio_done(&a);
    }
    for (int k = 0; k < 2; k++) {
        Audio a = render(NULL, wide[k], 120, 1);
        double d = 0;
        for (long i = 0; i < a.n; i++) d += fabs(a.l[i] - a.r[i]);
        if (!(d / a.n > 0.01)) fail_msg("%s: the sides differ by %g on average", wide[k], d / a.n);
        audio_done(&a);
    }
    Audio a = render(NULL, SSAW ".pan(0)", 120, 1);
    assert_true(rms(a.l, 0, a.n) > 0.01 && rms(a.r, 0, a.n) == 0);
    audio_done(&a);
}

/* A ZzFX note is ZzFX's buildSamples (superdough's zzfx_fork.mjs): these are
 * its length, RMS and two samples for four notes at 48 kHz, computed by that
 * JavaScript in node (1 s long, superdough's defaults otherwise): c4 on
 * z_sine; on z_square sliding up by 4; c3 on z_sawtooth crushed 0.1 and
 * echoed 0.1 s later; c3 on z_triangle modulated 10 Hz with a 100 Hz jump after
 * 0.1 s. Then the engine plays it as it is: at gain 0.8 and centred, the left
 * is the buffer times 0.8 cos(pi/4). */
static void test_zzfx_is_buildsamples(void **st) {
    (void)st;
    static const struct {
        const char *s;
        double note;
        int ctl;
        double v1, v2;
        uint32_t n;
        double rms, at1000, at20000;
    } C[] = {{"z_sine", 60, -1, 0, 0, 52809, 0.137070, 0.061167, 0.013376},
             {"z_square", 60, ZZ_SLIDE, 4, 0, 52809, 0.193837, 0.2, -0.2},
             {"z_sawtooth", 48, ZZ_CRUSH, 0.1, 0.1, 57609, 0.075708, -0.044508, 0.025408},
             {"z_triangle", 48, ZZ_MOD, 10, 0, 52809, 0.113330, 0.190385, 0.053964}};
    ZzPool pool = {0};
    for (size_t k = 0; k < sizeof C / sizeof C[0]; k++) {
        double ctl[ZZ_NCTL] = {0, 0, 0.8, 0.1, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0}, p[ZZFX_PARAMS];
        if (C[k].ctl >= 0) ctl[C[k].ctl] = C[k].v1;
        if (C[k].ctl == ZZ_CRUSH) ctl[ZZ_DELAY] = C[k].v2;
        if (C[k].ctl == ZZ_MOD) ctl[ZZ_PITCHJUMP] = 100, ctl[ZZ_PITCHJUMPTIME] = 0.1;
        zzfx_params(C[k].s, 440 * pow(2, (C[k].note - 69) / 12), 1, ctl, p);
        const Sample *b = zzfx_render(&pool, p, 48000, 1, 0, 0);
        assert_non_null(b);
        double e = 0;
        for (uint32_t i = 0; i < b->frames; i++) e += (double)b->data[i] * b->data[i];
        if (b->frames != C[k].n || fabs(sqrt(e / b->frames) - C[k].rms) > 1e-6 ||
            fabs(b->data[1000] - C[k].at1000) > 1e-6 || fabs(b->data[20000] - C[k].at20000) > 1e-6)
            fail_msg("%s: %u samples, RMS %.6f, %.6f, %.6f", C[k].s, b->frames, sqrt(e / b->frames),
                     b->data[1000], b->data[20000]);
    }
    zzfx_free(&pool);
    /* played: half a second at tempo 120 (a cycle of two notes lasting 1 s each is
     * "c4 ~" over 2 s); 1000 samples in, the left is the buffer's sample x 0.8 x 0.7071 */
    Audio a = render(NULL, "note(\"c4 ~\").s(\"z_sine\")", 120, 1);
    assert_true(fabs(a.l[1000] - 0.061167 * 0.8 * M_SQRT1_2) < 1e-5);
    audio_done(&a);
}

/* duckorbit, as superdough's Orbit.duck: a silent kick on every beat (0.5 s
 * at tempo 120) ducks orbit 2, where a sine holds: the sine's level, against
 * the same render without the ducking, is 1 until 10 ms before the beat,
 * 0.01 (1 - sqrt(depth 1), at least 0.01) at it, then back up exponentially
 * over the attack (0.2 s): 0.1 halfway. Depth 0.25 goes down to 0.5 only. */
static double duck_ratio(const Audio *d, const Audio *p, long at) {
    double num = 0, den = 0; /* a least-squares gain over the 9 samples around `at` */
    for (long i = at - 4; i <= at + 4; i++) num += d->l[i] * p->l[i], den += p->l[i] * p->l[i];
    return num / den;
}

static void test_duck(void **st) {
    (void)st;
    const char *plain = "stack(note(\"c3\").s(\"sine\").orbit(2).sustain(1), "
                        "s(\"bd*4\").postgain(0))";
    Audio p = render(NULL, plain, 120, 1);
    Audio d = render(NULL,
                     "stack(note(\"c3\").s(\"sine\").orbit(2).sustain(1), "
                     "s(\"bd*4\").postgain(0).duckorbit(2).duckattack(0.2))",
                     120, 1);
    Audio h = render(NULL,
                     "stack(note(\"c3\").s(\"sine\").orbit(2).sustain(1), "
                     "s(\"bd*4\").postgain(0).duckorbit(2).duckattack(0.2).duckdepth(0.25))",
                     120, 1);
    static const struct {
        long at;
        double want;
    } C[] = {{24000 - 600, 1}, {24000, 0.01}, {24000 + 4800, 0.1}, {24000 + 9600, 1}};
    for (size_t k = 0; k < sizeof C / sizeof C[0]; k++) {
        double r = duck_ratio(&d, &p, C[k].at);
        if (!(fabs(r / C[k].want - 1) < 0.03))
            fail_msg("at frame %ld the ducked level is %g, not %g", C[k].at, r, C[k].want);
    }
    double half = duck_ratio(&h, &p, 24000);
    if (!(fabs(half - 0.5) < 0.015)) fail_msg("depth 0.25: %g, not 0.5", half);
    audio_done(&p), audio_done(&d), audio_done(&h);
}

/* channels: a note's sides to the outputs named, as superdough's channel
 * merger on a stereo device: 1 keeps the left alone, on the left; 2 puts the
 * left on the right; "2:1" swaps; 3:4 wraps to 1:2. Bit for bit. */
static void test_channels(void **st) {
    (void)st;
    Audio p = render(NULL, WAVE ".pan(0.2)", 120, 1);
    Audio one = render(NULL, WAVE ".pan(0.2).channels(1)", 120, 1);
    Audio two = render(NULL, WAVE ".pan(0.2).ch(2)", 120, 1);
    Audio sw = render(NULL, WAVE ".pan(0.2).channels(\"2:1\")", 120, 1);
    Audio wr = render(NULL, WAVE ".pan(0.2).channels(\"3:4\")", 120, 1);
    size_t bytes = sizeof(float) * (size_t)p.n;
    assert_true(p.n > 0 && rms(p.l, 0, p.n) > 0.01 && rms(p.r, 0, p.n) > 0.01);
    assert_memory_equal(one.l, p.l, bytes);
    assert_true(rms(one.r, 0, one.n) == 0);
    assert_memory_equal(two.r, p.l, bytes);
    assert_true(rms(two.l, 0, two.n) == 0);
    assert_memory_equal(sw.l, p.r, bytes);
    assert_memory_equal(sw.r, p.l, bytes);
    assert_true(same(&wr, &p));
    audio_done(&p), audio_done(&one), audio_done(&two), audio_done(&sw), audio_done(&wr);
}

/* noise, as superdough's drywet of pink noise into the oscillator: up to 0.5 the
 * tone keeps its full level (c4's fundamental as without, within 2 %), at 1 it
 * is gone (below 1 % of it) and only noise is left */
static void test_noise_mix(void **st) {
    (void)st;
    double f = 440 * pow(2, (60 - 69) / 12.0), lvl[3];
    const char *pats[3] = {"note(\"c4\").s(\"sine\")", "note(\"c4\").s(\"sine\").noise(0.4)",
                           "note(\"c4\").s(\"sine\").noise(1)"};
    double noise[3];
    for (int k = 0; k < 3; k++) {
        Audio a = render(NULL, pats[k], 120, 1);
        lvl[k] = tone(a.l, 4800, 52800, f, 48000);
        noise[k] = tone(a.l, 4800, 52800, 3.7 * f, 48000);
        audio_done(&a);
    }
    if (!(fabs(lvl[1] / lvl[0] - 1) < 0.02 && lvl[2] < 0.01 * lvl[0]))
        fail_msg("the tone: %g, %g, %g", lvl[0], lvl[1], lvl[2]);
    if (!(noise[1] > 10 * noise[0])) fail_msg("no noise: %g, %g", noise[0], noise[1]);
}

/* djf, superdough's DJ filter (its worklet's two-pole filter, resonance 0.1):
 * held sines through it against the same without, their gain as that
 * filter gives it run in node: djf 0.2 (a low-pass at 374.8 Hz) 1.3855 at c4
 * and 0.1474 at c6; djf 0.8 (a high-pass at 1897 Hz) 0.0728 at c4 and 1.1986
 * at c8. It stays on the orbit after the note that set it. */
static void test_djf(void **st) {
    (void)st;
    static const struct {
        double djf;
        int note;
        double gain;
    } C[] = {{0.2, 60, 1.38550}, {0.2, 84, 0.14742}, {0.8, 60, 0.07280}, {0.8, 108, 1.19859}};
    for (size_t k = 0; k < sizeof C / sizeof C[0]; k++) {
        char a[120], b[140];
        snprintf(a, sizeof a, "note(\"%d\").s(\"sine\").sustain(1)", C[k].note);
        snprintf(b, sizeof b, "%s.djf(%g)", a, C[k].djf);
        Audio p = render(NULL, a, 120, 1), d = render(NULL, b, 120, 1);
        double f = 440 * pow(2, (C[k].note - 69) / 12.0);
        double g = tone(d.l, 24000, 72000, f, 48000) / tone(p.l, 24000, 72000, f, 48000);
        if (!(fabs(g / C[k].gain - 1) < 0.01))
            fail_msg("djf %g at note %d: gain %g, not %g", C[k].djf, C[k].note, g, C[k].gain);
        audio_done(&p), audio_done(&d);
    }
    /* the second note gives no djf: the orbit keeps the first's */
    Audio p = render(NULL, "note(\"60 60\").s(\"sine\").sustain(1)", 120, 1);
    Audio d = render(NULL,
                     "seq(note(60).s(\"sine\").sustain(1).djf(0.8), "
                     "note(60).s(\"sine\").sustain(1))",
                     120, 1);
    double f = 440 * pow(2, (60 - 69) / 12.0);
    double g = tone(d.l, 60000, 90000, f, 48000) / tone(p.l, 60000, 90000, f, 48000);
    if (!(fabs(g / 0.0728 - 1) < 0.02)) fail_msg("the orbit's djf after it: gain %g", g);
    audio_done(&p), audio_done(&d);
}

static void test_tremolo_gates(void **st) {
    (void)st;
    Audio a = render(NULL, "note(\"a3\").s(\"sine\").tremolo(4).tremoloshape(\"square\")", 120, 1);
    for (int k = 1; k < 6; k++) { /* 12000 samples a period */
        long p = k * 12000L;
        double on = rms(a.l, p + 600, p + 5400), off = rms(a.l, p + 6600, p + 11400);
        if (!(on > 0.05 && off < 1e-6)) fail_msg("period %d: %g on, %g off", k, on, off);
    }
    audio_done(&a);
    /* tremolosync(2) at tempo 120 (half a cycle a second) is tremolo(1) */
    Audio s1 = render(NULL, "note(\"a3\").s(\"sine\").tremolosync(2)", 120, 1);
    Audio s2 = render(NULL, "note(\"a3\").s(\"sine\").tremolo(1)", 120, 1);
    assert_true(same(&s1, &s2));
    audio_done(&s1), audio_done(&s2);
}

/* The phaser's first notch, unswept, at 1000 Hz: a sine there is taken out
 * (below -40 dB of itself without the phaser), one at 200 Hz passes (the notches are
 * wide: superdough's Q of 0.5 at its depth 0.75). */
static void test_phaser_notches(void **st) {
    (void)st;
    const char *f[2] = {"1000", "200"};
    for (int i = 0; i < 2; i++) {
        char with[200], without[160];
        snprintf(without, sizeof without, "freq(%s).s(\"sine\")", f[i]);
        snprintf(with, sizeof with, "%s.phaser(1).phasersweep(0)", without);
        Audio a = render(NULL, without, 120, 1), b = render(NULL, with, 120, 1);
        double ratio = rms(b.l, 24000, 72000) / rms(a.l, 24000, 72000);
        if (i == 0 && !(ratio < 0.01)) fail_msg("1000 Hz through the notch: %g of it", ratio);
        if (i == 1 && !(ratio > 0.7)) fail_msg("200 Hz through the phaser: %g of it", ratio);
        audio_done(&a), audio_done(&b);
    }
}

/* The compressor: ratio 1 is no compression and no makeup gain (the same bits
 * as an effect that changes nothing, shape 0: both take the note's gain before
 * them, as superdough's); at ratio 20 from -30 dB a loud note's level comes
 * down and its makeup gain lifts a quiet one. */
static void test_compressor(void **st) {
    (void)st;
    Audio a = render(NULL, "note(\"a3\").s(\"sine\").gain(0.3).shape(0)", 120, 1);
    Audio b = render(NULL, "note(\"a3\").s(\"sine\").gain(0.3).compressor(-30).compressorRatio(1)",
                     120, 1);
    assert_true(same(&a, &b));
    Audio c = render(NULL, "note(\"a3\").s(\"sine\").gain(0.3).compressor(-30).compressorRatio(20)",
                     120, 1);
    Audio loud =
        render(NULL, "note(\"a3\").s(\"sine\").compressor(-30).compressorRatio(20)", 120, 1);
    Audio plain = render(NULL, "note(\"a3\").s(\"sine\")", 120, 1);
    /* the loud note is pushed down more than the quiet one: their levels come closer */
    Audio quiet = render(NULL, "note(\"a3\").s(\"sine\").gain(0.3)", 120, 1);
    double before = rms(plain.l, 24000, 72000) / rms(quiet.l, 24000, 72000);
    audio_done(&quiet);
    double after = rms(loud.l, 24000, 72000) / rms(c.l, 24000, 72000);
    if (!(after < 0.5 * before)) fail_msg("loud/quiet %g before, %g after", before, after);
    audio_done(&a), audio_done(&b), audio_done(&c), audio_done(&loud), audio_done(&plain);
}

/* Each of superdough's nine distortions is its own sound; distortvol is a
 * level after it (0.5: every sample half, exactly). */
static void test_distortions(void **st) {
    (void)st;
    static const char *const ALGO[9] = {"scurve", "soft", "hard",     "cubic",    "diode",
                                        "asym",   "fold", "sinefold", "chebyshev"};
    Audio r[9];
    for (int i = 0; i < 9; i++) {
        char p[160];
        snprintf(p, sizeof p,
                 "note(\"a2\").s(\"sawtooth\").gain(0.3).distort(2).distorttype(\"%s\")", ALGO[i]);
        r[i] = render(NULL, p, 120, 1);
        for (int j = 0; j < i; j++)
            if (same(&r[i], &r[j])) fail_msg("%s sounds as %s", ALGO[i], ALGO[j]);
    }
    Audio h = render(
        NULL,
        "note(\"a2\").s(\"sawtooth\").gain(0.3).distort(2).distorttype(\"fold\").distortvol(0.5)",
        120, 1);
    for (long i = 0; i < h.n; i++)
        if (h.l[i] != 0.5f * r[6].l[i])
            fail_msg("sample %ld: %g, not half of %g", i, h.l[i], r[6].l[i]);
    audio_done(&h);
    for (int i = 0; i < 9; i++) audio_done(&r[i]);
}

/* superdough's delay time when none is given: delaysync cycles (3/16), at
 * tempo 120 (half a cycle a second) 0.375 s: a short blip's echo is there. */
static void test_delay_sync(void **st) {
    (void)st;
    Audio a =
        render(NULL, "freq(1000).s(\"sine\").clip(0.04).delay(0.8).delayfeedback(0.1)", 120, 1);
    double blip = rms(a.l, 0, 3000), gap = rms(a.l, 9600, 16800);
    double echo = rms(a.l, 18000, 21000), none = rms(a.l, 22800, 26400);
    if (!(echo > 0.2 * blip && gap < 1e-4 * blip && none < 0.05 * echo))
        fail_msg("blip %g, gap %g, echo at 0.375 s %g, after it %g", blip, gap, echo, none);
    audio_done(&a);
    Audio b = render(
        NULL, "freq(1000).s(\"sine\").clip(0.04).delay(0.8).delayfeedback(0.1).delaysync(0.25)",
        120, 1);
    double at = rms(b.l, 24000, 27000), before = rms(b.l, 9600, 22800);
    if (!(at > 0.2 * blip && before < 1e-4 * blip))
        fail_msg("delaysync 0.25: %g at 0.5 s, %g before", at, before);
    audio_done(&b);
}

/* dry is the level of the note's own sound only: with a reverb send, the render
 * at dry 1 less the one at dry 0 is the note without its send. */
static void test_dry(void **st) {
    (void)st;
    Audio w = render(NULL, "note(\"a3\").s(\"sine\").room(0.6)", 120, 1);
    Audio d = render(NULL, "note(\"a3\").s(\"sine\").room(0.6).dry(0)", 120, 1);
    Audio o = render(NULL, "note(\"a3\").s(\"sine\")", 120, 1);
    double worst = 0;
    for (long i = 0; i < o.n; i++) worst = fmax(worst, fabs((w.l[i] - d.l[i]) - o.l[i]));
    if (!(worst < 1e-5)) fail_msg("the difference strays %g from the dry note", worst);
    assert_true(rms(d.l, 24000, 72000) > 0.001); /* the reverb is still there */
    audio_done(&w), audio_done(&d), audio_done(&o);
}

/* A looping sample goes round loopBegin..loopEnd, as superdough's buffer source: a
 * ramp of 100 frames at the output's rate reads 0..74, then 50..74 again and again;
 * with begin 0.2 the loop points count from begin (superdough's quirk): 30..54. */
static void test_loop_points(void **st) {
    (void)st;
    float ramp[100];
    for (int i = 0; i < 100; i++) ramp[i] = (float)i;
    Sample smp = {ramp, NULL, 100, 48000};
    const float one = 1, on = 1, lb = 0.5f, le = 0.75f, end = 1;
    for (int k = 0; k < 2; k++) {
        const float begin = k ? 0.2f : 0;
        const float *in[6] = {&one, &begin, &end, &on, &lb, &le};
        const int m[6] = {0};
        float out[256];
        double phase = 0;
        sampler_block(&smp, 0, &phase, in, m, out, 64, 0, 1.0 / 48000);
        sampler_block(&smp, 0, &phase, in, m, out + 64, 64, 64, 1.0 / 48000);
        sampler_block(&smp, 0, &phase, in, m, out + 128, 128, 128, 1.0 / 48000);
        double p = begin * 99;
        double ls = k ? 30 : 50, lend = k ? 55 : 75;
        for (int j = 0; j < 256; j++) {
            if (p >= lend) p = ls + fmod(p - ls, lend - ls);
            if (fabs(out[j] - p) > 1e-3)
                fail_msg("begin %g, sample %d: %g, not %g", begin, j, out[j], p);
            p += 1;
        }
    }
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_every_control_has_a_case),
        cmocka_unit_test(test_each_control_changes_the_sound),
        cmocka_unit_test(test_fm_spectrum_is_bessel),
        cmocka_unit_test(test_fm_routes),
        cmocka_unit_test(test_fm_envelope),
        cmocka_unit_test(test_wavetable_frames),
        cmocka_unit_test(test_stereo_oscillators),
        cmocka_unit_test(test_zzfx_is_buildsamples),
        cmocka_unit_test(test_duck),
        cmocka_unit_test(test_channels),
        cmocka_unit_test(test_noise_mix),
        cmocka_unit_test(test_djf),
        cmocka_unit_test(test_tremolo_gates),
        cmocka_unit_test(test_phaser_notches),
        cmocka_unit_test(test_compressor),
        cmocka_unit_test(test_distortions),
        cmocka_unit_test(test_delay_sync),
        cmocka_unit_test(test_dry),
        cmocka_unit_test(test_loop_points),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
