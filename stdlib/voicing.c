/*
 * voicing.c - chord symbols to voicings, as Strudel's @strudel/tonal does:
 * voicing() (with the controls dict, anchor, mode, offset, n, octaves),
 * rootNotes(octave), and the dictionaries' registry (addVoicings,
 * registerVoicings, setVoicingRange, setDefaultVoicings).
 *
 * A dictionary maps a chord symbol ("m7", "^7", "") to its voicings, each a
 * list of intervals above the root. A chord is voiced by taking, among the
 * symbol's voicings, the one whose top note (mode below or duck; the bottom
 * note for above and root) lies closest under the anchor (c5 unless the
 * event says), then `offset` voicings further; duck drops a note equal to
 * the anchor, and `n` picks one note of the voicing as a scale step.
 *
 * The dictionaries below are data: the voicings Strudel 1.2.6 ships (its
 * ireal dictionaries were taken from iReal Pro's accompaniment; lefthand,
 * triads, guidetones and legacy are its own), with the same aliases (- as m,
 * ^ as M, + as aug, ^ as the empty symbol), so that tala voices every chord
 * as Strudel does.
 */
#include "lib.h"
#include "stdlib.h"

#include "../spec/controls.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    const char *symbol;
    const char *voicings; /* "3m 5P 7m 9M|7m 9M 10m 12P" */
} VoicingEntry;

/* clang-format off */
/* lefthand */
static const VoicingEntry LEFTHAND[] = {
    {"7", "3M 6M 7m 9M|7m 9M 10M 13M"},
    {"69", "3M 5P 6A 9M"},
    {"m7", "3m 5P 7m 9M|7m 9M 10m 12P"},
    {"^7", "3M 5P 7M 9M|7M 9M 10M 12P"},
    {"m7b5", "3m 5d 7m 8P|7m 8P 10m 12d"},
    {"7b9", "3M 6m 7m 9m|7m 9m 10M 13m"},
    {"7b13", "3M 6m 7m 9m|7m 9m 10M 13m"},
    {"o7", "1P 3m 5d 6M|5d 6M 8P 10m"},
    {"7#11", "7m 9M 11A 13A"},
    {"7#9", "3M 7m 9A"},
    {"mM7", "3m 5P 7M 9M|7M 9M 10m 12P"},
    {"m6", "3m 5P 6M 9M|6M 9M 10m 12P"},
};

/* triads */
static const VoicingEntry TRIADS[] = {
    {"", "1P 3M 5P|3M 5P 8P|5P 8P 10M"},
    {"M", "1P 3M 5P|3M 5P 8P|5P 8P 10M"},
    {"m", "1P 3m 5P|3m 5P 8P|5P 8P 10m"},
    {"o", "1P 3m 5d|3m 5d 8P|5d 8P 10m"},
    {"aug", "1P 3m 5A|3m 5A 8P|5A 8P 10m"},
};

/* guidetones */
static const VoicingEntry GUIDETONES[] = {
    {"6", "3M 6M|6M 10M"},
    {"7", "3M 7m|7m 10M"},
    {"69", "3M 6M"},
    {"m7", "3m 7m|7m 10m"},
    {"m9", "3m 7m|7m 10m"},
    {"^7", "3M 7M|7M 10M"},
    {"^9", "3M 7M|7M 10M"},
    {"m7b5", "3m 7m|7m 10m"},
    {"7b9", "3M 7m|7m 10M"},
    {"7b13", "3M 7m|7m 10M"},
    {"o7", "3m 6M|6M 10m"},
    {"7#11", "3M 7m|7m 10M"},
    {"7#9", "3M 7m|7m 10M"},
    {"mM7", "3m 7M|7M 10m"},
    {"m6", "3m 6M|6M 10m"},
};

/* legacy */
static const VoicingEntry LEGACY[] = {
    {"7", "3M 6M 7m 9M|7m 9M 10M 13M"},
    {"69", "3M 5P 6A 9M"},
    {"", "1P 3M 5P|3M 5P 8P|5P 8P 10M"},
    {"M", "1P 3M 5P|3M 5P 8P|5P 8P 10M"},
    {"m", "1P 3m 5P|3m 5P 8P|5P 8P 10m"},
    {"o", "1P 3m 5d|3m 5d 8P|5d 8P 10m"},
    {"aug", "1P 3m 5A|3m 5A 8P|5A 8P 10m"},
    {"m7", "3m 5P 7m 9M|7m 9M 10m 12P"},
    {"^7", "3M 5P 7M 9M|7M 9M 10M 12P"},
    {"m7b5", "3m 5d 7m 8P|7m 8P 10m 12d"},
    {"7b9", "3M 6m 7m 9m|7m 9m 10M 13m"},
    {"7b13", "3M 6m 7m 9m|7m 9m 10M 13m"},
    {"o7", "1P 3m 5d 6M|5d 6M 8P 10m"},
    {"7#11", "7m 9M 11A 13A"},
    {"7#9", "3M 7m 9A"},
    {"mM7", "3m 5P 7M 9M|7M 9M 10m 12P"},
    {"m6", "3m 5P 6M 9M|6M 9M 10m 12P"},
};

