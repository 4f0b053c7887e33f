/*
 * fold.c - an example extension of tala (include/tala_ext.h): a wavefolder
 * unit generator and a builtin.
 *
 *     load("build/examples/ext/fold.so")
 *     synth folk(freq, gate) = sine(freq).fold(3) * adsr(0.01, 0.2, 0.6, 0.3) * 0.4
 *     mix bass { fx: fold(2) }
 *     melody = note("<5 6 7 8>".fmap(k => fib(k) + 40)).s("folk")
 *
 * Build (./build.sh does it): cc -O2 -shared -fPIC -I include fold.c -o fold.so
 */
#include "tala_ext.h"

#include <math.h>
#include <stdio.h>

const int tala_ext_api = TALA_EXT_API;

/* fold(amount): the signal times amount, folded back into -1..1 each time it
 * crosses an edge (a triangle of the input), the way analog wavefolders add
 * overtones. The amount glides over about 5 ms (its state), so a change
 * does not click. */
typedef struct {
    float amount;
    int started;
} Fold;

static void fold_process(void *state, const float *const *in, float *out, int n, double rate) {
    Fold *s = state;
    const float *x = in[0], *amount = in[1];
    float glide = (float)(1 - exp(-1 / (0.005 * rate)));
    if (!s->started) s->amount = amount[0], s->started = 1;
    for (int i = 0; i < n; i++) {
        s->amount += (amount[i] - s->amount) * glide;
        double t = (x[i] * s->amount + 1) / 4;
        t -= floor(t);
        out[i] = (float)(1 - 4 * fabs(t - 0.5));
    }
}

static const tala_ugen FOLD = {
    .name = "fold",
    .effect = 1,
    .ninputs = 1,
    .inputs = {"amount"},
    .defaults = {2},
    .doc = "A wavefolder: the signal times amount, folded back into -1..1 at each edge "
           "(1: unchanged below full scale; 2 to 6: ever brighter).",
    .process = fold_process,
};

/* fib(n): the n-th Fibonacci number (fib(0) = 0, fib(1) = 1), for rhythms
 * and phrase lengths that grow the way music often does. */
static int fib(const tala_value *args, int argc, tala_value *out, char *err, size_t errlen) {
    (void)argc;
    if (args[0].kind != TALA_NUM || args[0].num != floor(args[0].num) || args[0].num < 0 ||
        args[0].num > 78) {
        snprintf(err, errlen, "takes a whole number from 0 to 78");
        return 1;
    }
    double a = 0, b = 1;
    for (int i = 0; i < (int)args[0].num; i++) {
        double c = a + b;
        a = b, b = c;
    }
    *out = (tala_value){TALA_NUM, a, NULL};
    return 0;
}

int tala_ext_init(const tala_host *host) {
    if (host->ugen(host, &FOLD) != 0) return 1;
    return host->builtin(host, "fib", 1, fib, "fib(n)",
                         "The n-th Fibonacci number (0, 1, 1, 2, 3, 5, 8, 13, ...), from the "
                         "example extension examples/ext/fold.c.",
                         "note(fib(7) + 48)");
}
