/*
 * plugins.c - tala plugins [NAME]: the installed LV2 plugins, or one of them
 * in detail (its audio ports and control inputs).
 */
#include "cli.h"

#include "../audio/lv2.h"

#include <stdio.h>

int cli_plugins(int argc, char **argv) {
    if (argc > 1) {
        fprintf(stderr, "usage: tala plugins [NAME]\n");
        return EXIT_USAGE;
    }
    char why[600];
    if (argc == 1) {
        if (lv2_describe(stdout, argv[0], why, sizeof why)) return EXIT_OK;
        fprintf(stderr, "tala: %s\n", why);
        return EXIT_USER;
    }
    int n = lv2_list(stdout, why, sizeof why);
    if (n < 0) {
        fprintf(stderr, "tala: %s\n", why);
        return EXIT_ENV;
    }
    if (n == 0)
        printf("no LV2 plugins (install some, e.g. apt install x42-plugins, or set LV2_PATH)\n");
    return EXIT_OK;
}