/* ireal */
static const VoicingEntry IREAL[] = {
    {"2", "1P 5P 8P 9M|1P 5P 8P 9M 12P|5P 8P 9M 12P"},
    {"5", "1P 5P 8P 12P|5P 8P 12P 15P"},
    {"6", "1P 5P 6M 8P 10M|1P 5P 8P 10M 13M|3M 5P 8P 10M 13M|5P 8P 10M 12P 13M"},
    {"7", "1P 5P 7m 8P 10M|1P 7m 8P 10M 12P|3M 7m 8P 10M 12P|3M 7m 8P 10M 14m|3M 7m 10M 12P 15P|7m 10M 12P 14m 15P|7m 10M 12P 15P 17M"},
    {"9", "1P 5P 7m 9M 10M|1P 7m 9M 10M 12P|3M 7m 8P 9M 12P|7m 9M 10M 14m 15P|3M 7m 8P 12P 16M|7m 10M 12P 15P 16M"},
    {"11", "1P 5P 7m 9M 11P|5P 7m 8P 9M 11P|7m 8P 9M 11P 12P|7m 8P 11P 12P 16M"},
    {"13", "1P 6M 7m 9M 10M|1P 7m 9M 10M 13M|3M 7m 8P 9M 13M|7m 8P 9M 10M 13M|7m 9M 10M 13M 15P"},
    {"69", "1P 5P 6M 9M 10M|1P 5P 9M 10M 13M|3M 5P 8P 9M 13M|5P 8P 9M 10M 13M"},
    {"add9", "1P 5P 8P 9M 10M|1P 5P 9M 10M 12P|3M 8P 9M 10M 12P|3M 8P 9M 12P 15P|5P 8P 9M 12P 17M"},
    {"+", "1P 3M 6m 8P 10M|1P 6m 8P 10M 13m|3M 6m 8P 10M 13m|3M 8P 10M 13m 15P|6m 8P 10M 13m 15P|6m 10M 13m 15P 17M"},
    {"o", "1P 5d 8P 10m 12d|3m 8P 10m 12d 15P|5d 8P 10m 12d 15P"},
    {"h", "3m 5d 7m 8P 10m|1P 5d 7m 10m 12d|3m 7m 8P 10m 12d|3m 7m 8P 12d 14m|5d 7m 8P 10m 14m|5d 8P 10m 12d 14m|7m 10m 12d 14m 15P|5d 8P 10m 14m 17m"},
    {"sus", "1P 4P 5P 8P|1P 4P 5P 8P 11P|5P 8P 11P 12P|5P 8P 11P 12P 15P"},
    {"^", "1P 5P 8P 10M|1P 5P 8P 10M 12P|3M 5P 8P 10M 12P|3M 8P 10M 12P 15P|5P 8P 10M 12P 15P"},
    {"-", "1P 3m 5P 8P 10m|1P 5P 8P 10m 12P|3m 5P 8P 10m 12P|5P 8P 10m 12P 15P"},
    {"^7", "1P 5P 7M 10M 12P|1P 10M 12P 14M|3M 8P 10M 12P 14M|5P 8P 10M 12P 14M|5P 8P 10M 14M 17M"},
    {"-7", "1P 3m 5P 7m 10m|1P 5P 7m 10m 12P|3m 7m 8P 10m 12P|3m 7m 8P 10m 14m|5P 7m 8P 10m 14m|7m 10m 12P 14m 15P|5P 8P 10m 14m 17m|7m 10m 12P 15P 17m"},
    {"7sus", "1P 5P 7m 8P 11P|5P 8P 11P 12P 14m|7m 8P 11P 12P 14m|7m 11P 12P 14m 18P"},
    {"h7", "3m 5d 7m 8P 10m|1P 5d 7m 10m 12d|1P 7m 10m 12d|3m 7m 8P 10m 12d|3m 7m 8P 12d 14m|5d 7m 8P 10m 14m|5d 8P 10m 12d 14m|7m 10m 12d 14m 15P|5d 8P 10m 14m 17m"},
    {"o7", "1P 6M 8P 10m 12d|1P 6M 10m 12d 13M|3m 8P 10m 12d 13M|3m 8P 12d 13M 15P|5d 10m 12d 13M 15P|5d 10m 13M 15P 17m|6M 12d 13M 15P 17m|6M 12d 15P 17m 19d"},
    {"^9", "1P 5P 7M 9M 10M|1P 7M 9M 10M 12P|3M 7M 8P 9M 12P|3M 7M 8P 12P 16M|5P 8P 10M 14M 16M|7M 8P 10M 12P 16M"},
    {"^13", "1P 6M 7M 9M 10M|1P 7M 9M 10M 13M|3M 7M 8P 9M 13M|3M 7M 8P 13M 16M|7M 8P 10M 13M 16M"},
    {"^7#11", "1P 5P 7M 10M 12d|3M 7M 8P 10M 12d|1P 7M 10M 12d 14M|3M 7M 8P 12d 14M|5P 8P 10M 12d 14M"},
    {"^9#11", "1P 3M 5d 7M 9M|1P 7M 9M 10M 12d|3M 7M 8P 9M 12d|3M 8P 9M 12d 14M"},
    {"^7#5", "1P 6m 7M 10M 13m|3M 7M 8P 10M 13m|6m 7M 8P 10M 13m"},
    {"-6", "1P 3m 5P 6M 8P|1P 5P 6M 8P 10m|3m 5P 6M 8P 10m|1P 5P 8P 10m 13M|3m 5P 8P 10m 13M|5P 8P 10m 12P 13M|5P 8P 10m 13M 15P"},
    {"-69", "1P 3m 5P 6M 9M|3m 5P 6M 8P 9M|3m 6M 9M 10m 12P|1P 5P 9M 10m 13M|3m 5P 8P 9M 13M|5P 8P 9M 10m 13M|5P 8P 10m 13M 16M"},
    {"-^7", "1P 3m 5P 7M 10m|1P 5P 7M 10m 12P|3m 7M 8P 10m 12P|5P 7M 8P 10m 14M|5P 8P 10m 14M 17m"},
    {"-^9", "1P 3m 5P 7M 9M|1P 7M 9M 10m 12P|3m 7M 8P 9M 12P|5P 8P 9M 10m 14M"},
    {"-9", "1P 3m 5P 7m 9M|3m 5P 7m 8P 9M|3m 7m 8P 9M 12P|5P 8P 9M 10m 14m|3m 7m 9M 12P 15P|7m 10m 12P 15P 16M"},
    {"-add9", "1P 2M 3m 5P 8P|1P 3m 5P 9M|3m 5P 8P 9M 12P|5P 8P 9M 10m 12P"},
    {"-11", "1P 3m 7m 9M 11P|3m 7m 8P 9M 11P|1P 4P 7m 10m 12P|5P 8P 11P 14m|3m 7m 9M 11P 15P|5P 8P 11P 14m 16M|7m 10m 12P 15P 18P"},
    {"-7b5", "3m 5d 7m 8P 10m|1P 7m 10m 12d|1P 5d 7m 10m 12d|3m 7m 8P 10m 12d|3m 7m 8P 12d 14m|5d 7m 8P 10m 14m|5d 8P 10m 12d 14m|7m 10m 12d 14m 15P|5d 8P 10m 14m 17m"},
    {"h9", "1P 7m 9M 10m 12d|3m 7m 8P 9M 12d|5d 8P 9M 10m 14m|7m 10m 12d 15P 16M"},
    {"-b6", "1P 5P 6m 8P 10m|1P 5P 8P 10m 13m|3m 5P 8P 10m 13m|5P 8P 10m 13m|5P 8P 10m 13m 15P"},
    {"-#5", "1P 6m 8P 10m 13m|3m 6m 8P 10m 13m|6m 8P 10m 13m 15P"},
    {"7b9", "1P 3M 7m 9m 10M|3M 7m 8P 9m 10M|3M 7m 8P 9m 14m|7m 9m 10M 14m 15P"},
    {"7#9", "1P 3M 7m 10m|3M 7m 8P 10m 14m|7m 10m 10M 14m 15P"},
    {"7#11", "1P 3M 7m 10M 12d|3M 7m 8P 10M 12d|7m 10M 12d 14m 15P"},
    {"7b5", "1P 3M 7m 10M 12d|3M 7m 8P 10M 12d|7m 10M 12d 14m 15P"},
    {"7#5", "1P 3M 7m 10M 13m|3M 7m 8P 10M 13m|3M 7m 8P 13m 14m|7m 10M 13m 14m 15P"},
    {"9#11", "1P 7m 9M 10M 12d|3M 7m 8P 9M 12d|7m 10M 12d 15P 16M"},
    {"9b5", "1P 7m 9M 10M 12d|3M 7m 8P 9M 12d|7m 10M 12d 15P 16M"},
    {"9#5", "1P 7m 9M 10M 13m|3M 7m 9M 10M 13m|3M 7m 9M 13m 14m|7m 10M 13m 14m 16M|7m 10M 13m 16M 17M"},
    {"7b13", "1P 3M 7m 10M 13m|3M 7m 8P 10M 13m|3M 7m 8P 13m 14m|7m 10M 13m 14m 15P"},
    {"7#9#5", "1P 3M 7m 10m 13m|3M 7m 10m 13m 15P|7m 10M 13m 15P 17m"},
    {"7#9b5", "1P 3M 7m 10m 12d|3M 7m 10m 12d 15P|7m 10M 12d 15P 17m"},
    {"7#9#11", "1P 3M 7m 10m 12d|3M 7m 10m 12d 15P|7m 10M 12d 15P 17m"},
    {"7b9#11", "1P 7m 9m 10M 12d|3M 7m 8P 9m 12d|7m 8P 10M 12d 16m"},
    {"7b9b5", "1P 7m 9m 10M 12d|3M 7m 8P 9m 12d|7m 8P 10M 12d 16m"},
    {"7b9#5", "1P 7m 9m 10M 13m|3M 7m 8P 9m 13m|7m 9m 10M 13m 15P"},
    {"7b9#9", "1P 3M 7m 9m 10m|3M 7m 8P 9m 10m|7m 8P 10M 16m 17m"},
    {"7b9b13", "1P 7m 9m 10M 13m|3M 7m 8P 9m 13m|7m 9m 10M 13m 15P"},
    {"7alt", "3M 7m 8P 9m 12d|1P 7m 10m 10M 13m|3M 7m 8P 10m 13m|3M 7m 9m 12d 15P|3M 7m 10m 13m 15P|7m 10M 12d 15P 17m|7m 10M 13m 15P 17m"},
    {"13#11", "1P 6M 7m 10M 12d|3M 7m 9M 12d 13M|7m 10M 12d 13M 16M"},
    {"13b9", "1P 3M 6M 7m 9m|1P 6M 7m 9m 10M|3M 7m 9m 10M 13M|3M 7m 10M 13M 16m|7m 10M 13M 16m 17M"},
    {"13#9", "1P 3M 6M 7m 10m|3M 7m 8P 10m 13M|7m 10M 13M 14m 17m"},
    {"7b9sus", "1P 5P 7m 9m 11P|5P 7m 8P 9m 11P|7m 8P 11P 14m 16m"},
    {"7susadd3", "1P 4P 5P 7m 10M|5P 8P 10M 11P 14m|7m 11P 12P 15P 17M"},
    {"9sus", "1P 5P 7m 9M 11P|5P 7m 8P 9M 11P|7m 8P 9M 11P 12P|7m 8P 11P 12P 16M"},
    {"13sus", "1P 4P 6M 7m 9M|1P 7m 9M 11P 13M|5P 7m 9M 11P 13M|7m 9M 11P 13M 15P"},
    {"7b13sus", "1P 5P 7m 11P 13m|5P 7m 8P 11P 13m|7m 11P 13m 14m 15P"},
    {"", "1P 5P 8P 10M|1P 5P 8P 10M 12P|3M 5P 8P 10M 12P|3M 8P 10M 12P 15P|5P 8P 10M 12P 15P"},
    {"aug", "1P 3M 6m 8P 10M|1P 6m 8P 10M 13m|3M 6m 8P 10M 13m|3M 8P 10M 13m 15P|6m 8P 10M 13m 15P|6m 10M 13m 15P 17M"},
    {"M", "1P 5P 8P 10M|1P 5P 8P 10M 12P|3M 5P 8P 10M 12P|3M 8P 10M 12P 15P|5P 8P 10M 12P 15P"},
    {"m", "1P 3m 5P 8P 10m|1P 5P 8P 10m 12P|3m 5P 8P 10m 12P|5P 8P 10m 12P 15P"},
    {"M7", "1P 5P 7M 10M 12P|1P 10M 12P 14M|3M 8P 10M 12P 14M|5P 8P 10M 12P 14M|5P 8P 10M 14M 17M"},
    {"m7", "1P 3m 5P 7m 10m|1P 5P 7m 10m 12P|3m 7m 8P 10m 12P|3m 7m 8P 10m 14m|5P 7m 8P 10m 14m|7m 10m 12P 14m 15P|5P 8P 10m 14m 17m|7m 10m 12P 15P 17m"},
    {"M9", "1P 5P 7M 9M 10M|1P 7M 9M 10M 12P|3M 7M 8P 9M 12P|3M 7M 8P 12P 16M|5P 8P 10M 14M 16M|7M 8P 10M 12P 16M"},
    {"M13", "1P 6M 7M 9M 10M|1P 7M 9M 10M 13M|3M 7M 8P 9M 13M|3M 7M 8P 13M 16M|7M 8P 10M 13M 16M"},
    {"M7#11", "1P 5P 7M 10M 12d|3M 7M 8P 10M 12d|1P 7M 10M 12d 14M|3M 7M 8P 12d 14M|5P 8P 10M 12d 14M"},
    {"M9#11", "1P 3M 5d 7M 9M|1P 7M 9M 10M 12d|3M 7M 8P 9M 12d|3M 8P 9M 12d 14M"},
    {"M7#5", "1P 6m 7M 10M 13m|3M 7M 8P 10M 13m|6m 7M 8P 10M 13m"},
    {"m6", "1P 3m 5P 6M 8P|1P 5P 6M 8P 10m|3m 5P 6M 8P 10m|1P 5P 8P 10m 13M|3m 5P 8P 10m 13M|5P 8P 10m 12P 13M|5P 8P 10m 13M 15P"},
    {"m69", "1P 3m 5P 6M 9M|3m 5P 6M 8P 9M|3m 6M 9M 10m 12P|1P 5P 9M 10m 13M|3m 5P 8P 9M 13M|5P 8P 9M 10m 13M|5P 8P 10m 13M 16M"},
    {"m^7", "1P 3m 5P 7M 10m|1P 5P 7M 10m 12P|3m 7M 8P 10m 12P|5P 7M 8P 10m 14M|5P 8P 10m 14M 17m"},
    {"-M7", "1P 3m 5P 7M 10m|1P 5P 7M 10m 12P|3m 7M 8P 10m 12P|5P 7M 8P 10m 14M|5P 8P 10m 14M 17m"},
    {"m^9", "1P 3m 5P 7M 9M|1P 7M 9M 10m 12P|3m 7M 8P 9M 12P|5P 8P 9M 10m 14M"},
    {"-M9", "1P 3m 5P 7M 9M|1P 7M 9M 10m 12P|3m 7M 8P 9M 12P|5P 8P 9M 10m 14M"},
    {"m9", "1P 3m 5P 7m 9M|3m 5P 7m 8P 9M|3m 7m 8P 9M 12P|5P 8P 9M 10m 14m|3m 7m 9M 12P 15P|7m 10m 12P 15P 16M"},
    {"madd9", "1P 2M 3m 5P 8P|1P 3m 5P 9M|3m 5P 8P 9M 12P|5P 8P 9M 10m 12P"},
    {"m11", "1P 3m 7m 9M 11P|3m 7m 8P 9M 11P|1P 4P 7m 10m 12P|5P 8P 11P 14m|3m 7m 9M 11P 15P|5P 8P 11P 14m 16M|7m 10m 12P 15P 18P"},
    {"m7b5", "3m 5d 7m 8P 10m|1P 7m 10m 12d|1P 5d 7m 10m 12d|3m 7m 8P 10m 12d|3m 7m 8P 12d 14m|5d 7m 8P 10m 14m|5d 8P 10m 12d 14m|7m 10m 12d 14m 15P|5d 8P 10m 14m 17m"},
    {"mb6", "1P 5P 6m 8P 10m|1P 5P 8P 10m 13m|3m 5P 8P 10m 13m|5P 8P 10m 13m|5P 8P 10m 13m 15P"},
    {"m#5", "1P 6m 8P 10m 13m|3m 6m 8P 10m 13m|6m 8P 10m 13m 15P"},
};

