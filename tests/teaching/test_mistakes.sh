#!/usr/bin/env bash
# test_mistakes.sh TALA - errors that teach: each of a beginner's mistakes in
# mistakes.txt (typos, JavaScript and Strudel habits, missing quotes and
# brackets, wrong kinds of arguments, unknown notes, sounds, scales and chords,
# patterns that play nothing) is checked with `tala check`: the message points
# at the line and column the case gives, says what it says, and has its hint.
tala=${1:?usage: test_mistakes.sh path/to/tala}
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0 n=0
check_case() { # PROGRAM WHERE MESSAGE HINT
    n=$((n + 1))
    printf '%b\n' "$1" >"$tmp/mistake.tala"
    local rc=0 want=1
    "$tala" check "$tmp/mistake.tala" >/dev/null 2>"$tmp/err" || rc=$?
    case "$3" in warning:*) want=0 ;; esac
    local problems=""
    [ "$rc" = "$want" ] || problems+=" status $rc, not $want;"
    grep -qF -- "mistake.tala:$2: $3" "$tmp/err" || problems+=" no 'mistake.tala:$2: $3';"
    grep -qF -- "$4" <(sed -n 's/^hint: //p' "$tmp/err") || problems+=" no hint '$4';"
    if [ -z "$problems" ]; then
        pass=$((pass + 1))
    else
        echo "FAIL case $n ($1):$problems"
        sed 's/^/    /' "$tmp/err" | head -8
        fail=$((fail + 1))
    fi
}
lines=()
while IFS= read -r line || [ -n "$line" ]; do
    case "$line" in \#*) continue ;; esac
    if [ -z "$line" ]; then
        [ ${#lines[@]} = 4 ] && check_case "${lines[@]}"
        [ ${#lines[@]} = 0 ] || [ ${#lines[@]} = 4 ] || { echo "FAIL a case of ${#lines[@]} lines, not 4: ${lines[0]}"; fail=$((fail + 1)); }
        lines=()
    else
        lines+=("$line")
    fi
done <"$here/mistakes.txt"
[ ${#lines[@]} = 4 ] && check_case "${lines[@]}"
[ $n -ge 40 ] && pass=$((pass + 1)) || { echo "FAIL only $n mistakes (at least 40)"; fail=$((fail + 1)); }
echo "$n mistakes checked"
echo "$pass passed, $fail failed"
[ "$fail" = 0 ]
