#!/usr/bin/env bash
# live_buffers.sh TALA [FILE] [SECONDS] - real time, measured inside the
# callback. For JACK periods of 64, 128 and 256 frames at 48 kHz (BUFFERS to
# change them), each on its own JACK dummy server: FILE (default W3, the
# poly-synth workload) plays SECONDS (default 60), then a silent program (no
# tracks) as long on the same server. Prints one table: the callback's own
# time per period (median, p99, p99.9, max, from tala's stop line), p99.9 as
# a share of the period, and the xruns of FILE beside the silent program's:
# the dummy driver drops periods on a shared machine whatever the client
# does, so the silent program's count is the machine's.
#
# Scheduling modes (MODES to choose, in this order by default):
#   other  jackd --no-realtime, tala --rt-priority 0: every thread SCHED_OTHER
#   tala   jackd --no-realtime, tala as it is (--rt-priority 70): tala's
#          callback thread SCHED_FIFO (asked by tala itself), the server's not
#   jack   jackd -R: JACK's server thread SCHED_FIFO 10, its clients' 5
# A mode the system refuses is said and left out.
#
# Not a test: figures for the notes; keep the machine otherwise quiet.
set -u
TALA=$1
ROOT=$(cd "$(dirname "$0")/.." && pwd)
FILE=${2:-$ROOT/bench/tala/w3_poly_synth.tala}
SECS=${3:-60}
BUFFERS=${BUFFERS:-64 128 256}
MODES=${MODES:-other tala jack}
RATE=48000
tmp=$(mktemp -d)
export JACK_DEFAULT_SERVER="tala-bench-$$"
jp=""

# A server that died leaves its semaphores and socket in /dev/shm; the
# shared segments (jack-UID-N) are reclaimed by the next server that starts,
# or removed here when no server runs at all.
clean_shm() {
    rm -f /dev/shm/jack_sem.*_"$JACK_DEFAULT_SERVER"_* /dev/shm/jack_"$JACK_DEFAULT_SERVER"_*
    if ! pgrep -x jackd >/dev/null && ! pgrep -x jackdbus >/dev/null; then
        rm -rf /dev/shm/jack-"$(id -u)"-* /dev/shm/jack_db-"$(id -u)"
    fi
}
stop_server() {
    [ -n "$jp" ] || return 0
    kill "$jp" 2>/dev/null
    wait "$jp" 2>/dev/null
    local rc=$?
    jp=""
    [ $rc = 0 ] || [ $rc = 143 ] || clean_shm # not a clean stop
}
trap 'stop_server; rm -rf "$tmp"' EXIT

# starts a server: jackd FLAGS... -p PERIOD; false when it does not come up
start_server() {
    local p=$1
    shift
    jackd "$@" -d dummy -r $RATE -p "$p" >"$tmp/jackd.log" 2>&1 &
    jp=$!
    for _ in $(seq 50); do
        jack_lsp >/dev/null 2>&1 && return 0
        kill -0 "$jp" 2>/dev/null || break
        sleep 0.1
    done
    stop_server
    clean_shm
    return 1
}

# plays FILE for SECS on the running server; prints its figures as
#   median p99 p99.9 max xruns sched   (or "failed: why")
play() {
    "$TALA" "$1" --seconds "$SECS" --buffer "$2" --no-log "${@:3}" </dev/null 2>"$tmp/err" >/dev/null
    local x c
    x=$(sed -n 's/.*stopped after .*: \([0-9]*\) xruns,.*/\1/p' "$tmp/err")
    c=$(grep "callback time per" "$tmp/err")
    if [ -z "$x" ] || [ -z "$c" ]; then
        echo "failed: $(grep -v '^tala: playing' "$tmp/err" | tail -1)"
        return
    fi
    awk -v x="$x" '{
        for (i = 1; i <= NF; i++) {
            if ($i == "median") m = $(i + 1)
            if ($i == "p99") a = $(i + 1)
            if ($i == "p99.9") b = $(i + 1)
            if ($i == "max") z = $(i + 1)
        }
        s = "OTHER"
        if (match($0, /SCHED_[A-Z]+ [0-9]+/)) { s = substr($0, RSTART + 6, RLENGTH - 6); sub(" ", "-", s) }
        print m, a, b, z, x, s
    }' <<<"$c"
}

cat >"$tmp/silent.tala" <<'TALA'
-- the baseline: no tracks, so the callback renders silence
tempo 120
TALA

echo "callback time per period, $SECS s each, $(basename "$FILE") vs a silent program, JACK dummy driver at $RATE Hz"
echo "(µs; p99.9 % = the program's p99.9 as a share of the period; sched = the callback thread's, as the kernel had it)"
echo "load average at the start: $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) CPUs"
echo
printf '| %-5s | %6s | %9s | %6s | %5s | %5s | %5s | %8s | %7s | %6s | %12s | %12s |\n' mode buffer "period µs" \
    median p99 p99.9 max "p99.9 %" sched xruns "silent p99.9" "silent xruns"
printf '|%s|\n' "-------|--------|-----------|--------|-------|-------|-------|----------|---------|--------|--------------|--------------"
goal=""
for mode in $MODES; do
    case $mode in
    other) flags=(--no-realtime) extra=(--rt-priority 0) ;;
    tala) flags=(--no-realtime) extra=(--rt-priority 70) ;;
    jack) flags=(-R) extra=() ;;
    *)
        echo "unknown mode $mode (other, tala, jack)" >&2
        continue
        ;;
    esac
    for p in $BUFFERS; do
        period=$(awk "BEGIN{printf \"%.0f\", $p * 1e6 / $RATE}")
        if ! start_server "$p" "${flags[@]}"; then
            echo "| $mode | $p | the JACK server did not start: $(tail -1 "$tmp/jackd.log")"
            continue
        fi
        read -r m a b z x s <<<"$(play "$FILE" "$p" "${extra[@]}")"
        read -r _ _ sb _ sx _ <<<"$(play "$tmp/silent.tala" "$p" "${extra[@]}")"
        stop_server
        if [ "$m" = failed: ]; then
            echo "| $mode | $p | tala failed: $a $b $z $x $s"
            continue
        fi
        share=$(awk "BEGIN{printf \"%.1f\", 100 * $b / $period}")
        printf '| %-5s | %6s | %9s | %6s | %5s | %5s | %5s | %8s | %7s | %6s | %12s | %12s |\n' \
            "$mode" "$p" "$period" "$m" "$a" "$b" "$z" "$share" "$s" "$x" "$sb" "$sx"
        [ "$p" = 64 ] && goal="$goal $mode: $share %"
    done
done
echo
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
[ -n "$goal" ] && echo "p99.9 at 64 frames (goal: under 25 % of the period):$goal"
