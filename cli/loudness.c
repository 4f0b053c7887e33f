/*
 * loudness.c - `tala loudness FILE...`: each sound file's loudness as a
 * mastering engineer reads it (EBU R128 by libebur128): integrated LUFS,
 * loudness range, true peak, sample peak. A reference track measured the
 * same way as tala's own renders.
 */
#include "cli.h"

#include "../engine/engine.h"

#include <stdio.h>

int cli_loudness(int argc, char **argv) {
    if (argc < 1) {
        fprintf(stderr, "usage: tala loudness FILE...\n");
        return EXIT_USAGE;
    }
    int status = EXIT_OK;
    for (int i = 0; i < argc; i++) {
        Loudness l;
        char why[1200];
        if (!engine_loudness(argv[i], &l, why, sizeof why)) {
            fprintf(stderr, "tala: %s\n", why);
            status = EXIT_USER;
            continue;
        }
        printf("%s: %.1f LUFS integrated, range %.1f LU, true peak %.1f dBTP, peak %.1f dBFS "
               "(%.1f s, %d channel%s, %g Hz)\n",
               argv[i], l.lufs, l.lra, l.true_peak, l.peak, l.seconds, l.channels,
               l.channels == 1 ? "" : "s", l.rate);
    }
    return status;
}
