#!/usr/bin/env bash
# test_midifile.sh TALA MIDI_DUMP - `tala render --midi` and `tala replay --midi` write
# Standard MIDI Files that a reader (libsmf, through midi_dump) reads back with every
# note's tick, key, velocity and channel, and the tempo map, exactly.
set -u
TALA=$1
DUMP=$2
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
pass=0
fail=0
ok() { echo "ok   $1"; pass=$((pass + 1)); }
bad() { echo "FAIL $1"; fail=$((fail + 1)); }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# 1. examples/midi.tala, 4 bars at 100 BPM: bass (3,8) on channel 1, chords on channel 2
"$TALA" render "$ROOT/examples/midi.tala" -o "$tmp/ex.wav" --bars 4 --midi "$tmp/ex.mid" 2>/dev/null
"$DUMP" "$tmp/ex.mid" >"$tmp/ex.txt" || bad "libsmf cannot read the file tala wrote"
head -1 "$tmp/ex.txt" | grep -q "^format 1 tracks 3 ppqn 960$" &&
    ok "format 1, 960 ticks a quarter note, the tempo track and one track per MIDI track" ||
    bad "header: $(head -1 "$tmp/ex.txt")"
[ "$(grep '^tempo' "$tmp/ex.txt")" = "tempo 0 100.000" ] && ok "the tempo map: 100 BPM from tick 0" ||
    bad "tempo map: $(grep '^tempo' "$tmp/ex.txt")"
grep -q "^name 2 bass$" "$tmp/ex.txt" && grep -q "^name 3 keys$" "$tmp/ex.txt" &&
    ok "tracks are named after tala's" || bad "track names"
# the bass: c2 c2 eb2 g1, a bar each, (3,8): onsets at 0, 3/8, 6/8 of the bar (1440 ticks
# apart), an eighth long (480), velocities 0.9 0.6 0.75 of 127
want=""
keys=(36 36 39 31)
for bar in 0 1 2 3; do
    for k in 0 1 2; do
        t=$((bar * 3840 + k * 1440))
        v=(114 76 95)
        want+="2 $t on 1 ${keys[$bar]} ${v[$k]}"$'\n'"2 $((t + 480)) off 1 ${keys[$bar]} 0"$'\n'
    done
done
got=$(grep "^2 [0-9]" "$tmp/ex.txt")
[ "$got" = "${want%$'\n'}" ] && ok "every bass note: tick, key, velocity, channel and length exact" ||
    { bad "bass notes differ"; diff <(echo "$got") <(echo "${want%$'\n'}") | head -10; }
# the chords: three notes at each bar line, channel 2, velocity 0.6 (76), legato 0.5 (1920)
chords=("60 63 67" "56 60 63" "58 62 65" "55 59 62")
want=""
for bar in 0 1 2 3; do
    for key in ${chords[$bar]}; do want+="3 $((bar * 3840)) on 2 $key 76"$'\n'; done
done
got=$(grep "^3 [0-9]* on" "$tmp/ex.txt" | sort -k2,2n -k5,5n)
[ "$got" = "$(printf '%s' "$want" | sort -k2,2n -k5,5n)" ] &&
    ok "every chord note on its bar line, channel 2, velocity 76" || { bad "chord notes differ"; echo "$got" | head; }
