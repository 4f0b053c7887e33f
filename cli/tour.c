/*
 * tour.c - the REPL's :tour: ten short steps from one drum to a small
 * arranged, mixed piece, each played as it is shown. The code of a step is
 * evaluated in the student's own session, so what they change stays.
 */
#include "tour.h"

#include <stddef.h>

static const TourStep STEPS[] = {
    {"One sound",
     "s(\"...\") plays sounds by name. *4 repeats a step four times in its place.\n"
     "play starts the named patterns, each on a track; changes land on the next bar.",
     "drums = s(\"bd*4\")\nplay drums",
     "four kick drums a bar, a bar every two seconds (120 beats a minute)"},
    {"Steps, rests and layers",
     "Each word is a step of the bar; ~ is a rest; a comma plays a second pattern at the same "
     "time.",
     "drums = s(\"bd ~ sn ~, hh*8\")",
     "kick and snare taking turns, eight hi-hats over them; no play needed: drums already plays"},
    {"Groups and variation",
     "[ ] squeezes steps into one step; every(4, fast(2)) doubles the speed every fourth bar.",
     "drums = s(\"bd [~ bd] sn ~, hh*8\").every(4, fast(2))",
     "a second kick just before the snare; every fourth bar everything runs twice as fast"},
    {"Euclidean rhythms",
     "rim(3,8) spreads 3 hits over 8 steps as evenly as they go: the rhythms of many folk "
     "musics.",
     "perc = s(\"rim(3,8)\")\nplay drums, perc",
     "the rim shots' 3-3-2 pattern against the straight hi-hats"},
    {"Notes",
     "note(\"...\") plays pitches by name (c2 is a low C); .s(\"bass\") picks the instrument.",
     "bass = note(\"c2 c2 eb2 g1\").s(\"bass\")\nplay drums, perc, bass",
     "a bass line under the drums: C, C, E flat, then down to G"},
    {"Scales and alternation",
     "n(\"...\") counts steps of a scale; < > plays one choice a bar, in turn.",
     "keys = n(\"0 2 4 <6 7>\").scale(\"C:minor\").s(\"piano\")\nplay drums, perc, bass, keys",
     "a piano arpeggio in C minor whose last note changes every bar"},
    {"Chords", "chord names (Cm7, Abmaj7) become notes with voicing(), which keeps the hand close.",
     "pad = chord(\"<Cm7 Abmaj7>\").voicing().s(\"pad\")\nplay drums, perc, bass, keys, pad",
     "two chords, one a bar, held under everything"},
    {"Effects on a pattern",
     "Controls shape each note: room adds reverb, delay echoes, lpf darkens (a low-pass filter).",
     "keys = n(\"0 2 4 <6 7>\").scale(\"C:minor\").s(\"piano\").room(0.4).delay(0.25)",
     "the piano now in a room, each note echoed a little later"},
    {"Mixing",
     "mix NAME { ... } is a channel strip: gain in dB, pan 0 (left) to 1 (right), sends to "
     "buses.",
     "bus verb = reverb(size: 0.8, mix: 1)\nmix pad { gain: -6, send: { verb: 0.4 } }\n"
     "mix perc { pan: 0.3 }",
     "the pad quieter and further away, the rim shots moved to the left"},
    {"Playing live",
     "Change anything and press Enter: it lands on the next bar. jux(rev) plays a pattern "
     "backwards on the right. Try :mute drums, :solo keys, :undo keys, tempo 132.",
     "keys = n(\"0 2 4 <6 7>\").scale(\"C:minor\").s(\"piano\").jux(rev)",
     "the arpeggio forwards on the left, backwards on the right"},
};

int tour_count(void) {
    return (int)(sizeof STEPS / sizeof STEPS[0]);
}

const TourStep *tour_step(int i) {
    return i >= 1 && i <= tour_count() ? &STEPS[i - 1] : NULL;
}
