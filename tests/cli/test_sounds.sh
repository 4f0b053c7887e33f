#!/usr/bin/env bash
# test_sounds.sh TALA - the sound library from the command line: tala sounds lists the Dirt
# names, Sonic Pi's samples, Hydrogen's kits as banks and the General MIDI names; tala
# sounds NAME says what a name plays; a live session's log records the packages that played
# and a replay where they differ says so; without the packages the drums fall back to tala's
# kit with one note; an unknown bank lists the banks; tala check reads no sound file.
set -u
TALA=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
pass=0
fail=0
ok() { echo "ok   $1"; pass=$((pass + 1)); }
bad() { echo "FAIL $1"; fail=$((fail + 1)); }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

"$TALA" sounds >"$tmp/list" 2>&1
rc=$?
[ $rc = 0 ] && grep -q '^bd     18  bass drums$' "$tmp/list" && grep -q '^tabla  26  tabla strokes$' "$tmp/list" &&
    grep -q '^# Sonic Pi.s samples: sonic-pi-samples ' "$tmp/list" && grep -q 'loop_amen ' "$tmp/list" &&
    grep -q '^ColomboAcousticDrumkit: bd sd(2) rim' "$tmp/list" &&
    grep -q '^gm_piano gm_epiano1 gm_epiano2 gm_harpsichord$' "$tmp/list" &&
    ok "tala sounds lists Dirt names with their variations, Sonic Pi's samples, kits, GM names" ||
    { bad "tala sounds: exit $rc"; head -30 "$tmp/list"; }

"$TALA" sounds bd >"$tmp/bd" 2>&1
rc=$?
[ $rc = 0 ] && grep -q '^  bd:3  bd_klub$' "$tmp/bd" && [ "$(grep -c '^  bd:' "$tmp/bd")" = 18 ] &&
    ok "tala sounds bd: its 18 variations by number" || { bad "tala sounds bd: exit $rc"; cat "$tmp/bd"; }
"$TALA" sounds ElectricEmpireKit >"$tmp/kit" 2>&1
grep -q '^  sd:1  Snare 2 (1 layer)$' "$tmp/kit" && grep -q '^  cp:0  Clap' "$tmp/kit" &&
    ok "tala sounds KIT: the kit's sounds by Dirt name and variation" || { bad "tala sounds kit"; cat "$tmp/kit"; }
"$TALA" sounds gm_piano >"$tmp/gm" 2>&1
grep -q 'General MIDI program 0 (variations: 0 1 2 3), rendered by FluidSynth' "$tmp/gm" &&
    ok "tala sounds gm_piano: its programs" || { bad "tala sounds gm_piano"; cat "$tmp/gm"; }
"$TALA" sounds nosuch >"$tmp/none" 2>&1
rc=$?
[ $rc = 1 ] && grep -q "'nosuch' is not a sound of the library" "$tmp/none" &&
    ok "tala sounds NAME that is none: exit 1, said" || { bad "tala sounds nosuch: exit $rc"; cat "$tmp/none"; }

# docs/sound.md's table has every Dirt name
root=$(cd "$(dirname "$0")/../.." && pwd)
missing=""
for n in $(sed -n '2,/^$/p' "$tmp/list" | awk '{ print $1 }'); do
    grep -q "^| .*\`$n\`.* |" "$root/docs/sound.md" || missing="$missing $n"
done
[ -z "$missing" ] && ok "docs/sound.md's table has every Dirt name" || bad "docs/sound.md lacks:$missing"

