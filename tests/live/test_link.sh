#!/usr/bin/env bash
# test_link.sh TALA - two talas in an Ableton Link session, each in its own network
# namespace joined by a veth pair (../shared/recipes: Link's multicast never leaves
# through the machine's real interfaces). B starts at 100 BPM and takes the session's
# 120; A's tempo goes to 140 (tala send --tempo, a `tempo` statement); B follows. Each
# sends its bar notes to its own oscdump with --superdirt, stamped with the wall-clock
# time of their frames (one clock for both namespaces): the bar lines of A and B are
# compared before the change and from one bar after it (within 1 ms), and B's bars
# are 140 BPM's. Then Debian's LinkHut (on a JACK dummy server, in a tmux) is the peer in
# B: it raises the tempo, stops the transport (tala's tracks pause: no bar notes) and
# starts it again (they resume on a bar line). Needs root for the namespaces (CI has it).
set -u
TALA=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
pass=0
fail=0
ok() { echo "ok   $1"; pass=$((pass + 1)); }
bad() { echo "FAIL $1"; fail=$((fail + 1)); }
tmp=$(mktemp -d)
export HOME="$tmp"
A=tala-a-$$ B=tala-b-$$ VA=tva$$ VB=tvb$$
export JACK_DEFAULT_SERVER=tala-linkhut-$$ JACK_NO_START_SERVER=1
JACKPID=
cleanup() {
    ip netns exec "$B" tmux -L "tl$$" kill-server 2>/dev/null
    [ -n "$JACKPID" ] && kill "$JACKPID" 2>/dev/null
    ip netns pids "$A" 2>/dev/null | xargs -r kill 2>/dev/null
    ip netns pids "$B" 2>/dev/null | xargs -r kill 2>/dev/null
    wait 2>/dev/null
    ip netns del "$A" 2>/dev/null
    ip netns del "$B" 2>/dev/null
    rm -rf "$tmp"
}
trap cleanup EXIT
if ! ip netns add "$A" 2>"$tmp/err" || ! ip netns add "$B" 2>>"$tmp/err"; then
    bad "cannot make network namespaces (root and iproute2 needed): $(cat "$tmp/err")"
    echo "$pass passed, $fail failed"
    exit 1
fi
ip link add "$VA" type veth peer name "$VB"
ip link set "$VA" netns "$A"
ip link set "$VB" netns "$B"
ip -n "$A" addr add 10.77.0.1/24 dev "$VA"
ip -n "$B" addr add 10.77.0.2/24 dev "$VB"
for ns in "$A" "$B"; do ip -n "$ns" link set lo up; done
ip -n "$A" link set "$VA" up
ip -n "$B" link set "$VB" up
ip -n "$A" route add 224.0.0.0/4 dev "$VA" # Link's discovery: multicast on the veth
ip -n "$B" route add 224.0.0.0/4 dev "$VB"
ip -n "$A" route show | grep -q default && bad "namespace A has a way out" || ok "two namespaces joined by a veth pair, no way out of them"

printf 'd = s("bd")\nplay d\n' >"$tmp/bar.tala"
ip netns exec "$A" oscdump -L 57120 >"$tmp/dumpA" 2>&1 &
ip netns exec "$B" oscdump -L 57120 >"$tmp/dumpB" 2>&1 &
sleep 0.3
ip netns exec "$A" "$TALA" "$tmp/bar.tala" --no-audio --no-log --link --listen 7770 \
    --superdirt --superdirt-latency 0 --seconds 16 </dev/null >"$tmp/outA" 2>&1 &
PA=$!
sleep 1.5
ip netns exec "$B" "$TALA" "$tmp/bar.tala" --no-audio --no-log --link --listen 7770 --tempo 100 \
    --superdirt --superdirt-latency 0 --seconds 13 </dev/null >"$tmp/outB" 2>&1 &
PB=$!
sendA() { ip netns exec "$A" "$TALA" send "$@"; }
sendB() { ip netns exec "$B" "$TALA" send "$@"; }
for _ in $(seq 60); do
    sendB --query --timeout 0.3 2>/dev/null | grep -q "link 1 peer " && break
    sleep 0.1
done
sleep 4.5 # B on the session's bars for two of them
qa=$(sendA --query 2>&1)
qb=$(sendB --query 2>&1)
grep -q "link 1 peer " <<<"$qa" && grep -q "link 1 peer " <<<"$qb" &&
    ok "each sees the other as a peer (A: $qa; B: $qb)" || bad "peers: A '$qa', B '$qb'"
