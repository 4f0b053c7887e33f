/*
 * sounds.c - the sound library's names (see sounds.h).
 */
#include "sounds.h"

#include <ctype.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#define L(...)                                                                                     \
    (const char *const[]) {                                                                        \
        __VA_ARGS__, NULL                                                                          \
    }

/* clang-format off */
const DirtSound DIRT_SOUNDS[] = {
    {"bd", L("bd_haus", "bd_808", "bd_boom", "bd_klub", "bd_fat", "bd_tek", "bd_zum", "bd_gas",
             "bd_pure", "bd_ada", "bd_sone", "bd_zome", "bd_mehackit", "drum_heavy_kick",
             "drum_bass_hard", "drum_bass_soft", "elec_soft_kick", "elec_hollow_kick"),
     "bass drums"},
    {"sd", L("sn_dolf", "sn_dub", "sn_generic", "sn_zome", "drum_snare_hard", "drum_snare_soft",
             "elec_snare", "elec_hi_snare", "elec_mid_snare", "elec_lo_snare", "elec_filt_snare"),
     "snare drums"},
    {"sn", L("sn_dolf", "sn_dub", "sn_generic", "sn_zome", "drum_snare_hard", "drum_snare_soft",
             "elec_snare", "elec_hi_snare", "elec_mid_snare", "elec_lo_snare", "elec_filt_snare"),
     "snare drums (as sd)"},
    {"hh", L("drum_cymbal_closed", "drum_cymbal_pedal", "Audiophob/Closed HH",
             "Millo_MultiLayered2/Closed HH", "ElectricEmpireKit/Hat Closed Bs"),
     "closed hi-hats"},
    {"hc", L("drum_cymbal_closed", "drum_cymbal_pedal", "Audiophob/Closed HH"),
     "closed hi-hats (as hh)"},
    {"hh27", L("drum_cymbal_closed", "drum_cymbal_pedal", "ElectricEmpireKit/Hat Closed Bs",
               "ElectricEmpireKit/Hat Closed Dirty"),
     "closed hi-hats"},
    {"oh", L("drum_cymbal_open", "Audiophob/Open HH", "Millo_MultiLayered2/Open HH",
             "ElectricEmpireKit/Hat Op Dirty"),
     "open hi-hats"},
    {"ho", L("drum_cymbal_open", "Audiophob/Open HH"), "open hi-hats (as oh)"},
    {"cp", L("Audiophob/Hand Clap", "ElectricEmpireKit/Clap", "ElectricEmpireKit/Clap Hard",
             "Gimme A Hand 1.0/Hand Clap"),
     "hand claps"},
    {"rim", L("ForzeeStereo/Rim Click (Pearl Free Floating Maple 14x3.5)", "Audiophob/Stick", "The Black Pearl 1.0/Pearl Side Stick"),
     "rim shots and side sticks"},
    {"lt", L("drum_tom_lo_hard", "drum_tom_lo_soft", "Audiophob/Tom Low"), "low toms"},
    {"mt", L("drum_tom_mid_hard", "drum_tom_mid_soft", "Audiophob/Tom Mid"), "middle toms"},
    {"ht", L("drum_tom_hi_hard", "drum_tom_hi_soft", "Audiophob/Tom Hi"), "high toms"},
    {"cr", L("drum_splash_hard", "drum_splash_soft", "drum_cymbal_hard", "Audiophob/Crash"),
     "crash and splash cymbals"},
    {"rd", L("Audiophob/Ride Jazz", "Millo_MultiLayered2/Ride Rock", "The Black Pearl 1.0/Paiste Ride"),
     "ride cymbals"},
    {"cb", L("drum_cowbell", "Audiophob/Cowbell"), "cowbells"},
    {"sh", L("Gimme A Hand 1.0/Maraca"), "a shaker"},
    {"tb", L("Gimme A Hand 1.0/Tambourine"), "a tambourine"},
    {"perc", L("perc_bell", "perc_bell2", "perc_door", "perc_impact1", "perc_impact2", "perc_snap",
               "perc_snap2", "perc_swash", "perc_swoosh", "perc_till"),
     "percussion"},
    {"misc", L("misc_burp", "misc_cineboom", "misc_crow"), "odd sounds"},
    {"bell", L("perc_bell", "perc_bell2", "elec_bell"), "bells"},
    {"click", L("elec_tick", "elec_blip", "elec_blip2", "elec_plip"), "clicks"},
    {"glitch", L("glitch_perc1", "glitch_perc2", "glitch_perc3", "glitch_perc4", "glitch_perc5",
                 "glitch_bass_g", "glitch_robot1", "glitch_robot2"),
     "glitches"},
    {"tabla", L("tabla_na", "tabla_tas1", "tabla_ke1", "tabla_ghe1", "tabla_te1", "tabla_re",
                "tabla_dhec", "tabla_tun1", "tabla_na_o", "tabla_na_s", "tabla_tas2", "tabla_tas3",
                "tabla_ke2", "tabla_ke3", "tabla_ghe2", "tabla_ghe3", "tabla_ghe4", "tabla_ghe5",
                "tabla_ghe6", "tabla_ghe7", "tabla_ghe8", "tabla_te2", "tabla_te_m", "tabla_te_ne",
                "tabla_tun2", "tabla_tun3"),
     "tabla strokes"},
};
const int NDIRT_SOUNDS = (int)(sizeof DIRT_SOUNDS / sizeof DIRT_SOUNDS[0]);

