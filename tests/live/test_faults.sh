#!/usr/bin/env bash
# test_faults.sh TALA PTY_DRIVE - faults a performance must survive
# (reliability): the JACK server killed mid-set and one that stalls, on a
# JACK dummy server this test starts and stops; SIGTERM and Ctrl-C in the
# REPL. Each keeps the session, its log and its recording whole: the
# recording equals the offline render of the same frames, bit for bit.
set -u
TALA=$1
DRIVE=$2
pass=0
fail=0
ok() { echo "ok   $1"; pass=$((pass + 1)); }
bad() { echo "FAIL $1"; fail=$((fail + 1)); }
tmp=$(mktemp -d)
mkdir -p "$tmp/home"
export HOME="$tmp/home"
export JACK_DEFAULT_SERVER="tala-faults-$$"
JACKPID=
start_jack() {
    jackd --no-realtime -d dummy -r 48000 -p 256 >>"$tmp/jackd.log" 2>&1 &
    JACKPID=$!
    for _ in $(seq 50); do
        jack_lsp >/dev/null 2>&1 && return 0
        sleep 0.1
    done
    return 1
}
# servers are stopped with SIGTERM: a server killed with -9 stays in JACK's registry of
# servers, and after eight of them no server starts on that machine
trap '[ -n "$JACKPID" ] && kill $JACKPID 2>/dev/null; wait 2>/dev/null; rm -rf "$tmp"' EXIT

printf 'x = s("bd*4, hh*8")\ny = note("c3 e3 g3 b3").s("saw").lpf(900)\nplay x, y\n' >"$tmp/set.tala"
"$TALA" render "$tmp/set.tala" --seconds 6 -o "$tmp/offline.wav" 2>/dev/null
samples() { sox "$1" -t f32 - trim 0 "$2" 2>/dev/null; }
same_as_offline() { # WAV SECONDS: the recording's first SECONDS equal the offline render's
    cmp -s <(samples "$1" "$2") <(samples "$tmp/offline.wav" "$2")
}
newest_log() { ls -t "$HOME/.local/share/tala/sessions/"*.tala-session 2>/dev/null | head -1; }

if ! command -v jackd >/dev/null; then
    bad "jackd is not installed (./build.sh deps installs jackd2)"
    echo "$pass passed, $fail failed"
    exit 1
fi

# 1. the JACK server stopped mid-set (SIGTERM; a crash looks the same to tala: its
#    callbacks stop): said once, time and recording go on
start_jack || bad "jackd did not start"
"$TALA" "$tmp/set.tala" --seconds 6 --record "$tmp/killed.wav" >"$tmp/out1" 2>"$tmp/err1" &
TPID=$!
sleep 2
kill $JACKPID
wait $JACKPID 2>/dev/null
JACKPID=
wait $TPID
rc=$?
[ $rc = 0 ] && ok "stopping the JACK server mid-set: tala plays on and leaves with 0" ||
    { bad "tala exited $rc after the server stopped"; cat "$tmp/err1"; }
[ "$(grep -c "the audio device 'system' stopped" "$tmp/err1")" = 1 ] &&
    ok "the lost device is reported once" || { bad "no single report of the lost device"; cat "$tmp/err1"; }
grep -q "stopped after 6.0 s" "$tmp/err1" && ok "time went on to the end without the device" ||
    bad "the set did not run its 6 s: $(grep stopped "$tmp/err1" | tail -1)"
same_as_offline "$tmp/killed.wav" 6 && ok "the recording is whole: 6 s equal to the offline render" ||
    bad "the recording differs from the offline render"
sox "$tmp/killed.wav" -n stat 2>&1 | grep -qi warn && bad "sox warns on the recording" ||
    ok "the recording was closed properly"
log=$(newest_log)
grep -q "^# the audio device stopped" "$log" && grep -q "^end " "$log" &&
    ok "the session log says so and ends with its end record" || bad "session log: $(tail -3 "$log")"
"$TALA" replay "$log" -o "$tmp/replayed.wav" 2>/dev/null && same_as_offline "$tmp/replayed.wav" 6 &&
    ok "its log replays to the same sound" || bad "the log does not replay to the same sound"

# 2. a server that stalls for a second (SIGSTOP) and comes back: the device plays again
start_jack || bad "jackd did not start again"
"$TALA" "$tmp/set.tala" --seconds 6 --record "$tmp/stalled.wav" >"$tmp/out2" 2>"$tmp/err2" &
TPID=$!
sleep 2
kill -STOP $JACKPID
sleep 1
kill -CONT $JACKPID
wait $TPID
rc=$?
[ $rc = 0 ] && grep -q "stopped (is the JACK server gone" "$tmp/err2" &&
    grep -q "the audio device 'system' plays again" "$tmp/err2" &&
    ok "a stalled server: reported, and the device plays again when it is back" ||
    { bad "stall: exit $rc"; cat "$tmp/err2"; }