/* ireal-ext */
static const VoicingEntry IREAL_EXT[] = {
    {"2", "1P 5P 6M 8P 9M|1P 5P 8P 9M 12P|5P 8P 9M 12P 13M|5P 8P 9M 12P 15P"},
    {"5", "1P 5P 8P 12P|1P 5P 8P 9M 12P|5P 8P 12P 15P|5P 8P 12P 15P 16M"},
    {"6", "1P 5P 6M 9M 10M|1P 5P 9M 10M 13M|3M 5P 9M 10M 13M|5P 8P 9M 10M 13M|3M 6M 9M 12P 15P"},
    {"7", "1P 5P 7m 8P 10M|1P 7m 8P 10M 12P|3M 7m 8P 10M 12P|3M 7m 8P 10M 14m|3M 7m 10M 12P 15P|7m 10M 12P 14m 15P|7m 10M 12P 15P 17M|7m 10M 14m 17M 19P"},
    {"9", "1P 6M 7m 9M 10M|3M 7m 9M 10M 12P|1P 7m 9M 10M 13M|3M 7m 9M 10M 13M|3M 7m 9M 12P 15P|7m 10M 12P 13M 16M|7m 10M 13M 16M 17M|7m 10M 13M 16M 19P"},
    {"11", "1P 4P 6M 7m 9M|1P 5P 7m 9M 11P|4P 6M 7m 9M 11P|5P 8P 9M 11P 14m|7m 9M 11P 13M 15P|7m 11P 12P 14m 18P"},
    {"13", "3M 7m 9M 10M 13M|3M 7m 9M 13M 15P|3M 7m 10M 13M 16M|7m 10M 12P 13M 16M|7m 10M 13M 16M 17M|7m 10M 13M 16M 19P"},
    {"69", "1P 5P 6M 9M 10M|1P 5P 9M 10M 13M|3M 5P 9M 10M 13M|5P 8P 9M 10M 13M|3M 6M 9M 12P 15P"},
    {"add9", "1P 5P 8P 9M 10M|1P 5P 9M 10M 12P|3M 8P 9M 10M 12P|3M 8P 9M 12P 15P|5P 8P 9M 10M 15P|5P 8P 9M 12P 17M"},
    {"+", "1P 6m 8P 9M 10M|1P 6m 8P 10M 13m|3M 8P 9M 10M 13m|3M 8P 10M 13m 15P|6m 10M 13m 15P 16M|6m 10M 13m 15P 17M"},
    {"o", "1P 6M 8P 10m 12d|1P 6M 10m 12d 13M|3m 8P 10m 12d 13M|3m 8P 12d 13M 15P|5d 10m 12d 13M 15P|5d 10m 13M 15P 17m|6M 12d 13M 15P 17m|6M 12d 15P 17m 19d"},
    {"h", "1P 5d 7m 10m 11P|3m 5d 7m 8P 11P|5d 7m 8P 10m 11P|1P 7m 10m 12d|3m 7m 8P 12d 14m|5d 8P 10m 11P 14m|7m 10m 11P 12d 14m|7m 10m 12d 14m 15P|5d 8P 10m 14m 17m"},
    {"sus", "1P 4P 5P 8P 9M|1P 4P 5P 8P 11P|1P 5P 8P 9M 11P|5P 8P 9M 11P 12P|5P 8P 11P 12P 13M|5P 8P 11P 13M 15P"},
    {"^", "1P 3M 5P 6M 9M|1P 5P 8P 10M 12P|3M 5P 9M 10M 12P|1P 5P 8P 10M 13M|3M 8P 10M 13M 15P|5P 9M 10M 12P 15P"},
    {"-", "1P 3m 5P 8P 10m|1P 3m 5P 9M 11P|3m 5P 8P 9M 11P|5P 8P 9M 10m 11P|1P 5P 9M 10m 12P|3m 5P 8P 10m 12P|5P 8P 10m 12P 15P"},
    {"^7", "1P 6M 7M 9M 10M|3M 7M 9M 10M 12P|1P 7M 9M 10M 13M|3M 7M 9M 10M 13M|3M 7M 9M 12P 13M|3M 7M 9M 13M 14M|3M 7M 10M 13M 16M|7M 10M 13M 14M 16M|7M 10M 13M 16M 17M|7M 10M 13M 16M 19P"},
    {"-7", "1P 3m 5P 7m 9M|1P 3m 5P 7m 10m|1P 5P 7m 10m 11P|3m 7m 8P 10m 11P|1P 5P 7m 10m 12P|3m 7m 9M 10m 12P|3m 7m 8P 10m 14m|5P 7m 9M 10m 14m|7m 10m 11P 14m 15P|7m 10m 12P 15P 16M|5P 8P 11P 14m 17m|7m 10m 12P 15P 17m"},
    {"7sus", "1P 4P 6M 7m 9M|1P 5P 7m 9M 11P|4P 6M 7m 9M 11P|5P 8P 9M 11P 14m|7m 9M 11P 13M 15P|7m 11P 12P 14m 18P"},
    {"h7", "1P 5d 7m 10m 11P|3m 5d 7m 8P 11P|5d 7m 8P 10m 11P|1P 7m 10m 12d|3m 7m 8P 10m 12d|3m 7m 8P 12d 14m|5d 8P 10m 11P 14m|7m 10m 11P 12d 14m|7m 10m 12d 14m 15P|5d 8P 10m 14m 17m"},
    {"o7", "1P 6M 8P 10m 12d|1P 6M 10m 12d 13M|3m 8P 10m 12d 13M|3m 8P 12d 13M 15P|5d 10m 12d 13M 15P|5d 10m 13M 15P 17m|6M 12d 13M 15P 17m|6M 12d 15P 17m 19d"},
    {"^9", "1P 6M 7M 9M 10M|1P 7M 9M 10M 13M|3M 7M 9M 10M 13M|3M 7M 9M 12P 13M|3M 7M 8P 9M 13M|3M 7M 9M 13M 14M|3M 7M 10M 13M 16M|7M 10M 13M 14M 16M|7M 10M 13M 16M 17M|7M 10M 13M 16M 19P"},
    {"^13", "1P 6M 7M 9M 10M|1P 7M 9M 10M 13M|3M 7M 9M 12P 13M|3M 7M 9M 10M 13M|3M 7M 8P 9M 13M|3M 7M 9M 13M 14M|3M 7M 10M 13M 16M|7M 10M 13M 14M 16M|7M 10M 13M 16M 17M|7M 10M 13M 16M 19P"},
    {"^7#11", "1P 3M 5d 7M 9M|1P 7M 9M 10M 12d|3M 7M 9M 10M 12d|3M 7M 9M 12d 13M|3M 7M 10M 12d 14M|7M 10M 12d 13M 14M|7M 10M 12d 13M 16M|7M 10M 12d 14M 17M"},
    {"^9#11", "1P 3M 5d 7M 9M|1P 7M 9M 10M 12d|3M 7M 9M 10M 12d|3M 7M 9M 12d 13M|3M 7M 9M 12d 14M|7M 10M 12d 14M 16M|7M 10M 12d 13M 16M"},
    {"^7#5", "1P 6m 7M 10M 13m|3M 7M 9M 10M 13m|3M 7M 10M 13m 14M|7M 10M 13m 14M 16M|7M 10M 13m 14M 17M"},
    {"-6", "1P 3m 5P 6M 9M|3m 5P 6M 8P 9M|1P 5P 6M 10m 11P|3m 5P 6M 8P 11P|1P 5P 9M 10m 13M|3m 5P 8P 9M 13M|5P 8P 10m 11P 13M|5P 8P 10m 13M 16M"},
    {"-69", "1P 3m 5P 6M 9M|3m 5P 6M 8P 9M|3m 6M 9M 10m 12P|1P 5P 9M 10m 13M|3m 5P 8P 9M 13M|5P 8P 9M 10m 13M|5P 8P 10m 13M 16M"},
    {"-^7", "1P 3m 5P 7M 9M|1P 5P 7M 10m 11P|3m 7M 9M 10m 11P|3m 7M 9M 10m 12P|3m 7M 9M 12P 14M|7M 10m 11P 12P 14M|7M 10m 12P 14M 16M"},
    {"-^9", "1P 3m 5P 7M 9M|1P 5P 7M 10m 11P|3m 7M 9M 10m 11P|3m 7M 9M 10m 12P|3m 7M 9M 12P 14M|7M 10m 11P 12P 14M|7M 10m 12P 14M 16M"},
    {"-9", "1P 3m 5P 7m 9M|1P 3m 7m 9M 11P|3m 7m 9M 10m 11P|3m 7m 9M 10m 12P|3m 7m 9M 10m 14m|3m 7m 9M 12P 15P|7m 10m 11P 14m 16M|7m 10m 12P 16M 18P"},
    {"-add9", "1P 2M 3m 5P 8P|1P 3m 5P 9M|3m 5P 8P 9M 12P|5P 8P 9M 10m 12P"},
    {"-11", "3m 5P 7m 9M 11P|7m 9M 10m 11P|1P 4P 7m 10m 12P|3m 7m 9M 11P 12P|7m 9M 10m 11P 12P|3m 7m 9M 11P 14m|4P 10m 12P 14m|5P 8P 11P 14m|5P 8P 11P 14m 16M|7m 10m 12P 16M 18P|7m 10m 11P 16M 21m"},
    {"-7b5", "1P 5d 7m 10m 11P|3m 5d 7m 8P 11P|5d 7m 8P 10m 11P|1P 7m 10m 12d|3m 7m 8P 10m 12d|3m 7m 8P 12d 14m|5d 8P 10m 11P 14m|7m 10m 11P 12d 14m|7m 10m 12d 14m 15P|5d 8P 10m 14m 17m"},
    {"h9", "3m 5d 7m 9M 11P|1P 7m 9M 10m 12d|3m 7m 9M 12d 14m|5d 8P 9M 10m 14m|7m 10m 11P 12d 14m|7m 10m 12d 14m 16M"},
    {"-b6", "1P 3m 5P 6m 8P|3m 5P 8P 11P 13m|5P 8P 10m 11P 13m"},
    {"-#5", "1P 6m 8P 10m 13m|3m 6m 8P 11P 13m|6m 8P 10m 13m 15P"},
    {"7b9", "1P 3M 7m 9m 10M|3M 7m 8P 9m 10M|3M 7m 8P 9m 14m|7m 9m 10M 14m 15P"},
    {"7#9", "1P 3M 7m 10m|3M 7m 10m 10M 12P|3M 7m 10m 12P 14m|7m 10M 12P 14m 17m"},
    {"7#11", "1P 3M 7m 9M 12d|3M 7m 9M 12d 13M|7m 10M 12d 13M 16M"},
    {"7b5", "1P 3M 7m 9M 12d|3M 7m 9M 12d 13M|7m 10M 12d 13M 16M"},
    {"7#5", "1P 3M 7m 10M 13m|3M 7m 8P 10M 13m|3M 7m 8P 13m 14m|7m 10M 13m 14m 15P|7m 10M 13m 14m 17M"},
    {"9#11", "1P 7m 9M 10M 12d|3M 7m 8P 9M 12d|7m 10M 12d 15P 16M"},
    {"9b5", "1P 7m 9M 10M 12d|3M 7m 8P 9M 12d|7m 10M 12d 15P 16M"},
    {"9#5", "1P 7m 9M 10M 13m|3M 7m 9M 10M 13m|3M 7m 9M 13m 14m|7m 10M 13m 14m 16M|7m 10M 13m 16M 17M"},
    {"7b13", "1P 3M 7m 10M 13m|3M 7m 8P 10M 13m|3M 7m 8P 13m 14m|7m 10M 13m 14m 15P|7m 10M 13m 14m 17M"},
    {"7#9#5", "3M 7m 10m 10M 13m|3M 7m 10m 13m 14m|7m 10M 13m 14m 17m"},
    {"7#9b5", "3M 7m 10m 10M 12d|3M 7m 10m 12d 14m|7m 10M 12d 14m 17m"},
    {"7#9#11", "3M 7m 10m 10M 12d|3M 7m 10m 12d 14m|7m 10M 12d 14m 17m"},
    {"7b9#11", "3M 7m 9m 10M 12d|3M 7m 9m 12d 14m|7m 8P 10M 12d 16m|7m 10M 12d 14m 16m"},
    {"7b9b5", "3M 7m 9m 10M 12d|3M 7m 9m 12d 14m|7m 8P 10M 12d 16m|7m 10M 12d 14m 16m"},
    {"7b9#5", "1P 7m 9m 10M 13m|3M 7m 9m 10M 13m|3M 7m 10M 13m 16m|7m 10M 13m 14m 16m|7m 10M 13m 16m 17M"},
    {"7b9#9", "1P 3M 7m 9m 10m|3M 7m 10m 13m 16m|7m 10M 13m 16m 17m"},
    {"7b9b13", "1P 7m 9m 10M 13m|3M 7m 9m 10M 13m|3M 7m 10M 13m 16m|7m 10M 13m 14m 16m|7m 10M 13m 16m 17M"},
    {"7alt", "3M 7m 8P 10m 13m|3M 7m 9m 12d 13m|3M 7m 9m 10m 13m|3M 7m 10m 13m 14m|3M 7m 9m 12d 14m|3M 7m 10m 13m 15P|3M 7m 10m 13m 16m|7m 10M 12d 14m 16m|7m 10M 12d 13m 16m|7m 10M 13m 15P 17m|7m 10M 13m 16m 17m|7m 10M 13m 16m 19d"},
    {"13#11", "3M 7m 9M 12d 13M|7m 10M 12d 13M 16M"},
    {"13b9", "3M 7m 9m 10M 13M|3M 7m 10M 13M 16m|7m 10M 13M 16m 17M"},
    {"13#9", "3M 7m 10m 10M 13M|7m 10M 13M 14m 17m"},
    {"7b9sus", "1P 5P 7m 9m 11P|5P 7m 8P 9m 11P|7m 8P 11P 14m 16m"},
    {"7susadd3", "1P 4P 5P 7m 10M|5P 8P 10M 11P 14m|7m 11P 12P 15P 17M"},
    {"9sus", "1P 4P 6M 7m 9M|1P 5P 7m 9M 11P|4P 6M 7m 9M 11P|5P 8P 9M 11P 14m|7m 9M 11P 13M 15P|7m 11P 12P 14m 18P"},
    {"13sus", "1P 4P 6M 7m 9M|1P 7m 9M 11P 13M|4P 7m 9M 11P 13M|7m 9M 11P 13M 15P|7m 11P 13M 14m 16M|7m 11P 13M 16M 18P"},
    {"7b13sus", "1P 5P 7m 11P 13m|5P 7m 8P 11P 13m|7m 11P 13m 14m 15P"},
    {"", "1P 3M 5P 6M 9M|1P 5P 8P 10M 12P|3M 5P 9M 10M 12P|1P 5P 8P 10M 13M|3M 8P 10M 13M 15P|5P 9M 10M 12P 15P"},
    {"aug", "1P 6m 8P 9M 10M|1P 6m 8P 10M 13m|3M 8P 9M 10M 13m|3M 8P 10M 13m 15P|6m 10M 13m 15P 16M|6m 10M 13m 15P 17M"},
    {"M", "1P 3M 5P 6M 9M|1P 5P 8P 10M 12P|3M 5P 9M 10M 12P|1P 5P 8P 10M 13M|3M 8P 10M 13M 15P|5P 9M 10M 12P 15P"},
    {"m", "1P 3m 5P 8P 10m|1P 3m 5P 9M 11P|3m 5P 8P 9M 11P|5P 8P 9M 10m 11P|1P 5P 9M 10m 12P|3m 5P 8P 10m 12P|5P 8P 10m 12P 15P"},
    {"M7", "1P 6M 7M 9M 10M|3M 7M 9M 10M 12P|1P 7M 9M 10M 13M|3M 7M 9M 10M 13M|3M 7M 9M 12P 13M|3M 7M 9M 13M 14M|3M 7M 10M 13M 16M|7M 10M 13M 14M 16M|7M 10M 13M 16M 17M|7M 10M 13M 16M 19P"},
    {"m7", "1P 3m 5P 7m 9M|1P 3m 5P 7m 10m|1P 5P 7m 10m 11P|3m 7m 8P 10m 11P|1P 5P 7m 10m 12P|3m 7m 9M 10m 12P|3m 7m 8P 10m 14m|5P 7m 9M 10m 14m|7m 10m 11P 14m 15P|7m 10m 12P 15P 16M|5P 8P 11P 14m 17m|7m 10m 12P 15P 17m"},
    {"M9", "1P 6M 7M 9M 10M|1P 7M 9M 10M 13M|3M 7M 9M 10M 13M|3M 7M 9M 12P 13M|3M 7M 8P 9M 13M|3M 7M 9M 13M 14M|3M 7M 10M 13M 16M|7M 10M 13M 14M 16M|7M 10M 13M 16M 17M|7M 10M 13M 16M 19P"},
    {"M13", "1P 6M 7M 9M 10M|1P 7M 9M 10M 13M|3M 7M 9M 12P 13M|3M 7M 9M 10M 13M|3M 7M 8P 9M 13M|3M 7M 9M 13M 14M|3M 7M 10M 13M 16M|7M 10M 13M 14M 16M|7M 10M 13M 16M 17M|7M 10M 13M 16M 19P"},
    {"M7#11", "1P 3M 5d 7M 9M|1P 7M 9M 10M 12d|3M 7M 9M 10M 12d|3M 7M 9M 12d 13M|3M 7M 10M 12d 14M|7M 10M 12d 13M 14M|7M 10M 12d 13M 16M|7M 10M 12d 14M 17M"},
    {"M9#11", "1P 3M 5d 7M 9M|1P 7M 9M 10M 12d|3M 7M 9M 10M 12d|3M 7M 9M 12d 13M|3M 7M 9M 12d 14M|7M 10M 12d 14M 16M|7M 10M 12d 13M 16M"},
    {"M7#5", "1P 6m 7M 10M 13m|3M 7M 9M 10M 13m|3M 7M 10M 13m 14M|7M 10M 13m 14M 16M|7M 10M 13m 14M 17M"},
    {"m6", "1P 3m 5P 6M 9M|3m 5P 6M 8P 9M|1P 5P 6M 10m 11P|3m 5P 6M 8P 11P|1P 5P 9M 10m 13M|3m 5P 8P 9M 13M|5P 8P 10m 11P 13M|5P 8P 10m 13M 16M"},
    {"m69", "1P 3m 5P 6M 9M|3m 5P 6M 8P 9M|3m 6M 9M 10m 12P|1P 5P 9M 10m 13M|3m 5P 8P 9M 13M|5P 8P 9M 10m 13M|5P 8P 10m 13M 16M"},
    {"m^7", "1P 3m 5P 7M 9M|1P 5P 7M 10m 11P|3m 7M 9M 10m 11P|3m 7M 9M 10m 12P|3m 7M 9M 12P 14M|7M 10m 11P 12P 14M|7M 10m 12P 14M 16M"},
    {"-M7", "1P 3m 5P 7M 9M|1P 5P 7M 10m 11P|3m 7M 9M 10m 11P|3m 7M 9M 10m 12P|3m 7M 9M 12P 14M|7M 10m 11P 12P 14M|7M 10m 12P 14M 16M"},
    {"m^9", "1P 3m 5P 7M 9M|1P 5P 7M 10m 11P|3m 7M 9M 10m 11P|3m 7M 9M 10m 12P|3m 7M 9M 12P 14M|7M 10m 11P 12P 14M|7M 10m 12P 14M 16M"},
    {"-M9", "1P 3m 5P 7M 9M|1P 5P 7M 10m 11P|3m 7M 9M 10m 11P|3m 7M 9M 10m 12P|3m 7M 9M 12P 14M|7M 10m 11P 12P 14M|7M 10m 12P 14M 16M"},
    {"m9", "1P 3m 5P 7m 9M|1P 3m 7m 9M 11P|3m 7m 9M 10m 11P|3m 7m 9M 10m 12P|3m 7m 9M 10m 14m|3m 7m 9M 12P 15P|7m 10m 11P 14m 16M|7m 10m 12P 16M 18P"},
    {"madd9", "1P 2M 3m 5P 8P|1P 3m 5P 9M|3m 5P 8P 9M 12P|5P 8P 9M 10m 12P"},
    {"m11", "3m 5P 7m 9M 11P|7m 9M 10m 11P|1P 4P 7m 10m 12P|3m 7m 9M 11P 12P|7m 9M 10m 11P 12P|3m 7m 9M 11P 14m|4P 10m 12P 14m|5P 8P 11P 14m|5P 8P 11P 14m 16M|7m 10m 12P 16M 18P|7m 10m 11P 16M 21m"},
    {"m7b5", "1P 5d 7m 10m 11P|3m 5d 7m 8P 11P|5d 7m 8P 10m 11P|1P 7m 10m 12d|3m 7m 8P 10m 12d|3m 7m 8P 12d 14m|5d 8P 10m 11P 14m|7m 10m 11P 12d 14m|7m 10m 12d 14m 15P|5d 8P 10m 14m 17m"},
    {"mb6", "1P 3m 5P 6m 8P|3m 5P 8P 11P 13m|5P 8P 10m 11P 13m"},
    {"m#5", "1P 6m 8P 10m 13m|3m 6m 8P 11P 13m|6m 8P 10m 13m 15P"},
};

