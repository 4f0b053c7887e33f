#!/usr/bin/env bash
# test_superdirt.sh TALA - --superdirt sends every sound event as Tidal does: liblo's
# oscdump receives the /dirt/play bundles; each event of two bars is there once, with
# Tidal's names and values (s, n, note in semitones from middle C, gain, cutoff, cps,
# cycle, delta in seconds, _id_), and the bundles' time tags are the scheduled frames'
# times (one clock: every tag minus its cycle's time is the same within 1 ms), the
# latency later than tala's own clock. No sound card: --no-audio keeps time by the clock.
set -u
TALA=$1
pass=0
fail=0
ok() { echo "ok   $1"; pass=$((pass + 1)); }
bad() { echo "FAIL $1"; fail=$((fail + 1)); }
tmp=$(mktemp -d)
export HOME="$tmp"
export JACK_NO_START_SERVER=1 # the MIDI-only track finds no server and starts none
DPID=
trap '[ -n "$DPID" ] && kill $DPID 2>/dev/null; wait 2>/dev/null; rm -rf "$tmp"' EXIT
if ! command -v oscdump >/dev/null; then
    bad "oscdump is not installed (./build.sh deps installs liblo-tools)"
    echo "$pass passed, $fail failed"
    exit 1
fi
port=$((40000 + ($$ * 7) % 20000))
while ss -Hlun "sport = :$port" | grep -q .; do port=$((port + 1)); done

cat >"$tmp/sd.tala" <<'TALA'
d = s("bd [sd, hh:2]").gain(0.8)
m = note("c4 <e4 g4>").s("sine").lpf(800)
k = note("c2").midi()
play d, m, k
TALA
oscdump -L "$port" >"$tmp/dump" 2>&1 &
DPID=$!
sleep 0.3
start=$(date +%s.%N)
"$TALA" "$tmp/sd.tala" --no-audio --no-log --superdirt "127.0.0.1:$port" --superdirt-latency 300 \
    --seconds 3.9 </dev/null >"$tmp/out" 2>&1
rc=$?
sleep 0.3
kill $DPID 2>/dev/null
wait $DPID 2>/dev/null
DPID=
[ $rc = 0 ] && ok "tala --superdirt played to the end" || { bad "tala exited $rc"; cat "$tmp/out"; }

