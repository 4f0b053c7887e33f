/*
 * show.c - a pattern drawn as a grid, like a drum machine or a piano roll:
 * one row per sound or note, one column per step, cycles between bars.
 * `tala show 'EXPR' [--cycles N]`, `tala show --file FILE` (every track of a
 * program in one grid), and the REPL's `:show NAME` for a playing track.
 *
 *   x  a note starts in this step      o  ... a quiet one (gain under 0.5)
 *   =  a note started before still sounds (notes only: a drum hit is a hit)
 *   .  nothing
 *
 * The steps a cycle has are the finest grid every onset lies on (bd*4 and
 * hh*8: 8), at most 48; a finer pattern is drawn on 16 steps and says so.
 */
#include "cli.h"
#include "show.h"

#include "../engine/session.h"
#include "../lang/eval.h"
#include "../lang/mini.h"
#include "../stdlib/lib.h"
#include "../stdlib/stdlib.h"
#include "../vm/heap.h"
#include "../vm/pattern.h"
#include "../vm/vm.h"

#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_ROWS  48
#define MAX_STEPS 48
#define LABEL_MAX 24

typedef struct {
    char label[LABEL_MAX];
    double pitch; /* for the piano roll's order, high notes on top; NAN: a drum */
    Rat first;    /* its first onset: drums in the order they come in */
    char *cells;  /* cycles * steps */
} Row;

static const char *NAMES[] = {"c", "c#", "d", "eb", "e", "f", "f#", "g", "ab", "a", "bb", "b"};

/* A row's name and pitch: the note (as a name), the sound with its n, a number. */
static void label_of(Value v, char *out, size_t n, double *pitch) {
    *pitch = NAN;
    if (IS_RECORD(v)) {
        ObjRecord *r = (ObjRecord *)v.as.obj;
        Value note, s, num;
        char nb[24] = "", sb[40] = "";
        double m;
        if (rec_get(r, "note", &note) && js_numeral(note, &m)) {
            *pitch = m;
            if (IS_STRING(note)) { /* as written, its letter small: Eb4 and eb4 are one */
                snprintf(nb, sizeof nb, "%s", AS_STRING(note)->chars);
                nb[0] = (char)tolower((unsigned char)nb[0]);
            } else if (m == floor(m))
                snprintf(nb, sizeof nb, "%s%d", NAMES[((int)m % 12 + 12) % 12],
                         (int)floor(m / 12) - 1);
            else
                snprintf(nb, sizeof nb, "%g", m);
        } else if (rec_get(r, "freq", &num) && IS_NUM(num)) {
            *pitch = 69 + 12 * log2(num.as.num / 440);
            snprintf(nb, sizeof nb, "%ghz", num.as.num);
        }
        if (rec_get(r, "s", &s) && IS_STRING(s)) {
            if (!nb[0] && rec_get(r, "n", &num) && IS_NUM(num))
                snprintf(sb, sizeof sb, "%s:%g", AS_STRING(s)->chars, num.as.num);
            else
                snprintf(sb, sizeof sb, "%s", AS_STRING(s)->chars);
        } else if (!nb[0] && rec_get(r, "n", &num) && IS_NUM(num)) {
            snprintf(nb, sizeof nb, "%g", num.as.num);
            *pitch = num.as.num;
        }
        if (nb[0] || sb[0]) {
            snprintf(out, n, "%s%s%s", nb, nb[0] && sb[0] ? " " : "", sb);
            return;
        }
    }
    if (IS_NUM(v)) *pitch = v.as.num;
    val_format(v, out, n); /* cut to the label's width */
}

/* Whether a note is played softly (gain times velocity under a half). */
static bool quiet(Value v) {
    if (!IS_RECORD(v)) return false;
    double g = 1;
    Value x;
    if (rec_get((ObjRecord *)v.as.obj, "gain", &x) && IS_NUM(x)) g *= x.as.num;
    if (rec_get((ObjRecord *)v.as.obj, "velocity", &x) && IS_NUM(x)) g *= x.as.num;
    return g < 0.5;
}

