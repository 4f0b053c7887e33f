/*
 * check.c - `tala check FILE` (compile only, for editors and CI) and
 * `tala disasm FILE` (the bytecode with source lines, for debugging and
 * teaching). Neither plays anything.
 */
#include "cli.h"

#include "../vm/vm.h"
#include "../lang/eval.h"
#include "../stdlib/stdlib.h"

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
    Vm *vm = vm_new(stdlib_library());
    if (!vm) {
        free(text);
        fprintf(stderr, "tala: out of memory\n");
        return EXIT_ENV;
    }
    Err err = {0};
    bool ok = disasm ? eval_disasm(vm, argv[0], text, len, stdout, &err)
                     : eval_check(vm, argv[0], text, len, &err);
    if (!ok) err_print(stderr, &err);
    vm_free(vm);
    free(text);
    return ok ? EXIT_OK : EXIT_USER;
}

int cli_check(int argc, char **argv) {
    return compile_only(argc, argv, false);
}
int cli_disasm(int argc, char **argv) {
    return compile_only(argc, argv, true);
}