# one line an event: the tag in seconds since 1970, then its name=value pairs, sorted
while read -r tag path types rest; do
    [ "$path" = /dirt/play ] || continue
    secs=$((16#${tag%.*})) frac=$((16#${tag#*.}))
    pairs=$(eval "set -- $rest"; while [ $# -ge 2 ]; do printf '%s=%s\n' "$1" "$2"; shift 2; done | sort | tr '\n' ' ')
    awk -v s="$secs" -v f="$frac" -v p="$pairs" -v ty="$types" \
        'BEGIN { printf "%.6f %s %s\n", s - 2208988800 + f / 4294967296, ty, p }'
done <"$tmp/dump" >"$tmp/events"
n=$(wc -l <"$tmp/events")

# what two bars hold, in Tidal's terms (m: c4 = note 0, e4 = 4, g4 = 7)
cat >"$tmp/want" <<'WANT'
_id_=d cps=0.500000 cycle=0.000000 delta=1.000000 gain=0.800000 s=bd
_id_=d cps=0.500000 cycle=0.500000 delta=1.000000 gain=0.800000 s=sd
_id_=d cps=0.500000 cycle=0.500000 delta=1.000000 gain=0.800000 n=2.000000 s=hh
_id_=m cps=0.500000 cutoff=800.000000 cycle=0.000000 delta=1.000000 note=0.000000 s=sine
_id_=m cps=0.500000 cutoff=800.000000 cycle=0.500000 delta=1.000000 note=4.000000 s=sine
_id_=d cps=0.500000 cycle=1.000000 delta=1.000000 gain=0.800000 s=bd
_id_=d cps=0.500000 cycle=1.500000 delta=1.000000 gain=0.800000 s=sd
_id_=d cps=0.500000 cycle=1.500000 delta=1.000000 gain=0.800000 n=2.000000 s=hh
_id_=m cps=0.500000 cutoff=800.000000 cycle=1.000000 delta=1.000000 note=0.000000 s=sine
_id_=m cps=0.500000 cutoff=800.000000 cycle=1.500000 delta=1.000000 note=7.000000 s=sine
WANT
cut -d' ' -f3- "$tmp/events" | sed 's/ $//' | sort >"$tmp/got"
if sort "$tmp/want" | cmp -s - "$tmp/got"; then
    ok "all 10 sound events of two bars, once each, with Tidal's names and values (the MIDI-only track not among them)"
else
    bad "the events differ from two bars' ($n received):"
    diff <(sort "$tmp/want") "$tmp/got" | head -20
fi
# each value: a number unquoted (a float), a word in quotes (a string): s and _id_ only
kinds=$(awk '$2 == "/dirt/play" { for (i = 4; i < NF; i += 2) { k = $i; v = $(i + 1)
            w = (v ~ /^"/) ? "s" : "f"; if ((k == "\"s\"" || k == "\"_id_\"") != (w == "s")) bad++ } }
        END { print bad + 0 }' "$tmp/dump")
[ "$kinds" = 0 ] && [ "$n" -gt 0 ] && ok "numbers go as floats, s and _id_ as strings (type tags $(awk 'NR == 1 { print $2 }' "$tmp/events"))" ||
    bad "$kinds values of the wrong kind"

# the tags: each minus its cycle's time (2 s a cycle at 120 BPM) is one instant, T0
spread=$(awk '{ c = $0; sub(/.*cycle=/, "", c); sub(/ .*/, "", c); z = $1 - c * 2
                if (NR == 1 || z < lo) lo = z; if (NR == 1 || z > hi) hi = z; s += z }
              END { printf "%.3f %.6f", (hi - lo) * 1000, s / NR }' "$tmp/events")
read -r ms t0 <<<"$spread"
awk -v m="$ms" 'BEGIN { exit !(m < 1) }' &&
    ok "every time tag is its frame's time on one clock (spread ${ms} ms over $n events)" ||
    bad "the time tags spread ${ms} ms against the frames"
late=$(awk -v t="$t0" -v s="$start" 'BEGIN { printf "%.3f", t - s }')
awk -v l="$late" 'BEGIN { exit !(l >= 0.3 && l < 3) }' &&
    ok "bar 1 is stamped ${late} s after tala was started: its start-up plus the 300 ms latency" ||
    bad "bar 1 stamped ${late} s after the start"

# the default address is SuperDirt's; a bad latency is a usage error
"$TALA" "$tmp/sd.tala" --no-audio --no-log --superdirt-latency 5000 --seconds 0.1 </dev/null \
    >/dev/null 2>"$tmp/err2"
rc=$?
[ $rc = 2 ] && ok "--superdirt-latency 5000: exit 2 (0 to 2000 ms)" || bad "--superdirt-latency 5000: exit $rc"
# (no MIDI track here: opening a MIDI port mutes stderr for a moment, io/midi.c)
printf 'd = s("bd")\nplay d\n' >"$tmp/one.tala"
"$TALA" "$tmp/one.tala" --no-audio --no-log --superdirt --seconds 0.2 </dev/null >/dev/null 2>"$tmp/err3"
rc=$?
[ $rc = 0 ] && grep -q "sound events to SuperDirt at 127.0.0.1:57120 too (/dirt/play, 200 ms later)" "$tmp/err3" &&
    ok "--superdirt alone: SuperDirt's own 127.0.0.1:57120, Tidal's 200 ms" || bad "--superdirt alone: exit $rc: $(cat "$tmp/err3")"

echo "$pass passed, $fail failed"
[ $fail = 0 ]
