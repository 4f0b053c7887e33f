/*
 * check.c - `tala check FILE` (for editors and CI: compile, evaluate, build
 * every synth and chain and query each track's first 4 cycles under the
 * budgets, as a render would, with no sound, device or file written) and
 * `tala disasm FILE` (the bytecode with source lines, for debugging and
 * teaching). Neither plays anything.
 */
#include "cli.h"

#include "../engine/session.h"
#include "../lang/eval.h"
#include "../stdlib/stdlib.h"
#include "../vm/vm.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int compile_only(int argc, char **argv, bool disasm) {
    const char *cmd = disasm ? "disasm" : "check";
    if (argc != 1 || argv[0][0] == '-') {
        fprintf(stderr, "usage: tala %s FILE\n", cmd);
        return EXIT_USAGE;
    }
    size_t len;
    char *text = cli_read_file(argv[0], &len);
    if (!text) return EXIT_USER;
    Err err = {0};
    bool ok;
    if (disasm) {
        Vm *vm = vm_new(stdlib_library());
        if (vm) vm_set_safe(vm, cli_safe);
        ok = eval_disasm(vm, argv[0], text, len, stdout, &err);
        vm_free(vm);
    } else {
        /* what a render of the first 4 cycles would report; warnings on stderr */
        SessionOpts so = {
            .rate = 48000, .voices = 64, .quiet = true, .samples_listed = true, .safe = cli_safe};
        Session *s = session_new(&so, &err);
        if (!s) {
            err_print(stderr, &err);
            free(text);
            return EXIT_ENV;
        }
        char base[1024];
        cli_folder_of(argv[0], base, sizeof base);
        ok = session_eval(s, argv[0], text, len, base, &err) && session_check(s, 4, &err);
        if (!ok) err_print(stderr, &err); /* before the session (and its sources) go */
        TrackInfo t[1];
        if (ok && !session_tracks(s, t, 1))
            fprintf(stderr,
                    "%s: warning: nothing plays: name the patterns in play (play drums, bass), "
                    "or end the file with one\n",
                    argv[0]);
        session_free(s);
        free(text);
        return ok ? EXIT_OK : EXIT_USER;
    }
    if (!ok) err_print(stderr, &err);
    free(text);
    return ok ? EXIT_OK : EXIT_USER;
}

int cli_check(int argc, char **argv) {
    return compile_only(argc, argv, false);
}
int cli_disasm(int argc, char **argv) {
    return compile_only(argc, argv, true);
}