change=$(date +%s.%N)
sendA --tempo 140 >/dev/null 2>&1 && ok "A's tempo to 140 (tala send --tempo)" || bad "tala send --tempo 140 failed"
wait $PA $PB # both play to their end
ip netns pids "$A" | xargs -r kill 2>/dev/null # the oscdumps
ip netns pids "$B" | xargs -r kill 2>/dev/null
sleep 0.2
grep -q "tala: stopped after" "$tmp/outA" && grep -q "tala: stopped after" "$tmp/outB" &&
    ok "both played to the end" || { bad "a tala did not end well"; tail -3 "$tmp/outA" "$tmp/outB"; }

# bar lines: each bar note's time tag (seconds since 1970)
tags() {
    while read -r tag path _; do
        [ "$path" = /dirt/play ] || continue
        echo "$((16#${tag%.*})) $((16#${tag#*.}))"
    done <"$1" | awk '{ printf "%.6f\n", $1 - 2208988800 + $2 / 4294967296 }'
}
tags "$tmp/dumpA" >"$tmp/barsA"
tags "$tmp/dumpB" >"$tmp/barsB"
# for each bar of B: the nearest bar of A, in ms, with B's bar length (s)
awk -v ch="$change" 'NR == FNR { a[n++] = $1; next }
    { best = 1e9; for (i = 0; i < n; i++) { d = $1 - a[i]; if (d * d < best * best) best = d }
      printf "%.6f %.3f %.6f %s\n", $1, best * 1000, (prev ? $1 - prev : 0), ($1 < ch ? "before" : "after"); prev = $1 }' \
    "$tmp/barsA" "$tmp/barsB" >"$tmp/phase"
before=$(awk '$4 == "before" { n++; if ($2 * $2 > m * m) m = $2 } END { printf "%d %.3f", n, m }' "$tmp/phase")
read -r nb mb <<<"$before"
lb=$(awk '$4 == "before" && $3 > 0 { d = $3 - 2; if (d * d > l * l) l = d } END { printf "%.3f", l * 1000 }' "$tmp/phase")
[ "$nb" -ge 2 ] && awk -v m="$mb" -v l="$lb" 'BEGIN { exit !(m * m < 1 && l * l < 1) }' &&
    ok "B (started at 100 BPM) plays the session's 120: its $nb bars on A's within 1 ms (at most $mb ms apart), each 2 s within $lb ms" ||
    { bad "before the change: $nb bars, up to $mb ms apart"; cat "$tmp/phase"; }
# from one bar (at 140 BPM) after the change on
after=$(awk -v ch="$change" '$1 > ch + 4 * 60 / 140 + 0.2 { n++; if ($2 * $2 > m * m) m = $2
                                 if ($3 > 0) { d = $3 - 4 * 60 / 140; if (d * d > l * l) l = d } }
          END { printf "%d %.3f %.3f", n, m, l * 1000 }' "$tmp/phase")
read -r na ma la <<<"$after"
[ "$na" -ge 3 ] && awk -v m="$ma" -v l="$la" 'BEGIN { exit !(m * m < 1 && l * l < 1) }' &&
    ok "from the next bar after the change: $na bars, B's on A's within 1 ms (at most $ma ms), each 140 BPM's 1.714 s within $la ms" ||
    { bad "after the change: $na bars, $ma ms apart, bar length off by $la ms"; cat "$tmp/phase"; }
grep -q "tala: tempo 140 to the Link session" "$tmp/outA" && ok "A said its tempo went to the session" ||
    bad "A did not say where its tempo went"
grep -q "tala: on the Link session at 1[24]0.00 BPM: playing from the next bar" "$tmp/outB" &&
    ok "B said when it was on the session's bars" || { bad "B's messages"; cat "$tmp/outB"; }

# the REPL's :link, in A while B plays (pty_drive types into it)
DRIVE=$(dirname "$TALA")/pty_drive
printf 'expect > \nsleep 2500\nsend :link\\n\nexpect Link: \nsleep 300\nsend :quit\\n\n' >"$tmp/repl"
ip netns exec "$B" "$TALA" "$tmp/bar.tala" --no-audio --no-log --link --seconds 6 </dev/null \
    >/dev/null 2>&1 &
