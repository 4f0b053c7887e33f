/*
 * disasm.c - the bytecode of a function and of every function inside it,
 * with the source line each instruction came from (`tala disasm`, for
 * debugging and teaching). Reads the opcode table (opcodes.h) that the
 * compiler and the interpreter read too. Control thread only.
 */
#include "vm_impl.h"

#include <stdio.h>

static const struct {
    const char *name;
    int operands;
} OPINFO[] = {
#define OP(name, n, doc) {#name, n},
#include "opcodes.h"
#undef OP
};

static void disasm_fn(ObjFunction *fn, FILE *f) {
    fprintf(f, "== %s (%d parameter%s, %d constant%s) ==\n", fn->name ? fn->name->chars : "<top>",
            fn->arity, fn->arity == 1 ? "" : "s", fn->nconsts, fn->nconsts == 1 ? "" : "s");
    int last_line = -1;
    for (int i = 0; i < fn->len;) {
        int line, col;
        src_linecol(fn->src, fn->pos[i], &line, &col);
        if (line != last_line) {
            const char *s = fn->src->text;
            uint32_t b = fn->pos[i];
            while (b > 0 && s[b - 1] != '\n') b--;
            uint32_t e = b;
            while (s[e] && s[e] != '\n') e++;
            fprintf(f, "%4d | %.*s\n", line, (int)(e - b), s + b);
            last_line = line;
        }
        uint8_t op = fn->code[i];
        fprintf(f, "     %04d %-14s", i, OPINFO[op].name);
        int n = OPINFO[op].operands;
        if (op == OP_CALL_NAMED) {
            fprintf(f, " %d  ; named ", fn->code[i + 1]);
            char buf[64];
            val_format(fn->consts[fn->code[i + 2] | fn->code[i + 3] << 8], buf, sizeof buf);
            fprintf(f, "%s\n", buf);
            i += 4;
            continue;
        }
        if (n == 1) fprintf(f, " %d", fn->code[i + 1]);
        if (n >= 2) {
            int a = fn->code[i + 1] | fn->code[i + 2] << 8;
            fprintf(f, " %d", a);
            if (op == OP_CONST || op == OP_GET_GLOBAL || op == OP_DEF_GLOBAL || op == OP_SYNTH ||
                op == OP_BUS || op == OP_MIX || op == OP_METHOD || op == OP_METHOD_NAMED) {
                char buf[48];
                val_format(fn->consts[a], buf, sizeof buf);
                fprintf(f, "  ; %s", IS_FUNCTION(fn->consts[a]) ? "<function>" : buf);
            }
        }
        if (n == 3) fprintf(f, " %d", fn->code[i + 3]);
        if (n == 5) fprintf(f, " %d %d", fn->code[i + 3], fn->code[i + 4] | fn->code[i + 5] << 8);
        i += 1 + n;
        if (op == OP_CLOSURE) {
            ObjFunction *inner = AS_FUNCTION(fn->consts[fn->code[i - 2] | fn->code[i - 1] << 8]);
            for (int k = 0; k < inner->nupvals; k++) {
                fprintf(f, " %s%d", fn->code[i] ? "local:" : "up:", fn->code[i + 1]);
                i += 2;
            }
        }
        fputc('\n', f);
    }
    for (int i = 0; i < fn->nconsts; i++)
        if (IS_FUNCTION(fn->consts[i])) disasm_fn(AS_FUNCTION(fn->consts[i]), f);
}

void vm_disasm(ObjFunction *fn, FILE *f) {
    disasm_fn(fn, f);
}
