/*
 * fuzz_mini.c - libFuzzer target: arbitrary bytes as mini-notation (parsed, two cycles queried).
 * Built and run by `./build.sh fuzz [SECONDS]`; seeds in tests/fuzz/seeds/mini/,
 * every crash kept in tests/fuzz/crashes/mini/ and replayed by test_fuzz_replay.
 */
#include "fuzz_one.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    fuzz_mini_one(data, size);
    return 0;
}