offs=$(grep "^3 [0-9]* off" "$tmp/ex.txt" | awk '{print $2 % 3840}' | sort -u)
[ "$offs" = "1920" ] && ok "legato 0.5: every chord note ends half a bar later" || bad "chord lengths: $offs"
# every note-on has its note-off, later, on the same track, channel and key
unpaired=$(awk '$3 == "on" { open[$1" "$4" "$5]++; next }
    $3 == "off" { if (open[$1" "$4" "$5]-- <= 0) print "off without on: " $0 }
    END { for (k in open) if (open[k] > 0) print "on without off: " k }' "$tmp/ex.txt")
[ -z "$unpaired" ] && ok "every note-on has its note-off" || bad "$unpaired"
# an event with .midi() and no sound is MIDI only; with s it also sounds
grep -q "keys" <(sed -n '/^name/p' "$tmp/ex.txt") && "$TALA" render --pattern 'note("c4 e4").midi()' \
    -o "$tmp/m.wav" --bars 1 2>&1 | grep -q "peak -inf dBFS" &&
    ok "note(...).midi() alone makes no sound" || bad "a MIDI-only pattern sounds"
"$TALA" render --pattern 'note("c4 e4").s("saw").midi()' -o "$tmp/s.wav" --bars 1 --midi "$tmp/s.mid" \
    2>&1 | grep -q "2 voices" && [ "$("$DUMP" "$tmp/s.mid" | grep -c ' on ')" = 2 ] &&
    ok "with s it sounds and goes to MIDI" || bad "a pattern with s and .midi()"

# 2. a replayed session that changes tempo: the tempo map has both, ticks stay musical
cat >"$tmp/t.tala-session" <<'LOG'
tala-session 1
opts rate 48000 voices 2048 tempo 120
base .
eval 0 2 2026-12-06T00:00:00Z t.tala
m = note("c4*4").midi()
play m
eval 2 1 2026-12-06T00:00:01Z t.tala
tempo 150
end 300000
LOG
"$TALA" replay "$tmp/t.tala-session" -o "$tmp/t.wav" --midi "$tmp/t.mid" 2>/dev/null
"$DUMP" "$tmp/t.mid" >"$tmp/t.txt"
[ "$(grep '^tempo' "$tmp/t.txt" | tr '\n' ' ')" = "tempo 0 120.000 tempo 7680 150.000 " ] &&
    ok "replay --midi: 120 BPM, then 150 from bar 3 (tick 7680)" || bad "tempo map: $(grep '^tempo' "$tmp/t.txt")"
# 300000 frames: 2 bars at 120 (192000 frames), then 1.40625 bars at 150: 14 quarter notes
ticks=$(grep ' on ' "$tmp/t.txt" | awk '{printf "%s ", $2}')
want=$(for i in $(seq 0 13); do printf '%s ' $((i * 960)); done)
[ "$ticks" = "$want" ] && ok "the notes on exact ticks across the tempo change (14, 960 apart)" ||
    bad "ticks: $ticks"
# 3. review findings: system messages stay out of the file (they crashed libsmf's writer);
#    a hush ends the sounding notes in the file; a knob's move applies from its cycle
log3() {
    printf 'tala-session 1\nopts rate 48000 voices 2048 tempo 120\nbase .\n'
    printf 'eval 0 2 2026-12-06T00:00:00Z t.tala\n%s\nplay m\n' "$1"
    shift
    for r in "$@"; do printf '%s\n' "$r"; done
    printf 'end 192000\n'
}
log3 'm = stack(midicmd("<start stop>"), note("c4")).midi()' >"$tmp/sys.tala-session"
if "$TALA" replay "$tmp/sys.tala-session" -o "$tmp/sys.wav" --midi "$tmp/sys.mid" >/dev/null 2>&1 &&
    "$DUMP" "$tmp/sys.mid" >"$tmp/sys.txt" && ! grep -q " msg " "$tmp/sys.txt" &&
    [ "$(grep -c ' on ' "$tmp/sys.txt")" = 2 ]; then
    ok "midicmd's start and stop are left out of the file; the notes are there"
else
    bad "a file with midicmd: $(head -3 "$tmp/sys.txt" 2>&1)"
fi
log3 'm = note("c4").legato(4).midi()' 'cmd 1/2 hush' >"$tmp/hush.tala-session"
"$TALA" replay "$tmp/hush.tala-session" -o "$tmp/hush.wav" --midi "$tmp/hush.mid" >/dev/null 2>&1
[ "$("$DUMP" "$tmp/hush.mid" | grep -E ' (on|off) ' | tr '\n' ',')" = "2 0 on 1 60 114,2 1920 off 1 60 0," ] &&
    ok "a hush at half a bar ends the sounding note there (tick 1920)" ||
    bad "hush in the file: $("$DUMP" "$tmp/hush.mid" | grep -E ' (on|off) ' | tr '\n' ',')"
log3 'm = ccv(cc(74).segment(8)).ccn(1).midi()' 'cmd 1/2 cc 1 74 127' >"$tmp/cc.tala-session"
"$TALA" replay "$tmp/cc.tala-session" -o "$tmp/cc.wav" --midi "$tmp/cc.mid" >/dev/null 2>&1
vals=$("$DUMP" "$tmp/cc.mid" | awk '$3 == "cc" && $2 < 3840 { printf "%s:%s ", $2, $6 }')
[ "$vals" = "0:0 480:0 960:0 1440:0 1920:127 2400:127 2880:127 3360:127 " ] &&
    ok "a knob moved at half a bar: cc() reads it from there, not from the next bar" ||
    bad "cc from its cycle: $vals"
# an NRPN (parameter 1:8, value 12), as the WebMidi Strudel uses sends it, and a
# polyphonic aftertouch (0.5 -> 64) on the note's key just after its note-on
"$TALA" render --pattern 'note("c4").nrpnn("1:8").nrpv(12).polyTouch(0.5).midi()' -o "$tmp/n.wav" \
    --bars 1 --midi "$tmp/n.mid" >/dev/null 2>&1
got=$("$DUMP" "$tmp/n.mid" | grep '^2 0 ' | tr '\n' ',')
[ "$got" = "2 0 cc 1 99 1,2 0 cc 1 98 8,2 0 cc 1 6 12,2 0 cc 1 101 127,2 0 cc 1 100 127,2 0 on 1 60 114,2 0 msg 1 60 64," ] &&
    ok "NRPN: CC 99 1, 98 8, 6 12, then 101 and 100 at 127; poly aftertouch 64 on key 60" ||
    bad "NRPN and aftertouch: $got"

echo "$pass passed, $fail failed"
[ $fail = 0 ]
