/*
 * evalfile.c - evaluates a source file in the live session (see
 * evalfile.h): reads it, bounded and NUL-checked by cli_read_file, and
 * hands it to live_eval with the file's folder as the base for relative
 * paths (samples('DIR')). Called on the CLI's main thread.
 */
#include "evalfile.h"

#include "cli.h"

#include <stdlib.h>

bool cli_eval_file(Live *l, const char *file, Err *err) {
    size_t len;
    char *text = cli_read_file(file, &len);
    if (!text) return false; /* cli_read_file said why */
    char base[1024];
    cli_folder_of(file, base, sizeof base);
    bool ok = live_eval(l, file, text, len, base, err);
    free(text);
    return ok;
}
