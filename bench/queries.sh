#!/usr/bin/env bash
# queries.sh TALA [LIST] - tala's pattern queries against Strudel's, side by side.
#
# For every case of LIST (default bench/query_patterns.txt: mini-notation, expressions,
# and the Strudel tunes tala plays unchanged), the events per second each engine queries
# cycle by cycle, as their schedulers do: tala's bench_query (next to TALA) and Strudel
# 1.2.6 in node (bench/strudel/query-bench.mjs, installed with npm into
# bench/strudel/node_modules when missing). Each figure is the median of QUERY_RUNS (3)
# timings of at least QUERY_SECONDS (0.5) each; Strudel's JIT is warmed up first. Each
# engine is timed over as many cycles as its own 0.5 s take, and both count the events of
# the cycles Strudel was timed on: when the counts differ the comparison is not like for
# like, and the table says so. Without node or npm the Strudel column is empty; nothing
# here fails the other benchmarks (the exit status is 0 unless TALA's bench is missing).
set -u
tala=${1:?usage: queries.sh TALA [LIST]}
bench=$(dirname "$tala")/bench_query
root=$(cd "$(dirname "$0")/.." && pwd)
list=${2:-$root/bench/query_patterns.txt}
seconds=${QUERY_SECONDS:-0.5}
runs=${QUERY_RUNS:-3}
peer=$root/bench/strudel
if [ ! -x "$bench" ]; then
    echo "queries.sh: no $bench (build tala first)" >&2
    exit 1
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# the cases, one "KIND TEXT" a line; "tunes DIR" (relative to the repository) becomes
# a "tune FILE" line for each DIR/*.js
while IFS= read -r line || [ -n "$line" ]; do
    case "$line" in '' | '#'*) continue ;; esac
    kind=${line%% *}
    text=${line#* }
    if [ "$kind" = tunes ]; then
        dir=$text
        [ "${dir#/}" = "$dir" ] && dir=$root/$dir
        if [ ! -d "$dir" ]; then
            echo "(no tunes at $dir: skipped)"
            continue
        fi
        for js in "$dir"/*.js; do echo "tune $(cd "$(dirname "$js")" && pwd)/$(basename "$js")"; done
    else
        echo "$kind $text"
    fi
done <"$list" >"$tmp/cases"

# Strudel's side: one node process for every case
have_peer=0
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
    echo "(node or npm not found: Strudel's column is skipped)"
elif ! node -e 'process.exit(require("node:module").register ? 0 : 1)' 2>/dev/null; then
    echo "(node $(node --version) has no module.register (needs >= 20.6): Strudel's column is skipped)"
else
    if [ ! -d "$peer/node_modules/@strudel/core" ]; then
        echo "installing Strudel 1.2.6 into bench/strudel/node_modules (npm install)"
        (cd "$peer" && npm install --no-audit --no-fund --loglevel=error >"$tmp/npm.log" 2>&1) ||
            { echo "(npm install failed: Strudel's column is skipped)"; tail -n 3 "$tmp/npm.log"; }
    fi
    if [ -d "$peer/node_modules/@strudel/core" ]; then
        if node "$peer/query-bench.mjs" --seconds "$seconds" --runs "$runs" "$tmp/cases" \
            >"$tmp/strudel" 2>"$tmp/strudel.err"; then
            have_peer=1
        else
            echo "(Strudel's bench failed: its column is skipped)"
            tail -n 3 "$tmp/strudel.err"
        fi
    fi
fi

same="same events (cycles timed by Strudel)"
[ $have_peer = 1 ] || same=
printf '%-46s %12s %12s %7s  %s\n' pattern tala_ev/s strudel_ev/s ratio "$same"
i=0
below=0
unlike=0
while IFS= read -r line; do
    i=$((i + 1))
    kind=${line%% *}
    text=${line#* }
    name=$text
    [ "$kind" = tune ] && name="tune $(basename "$text" .js)"
    [ ${#name} -gt 46 ] && name="${name:0:43}..."
    s_status='' s_cycles=0 s_events=0 s_rate=0
    if [ $have_peer = 1 ]; then
        IFS=$'\t' read -r _ _ s_status s_cycles s_events _ s_rate < <(sed -n "${i}p" "$tmp/strudel")
    fi
    check=0
    [ "$s_status" = ok ] || [ "$s_status" = warned ] && check=$s_cycles
    flag=--$kind
    [ "$kind" = tune ] && flag=--file
    if out=$("$bench" "$flag" "$text" --seconds "$seconds" --runs "$runs" --check "$check" --tsv \
        2>"$tmp/tala.err"); then
        IFS=$'\t' read -r _ _ _ t_rate t_checked <<<"$out"
    else
        printf '%-46s %12s  tala failed: %s\n' "$name" - "$(grep -v warning "$tmp/tala.err" | head -n 1)"
        continue
    fi
    if [ $have_peer = 0 ]; then
        printf '%-46s %12s %12s %7s\n' "$name" "$t_rate" - -
        continue
    fi
    case "$s_status" in
    ok | warned)
        ratio=$(awk -v a="$t_rate" -v b="$s_rate" 'BEGIN { printf "%.1fx", (b > 0 ? a / b : 0) }')
        awk -v a="$t_rate" -v b="$s_rate" 'BEGIN { exit !(b > 0 && a / b < 10) }' && below=$((below + 1))
        if [ "$t_checked" = "$s_events" ]; then
            same="yes ($s_events in 0-$s_cycles)"
        else
            same="NO: tala $t_checked, Strudel $s_events in 0-$s_cycles"
            unlike=$((unlike + 1))
        fi
        [ "$s_status" = warned ] && same="$same; Strudel warned"
        printf '%-46s %12s %12s %7s  %s\n' "$name" "$t_rate" "$s_rate" "$ratio" "$same"
        ;;
    *) printf '%-46s %12s %12s %7s  Strudel %s\n' "$name" "$t_rate" - - "$s_status" ;;
    esac
done <"$tmp/cases"
if [ $have_peer = 1 ]; then
    [ $unlike -gt 0 ] &&
        echo "!! $unlike case(s) with DIFFERENT event counts: their ratios do not compare like for like"
    echo "$below case(s) below 10x"
fi
exit 0