/* clang-format on */

typedef struct {
    const char *name;
    const VoicingEntry *entries;
    size_t n;
} Dictionary;

#define DICT(name, t)                                                                              \
    { name, t, sizeof t / sizeof t[0] }
static const Dictionary DICTIONARIES[] = {
    DICT("ireal", IREAL),   DICT("ireal-ext", IREAL_EXT),   DICT("lefthand", LEFTHAND),
    DICT("triads", TRIADS), DICT("guidetones", GUIDETONES), DICT("legacy", LEGACY),
};
#define NDICT (sizeof DICTIONARIES / sizeof DICTIONARIES[0])

/* Dictionaries a program adds (addVoicings, registerVoicings) are globals
 * "voicings:NAME" holding a record symbol -> list of voicing strings; the
 * default's name is the global "voicings:default". */
#define USER_PREFIX "voicings:"

static int mod12(int x) {
    return ((x % 12) + 12) % 12;
}

/* tonal's Interval.semitones ("3m" 3, "9M" 14, "12d" 18), or a number */
static bool step_semitones(const char *s, size_t len, int *out) {
    char buf[16];
    if (len == 0 || len >= sizeof buf) return false;
    memcpy(buf, s, len);
    buf[len] = 0;
    char *end;
    long v = strtol(buf, &end, 10);
    if (end == buf) return false;
    if (!*end) {
        *out = (int)v;
        return true;
    }
    return harmony_interval_semitones(buf, out);
}

