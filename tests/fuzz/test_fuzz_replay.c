/*
 * test_fuzz_replay.c - replays every input a fuzzer ever crashed on
 * (tests/fuzz/crashes/TARGET/) and every seed (tests/fuzz/seeds/TARGET/)
 * through its target's code: each must go through without a crash (this
 * suite runs under ASan/UBSan too).
 */
#include "support_lang.h"
#include "fuzz/fuzz_one.h"

#include <dirent.h>

static int replay_dir(const char *dir, void (*one)(const uint8_t *, size_t)) {
    DIR *d = opendir(dir);
    if (!d) return 0;
    int n = 0;
    for (struct dirent *e; (e = readdir(d));) {
        if (e->d_name[0] == '.') continue;
        char path[1024];
        snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
        FILE *f = fopen(path, "rb");
        if (!f) continue;
        static uint8_t buf[1 << 16];
        size_t len = fread(buf, 1, sizeof buf, f);
        fclose(f);
        one(buf, len);
        n++;
    }
    closedir(d);
    return n;
}

static void test_replay_seeds_and_crashes(void **s) {
    static const struct {
        const char *name;
        void (*one)(const uint8_t *, size_t);
    } TARGETS[] = {{"compile", fuzz_compile_one},
                   {"mini", fuzz_mini_one},
                   {"script", fuzz_script_one},
                   {"sample", fuzz_sample_one}};
    for (size_t t = 0; t < sizeof TARGETS / sizeof TARGETS[0]; t++) {
        char dir[512];
        snprintf(dir, sizeof dir, "%s/tests/fuzz/seeds/%s", TALA_SOURCE_DIR, TARGETS[t].name);
        int seeds = replay_dir(dir, TARGETS[t].one);
        snprintf(dir, sizeof dir, "%s/tests/fuzz/crashes/%s", TALA_SOURCE_DIR, TARGETS[t].name);
        int crashes = replay_dir(dir, TARGETS[t].one);
        print_message("%s: replayed %d seeds and %d saved crash inputs\n", TARGETS[t].name, seeds,
                      crashes);
        assert_true(seeds > 0);
    }
}

int main(void) {
    const struct CMUnitTest tests[] = {cmocka_unit_test(test_replay_seeds_and_crashes)};
    return cmocka_run_group_tests_name("fuzz-replay", tests, NULL, NULL);
}