/* Strudel's names (its soundfonts/gm.mjs, in its order), then General MIDI's own names
 * for the programs where they differ. */
const GmSound GM_SOUNDS[] = {
    {"gm_piano", {0, 1, 2, 3}, 4},
    {"gm_epiano1", {4}, 1},
    {"gm_epiano2", {5}, 1},
    {"gm_harpsichord", {6}, 1},
    {"gm_clavinet", {7}, 1},
    {"gm_celesta", {8}, 1},
    {"gm_glockenspiel", {9}, 1},
    {"gm_music_box", {10}, 1},
    {"gm_vibraphone", {11}, 1},
    {"gm_marimba", {12}, 1},
    {"gm_xylophone", {13}, 1},
    {"gm_tubular_bells", {14}, 1},
    {"gm_dulcimer", {15}, 1},
    {"gm_drawbar_organ", {16}, 1},
    {"gm_percussive_organ", {17}, 1},
    {"gm_rock_organ", {18}, 1},
    {"gm_church_organ", {19}, 1},
    {"gm_reed_organ", {20}, 1},
    {"gm_accordion", {21}, 1},
    {"gm_harmonica", {22}, 1},
    {"gm_bandoneon", {23}, 1},
    {"gm_acoustic_guitar_nylon", {24}, 1},
    {"gm_acoustic_guitar_steel", {25}, 1},
    {"gm_electric_guitar_jazz", {26}, 1},
    {"gm_electric_guitar_clean", {27}, 1},
    {"gm_electric_guitar_muted", {28}, 1},
    {"gm_overdriven_guitar", {29}, 1},
    {"gm_distortion_guitar", {30}, 1},
    {"gm_guitar_harmonics", {31}, 1},
    {"gm_acoustic_bass", {32}, 1},
    {"gm_electric_bass_finger", {33}, 1},
    {"gm_electric_bass_pick", {34}, 1},
    {"gm_fretless_bass", {35}, 1},
    {"gm_slap_bass_1", {36}, 1},
    {"gm_slap_bass_2", {37}, 1},
    {"gm_synth_bass_1", {38}, 1},
    {"gm_synth_bass_2", {39}, 1},
    {"gm_violin", {40}, 1},
    {"gm_viola", {41}, 1},
    {"gm_cello", {42}, 1},
    {"gm_contrabass", {43}, 1},
    {"gm_tremolo_strings", {44}, 1},
    {"gm_pizzicato_strings", {45}, 1},
    {"gm_orchestral_harp", {46}, 1},
    {"gm_timpani", {47}, 1},
    {"gm_string_ensemble_1", {48}, 1},
    {"gm_string_ensemble_2", {49}, 1},
    {"gm_synth_strings_1", {50}, 1},
    {"gm_synth_strings_2", {51}, 1},
    {"gm_choir_aahs", {52}, 1},
    {"gm_voice_oohs", {53}, 1},
    {"gm_synth_choir", {54}, 1},
    {"gm_orchestra_hit", {55}, 1},
    {"gm_trumpet", {56}, 1},
    {"gm_trombone", {57}, 1},
    {"gm_tuba", {58}, 1},
    {"gm_muted_trumpet", {59}, 1},
    {"gm_french_horn", {60}, 1},
    {"gm_brass_section", {61}, 1},
    {"gm_synth_brass_1", {62}, 1},
    {"gm_synth_brass_2", {63}, 1},
    {"gm_soprano_sax", {64}, 1},
    {"gm_alto_sax", {65}, 1},
    {"gm_tenor_sax", {66}, 1},
    {"gm_baritone_sax", {67}, 1},
    {"gm_oboe", {68}, 1},
    {"gm_english_horn", {69}, 1},
    {"gm_bassoon", {70}, 1},
    {"gm_clarinet", {71}, 1},
    {"gm_piccolo", {72}, 1},
    {"gm_flute", {73}, 1},
    {"gm_recorder", {74}, 1},
    {"gm_pan_flute", {75}, 1},
    {"gm_blown_bottle", {76}, 1},
    {"gm_shakuhachi", {77}, 1},
    {"gm_whistle", {78}, 1},
    {"gm_ocarina", {79}, 1},
    {"gm_lead_1_square", {80}, 1},
    {"gm_lead_2_sawtooth", {81}, 1},
    {"gm_lead_3_calliope", {82}, 1},
    {"gm_lead_4_chiff", {83}, 1},
    {"gm_lead_5_charang", {84}, 1},
    {"gm_lead_6_voice", {85}, 1},
    {"gm_lead_7_fifths", {86}, 1},
    {"gm_lead_8_bass_lead", {87}, 1},
    {"gm_pad_new_age", {88}, 1},
    {"gm_pad_warm", {89}, 1},
    {"gm_pad_poly", {90}, 1},
    {"gm_pad_choir", {91}, 1},
    {"gm_pad_bowed", {92}, 1},
    {"gm_pad_metallic", {93}, 1},
    {"gm_pad_halo", {94}, 1},
    {"gm_pad_sweep", {95}, 1},
    {"gm_fx_rain", {96}, 1},
    {"gm_fx_soundtrack", {97}, 1},
    {"gm_fx_crystal", {98}, 1},
    {"gm_fx_atmosphere", {99}, 1},
    {"gm_fx_brightness", {100}, 1},
    {"gm_fx_goblins", {101}, 1},
    {"gm_fx_echoes", {102}, 1},
    {"gm_fx_sci_fi", {103}, 1},
    {"gm_sitar", {104}, 1},
    {"gm_banjo", {105}, 1},
    {"gm_shamisen", {106}, 1},
    {"gm_koto", {107}, 1},
    {"gm_kalimba", {108}, 1},
    {"gm_bagpipe", {109}, 1},
    {"gm_fiddle", {110}, 1},
    {"gm_shanai", {111}, 1},
    {"gm_tinkle_bell", {112}, 1},
    {"gm_agogo", {113}, 1},
    {"gm_steel_drums", {114}, 1},
    {"gm_woodblock", {115}, 1},
    {"gm_taiko_drum", {116}, 1},
    {"gm_melodic_tom", {117}, 1},
    {"gm_synth_drum", {118}, 1},
    {"gm_reverse_cymbal", {119}, 1},
    {"gm_guitar_fret_noise", {120}, 1},
    {"gm_breath_noise", {121}, 1},
    {"gm_seashore", {122}, 1},
    {"gm_bird_tweet", {123}, 1},
    {"gm_telephone", {124}, 1},
    {"gm_helicopter", {125}, 1},
    {"gm_applause", {126}, 1},
    {"gm_gunshot", {127}, 1},
    {"gm_acoustic_grand_piano", {0}, 1},
    {"gm_bright_acoustic_piano", {1}, 1},
    {"gm_electric_grand_piano", {2}, 1},
    {"gm_honky_tonk_piano", {3}, 1},
    {"gm_electric_piano_1", {4}, 1},
    {"gm_electric_piano_2", {5}, 1},
    {"gm_tango_accordion", {23}, 1},
    {"gm_synth_voice", {54}, 1},
    {"gm_pad_1_new_age", {88}, 1},
    {"gm_pad_2_warm", {89}, 1},
    {"gm_pad_3_polysynth", {90}, 1},
    {"gm_pad_4_choir", {91}, 1},
    {"gm_pad_5_bowed", {92}, 1},
    {"gm_pad_6_metallic", {93}, 1},
    {"gm_pad_7_halo", {94}, 1},
    {"gm_pad_8_sweep", {95}, 1},
    {"gm_fx_1_rain", {96}, 1},
    {"gm_fx_2_soundtrack", {97}, 1},
    {"gm_fx_3_crystal", {98}, 1},
    {"gm_fx_4_atmosphere", {99}, 1},
    {"gm_fx_5_brightness", {100}, 1},
    {"gm_fx_6_goblins", {101}, 1},
    {"gm_fx_7_echoes", {102}, 1},
    {"gm_fx_8_sci_fi", {103}, 1},
    {"gm_telephone_ring", {124}, 1},
};
/* clang-format on */
const int NGM_SOUNDS = (int)(sizeof GM_SOUNDS / sizeof GM_SOUNDS[0]);