/* One voicing's steps in semitones; false when malformed. */
static bool parse_voicing(const char *s, size_t len, int *steps, int *n) {
    *n = 0;
    size_t i = 0;
    while (i < len) {
        while (i < len && s[i] == ' ') i++;
        size_t j = i;
        while (j < len && s[j] != ' ') j++;
        if (j > i) {
            if (*n == 16 || !step_semitones(s + i, j - i, &steps[*n])) return false;
            (*n)++;
        }
        i = j;
    }
    return *n > 0;
}

#define MAX_VOICINGS 16

typedef struct {
    int steps[MAX_VOICINGS][16];
    int len[MAX_VOICINGS];
    int n;
} Voicings;

static bool voicings_from_text(const char *text, Voicings *v) {
    v->n = 0;
    for (const char *p = text; *p && v->n < MAX_VOICINGS;) {
        const char *bar = strchr(p, '|');
        size_t l = bar ? (size_t)(bar - p) : strlen(p);
        if (!parse_voicing(p, l, v->steps[v->n], &v->len[v->n])) return false;
        v->n++;
        p = bar ? bar + 1 : p + l;
    }
    return v->n > 0;
}

static bool voicings_from_list(Value list, Voicings *v) {
    v->n = 0;
    if (!IS_LIST(list)) return false;
    for (uint32_t i = 0; i < AS_LIST(list)->len && v->n < MAX_VOICINGS; i++) {
        Value s = AS_LIST(list)->items[i];
        if (!IS_STRING(s) ||
            !parse_voicing(AS_STRING(s)->chars, AS_STRING(s)->len, v->steps[v->n], &v->len[v->n]))
            return false;
        v->n++;
    }
    return v->n > 0;
}

