/*
 * test_fuzz_replay.c - replays every input the fuzzer ever crashed on
 * (tests/fuzz/crashes/) and every seed (tests/fuzz/seeds/): each must go
 * through without a crash (this suite runs under ASan/UBSan too).
 */
#include "support_lang.h"
#include "fuzz/fuzz_one.h"

#include <dirent.h>

static int replay_dir(const char *dir) {
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
        fuzz_one(buf, len);
        n++;
    }
    closedir(d);
    return n;
}

static void test_replay_seeds_and_crashes(void **s) {
    int seeds = replay_dir(TALA_SOURCE_DIR "/tests/fuzz/seeds");
    int crashes = replay_dir(TALA_SOURCE_DIR "/tests/fuzz/crashes");
    print_message("replayed %d seeds and %d saved crash inputs\n", seeds, crashes);
    assert_true(seeds > 0);
}

int main(void) {
    const struct CMUnitTest tests[] = {cmocka_unit_test(test_replay_seeds_and_crashes)};
    return cmocka_run_group_tests_name("fuzz-replay", tests, NULL, NULL);
}
