/*
 * fuzz_sample.c - libFuzzer target: arbitrary bytes as a sound file in a sample folder (loaded or
 * refused with a reason). Built and run by `./build.sh fuzz [SECONDS]`; seeds in
 * tests/fuzz/seeds/sample/, every crash kept in tests/fuzz/crashes/sample/ and replayed by
 * test_fuzz_replay.
 */
#include "fuzz_one.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    fuzz_sample_one(data, size);
    return 0;
}