/* The voicings of symbol in the dictionary named dict. */
/* A dictionary by name: the program's own (addVoicings) first, then tala's. */
typedef struct {
    const ObjRecord *user;
    const Dictionary *builtin;
} DictRef;

static bool find_dictionary(Vm *vm, const char *dict, DictRef *out) {
    char key[96];
    snprintf(key, sizeof key, USER_PREFIX "%.60s", dict);
    Value user;
    out->user = NULL;
    out->builtin = NULL;
    if (vm && vm_get_global(vm, key, &user) && IS_RECORD(user)) {
        out->user = AS_RECORD(user);
        return true;
    }
    for (size_t d = 0; d < NDICT; d++)
        if (!strcmp(DICTIONARIES[d].name, dict)) {
            out->builtin = &DICTIONARIES[d];
            return true;
        }
    return false;
}

/* The voicings of symbol in the dictionary. */
static bool lookup(const DictRef *d, const char *symbol, Voicings *v) {
    Value l;
    if (d->user) return rec_get(d->user, symbol, &l) && voicings_from_list(l, v);
    for (size_t i = 0; i < d->builtin->n; i++)
        if (!strcmp(d->builtin->entries[i].symbol, symbol))
            return voicings_from_text(d->builtin->entries[i].voicings, v);
    return false;
}

/* "Eb^7/G": root (A-G then b/#), symbol up to a '/', an optional bass. */
static bool tokenize_chord(const char *s, int *root_chroma, char *symbol, size_t n) {
    static const int CHROMA[7] = {9, 11, 0, 2, 4, 5, 7}; /* A B C D E F G */
    if (s[0] < 'A' || s[0] > 'G') return false;
    int c = CHROMA[s[0] - 'A'];
    size_t i = 1;
    for (; s[i] == 'b' || s[i] == '#'; i++) c += s[i] == '#' ? 1 : -1;
    const char *slash = strchr(s + i, '/');
    size_t l = slash ? (size_t)(slash - (s + i)) : strlen(s + i);
    if (slash) { /* the bass must be a note name too */
        const char *b = slash + 1;
        if (b[0] < 'A' || b[0] > 'G') return false;
        b++;
        while (*b == 'b' || *b == '#') b++;
        if (*b) return false;
    }
    if (l >= n) return false;
    memcpy(symbol, s + i, l);
    symbol[l] = 0;
    *root_chroma = c;
    return true;
}

