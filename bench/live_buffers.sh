#!/usr/bin/env bash
# live_buffers.sh TALA [FILE] [SECONDS] - the smallest JACK buffer at which
# FILE (default W3, the poly-synth workload) plays SECONDS (default 60) on
# the dummy driver with zero xruns. Prints one line per buffer size tried.
# Not a test: a figure for the notes (a shared machine has its own moods).
set -u
TALA=$1
ROOT=$(cd "$(dirname "$0")/.." && pwd)
FILE=${2:-$ROOT/bench/tala/w3_poly_synth.tala}
SECS=${3:-60}
tmp=$(mktemp -d)
export JACK_DEFAULT_SERVER="tala-bench-$$"
best=""
for p in 32 64 128 256 512; do
    jackd --no-realtime -d dummy -r 48000 -p $p >"$tmp/jackd.log" 2>&1 &
    jp=$!
    for _ in $(seq 50); do jack_lsp >/dev/null 2>&1 && break; sleep 0.1; done
    "$TALA" "$FILE" --seconds "$SECS" --buffer $p --no-log </dev/null 2>"$tmp/err" >/dev/null
    kill $jp; wait $jp 2>/dev/null
    x=$(sed -n 's/.*: \([0-9]*\) xruns, \([0-9]*\) late.*/\1 xruns, \2 late events/p' "$tmp/err")
    echo "buffer $p frames ($(awk "BEGIN{printf \"%.2f\", $p/48}") ms): ${x:-failed: $(tail -1 "$tmp/err")}"
    case "$x" in "0 xruns, 0 late"*) [ -z "$best" ] && best=$p ;; esac
done
echo "smallest buffer with zero xruns over $SECS s: ${best:-none}"
rm -rf "$tmp"