int gm_program(const char *name, int n) {
    if (!strcmp(name, "piano")) name = "gm_piano"; /* strudel.cc's piano */
    for (int i = 0; i < NGM_SOUNDS; i++)
        if (!strcmp(GM_SOUNDS[i].name, name)) {
            int c = GM_SOUNDS[i].nprograms;
            return GM_SOUNDS[i].programs[((n % c) + c) % c];
        }
    return -1;
}

/* Whether word w (lower case) is in s as a word of its own or a word's start. */
static bool has(const char *s, const char *w) {
    for (const char *p = strstr(s, w); p; p = strstr(p + 1, w))
        if (p == s || !isalpha((unsigned char)p[-1])) return true;
    return false;
}

const char *hydrogen_role(const char *instrument) {
    char s[128];
    size_t i = 0;
    for (; instrument[i] && i < sizeof s - 1; i++)
        s[i] = (char)tolower((unsigned char)instrument[i]);
    s[i] = 0;
    if (has(s, "sample:")) return NULL;
    if (has(s, "kick") || has(s, "bassdrum") || has(s, "bass drum")) return "bd";
    if (has(s, "rim click") || has(s, "stick") || has(s, "side stick")) return "rim";
    if (has(s, "snare")) return "sd";
    if (has(s, "clap")) return "cp";
    if (has(s, "hat") || has(s, "hh") || has(s, "hi-hat")) {
        if (has(s, "open") || has(s, "op") || has(s, "semi")) return "oh";
        return "hh";
    }
    if (has(s, "tom")) {
        if (has(s, "low") || has(s, "lo") || has(s, "floor") || strstr(s, "tomlo")) return "lt";
        if (strstr(s, "tomhi")) return "ht";
        if (has(s, "mid") || has(s, "2")) return "mt";
        if (has(s, "hi") || has(s, "high") || has(s, "1")) return "ht";
        return "mt";
    }
    if (has(s, "crash") || has(s, "splash") || has(s, "china")) return "cr";
    if (has(s, "ride")) return "rd";
    if (has(s, "cowbell")) return "cb";
    if (has(s, "tambourine")) return "tb";
    if (has(s, "maraca") || has(s, "shake")) return "sh";
    if (has(s, "conga") || has(s, "bongo") || has(s, "djembe") || has(s, "cajon") ||
        has(s, "clave") || has(s, "woodblock") || has(s, "agogo") || has(s, "drum") ||
        has(s, "snap") || has(s, "sangban") || has(s, "dununba") || has(s, "kenkeni"))
        return "perc";
    return NULL;
}