/* A chord symbol in another common spelling (maj7, min7, dim, Δ), in the
 * dictionaries' own (^7, m7, o, ^); false if it has none. Strudel knows only
 * the latter and plays nothing for the former. */
static bool spelled_otherwise(char *sym, size_t n) {
    static const char *const FROM[] = {"maj", "Maj", "M", "min", "mi", "dim", "Δ", "dom", "-"};
    static const char *const TO[] = {"^", "^", "^", "m", "m", "o", "^", "", "m"};
    char out[64];
    size_t k = 0;
    bool changed = false;
    for (const char *p = sym; *p && k < sizeof out - 4;) {
        size_t i = 0;
        for (; i < sizeof FROM / sizeof FROM[0]; i++)
            if (!strncmp(p, FROM[i], strlen(FROM[i]))) break;
        if (i < sizeof FROM / sizeof FROM[0]) {
            k += (size_t)snprintf(out + k, sizeof out - k, "%s", TO[i]);
            p += strlen(FROM[i]);
            changed = true;
        } else {
            out[k++] = *p++;
        }
    }
    out[k] = 0;
    if (!strcmp(out, "^")) out[0] = 0; /* major: "" */
    if (!changed || k >= n) return false;
    memcpy(sym, out, k + 1);
    return true;
}

/* MIDI number -> "Eb4" (flats, as Strudel's midi2note) */
static Value midi_name(Heap *h, int midi) {
    static const char *const FLATS[12] = {"C",  "Db", "D",  "Eb", "E",  "F",
                                          "Gb", "G",  "Ab", "A",  "Bb", "B"};
    char buf[16];
    snprintf(buf, sizeof buf, "%s%d", FLATS[mod12(midi)], (int)floor(midi / 12.0) - 1);
    return OBJ_VAL(str_c(h, buf));
}

typedef enum { MODE_BELOW, MODE_DUCK, MODE_ABOVE, MODE_ROOT } Mode;

static int target(Mode m, const int *v, int len) {
    return m == MODE_ABOVE || m == MODE_ROOT ? v[0] : v[len - 1];
}

/* A note value (name or number) as MIDI, a name without octave in octave 4. */
static bool to_midi(Value v, double *out) {
    if (IS_NUM(v)) {
        *out = v.as.num;
        return true;
    }
    return IS_STRING(v) && js_numeral(v, out);
}

/* voicing's map: a chord (a string or a record with chord) -> the pattern of
 * its notes, each with the event's other controls. */
static bool voicing_map(Query *q, Value v, Value param, Value *out) {
    (void)param;
    Heap *h = q->heap;
    ObjRecord *r = IS_RECORD(v) ? AS_RECORD(v) : NULL;
    Value chord = r ? NIL_VAL : v, dictv = NIL_VAL, anchorv = NIL_VAL, offv = NIL_VAL,
          modev = NIL_VAL, nv = NIL_VAL, octv = NIL_VAL;
    RecField rest[130];
    uint32_t nrest = 0;
    for (uint32_t i = 0; r && i < r->len; i++) {
        const char *k = r->fields[i].key->chars;
        Value x = r->fields[i].val;
        if (!strcmp(k, "chord"))
            chord = x;
        else if (!strcmp(k, "dictionary"))
            dictv = x;
        else if (!strcmp(k, "anchor"))
            anchorv = x;
        else if (!strcmp(k, "offset"))
            offv = x;
        else if (!strcmp(k, "mode"))
            modev = x;
        else if (!strcmp(k, "n"))
            nv = x;
        else if (!strcmp(k, "octaves"))
            octv = x;
        else if (nrest < 128)
            rest[nrest++] = r->fields[i];
    }
    *out = NIL_VAL; /* nothing to voice: the event is dropped (Strudel: silence) */
    Vm *vm = q->vm;
    char dict[64] = "ireal", sym[48], csym[48];
    Value def;
    if (vm && vm_get_global(vm, USER_PREFIX "default", &def) && IS_STRING(def))
        snprintf(dict, sizeof dict, "%s", AS_STRING(def)->chars);
    if (IS_STRING(dictv)) snprintf(dict, sizeof dict, "%s", AS_STRING(dictv)->chars);
    if (!IS_STRING(chord)) return true; /* no chord: nothing to voice (Strudel: silence) */
    snprintf(csym, sizeof csym, "%s", AS_STRING(chord)->chars);
    int root = -1;
    Voicings vs;
    DictRef ref;
    if (!find_dictionary(vm, dict, &ref)) {
        if (vm)
            vm_warn(vm,
                    "the dictionaries are ireal, ireal-ext, lefthand, triads, guidetones "
                    "and legacy",
                    "no voicing dictionary named '%s'", dict);
        return true;
    }
    bool known = tokenize_chord(csym, &root, sym, sizeof sym) && lookup(&ref, sym, &vs);
    if (!known && root >= 0 && spelled_otherwise(sym, sizeof sym)) /* tala also reads Abmaj7 */
        known = lookup(&ref, sym, &vs);
    if (!known) {
        if (vm)
            vm_warn(vm,
                    root < 0 ? "a chord starts with its root, A to G (b or # after it): Cmaj7, "
                               "Ebm7, F#7"
                             : "chord types are like m, m7, 7, ^7 (or maj7), m9, sus4, o, h7",
                    "voicing: no chord '%s' in the dictionary %s", csym, dict);
        return true;
    }
    Mode mode = MODE_BELOW;
    if (IS_STRING(modev)) {
        const char *m = AS_STRING(modev)->chars;
        if (!strcmp(m, "duck"))
            mode = MODE_DUCK;
        else if (!strcmp(m, "above"))
            mode = MODE_ABOVE;
        else if (!strcmp(m, "root"))
            mode = MODE_ROOT;
        else if (strcmp(m, "below") != 0) {
            if (vm) vm_warn(vm, "modes are below, duck, above and root", "no voicing mode '%s'", m);
            return true;
        }
    }
    double anchor = 72; /* c5 */
    if (!IS_NIL(anchorv) && !to_midi(anchorv, &anchor)) return true;
    int a = (int)anchor;
    int achroma = a % 12; /* as JavaScript's %, for the distances below */
    int best = 0, mindist = 1 << 30, diffs[MAX_VOICINGS];
    for (int i = 0; i < vs.n; i++) {
        diffs[i] = mod12(achroma - target(mode, vs.steps[i], vs.len[i]) - root);
        if (diffs[i] < mindist) mindist = diffs[i], best = i;
    }
    if (mode == MODE_ROOT) best = 0;
    double offset = IS_NUM(offv) ? offv.as.num : 0;
    int octdiff = (int)ceil(offset / vs.n) * 12;
    int idx = (int)(best + (long)offset) % vs.n;
    if (idx < 0) idx += vs.n;
    const int *steps = vs.steps[idx];
    int len = vs.len[idx], top = target(mode, steps, len);
    int amidi = a - diffs[idx] + octdiff;
    int midis[16], k = 0;
    for (int i = 0; i < len; i++) {
        int m = amidi - top + steps[i];
        if (mode == MODE_DUCK && m == a) continue;
        midis[k++] = m;
    }
    Value notes[16];
    int nn = 0;
    if (IS_NUM(nv) && k > 0) { /* n: one note of the voicing, as a scale step */
        double octs = IS_NUM(octv) ? octv.as.num : 1;
        int step = (int)floor(nv.as.num);
        double oo = floor((double)step / k) * octs * 12;
        int i = ((step % k) + k) % k;
        notes[nn++] = NUM_VAL(midis[i] + oo);
    } else {
        for (int i = 0; i < k; i++) {
            notes[nn] = midi_name(h, midis[i]);
            heap_push(h, notes[nn++]); /* rooted until the end */
        }
    }
    ObjPattern *ps[16];
    int pushed = IS_NUM(nv) ? 0 : nn;
    ObjString *key = str_c(h, "note");
    heap_push(h, OBJ_VAL(key));
    pushed++;
    for (int i = 0; i < nn; i++) {
        RecField fs[131];
        fs[0] = (RecField){key, notes[i]};
        memcpy(fs + 1, rest, nrest * sizeof *rest); /* the rest wins, as Strudel's set */
        Value rec = OBJ_VAL(rec_new(h, fs, nrest + 1));
        heap_push(h, rec);
        ps[i] = pat_pure(h, rec);
        heap_push(h, OBJ_VAL(ps[i]));
        pushed += 2;
    }
    *out = OBJ_VAL(pat_stack(h, ps, (unsigned)nn));
    heap_pop(h, (unsigned)pushed);
    return true;
}

