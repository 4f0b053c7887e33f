#!/usr/bin/env bash
# test_song.sh TALA - issue 14's acceptance on examples/production/song.tala, a complete
# track: at least 3 minutes, 6 tracks, 4 sections, sends and a master chain; rendered with
# --lufs -14 it measures -14 +-0.5 LUFS integrated with its true peak at or below -1 dBTP
# (libebur128, read back from the file by `tala loudness`); its DAW bundle (stems with the
# master bypassed, the bus returns among them, and a MIDI-free mix) is written.
set -u
TALA=$1
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
SONG="$ROOT/examples/production/song.tala"
pass=0
fail=0
ok() { echo "ok   $1"; pass=$((pass + 1)); }
bad() { echo "FAIL $1"; fail=$((fail + 1)); }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

"$TALA" check "$SONG" && ok "the song checks" || bad "tala check $SONG"
"$TALA" render "$SONG" -o "$tmp/song.wav" --lufs -14 2>"$tmp/err"
rc=$?
[ $rc = 0 ] && ok "rendered with --lufs -14" || { bad "render exited $rc"; cat "$tmp/err"; }
sed 's/^/     /' "$tmp/err"
secs=$(sed -n 's/.*wrote [^:]*: \([0-9.]*\) s, \([0-9]*\) tracks.*/\1/p' "$tmp/err")
tracks=$(sed -n 's/.*wrote [^:]*: \([0-9.]*\) s, \([0-9]*\) tracks.*/\2/p' "$tmp/err")
sections=$(sed -n 's/.*arrangement: [0-9.]* cycles in \([0-9]*\) sections.*/\1/p' "$tmp/err")
awk -v s="${secs:-0}" 'BEGIN { exit !(s >= 180) }' && ok "it lasts $secs s (3 minutes at least)" ||
    bad "it lasts ${secs:-?} s"
[ "${tracks:-0}" -ge 6 ] && ok "$tracks tracks" || bad "${tracks:-?} tracks (6 at least)"
[ "${sections:-0}" -ge 4 ] && ok "$sections sections" || bad "${sections:-?} sections (4 at least)"
grep -q "^bus " "$SONG" && grep -q "send:" "$SONG" && grep -q "^master = " "$SONG" &&
    ok "it has buses with sends and a master chain" || bad "no sends or no master chain"

# measured from the file, as a streaming service would
line=$("$TALA" loudness "$tmp/song.wav")
echo "     $line"
lufs=$(sed -n 's/.*: \(-*[0-9.]*\) LUFS integrated.*/\1/p' <<<"$line")
tp=$(sed -n 's/.*true peak \(-*[0-9.inf]*\) dBTP.*/\1/p' <<<"$line")
awk -v l="${lufs:-0}" 'BEGIN { exit !(l >= -14.5 && l <= -13.5) }' &&
    ok "it measures $lufs LUFS (-14 +-0.5)" || bad "it measures ${lufs:-?} LUFS"
awk -v t="${tp:-0}" 'BEGIN { exit !(t <= -1.0) }' && ok "true peak $tp dBTP (at most -1)" ||
    bad "true peak ${tp:-?} dBTP"

# the DAW bundle: stems with the master bypassed (the buses' returns too), 24-bit
"$TALA" render "$SONG" --bars 8 -o "$tmp/pre.wav" --bypass-master --stems "$tmp/stems" \
    --bits 24 2>/dev/null
n=$(ls "$tmp/stems" | wc -l)
[ -f "$tmp/stems/drums.wav" ] && [ -f "$tmp/stems/bus-verb.wav" ] && [ -f "$tmp/stems/bus-echo.wav" ] &&
    [ "$(soxi -b "$tmp/stems/drums.wav")" = 24 ] && ok "$n stems, the buses' returns among them, 24-bit" ||
    bad "stems: $(ls "$tmp/stems" | tr '\n' ' ')"

echo "$pass passed, $fail failed"
[ $fail = 0 ]
