#!/usr/bin/env bash
# test_course.sh TALA - the workshop's ten lessons (examples/course/): each is a
# commented lesson that ends with exercises, checks without a warning, renders
# 8 bars that are not silent (RMS above -40 dBFS) and do not clip (peak under
# -0.1 dBFS, true peak under 0 dBTP), the same bytes twice. The bundled take
# lesson 7 plays is there; docs/tutorial.md walks through the same ten files.
tala=${1:?usage: test_course.sh path/to/tala}
root=$(cd "$(dirname "$0")/../.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0
ok() { echo "ok   $1"; pass=$((pass + 1)); }
bad() { echo "FAIL $1"; fail=$((fail + 1)); }

lessons=("$root"/examples/course/[0-9][0-9]-*.tala)
[ ${#lessons[@]} = 10 ] && ok "ten lessons" || bad "${#lessons[@]} lessons, not ten"
for f in "${lessons[@]}"; do
    name=$(basename "$f" .tala)
    n=${name%%-*}
    head -1 "$f" | grep -q "^-- Lesson $((10#$n)): " && grep -q "^-- Exercises" "$f" &&
        ok "$name: a lesson header and exercises" || bad "$name: no '-- Lesson N:' header or '-- Exercises'"
    grep -q "examples/course/$name.tala" "$root/docs/tutorial.md" &&
        ok "$name: in docs/tutorial.md" || bad "$name: not in docs/tutorial.md"
    if "$tala" check "$f" >/dev/null 2>"$tmp/err" && [ ! -s "$tmp/err" ]; then
        ok "$name: checks, no warning"
    else
        bad "$name: check"; sed 's/^/    /' "$tmp/err" | head -6
    fi
    if ! "$tala" render "$f" -o "$tmp/a.wav" --bars 8 2>"$tmp/err" >/dev/null; then
        bad "$name: render"; sed 's/^/    /' "$tmp/err" | head -6; continue
    fi
    peak=$(sed -n 's/.*peak \(-*[0-9.inf]*\) dBFS.*/\1/p' "$tmp/err")
    rms=$(sed -n 's/.*RMS \(-*[0-9.inf]*\) dBFS.*/\1/p' "$tmp/err")
    tp=$(sed -n 's/.*true peak \(-*[0-9.inf]*\) dBTP.*/\1/p' "$tmp/err")
    if awk -v p="$peak" -v r="$rms" -v t="$tp" 'BEGIN { exit !(p + 0 < -0.1 && t + 0 < 0 && r + 0 > -40 && p != "-inf") }'; then
        ok "$name: 8 bars, peak $peak dBFS, true peak $tp dBTP, RMS $rms dBFS"
    else
        bad "$name: peak $peak dBFS, true peak $tp dBTP, RMS $rms dBFS (silent or clipping)"
    fi
    "$tala" render "$f" -o "$tmp/b.wav" --bars 8 2>/dev/null >/dev/null
    # (the same bytes but for the file name's dither seed: 32-bit float has no dither)
    cmp -s <(sox -D "$tmp/a.wav" -t f32 - 2>/dev/null) <(sox -D "$tmp/b.wav" -t f32 - 2>/dev/null) &&
        ok "$name: rendered twice, the same samples" || bad "$name: two renders differ"
done
[ -s "$root/examples/course/takes/vox-0.wav" ] && "$tala" loudness "$root/examples/course/takes/vox-0.wav" >/dev/null 2>&1 &&
    ok "lesson 7's bundled take is a sound file" || bad "examples/course/takes/vox-0.wav is missing or unreadable"
echo "$pass passed, $fail failed"
[ "$fail" = 0 ]
