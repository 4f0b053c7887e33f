/*
 * prelude.c - loads the built-in instruments into a VM: a synthesized drum
 * kit and a set of melodic synths, so the first beat needs no sample files.
 * They are written in tala in stdlib/prelude.tala, which the build embeds
 * as tala_prelude_text (cmake/prelude.cmake); each is an ordinary synth
 * definition (see docs/sound.md) that a program may redefine. Called on the
 * control thread, once per new VM.
 */
#include "engine.h"
#include "../lang/eval.h"

/* generated from stdlib/prelude.tala: its bytes, then a NUL not counted */
extern const char tala_prelude_text[];
extern const unsigned tala_prelude_len;

bool engine_load_prelude(Vm *vm, Err *err) {
    vm_set_prelude(vm, true);
    bool ok = eval_program(vm, "<prelude>", tala_prelude_text, tala_prelude_len, err);
    vm_set_prelude(vm, false);
    return ok;
}