static bool nat_voicing(Vm *vm, Value *args, int argc, Value *out) {
    (void)argc;
    Heap *h = vm_heap(vm);
    ObjPattern *p = reify(vm, args[0]);
    KEEP(vm, p);
    ObjPattern *m = pat_map(h, p, voicing_map, NIL_VAL);
    KEEP(vm, m);
    *out = OBJ_VAL(pat_bind(h, BIND_OUTER, m)); /* Strudel's outerJoin */
    /* its first cycles voiced now, so an unknown chord is warned about at this call */
    vm_push_root(vm, *out);
    Query *q = vm_query(vm);
    Err qerr = {0}, *saved = q->err;
    q->err = &qerr;
    EvBuf ev;
    evbuf_init(&ev, h);
    pat_events(q, AS_PATTERN(*out), rat_int(0), rat_int(4), false, &ev);
    evbuf_free(&ev);
    q->err = saved;
    vm_pop_root(vm);
    vm_pop_root(vm);
    vm_pop_root(vm);
    return true;
}

/* rootNotes(octave): a chord's root in that octave ("Eb^7" -> Eb2); a
 * record's chord becomes {note}. */
static bool root_map(Query *q, Value v, Value oct, Value *out) {
    ObjRecord *r = IS_RECORD(v) ? AS_RECORD(v) : NULL;
    Value chord = v;
    if (r && !rec_get(r, "chord", &chord)) return lib_fail(q, NULL, "rootNotes needs a chord");
    if (!IS_STRING(chord)) return lib_fail(q, NULL, "rootNotes: %s is no chord", "the value");
    const char *s = AS_STRING(chord)->chars;
    size_t l = 0;
    if ((s[0] >= 'a' && s[0] <= 'g') || (s[0] >= 'A' && s[0] <= 'G')) {
        l = 1;
        if (s[1] == 'b' || s[1] == '#') l = 2;
    }
    if (!l) return lib_fail(q, "chords begin with their root: C, Eb, F#", "no root in '%s'", s);
    char buf[32], num[24];
    val_format(oct, num, sizeof num);
    snprintf(buf, sizeof buf, "%.*s%s", (int)l, s, num);
    Value note = OBJ_VAL(str_c(q->heap, buf));
    if (!r) {
        *out = note;
        return true;
    }
    heap_push(q->heap, note);
    RecField f = {str_c(q->heap, "note"), note};
    *out = OBJ_VAL(rec_new(q->heap, &f, 1));
    heap_pop(q->heap, 1);
    return true;
}

static bool build_root(Query *q, const Value *args, ObjPattern *sub, Value param,
                       ObjPattern **out) {
    (void)param;
    *out = pat_map(q->heap, sub, root_map, args[0]);
    return true;
}

static bool nat_rootNotes(Vm *vm, Value *args, int argc, Value *out) {
    (void)argc;
    return patterned(vm, build_root, args, 2, NIL_VAL, BIND_INNER, out);
}

/* addVoicings(name, {symbol: [voicing, ...]}, range) and registerVoicings(name,
 * dictionary, options): a dictionary of the program's own. */
static bool nat_addVoicings(Vm *vm, Value *args, int argc, Value *out) {
    (void)argc;
    char name[64], key[96];
    if (!stdlib_word(vm, args[0], name, sizeof name))
        return vm_error(vm, "%s takes the dictionary's name first", vm_current_native(vm)->name);
    if (!IS_RECORD(args[1])) {
        vm_error(vm, "%s: the dictionary is a record of chord symbols",
                 vm_current_native(vm)->name);
        vm_hint(vm, "write addVoicings('mine', {m7: ['3m 5P 7m 9M'], '^7': ['3M 5P 7M 9M']})");
        return false;
    }
    ObjRecord *r = AS_RECORD(args[1]);
    for (uint32_t i = 0; i < r->len; i++) {
        Voicings v;
        if (!voicings_from_list(r->fields[i].val, &v)) {
            vm_error(vm, "the voicings of '%s' are not lists of intervals",
                     r->fields[i].key->chars);
            vm_hint(vm, "a voicing is a string of intervals above the root, like '3m 5P 7m 9M'");
            return false;
        }
    }
    snprintf(key, sizeof key, USER_PREFIX "%s", name);
    vm_set_global(vm, key, args[1]);
    *out = NIL_VAL;
    return true;
}

/* setVoicingRange(name, [low, high]): the range of Strudel's older voicings();
 * voicing() does not use it. Checked, and kept as it is. */
static bool nat_setVoicingRange(Vm *vm, Value *args, int argc, Value *out) {
    (void)argc;
    char name[64];
    DictRef ref;
    if (!stdlib_word(vm, args[0], name, sizeof name) || !find_dictionary(vm, name, &ref))
        return vm_error(vm, "setVoicingRange: no voicing dictionary by that name");
    *out = NIL_VAL;
    return true;
}

static bool nat_setDefaultVoicings(Vm *vm, Value *args, int argc, Value *out) {
    (void)argc;
    char name[64];
    DictRef ref;
    if (!stdlib_word(vm, args[0], name, sizeof name) || !find_dictionary(vm, name, &ref))
        return vm_error(vm, "setDefaultVoicings: no voicing dictionary by that name");
    Value v = OBJ_VAL(str_c(vm_heap(vm), name));
    vm_push_root(vm, v);
    vm_set_global(vm, USER_PREFIX "default", v);
    vm_pop_root(vm);
    *out = NIL_VAL;
    return true;
}

#define V NF_VARIADIC
static const NativeDef NATIVES[] = {
    {"voicing", 1, nat_voicing, 0, "voicing(pat)",
     "Turns chords into notes (Strudel's voicing): the chord control or chord names, voiced "
     "from the dictionary dict (ireal by default; lefthand, triads, guidetones, legacy, "
     "ireal-ext) with its top note under anchor (c5), mode below/duck/above/root, offset "
     "voicings up, or n: one note of the voicing.",
     "chord(\"<C^7 A7 Dm7 G7>\").dict('lefthand').voicing().s(\"pad\")", NULL},
    {"rootNotes", 2, nat_rootNotes, 0, "rootNotes(octave, pat)",
     "The root of each chord, in that octave.",
     "\"<C^7 A7 Dm7 G7>\".rootNotes(2).note().s(\"bass\")", NULL},
    {"addVoicings", 2, nat_addVoicings, V, "addVoicings(name, dictionary, range)",
     "Adds a voicing dictionary: chord symbols to lists of voicings (intervals above the root).",
     "addVoicings('mine', {m7: ['3m 5P 7m 9M'], '^7': ['3M 5P 7M 9M']})", NULL},
    {"registerVoicings", 2, nat_addVoicings, V, "registerVoicings(name, dictionary, options)",
     "Same as addVoicings.", "registerVoicings('mine', {m7: ['3m 5P 7m 9M']})", NULL},
    {"setVoicingRange", 2, nat_setVoicingRange, 0, "setVoicingRange(name, range)",
     "The range of Strudel's older voicings(); accepted (voicing() does not use it).",
     "setVoicingRange('lefthand', ['c3', 'a4'])", NULL},
    {"setDefaultVoicings", 1, nat_setDefaultVoicings, 0, "setDefaultVoicings(name)",
     "The dictionary voicing() uses when an event names none (ireal).",
     "setDefaultVoicings('lefthand')", NULL},
};

const NativeDef *stdlib_voicing_natives(int *count) {
    *count = (int)(sizeof NATIVES / sizeof NATIVES[0]);
    return NATIVES;
}
