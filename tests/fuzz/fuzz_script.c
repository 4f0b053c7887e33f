/*
 * fuzz_script.c - libFuzzer target: arbitrary bytes as a session log (read, and replayed for a bar
 * when it reads). Built and run by `./build.sh fuzz [SECONDS]`; seeds in tests/fuzz/seeds/script/,
 * every crash kept in tests/fuzz/crashes/script/ and replayed by test_fuzz_replay.
 */
#include "fuzz_one.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    fuzz_script_one(data, size);
    return 0;
}
