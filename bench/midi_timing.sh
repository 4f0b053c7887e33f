#!/usr/bin/env bash
# midi_timing.sh [SECONDS] [PERIOD] - how close to its frame tala's MIDI leaves and
# arrives: plays 16ths (and chords on the bar) to tala's port 'tala' on a JACK dummy
# server for SECONDS (default 60) at a JACK period of PERIOD frames (default 32), an
# RtMidi listener timestamps what arrives, and each message is compared with the
# moment its frame played on the audio clock (TALA_MIDI_TRACE). Prints mean, 99th
# percentile and max of (sent - due) and (arrived - due), in ms.
set -u
ROOT=$(cd "$(dirname "$0")/.." && pwd)
SECS=${1:-60}
PERIOD=${2:-32}
tmp=$(mktemp -d)
export JACK_DEFAULT_SERVER="tala-bench-midi-$$" TALA_MIDI_API=jack HOME="$tmp"
jackd --no-realtime -d dummy -r 48000 -p "$PERIOD" >"$tmp/jackd.log" 2>&1 &
JACKPID=$!
trap 'kill $JACKPID 2>/dev/null; wait $JACKPID 2>/dev/null; [ -n "${KEEP:-}" ] || rm -rf "$tmp"' EXIT
for _ in $(seq 50); do jack_lsp >/dev/null 2>&1 && break; sleep 0.1; done
printf 'm = note("<~ [c3 e3 g3 c4]*4>").velocity(0.8).midi()\nk = note("<~ [c4,e4,g4]>").midi().midichan(2)\nplay m, k\n' >"$tmp/m.tala"
"$ROOT/build/midi_listen" listen $((SECS + 3)) >"$tmp/got" 2>/dev/null &
LPID=$!
TALA_MIDI_TRACE="$tmp/trace" "$ROOT/build/tala" "$tmp/m.tala" --seconds "$SECS" --no-log 2>"$tmp/err"
wait $LPID
# each message received is matched with the next one sent with the same bytes (an xrun
# can make JACK drop some: those are counted as lost, not timed)
awk 'NR == FNR { due[++nt] = $1; sent[nt] = $2; $1 = $2 = ""; msg[nt] = $0; next }
    { a = $1; $1 = ""; while (j < nt && msg[j + 1] != " " $0) j++
      if (j < nt) { j++; printf "%.4f %.4f\n", (sent[j] - due[j]) / 1e6, (a - due[j]) / 1e6 } }' \
    "$tmp/trace" "$tmp/got" >"$tmp/d"
n=$(wc -l <"$tmp/d")
lost=$(($(wc -l <"$tmp/trace") - n))
stats() {
    sort -n | awk '{ v[NR] = $1; s += $1 }
        END { k = int(NR * 0.99); if (k < 1) k = 1; printf "mean %.3f, p99 %.3f, max %.3f", s / NR, v[k], v[NR] }'
}
echo "JACK period $PERIOD frames, $SECS s: $n messages received, $lost lost, $(grep -o '[0-9]* xruns' "$tmp/err")"
echo "  sent - due:    $(cut -d' ' -f1 "$tmp/d" | stats) ms"
echo "  arrived - due: $(cut -d' ' -f2 "$tmp/d" | stats) ms"