static int row_cmp(const void *a, const void *b) {
    const Row *x = a, *y = b;
    bool px = !isnan(x->pitch), py = !isnan(y->pitch);
    if (px != py) return px ? -1 : 1; /* the notes on top, the drums under them */
    if (px && x->pitch != y->pitch) return x->pitch > y->pitch ? -1 : 1;
    int c = rat_cmp(x->first, y->first);
    return c ? c : strcmp(x->label, y->label);
}

static int64_t gcd64(int64_t a, int64_t b) {
    while (b) {
        int64_t t = a % b;
        a = b, b = t;
    }
    return a;
}

bool show_pattern(Vm *vm, ObjPattern *pat, int from, int cycles, FILE *out, Err *err) {
    Heap *h = vm_heap(vm);
    heap_push(h, OBJ_VAL(pat));
    EvBuf ev;
    evbuf_init(&ev, h);
    Query *q = vm_query(vm);
    Err *saved = q->err;
    q->err = err;
    bool ok = pat_events(q, pat, rat_int(from), rat_int(from + cycles), true, &ev);
    q->err = saved;
    Row rows[MAX_ROWS];
    int nrows = 0, steps = 1;
    bool coarse = false, more_rows = false;
    if (!ok) goto done;
    for (size_t i = 0; i < ev.len; i++) { /* the grid: the lcm of the onsets' denominators */
        if (!ev.ev[i].has_whole) continue;
        for (int end = 0; end < 2; end++) { /* where notes start, and where they stop */
            int64_t d = rat_cyclepos(end ? ev.ev[i].whole.end : ev.ev[i].whole.begin).den;
            if (d > MAX_STEPS || steps / gcd64(steps, d) * d > MAX_STEPS) coarse = true;
            if (!coarse) steps = (int)(steps / gcd64(steps, d) * d);
        }
    }
    if (coarse) steps = 16;
    for (size_t i = 0; i < ev.len; i++) {
        Event *e = &ev.ev[i];
        if (!e->has_whole) continue;
        char label[LABEL_MAX];
        double pitch;
        label_of(e->value, label, sizeof label, &pitch);
        int r = 0;
        while (r < nrows && strcmp(rows[r].label, label)) r++;
        if (r == nrows) {
            if (nrows == MAX_ROWS) {
                more_rows = true;
                continue;
            }
            rows[r] = (Row){.pitch = pitch, .first = e->whole.begin};
            snprintf(rows[r].label, sizeof rows[r].label, "%s", label);
            rows[r].cells = malloc((size_t)(cycles * steps));
            if (!rows[r].cells) abort();
            memset(rows[r].cells, '.', (size_t)(cycles * steps));
            nrows++;
        }
        double at = (rat_to_double(e->whole.begin) - from) * steps;
        double end = (rat_to_double(e->whole.end) - from) * steps;
        int c = (int)floor(at + 1e-9);
        if (c < 0 || c >= cycles * steps) continue;
        rows[r].cells[c] = quiet(e->value) && rows[r].cells[c] != 'x' ? 'o' : 'x';
        for (int k = c + 1; !isnan(rows[r].pitch) && k < cycles * steps && k < end - 1e-9; k++)
            if (rows[r].cells[k] == '.') rows[r].cells[k] = '=';
    }
    qsort(rows, (size_t)nrows, sizeof *rows, row_cmp);
    if (!nrows) {
        fprintf(out, "%s\n",
                ev.len ? "a continuous signal (sine, saw, ...) has no steps to draw: use it in a "
                         "control, e.g. .lpf(sine.range(400, 2000))"
                       : "nothing plays in these cycles (silence)");
        goto done;
    }
    int w = 0;
    for (int r = 0; r < nrows; r++)
        if ((int)strlen(rows[r].label) > w) w = (int)strlen(rows[r].label);
    int group = steps % 4 == 0 && steps >= 8 ? steps / 4 : 0; /* a space between beats */
    int cw = steps + (group ? 3 : 0) + 1;                     /* a cycle's columns, with '|' */
    char head[16 * (MAX_STEPS + 8) + LABEL_MAX + 8];
    int hk = snprintf(head, sizeof head, "%*s", w + 1, "");
    for (int c = 0; c < cycles; c++)
        hk += snprintf(head + hk, sizeof head - (size_t)hk, "%-*d", cw, from + c + 1);
    while (hk > 0 && head[hk - 1] == ' ') head[--hk] = 0; /* no trailing spaces */
    fprintf(out, "%s\n", head);
    for (int r = 0; r < nrows; r++) {
        fprintf(out, "%-*s ", w, rows[r].label);
        for (int c = 0; c < cycles; c++) {
            fputc('|', out);
            for (int k = 0; k < steps; k++) {
                if (group && k && k % group == 0) fputc(' ', out);
                fputc(rows[r].cells[c * steps + k], out);
            }
        }
        fprintf(out, "|\n");
    }
    fprintf(out, "%d step%s a cycle%s%s\n", steps, steps == 1 ? "" : "s",
            coarse ? " (the pattern is finer: its notes are drawn on the 16th they fall in)" : "",
            more_rows ? "; more rows than fit were left out" : "");
done:
    for (int r = 0; r < nrows; r++) free(rows[r].cells);
    evbuf_free(&ev);
    heap_pop(h, 1);
    return ok;
}

