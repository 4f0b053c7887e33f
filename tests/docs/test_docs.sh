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
echo "$pass passed, $fail failed"
[ "$fail" = 0 ]
