#!/usr/bin/env bash
# test_ext.sh TALA EXT_SO PTY_DRIVE - the C extension API (include/tala_ext.h) with the
# example extension examples/ext/fold.c, built by ./build.sh: load() makes its builtin fib
# and its unit generator fold names from the next line on; fib's value reaches a note (its
# pitch measured); fold brightens a sine in a synth and in a track's chain (the energy
# above 1.5 kHz measured against the plain sine); :help shows
# the builtin's doc; a library of another API version, one that is no extension, a missing
# file and safe mode are errors that say so.
set -u
TALA=$(realpath "$1")
EXT=$(realpath "$2")
DRIVE=$(realpath "$3")
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
pass=0
fail=0
ok() { echo "ok   $1"; pass=$((pass + 1)); }
bad() { echo "FAIL $1"; fail=$((fail + 1)); }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$tmp" || exit 1
stat_of() { sox "$1" -n remix 1 trim 0.25 1 ${3:-} stat 2>&1 | sed -n "s/$2 *: *//p"; }

# fib(7) = 13: note 63, 311.1 Hz
printf 'load("%s")\nx = note(fib(7) + 50).s("sine").legato(1)\nplay x\n' "$EXT" >fib.tala
"$TALA" render fib.tala -o fib.wav --bars 1 >/dev/null 2>&1
f=$(stat_of fib.wav "Rough *frequency")
awk -v f="$f" 'BEGIN { exit !(f > 305 && f < 317) }' && ok "fib(7) from the extension is 13: note 63 sounds at $f Hz" ||
    bad "fib(7): ${f:-no render} Hz"

# fold on a sine: in a synth, and as a track's insert
cat >plain.tala <<'TALA'
synth tone(freq, gate) = sine(freq) * 0.4
x = note("a3").s("tone").legato(1)
play x
TALA
printf 'load("%s")\nsynth tone(freq, gate) = sine(freq).fold(4) * 0.4\nx = note("a3").s("tone").legato(1)\nplay x\n' "$EXT" >voice.tala
printf 'load("%s")\nsynth tone(freq, gate) = sine(freq) * 0.4\nx = note("a3").s("tone").legato(1)\nmix x { fx: fold(4) }\nplay x\n' "$EXT" >chain.tala
for p in plain voice chain; do "$TALA" render $p.tala -o $p.wav --bars 1 >/dev/null 2>&1; done
hp() { stat_of "$1.wav" "RMS *amplitude" "highpass 1500"; }
a=$(hp plain) b=$(hp voice) c=$(hp chain)
awk -v a="$a" -v b="$b" 'BEGIN { exit !(b > 0.02 && b > 10 * a) }' &&
    ok "fold(4) in a synth: energy above 1.5 kHz $a -> $b (a plain sine's is its onset's)" ||
    bad "fold in a synth: $a -> $b"
awk -v a="$a" -v c="$c" 'BEGIN { exit !(c > 0.01 && c > 3 * a) }' &&
    ok "fold(4) as a track's insert (mix x { fx: fold(4) }, on the quieter mix): above 1.5 kHz $a -> $c" ||
    bad "fold in a chain: $a -> $c"

# :help in the REPL knows the builtin once it is loaded
cat >help.script <<SCRIPT
expect > 
send load("$EXT")\\n
sleep 300
send :help fib\\n
expect Fibonacci
send :quit\\n
SCRIPT
"$DRIVE" help.script "$TALA" --no-audio --no-log >help.out 2>&1 &&
    grep -q "fib(n)  (from an extension)" help.out && ok ":help fib after load shows the extension's doc" ||
    { bad ":help fib"; tr -d '\r' <help.out | tail -5; }

# what is refused, each with its reason
cat >v99.c <<'C'
const int tala_ext_api = 99;
int tala_ext_init(const void *host) { (void)host; return 0; }
C
cc -shared -fPIC -o v99.so v99.c
err_of() { printf '%s\nx = s("bd")\nplay x\n' "$1" >e.tala; "$TALA" check e.tala 2>&1 | head -1; }
out=$(err_of 'load("v99.so")')
grep -q "e.tala:1:1: load: 'v99.so' was built for version 99 of tala's extension API; this tala has version 1" <<<"$out" &&
    ok "another API version: $out" || bad "version: $out"
cat >clash.c <<C
#include "tala_ext.h"
const int tala_ext_api = TALA_EXT_API;
static int f(const tala_value *a, int n, tala_value *o, char *e, size_t l) { (void)a, (void)n, (void)o, (void)e, (void)l; return 0; }
int tala_ext_init(const tala_host *h) { return h->builtin(h, "fast", 1, f, "fast(x)", "", ""); }
C
cc -shared -fPIC -I"$ROOT/include" -o clash.so clash.c 2>cc.err
out=$(err_of 'load("clash.so")')
grep -q "load: 'clash.so' could not start: a builtin named 'fast', as one of tala's own" <<<"$out" &&
    ok "a builtin named as one of tala's own: refused" || { bad "clash: $out"; cat cc.err; }
out=$(err_of 'load("/lib/x86_64-linux-gnu/libm.so.6")')
grep -q "is not a tala extension (it has no tala_ext_api)" <<<"$out" && ok "a library that is no extension: refused" ||
    bad "not an extension: $out"
out=$(err_of 'load("nothere.so")')
grep -q "load: cannot open 'nothere.so'" <<<"$out" && ok "a missing file: $out" || bad "missing: $out"
out=$(printf 'load("%s")\nx = s("bd")\nplay x\n' "$EXT" >s.tala; TALA_SAFE=1 "$TALA" check s.tala 2>&1 | head -1)
grep -q "s.tala:1:1: load is not allowed in safe mode" <<<"$out" && ok "safe mode: $out" || bad "safe: $out"
echo "$pass passed, $fail failed"
[ $fail = 0 ]
