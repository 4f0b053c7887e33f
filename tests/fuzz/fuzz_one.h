/*
 * fuzz_one.h - what one fuzz input goes through, for each libFuzzer target
 * (tests/fuzz/fuzz_TARGET.c) and for the regression test that replays every
 * seed and saved crash (test_fuzz_replay): source through the compiler and
 * the VM (compile), mini-notation (mini), a session log (script), a sound
 * file in a sample folder (sample). Seeds are in seeds/TARGET/, crashes in
 * crashes/TARGET/.
 */
#ifndef TALA_FUZZ_ONE_H
#define TALA_FUZZ_ONE_H

#include "engine/engine.h"
#include "engine/samples.h"
#include "lang/mini.h"
#include "vm/vm.h"
#include "lang/eval.h"
#include "stdlib/stdlib.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static inline void fuzz_compile_one(const uint8_t *data, size_t size) {
    if (size > 65536) return; /* programs of up to 64 KB */
    Vm *vm = vm_new(stdlib_library());
    if (!vm) return;
    vm_set_budget(vm, 20000);
    Err err = {0};
    const char *text = (const char *)data;
    if (eval_check(vm, "<fuzz>", text, size, &err)) {
        Err err2 = {0};
        if (eval_program(vm, "<fuzz>", text, size, &err2)) {
            /* query what the program plays, briefly */
            ObjString **names;
            int n = vm_played(vm, &names);
            for (int i = 0; i < n; i++) {
                Value v;
                if (!vm_get_global(vm, names[i]->chars, &v) || !IS_PATTERN(v)) continue;
                vm_push_root(vm, v);
                Query *q = vm_query(vm);
                Err qerr = {0};
                Err *saved = q->err;
                q->err = &qerr;
                q->budget = 20000;
                EvBuf ev;
                evbuf_init(&ev, vm_heap(vm));
                pat_events(q, AS_PATTERN(v), rat_int(0), rat_int(2), true, &ev);
                evbuf_free(&ev);
                q->err = saved;
                vm_pop_root(vm);
            }
        }
    }
    vm_free(vm);
}

/* Mini-notation: parsed, then two cycles queried under an event budget. */
static inline void fuzz_mini_one(const uint8_t *data, size_t size) {
    if (size > 4096) return;
    Heap *h = heap_new();
    pat_heap_kinds(h);
    Source *src = source_new("<fuzz>", (const char *)data, size);
    Err err = {0};
    ObjPattern *p = mini_parse(h, src, 0, src->len, &err);
    if (p) {
        heap_push(h, OBJ_VAL(p));
        Err qerr = {0};
        Query q = {.heap = h, .err = &qerr, .budget = 100000, .limit = 100000};
        EvBuf ev;
        evbuf_init(&ev, h);
        pat_events(&q, p, rat_int(0), rat_int(2), true, &ev);
        evbuf_free(&ev);
        heap_pop(h, 1);
    }
    source_free(src);
    heap_free(h);
}

/* Bytes as a file, for the readers that take a path (one scratch file per process). */
#include <unistd.h>
static inline bool fuzz_file(const uint8_t *data, size_t size, char *path, size_t n) {
    snprintf(path, n, "/tmp/tala-fuzz-%d.tala-session", (int)getpid());
    FILE *f = fopen(path, "wb");
    if (!f) return false;
    bool ok = fwrite(data, 1, size, f) == size;
    return fclose(f) == 0 && ok;
}

/* A session log: read, and when it reads, replayed for at most a bar. */
static inline void fuzz_script_one(const uint8_t *data, size_t size) {
    if (size > 65536) return;
    char path[64];
    if (!fuzz_file(data, size, path, sizeof path)) return;
    Script sc;
    Err err = {0};
    if (script_load(path, &sc, &err)) {
        RenderOpts o = {.rate = sc.rate, .bars = 1, .format = "wav"};
        RenderReport rep = {0};
        Err rerr = {0};
        sc.rate = 8000; /* small and quick */
        o.rate = 8000;
        engine_replay(&sc, "/dev/null", &o, &rep, &rerr);
        script_free(&sc);
    }
    unlink(path);
}

/* A sound file in a sample folder: loaded (or refused with a reason), then freed. */
#include <sys/stat.h>
static char fuzz_sample_dir[64];
static inline void fuzz_sample_cleanup(void) {
    char p[128];
    snprintf(p, sizeof p, "%s/x/s.wav", fuzz_sample_dir);
    unlink(p);
    snprintf(p, sizeof p, "%s/x", fuzz_sample_dir);
    rmdir(p);
    rmdir(fuzz_sample_dir);
}
static inline void fuzz_sample_one(const uint8_t *data, size_t size) {
    if (size > 1 << 20) return;
    char *dir = fuzz_sample_dir;
    if (!dir[0]) {
        atexit(fuzz_sample_cleanup);
        snprintf(dir, sizeof fuzz_sample_dir, "/tmp/tala-fuzz-samples-%d", (int)getpid());
        char sub[96];
        snprintf(sub, sizeof sub, "%s/x", dir);
        mkdir(dir, 0700);
        mkdir(sub, 0700);
    }
    char file[128];
    snprintf(file, sizeof file, "%s/x/s.wav", dir);
    FILE *f = fopen(file, "wb");
    if (!f) return;
    fwrite(data, 1, size, f);
    fclose(f);
    SampleBank bank = {0};
    char why[256];
    samples_load(&bank, dir, why, sizeof why);
    samples_find(&bank, "x", 0);
    samples_free(&bank);
}

#endif
