/*
 * fuzz_one.h - what one fuzz input goes through; shared by the libFuzzer
 * target and by the regression test that replays saved crashes.
 */
#ifndef TALA_FUZZ_ONE_H
#define TALA_FUZZ_ONE_H

#include "vm/vm.h"
#include "lang/eval.h"
#include "stdlib/stdlib.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static inline void fuzz_one(const uint8_t *data, size_t size) {
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

#endif
