/*
 * fuzz_compile.c - libFuzzer target: arbitrary bytes through the lexer,
 * parser, compiler and mini-notation parser (`tala check`), then, if that
 * succeeds, run as a program and its patterns queried for a few cycles.
 * Built and run by `./build.sh fuzz [SECONDS]`; every crash it finds is kept
 * in tests/fuzz/crashes/compile/ and replayed by test_fuzz_replay.
 */
#include "fuzz_one.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    fuzz_compile_one(data, size);
    return 0;
}