PB=$!
ip netns exec "$A" "$DRIVE" "$tmp/repl" "$TALA" --no-audio --no-log --link >"$tmp/outR" 2>&1
rc=$?
wait $PB
line=$(tr -d '\r' <"$tmp/outR" | grep -o "Link: [0-9]* peers\?, [0-9.]* BPM.*session's" | head -1)
[ $rc = 0 ] && grep -q "^Link: 1 peer, 120.00 BPM, beat [0-9.]*, phase [0-9.]* of 4, playing; tala's bar lines [0-9.]* ms" <<<"$line" &&
    ok ":link in the REPL: $line" || { bad ":link: exit $rc, '$line'"; tr -d '\r' <"$tmp/outR" | tail -5; }

# LinkHut in B: tempo up, transport stopped and started again; tala in A follows
jackd --no-realtime -d dummy -r 48000 -p 256 >"$tmp/jackd.log" 2>&1 &
JACKPID=$!
for _ in $(seq 50); do jack_lsp >/dev/null 2>&1 && break; sleep 0.1; done
ip netns exec "$B" tmux -L "tl$$" new-session -d -x 120 -y 20 "LinkHut"
hut() { ip netns exec "$B" tmux -L "tl$$" "$@"; }
sleep 1
hut send-keys -t 0 a s # Link on, start/stop sync on (LinkHut starts stopped)
: >"$tmp/dumpA"
ip netns exec "$A" oscdump -L 57120 >"$tmp/dumpA" 2>&1 &
sleep 0.3
ip netns exec "$A" "$TALA" "$tmp/bar.tala" --no-audio --no-log --link --listen 7770 \
    --superdirt --superdirt-latency 0 --seconds 17 </dev/null >"$tmp/outH" 2>&1 &
PH=$!
for _ in $(seq 60); do
    sendA --query --timeout 0.3 2>/dev/null | grep -q "link 1 peer " && break
    sleep 0.1
done
sleep 2
screen=$(hut capture-pane -p -t 0 | grep -E "^yes")
grep -q "playing" <<<"$screen" && ok "LinkHut sees tala: the session plays, tala started it ($(tr -s ' ' <<<"$screen"))" ||
    bad "LinkHut's line: '$screen'"
for _ in $(seq 10); do # 1 BPM up a key
    hut send-keys -t 0 e
    sleep 0.1
done
sleep 3
hut_bpm=$(hut capture-pane -p -t 0 | awk -F'|' '/^yes/ { gsub(/ /, "", $5); print $5 }')
q=$(sendA --query 2>&1)
bpm=$(awk '{ print $2 }' <<<"$q")
# (tala's tempo of the moment holds what closes its phase: within 0.3 BPM; its bars below)
awk -v b="$bpm" -v h="$hut_bpm" 'BEGIN { exit !(h > 121 && b > h - 0.3 && b < h + 0.3) }' &&
    ok "LinkHut's tempo up to $hut_bpm: tala follows ($bpm BPM)" ||
    bad "LinkHut at '$hut_bpm' BPM, tala at '$bpm'"
stop=$(date +%s.%N)
hut send-keys -t 0 Space
sleep 3.5
start=$(date +%s.%N)
hut send-keys -t 0 Space
wait $PH
sleep 0.2
grep -q "tala: the Link session stopped: the tracks pause" "$tmp/outH" &&
    grep -q "tala: in the Link session (1 peer, $hut_bpm BPM): the tracks wait" "$tmp/outH" &&
    ok "LinkHut's stop paused tala's tracks, its start made them wait for the bar and play" ||
    { bad "tala's messages for LinkHut's stop and start"; cat "$tmp/outH"; }
tags "$tmp/dumpA" >"$tmp/barsH"
quiet=$(awk -v a="$stop" -v b="$start" '$1 > a + 0.1 && $1 < b { n++ } END { print n + 0 }' "$tmp/barsH")
again=$(awk -v b="$start" '$1 > b { n++ } END { print n + 0 }' "$tmp/barsH")
gaps=$(awk -v b="$start" -v h="$hut_bpm" '$1 > b { if (p) { d = $1 - p - 240 / h; if (d * d > m * m) m = d }; p = $1 }
        END { printf "%.3f", m * 1000 }' "$tmp/barsH")
[ "$quiet" = 0 ] && [ "$again" -ge 2 ] && awk -v g="$gaps" 'BEGIN { exit !(g * g < 1) }' &&
    ok "no bar note while stopped; $again after the start, $hut_bpm BPM's bars within $gaps ms" ||
    bad "while stopped $quiet bar notes, after the start $again (bars off by $gaps ms)"

echo "$pass passed, $fail failed"
[ $fail = 0 ]