same_as_offline "$tmp/stalled.wav" 6 && ok "across the stall the recording is whole, bit for bit" ||
    bad "the recording across the stall differs from the offline render"

# 2b. a big buffer calls back seldom (16384 frames: every 341 ms): not a lost device
"$TALA" "$tmp/set.tala" --seconds 3 --buffer 16384 --no-log >"$tmp/out2b" 2>&1
rc=$?
[ $rc = 0 ] && ! grep -q "stopped (is the JACK" "$tmp/out2b" &&
    ok "a 16384-frame buffer plays without being taken for a lost device" ||
    { bad "big buffer: exit $rc"; cat "$tmp/out2b"; }

# 3. :reconnect on a live device: a fresh stream, time unbroken
cat >"$tmp/reconnect" <<'SCRIPT'
expect > 
send :reconnect\n
expect plays again
sleep 1500
send :quit\n
SCRIPT
"$DRIVE" "$tmp/reconnect" "$TALA" "$tmp/set.tala" --record "$tmp/reconnected.wav" --no-log \
    >"$tmp/out3" 2>&1
rc=$?
[ $rc = 0 ] && ok ":reconnect opens the device again and the REPL goes on" ||
    { bad ":reconnect: exit $rc"; tr -d '\r' <"$tmp/out3" | tail -5; }
len=$(sox "$tmp/reconnected.wav" -n stat 2>&1 | sed -n 's/Length (seconds): *//p')
secs=${len%.*}
[ "${secs:-0}" -ge 1 ] && same_as_offline "$tmp/reconnected.wav" "$secs" &&
    ok "the recording across :reconnect equals the offline render (${len} s)" ||
    bad "the recording across :reconnect (${len:-?} s) differs"
kill $JACKPID 2>/dev/null
wait $JACKPID 2>/dev/null
JACKPID=

# 4. SIGTERM: the log and the recording are flushed and closed
"$TALA" "$tmp/set.tala" --no-audio --record "$tmp/term.wav" >"$tmp/out4" 2>"$tmp/err4" &
TPID=$!
sleep 2.5
kill -TERM $TPID
wait $TPID
rc=$?
log=$(newest_log)
len=$(sox "$tmp/term.wav" -n stat 2>&1 | sed -n 's/Length (seconds): *//p')
[ $rc = 0 ] && [ "${len%.*}" -ge 2 ] 2>/dev/null && same_as_offline "$tmp/term.wav" 2 &&
    ok "SIGTERM: exit 0, the recording closed and whole (${len} s)" ||
    bad "SIGTERM: exit $rc, recording ${len:-unreadable} s"
tail -1 "$log" | grep -q "^end " && ok "SIGTERM: the session log ends with its end record" ||
    bad "SIGTERM: the log ends with '$(tail -1 "$log")'"

# 5. the REPL: Ctrl-C clears the line; on an empty line, twice, it leaves cleanly;
#    SIGTERM at the prompt leaves as cleanly
cat >"$tmp/ctrlc" <<'SCRIPT'
expect > 
send x = s("bd*4")\n
send play x\n
expect x -> bar
send half typed(\x03
expect ^C
send \x03
expect Ctrl-C again
send \x03
SCRIPT
"$DRIVE" "$tmp/ctrlc" "$TALA" --no-audio >"$tmp/out5" 2>&1
rc=$?
log=$(newest_log)
[ $rc = 0 ] && tail -1 "$log" | grep -q "^end " &&
    ok "Ctrl-C twice on an empty line leaves with 0 and a whole log" ||
    { bad "Ctrl-C twice: exit $rc, log ends '$(tail -1 "$log")'"; tr -d '\r' <"$tmp/out5" | tail -5; }
cat >"$tmp/term" <<'SCRIPT'
expect > 
send x = s("bd*4")\n
send play x\n
expect x -> bar
signal 15
SCRIPT
"$DRIVE" "$tmp/term" "$TALA" --no-audio >"$tmp/out6" 2>&1
rc=$?
log=$(newest_log)
[ $rc = 0 ] && tail -1 "$log" | grep -q "^end " && grep -q "history" <(ls -a "$HOME/.local/share/tala") &&
    ok "SIGTERM at the REPL leaves with 0, the log ended and the history saved" ||
    { bad "SIGTERM at the REPL: exit $rc, log ends '$(tail -1 "$log")'"; tr -d '\r' <"$tmp/out6" | tail -5; }

echo "$pass passed, $fail failed"
[ $fail = 0 ]
