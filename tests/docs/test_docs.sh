#!/usr/bin/env bash
# test_docs.sh TALA - the examples in the docs run: every ```tala block of
# README.md and docs/*.md passes `tala check` (it is compiled, run and its
# tracks queried for 4 cycles), and every code block says what it is
# (```tala, ```sh, ```text ...), so an example cannot silently stop being
# checked. docs/reference.md's examples are run by the library test.
tala=${1:?usage: test_docs.sh path/to/tala}
root=$(cd "$(dirname "$0")/../.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0
for f in "$root"/README.md "$root"/docs/*.md; do
    [ "$(basename "$f")" = reference.md ] && continue
    # split the file's fenced blocks into numbered files: LANG.LINE
    awk -v dir="$tmp" -v base="$(basename "$f")" '
        /^```/ {
            if (inside) { inside = 0; close(out); next }
            inside = 1; lang = substr($0, 4); if (lang == "") lang = "NONE"
            out = dir "/" base "." NR "." lang; printf "" > out; next
        }
        inside { print > out }' "$f"
done
for b in "$tmp"/*; do
    name=$(basename "$b")
    lang=${name##*.}
    where=${name%.*}
    case "$lang" in
    NONE) echo "FAIL ${where%.*} line ${where##*.}: a code block without a language (tala, sh, text ...)"
        fail=$((fail + 1)) ;;
    tala)
        cp "$b" "$tmp/example.tala"
        if "$tala" check "$tmp/example.tala" >/dev/null 2>"$tmp/err"; then
            pass=$((pass + 1))
        else
            echo "FAIL ${where%.*} line ${where##*.}: the example does not run"
            sed 's/^/    /' "$tmp/err" | head -4
            fail=$((fail + 1))
        fi ;;
    *) ;;
    esac
done
# docs/tutorial.md's pictures are current: drawn again from the lessons (tala show
# of each lesson's code, tala render --plot of its file), the page is the same, and
# each plot it shows is a 640x360 PNG in docs/img/
cp "$root/docs/tutorial.md" "$tmp/tutorial.md"
mkdir -p "$tmp/img"
if bash "$root/tools/tutorial_pictures.sh" "$tala" "$tmp/tutorial.md" "$tmp/img" >/dev/null 2>&1 &&
    diff "$root/docs/tutorial.md" "$tmp/tutorial.md" >"$tmp/diff"; then
    pass=$((pass + 1))
else
    echo "FAIL docs/tutorial.md's pictures are stale: run tools/tutorial_pictures.sh build/tala"
    sed 's/^/    /' "$tmp/diff" | head -10
    fail=$((fail + 1))
fi
pngs=$(sed -n 's/^!\[.*\](img\/\(.*\.png\))$/\1/p' "$root/docs/tutorial.md")
[ "$(wc -w <<<"$pngs")" = 10 ] && pass=$((pass + 1)) ||
    { echo "FAIL docs/tutorial.md shows $(wc -w <<<"$pngs") plots, not one a lesson"; fail=$((fail + 1)); }
for png in $pngs; do
    if [ "$(od -An -tx1 -j12 -N12 "$root/docs/img/$png" 2>/dev/null | tr -d ' \n')" = 494844520000028000000168 ]; then
        pass=$((pass + 1))
    else
        echo "FAIL docs/img/$png: not a 640x360 PNG"; fail=$((fail + 1))
    fi
done
echo "$pass passed, $fail failed"
[ "$fail" = 0 ]