# a live session logs the packages that played; a replay elsewhere says when they differ
mkdir -p "$tmp/home"
printf 'x = s("bd hh:1 sd")\nz = s("~ sd").bank("ElectricEmpireKit")\ny = note("c4").s("gm_piano")\nplay x, y, z\n' >"$tmp/a.tala"
(cd "$tmp" && HOME="$tmp/home" timeout 30 "$TALA" a.tala --no-audio --seconds 4.5 >"$tmp/live" 2>&1)
log=$(ls "$tmp"/home/.local/share/tala/sessions/*.tala-session 2>/dev/null | head -1)
if [ -n "$log" ] && grep -q '^library sonic-pi-samples ' "$log" && grep -q '^library hydrogen-drumkits ' "$log" &&
    grep -q '^library fluid-soundfont-gm ' "$log"; then
    ok "the session log records the three packages that played"
else
    bad "library records in the log"; cat "$log" 2>/dev/null | head; cat "$tmp/live"
fi
"$TALA" replay "$log" -o "$tmp/same.wav" >"$tmp/r1" 2>&1
! grep -q "may differ" "$tmp/r1" && [ -s "$tmp/same.wav" ] &&
    ok "a replay on the same machine: no warning" || { bad "replay"; cat "$tmp/r1"; }
sed -i 's/^library sonic-pi-samples .*/library sonic-pi-samples 2.0-other/' "$log"
"$TALA" replay "$log" -o "$tmp/other.wav" >"$tmp/r2" 2>&1
grep -q "warning: the session played sonic-pi-samples 2.0-other; here it is sonic-pi-samples " "$tmp/r2" &&
    ok "a replay where a package differs says so" || { bad "replay with another version"; cat "$tmp/r2"; }

# without the packages: tala's kit, with one note; other library names are silent, said
TALA_SONIC_PI_SAMPLES= TALA_HYDROGEN_KITS= "$TALA" render --pattern 's("bd sd hh tabla")' \
    -o "$tmp/kit.wav" >"$tmp/fall" 2>&1
[ "$(grep -c "note: Sonic Pi's samples are not installed: bd and the other Dirt drum names play tala's own kit" "$tmp/fall")" = 1 ] &&
    grep -q "no sound named 'tabla' here: it is one of the library's" "$tmp/fall" &&
    ok "without the packages: one note, the drums play tala's kit, tabla is said" ||
    { bad "fallback"; cat "$tmp/fall"; }
TALA_SOUNDFONT=/nonexistent.sf2 "$TALA" render --pattern 'note("c4").s("gm_piano")' -o "$tmp/gm.wav" >"$tmp/nogm" 2>&1
grep -q "gm_piano: the soundfont /nonexistent.sf2 cannot be read (its events are silent)" "$tmp/nogm" &&
    ok "a soundfont that cannot be read is said" || { bad "no soundfont"; cat "$tmp/nogm"; }

# an unknown bank names the banks there are
"$TALA" render --pattern 's("bd").bank("RolandTR909")' -o "$tmp/b.wav" >"$tmp/bank" 2>&1
grep -q "no bank 'RolandTR909' (no sound RolandTR909_bd), one of strudel.cc's drum machines from the network: its events play the sounds without a bank; banks here: tala, Audiophob, BJA_Pacific, ColomboAcousticDrumkit, ElectricEmpireKit" "$tmp/bank" &&
    ok "an unknown bank lists tala and Hydrogen's kits" || { bad "unknown bank"; cat "$tmp/bank"; }

# a name strudel.cc takes from the network says where it comes from
"$TALA" render --pattern 's("breath gong")' -o "$tmp/n.wav" >"$tmp/net" 2>&1
grep -q "no sound named 'breath' here: strudel.cc takes it from Dirt-Samples on the network" "$tmp/net" &&
    grep -q "no sound named 'gong' here: strudel.cc takes it from VCSL on the network" "$tmp/net" &&
    ok "Dirt-Samples' and VCSL's names tala lacks are said to be strudel.cc's network sounds" ||
    { bad "network names"; cat "$tmp/net"; }

# tala check knows the sounds without reading them
printf 'x = s("bd:3 tabla gm_piano nosuch")\nplay x\n' >"$tmp/c.tala"
strace -f -e trace=openat -o "$tmp/trace" "$TALA" check "$tmp/c.tala" >"$tmp/check" 2>&1 || true
! grep -q '\.flac' "$tmp/trace" && ! grep -q '\.sf2' "$tmp/trace" && grep -q "no sound named 'nosuch'" "$tmp/check" &&
    ! grep -q "named 'tabla'\|named 'gm_piano'" "$tmp/check" &&
    ok "tala check reads no sound file and knows the library's names" || { bad "check"; cat "$tmp/check"; grep -c flac "$tmp/trace"; }

echo "$pass passed, $fail failed"
[ $fail = 0 ]