/* tala show --file FILE: every track the program plays, in one grid (a drum
 * machine's rows, a piano roll's notes), as `tala query --file` merges them. */
static int show_file(const char *path, int cycles) {
    int status;
    Session *s = cli_offline_session(path, &status);
    if (!s) return status;
    int n;
    ObjPattern *all = cli_program_pattern(s, &n);
    Err err = {0};
    if (!n) {
        printf("the program plays nothing (play NAME, ... or a pattern at the end)\n");
    } else if (!show_pattern(session_vm(s), all, 0, cycles, stdout, &err)) {
        err_print(stderr, &err);
        status = EXIT_USER;
    }
    session_free(s);
    return status;
}

int cli_show(int argc, char **argv) {
    const char *expr = NULL, *file = NULL;
    double cycles = 2;
    for (int i = 0; i < argc; i++) {
        if (!strcmp(argv[i], "--cycles") && i + 1 < argc) {
            if (!cli_num_arg("--cycles", argv[++i], 1, 16, &cycles)) return EXIT_USAGE;
        } else if (!strcmp(argv[i], "--file") && i + 1 < argc && !file) {
            file = argv[++i];
        } else if (argv[i][0] == '-' && argv[i][1] == '-' && isalpha((unsigned char)argv[i][2])) {
            fprintf(stderr, "tala show: unknown option '%s'\n", argv[i]);
            return EXIT_USAGE;
        } else if (!expr) {
            expr = argv[i];
        } else {
            fprintf(stderr, "tala show: one pattern only (quote it: tala show 'bd*4, hh*8')\n");
            return EXIT_USAGE;
        }
    }
    if (!!expr == !!file) {
        fprintf(stderr, "usage: tala show 'PATTERN' [--cycles N] | --file FILE [--cycles N]\n");
        return EXIT_USAGE;
    }
    if (file) return show_file(file, (int)cycles);
    Vm *vm = vm_new(stdlib_library());
    if (!vm) return EXIT_ENV;
    vm_set_safe(vm, cli_safe);
    Err err = {0};
    Value v;
    int status = EXIT_OK;
    /* mini-notation alone ('bd*2 sn') or an expression ('s("bd*2").fast(2)') */
    bool mini = !cli_is_expression(vm, expr);
    char *code = NULL;
    if (mini) {
        size_t n = strlen(expr) + 3;
        code = malloc(n);
        if (!code) abort();
        snprintf(code, n, "\"%s\"", expr);
    }
    const char *src = mini ? code : expr;
    if (!eval_expr(vm, "<show>", src, strlen(src), &v, &err)) {
        status = EXIT_USER;
    } else if (!IS_PATTERN(v) && !IS_STRING(v) && !IS_LIST(v) && !IS_NUM(v)) {
        err_set(&err, (SrcRef){0}, "the expression gives %s, not a pattern", val_type_name(v));
        err_hint(&err, "show draws patterns, e.g. tala show 's(\"bd*2 [~ sn]\")'");
        status = EXIT_USER;
    } else {
        vm_push_root(vm, v);
        ObjPattern *p = reify(vm, v);
        vm_pop_root(vm);
        if (!show_pattern(vm, p, 0, (int)cycles, stdout, &err)) status = EXIT_USER;
    }
    if (status != EXIT_OK) err_print(stderr, &err);
    free(code);
    vm_free(vm);
    return status;
}
