/*
 * sounds.c - tala sounds [NAME]: the sound library (engine/soundlib.h),
 * every name and bank, or what one name plays.
 */
#include "cli.h"

#include "../engine/soundlib.h"

#include <stdio.h>

int cli_sounds(int argc, char **argv) {
    if (argc > 1) {
        fprintf(stderr, "usage: tala sounds [NAME]\n");
        return EXIT_USAGE;
    }
    SoundLib *lib = soundlib_new(48000);
    int rc = EXIT_OK;
    if (argc == 1) {
        if (!soundlib_describe(lib, argv[0], stdout)) {
            fprintf(stderr,
                    "tala: '%s' is not a sound of the library (tala sounds lists them; tala's "
                    "own instruments: tala help %s)\n",
                    argv[0], argv[0]);
            rc = EXIT_USER;
        }
    } else {
        soundlib_list(lib, stdout);
    }
    soundlib_free(lib);
    return rc;
}
