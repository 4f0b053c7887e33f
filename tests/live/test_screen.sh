#!/usr/bin/env bash
# test_screen.sh TALA - the REPL's whole screen, as a terminal shows it (tmux),
# after typing, playing, a value, an error and a completion, then two bars of
# waiting with the status line redrawn: no stale characters, no line drawn
# twice. TALA_STATUS_FROZEN keeps the status clock still so that the screen
# can be compared exactly (the bar a swap lands on is written as N).
tala=${1:?usage: test_screen.sh path/to/tala}
command -v tmux >/dev/null || { echo "tmux is missing"; echo "0 passed, 1 failed"; exit 1; }
tmp=$(mktemp -d)
sock="$tmp/tmux.sock"
trap 'tmux -S "$sock" kill-server 2>/dev/null; rm -rf "$tmp"' EXIT
mkdir -p "$tmp/home"
t() { tmux -S "$sock" "$@"; }
t new-session -d -s s -x 100 -y 24 "TALA_STATUS_FROZEN=1 HOME=$tmp/home $tala --no-audio --no-log"
sleep 1
t send-keys -t s 'drums = s("bd*4")' Enter; sleep 0.3
t send-keys -t s 'play drums' Enter; sleep 0.3
t send-keys -t s '1 + 2' Enter; sleep 0.3
t send-keys -t s 'x = s("bd").nope()' Enter; sleep 0.3
t send-keys -t s 'dru' Tab; sleep 4 # two bars: the status line is redrawn many times
t capture-pane -t s -p | sed 's/[[:space:]]*$//; s/bar [0-9]*/bar N/' | sed -e :a -e '/^\n*$/{$d;N;ba' -e '}' >"$tmp/screen"
t send-keys -t s C-u ':quit' Enter; sleep 0.3
cat >"$tmp/want" <<'WANT'
tala 0.1.0: playing on no device (clock only) at 48000 Hz (256 frames a buffer), 120 BPM
type :help or :tour (ten steps that play as you go); :quit leaves
1:1 (no sound) > drums = s("bd*4")
1:1 (no sound) > play drums
drums -> bar N
1:1 (no sound) drums  > 1 + 2
3
1:1 (no sound) drums  > x = s("bd").nope()
<repl>:1:13: unknown function 'nope'
  x = s("bd").nope()
              ^~~~
hint: did you mean 'note'?
1:1 (no sound) drums  > drums
WANT
if diff "$tmp/want" "$tmp/screen" >"$tmp/diff"; then
    echo "ok   the screen after typing, a value, an error, a completion and two bars"
    echo "1 passed, 0 failed"
else
    echo "FAIL the screen differs (- wanted, + shown):"
    sed 's/^/    /' "$tmp/diff"
    echo "0 passed, 1 failed"
    exit 1
fi
