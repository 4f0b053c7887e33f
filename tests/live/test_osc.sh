#!/usr/bin/env bash
# test_osc.sh TALA - editors and controllers over OSC (tala FILE --listen PORT, tala send):
# a good block and a bad one round trip (ok, and the error positioned in the file); hush,
# tempo and set act (set measured in the replay of the session log: the fader's step in
# dB); the listener binds loopback unless told otherwise (read from the socket table);
# a batch of malformed, truncated and oversized packets is dropped with a counted warning
# and the next good block works. No sound card: --no-audio keeps time by the clock.
set -u
TALA=$1
pass=0
fail=0
ok() { echo "ok   $1"; pass=$((pass + 1)); }
bad() { echo "FAIL $1"; fail=$((fail + 1)); }
tmp=$(mktemp -d)
export HOME="$tmp"
unset TALA_PORT
PIDS=()
trap 'for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null; done; wait 2>/dev/null; rm -rf "$tmp"' EXIT
# a port of our own: another run on this machine picks another one
port=$((20000 + ($$ * 7) % 20000))
while ss -Hlun "sport = :$port" | grep -q . || ss -Hltn "sport = :$port" | grep -q .; do
    port=$((port + 1))
done
send() { "$TALA" send --port "$port" "$@"; }
# waits until the listener answers (a sanitized build starts slowly)
wait_up() {
    for _ in $(seq 100); do
        send --query --timeout 0.2 >/dev/null 2>&1 && return 0
        sleep 0.1
    done
    return 1
}

cat >"$tmp/set.tala" <<'TALA'
t = note("a3*8").s("sine")
play t
TALA
t0=$(date +%s.%N)
"$TALA" "$tmp/set.tala" --no-audio --listen "$port" --seconds 12 </dev/null >"$tmp/out" 2>"$tmp/err" &
PID=$!
PIDS+=($PID)
if ! wait_up; then
    bad "tala --listen $port never answered: $(tail -3 "$tmp/err")"
    echo "$pass passed, $fail failed"
    exit 1
fi

# 1. the socket table: UDP and TCP on 127.0.0.1 only
udp=$(ss -Hlun "sport = :$port" | awk '{ print $4 }')
tcp=$(ss -Hltn "sport = :$port" | awk '{ print $4 }')
[ "$udp" = "127.0.0.1:$port" ] && [ "$tcp" = "127.0.0.1:$port" ] &&
    ok "--listen $port binds 127.0.0.1 only (UDP $udp, TCP $tcp)" ||
    bad "--listen $port bound UDP '$udp', TCP '$tcp'"

# 2. a fader: -12 dB on t, about 1 s in (the replay below measures it)
sleep 0.9
out=$(send --set t gain -12 2>&1)
[ $? = 0 ] && [ "$out" = ok ] && ok "set t gain -12: answered ok" || bad "set: '$out'"
out=$(send --set nosuch gain 0 2>&1)
rc=$?
[ $rc = 1 ] && grep -q "no track named 'nosuch'" <<<"$out" &&
    ok "set on a track that is not there: exit 1, said" || bad "set nosuch: exit $rc, '$out'"
out=$(send --set t wobble 3 2>&1)
rc=$?
[ $rc = 1 ] && grep -q "gain -120..24 (dB), pan 0..1" <<<"$out" &&
    ok "set of an unknown parameter: exit 1 with the parameters there are" ||
    bad "set t wobble: exit $rc, '$out'"

# 3. a good block from a file by line, then a bad one: its error in the file's lines
sleep 1.5 # the next block starts at bar 2 (4 s): the fader's bars stay t's alone
cat >"$tmp/edit.tala" <<'TALA'
-- two blocks, as an editor holds them
b = s("hh*8")
play t, b

x = s("bd*4"
play x
TALA
out=$(send --line 3 "$tmp/edit.tala" 2>&1)
rc=$?
[ $rc = 0 ] && [ "$out" = ok ] && ok "tala send --line 3: the block around line 3 evaluated, ok" ||
    bad "send --line 3: exit $rc, '$out'"
out=$(send --line 5 "$tmp/edit.tala" 2>&1)
rc=$?
[ $rc = 1 ] && grep -q "^$tmp/edit.tala:5:6: unclosed '('" <<<"$out" && grep -q '^       ^' <<<"$out" &&
    ok "a bad block: exit 1, the error at edit.tala:5:6 (the file's line) with its caret" ||
    bad "send --line 5: exit $rc, '$out'"
grep -q "edit.tala:5:6: unclosed" "$tmp/err" && ok "the performer's terminal shows the error too" ||
    bad "the error did not reach tala's terminal"
out=$(printf 'c = s("cp*2")\nplay t, b, c\n' | send 2>&1)
rc=$?
[ $rc = 0 ] && ok "tala send from stdin: ok" || bad "send from stdin: exit $rc, '$out'"
out=$(send --line 4 "$tmp/edit.tala" 2>&1)
rc=$?
[ $rc = 1 ] && grep -q "line 4 of .* is blank" <<<"$out" && ok "--line on a blank line: exit 1, said" ||
    bad "--line 4: exit $rc, '$out'"

# 3b. TCP: a framed /tala/query is answered, framed; a client that never reads its
#     answers is let go, and the others are served meanwhile
q='\0\0\0\20/tala/query\0,\0\0\0'
(exec 3<>/dev/tcp/127.0.0.1/$port && printf "$q" >&3 && timeout 1 cat <&3 >"$tmp/tcp") # (cat: no buffer)
got=$(tr -d '\0' <"$tmp/tcp" | tr -c '[:print:]' ' ')
grep -q "/tala/reply,ssok.*BPM" <<<"$got" && ok "TCP: /tala/query answered on the connection (${got:0:40}...)" ||
    bad "TCP query: '$got'"
(exec 3<>/dev/tcp/127.0.0.1/$port && for _ in $(seq 6000); do printf "$q"; done >&3 && sleep 4) 2>/dev/null &
HOG=$!
sleep 1.5
out=$(send --query --timeout 2 2>&1)
rc=$?
[ $rc = 0 ] && ok "a TCP client that never reads 6000 answers does not hold up the rest (query: ok)" ||
    bad "with a client that does not read: exit $rc, '$out'"
kill $HOG 2>/dev/null
wait $HOG 2>/dev/null

# 4. query, tempo, hush
sleep 2.2
q=$(send --query 2>&1)
grep -q "120 BPM .*| t b c$" <<<"$q" && ok "query: the status line ($q)" || bad "query: '$q'"
send --tempo 150 >/dev/null 2>&1 && ok "tempo 150: ok" || bad "tempo 150 failed"
sleep 2.3
q=$(send --query 2>&1)
grep -q " 150 BPM " <<<"$q" && ok "the tempo is 150 BPM from the next bar ($q)" || bad "after tempo: '$q'"
send --hush >/dev/null 2>&1 && ok "hush: ok" || bad "hush failed"
sleep 0.3
q=$(send --query 2>&1)
grep -q "|$" <<<"$q" && ok "after hush no track plays ($q)" || bad "after hush: '$q'"

# 5. a batch of bad packets by UDP and TCP, then a good block
bad_udp() { printf "$1" >/dev/udp/127.0.0.1/$port; }
bad_udp 'hello'                                           # not a multiple of 4
bad_udp 'abc\0,i\0\0\0\0\0\1'                             # a path without '/'
bad_udp '/tala/eval\0\0,s\0\0'                            # a string promised, none there
bad_udp '/x\0\0,i\0\0'                                    # an int promised, none there
bad_udp '/tala/eval\0\0,s\0\0abcd'                        # a string without its end
bad_udp '/x\0\0i\0\0\0'                                   # type tags without ','
bad_udp '#bundle\0\0\0\0\0\0\0\0\1\0\0\0\100/x\0\0,\0\0\0' # an element longer than the bundle
bad_udp '#bundle\0\0\0\0\0\0\0\0\1\0\0\0\4'                # a bundle cut short
bad_udp '\0\0\0\0'                                        # nothing but zeros
(exec 3<>/dev/tcp/127.0.0.1/$port && printf '\177\377\377\377' >&3 && exec 3>&-) # 2 GiB said
(exec 3<>/dev/tcp/127.0.0.1/$port && printf '\0\0\0\40/tala/ev' >&3 && exec 3>&-) # cut off
head -c 70000 /dev/zero | tr '\0' 'x' >"$tmp/big"
printf '\0\1\21\160' | cat - "$tmp/big" >"$tmp/bigpkt" # 70000 bytes framed for TCP
(exec 3<>/dev/tcp/127.0.0.1/$port && cat "$tmp/bigpkt" >&3 && exec 3>&-)
sleep 0.5
out=$(printf 'd = s("bd*4")\nplay d\n' | send 2>&1)
rc=$?
[ $rc = 0 ] && [ "$out" = ok ] && ok "after 12 bad packets a good block works" ||
    bad "after the bad packets: exit $rc, '$out'"
n=$(grep -o "OSC: [0-9]* bad packets\? dropped" "$tmp/err" | awk '{ s += $2 } END { print s + 0 }')
grep -q "warning: OSC: 1 bad packet dropped on 127.0.0.1:$port (the latest: " "$tmp/err" &&
    [ "$n" -ge 1 ] && ok "the first bad packet was said at once, with why ($n said in all so far)" ||
    { bad "no counted warning ($n)"; cat "$tmp/err"; }
wait $PID
rc=$?
n=$(grep -o "OSC: [0-9]* bad packets\? dropped" "$tmp/err" | awk '{ s += $2 } END { print s + 0 }')
[ "$n" = 12 ] && ok "all 12 were counted and said within 2.5 s ($(grep -c 'bad packet' "$tmp/err") lines)" ||
    { bad "$n of 12 bad packets said"; grep "bad packet" "$tmp/err"; }
[ $rc = 0 ] && ok "tala played on to the end and left with 0" || bad "tala exited $rc"

# 6. the fader in the replay of the session log: t's level steps by -12 dB where it was set
log=$(ls "$tmp"/.local/share/tala/sessions/*.tala-session 2>/dev/null | head -1)
"$TALA" replay "$log" -o "$tmp/replay.wav" --seconds 4 >/dev/null 2>&1
at=$(awk '$1 == "cmd" && $3 == "set" { print $2; exit }' "$log")
secs=$(awk -v c="$at" 'BEGIN { n = split(c, p, "/"); print (n == 2 ? p[1] / p[2] : c) * 2 }')
# whole eighth notes (0.25 s) before and after the step, the step's own left out, and the
# first (no note rings into it)
w=$(awk -v s="$secs" 'BEGIN { a = int(s / 0.25) * 0.25; b = a + 0.25; if (b < s) b += 0.25;
                                 printf "%g %g", a, b }')
read -r before_end after_start <<<"$w"
rms() { sox "$tmp/replay.wav" -n trim "$1" ="$2" stat 2>&1 | awk '/RMS +amplitude/ { print $3 }'; }
r1=$(rms 0.25 "$before_end")
r2=$(rms "$after_start" 4)
db=$(awk -v a="$r1" -v b="$r2" 'BEGIN { if (a > 0 && b > 0) printf "%.2f", 20 * log(b / a) / log(10); else print "none" }')
awk -v d="$db" 'BEGIN { exit !(d != "none" && d > -12.1 && d < -11.9) }' && [ "$(awk -v s="$secs" 'BEGIN { print (s >= 0.75) }')" = 1 ] &&
    ok "the replay: t at ${r1} RMS before the fader (${secs} s), ${r2} after: ${db} dB" ||
    bad "the fader in the replay: set at cycle '$at' (${secs} s), RMS $r1 -> $r2 ($db dB)"

# 6b. a Strudel program's $: blocks keep playing through a tempo from a controller
printf '$: s("bd*4")\n$: s("hh*8")\n' >"$tmp/blocks.tala"
p3=$((port + 3))
"$TALA" "$tmp/blocks.tala" --no-audio --no-log --listen "$p3" --seconds 5 </dev/null >/dev/null 2>&1 &
PIDS+=($!)
port=$p3 wait_up
sleep 0.5
before=$(port=$p3 send --query | sed 's/.*| *//')
port=$p3 send --tempo 130 >/dev/null 2>&1
sleep 2.5
q=$(port=$p3 send --query)
after=$(sed 's/.*| *//' <<<"$q")
[ -n "$before" ] && [ "$before" = "$after" ] && grep -q " 130 BPM" <<<"$q" &&
    ok "\$: blocks play on through /tala/tempo ($after at 130 BPM)" ||
    bad "\$: blocks before the tempo '$before', after '$after' ($q)"

# 7. an explicit address is used as given; a bad port is a usage error; nothing listening
p2=$((port + 1))
"$TALA" "$tmp/set.tala" --no-audio --no-log --listen "0.0.0.0:$p2" --seconds 3 </dev/null \
    >/dev/null 2>"$tmp/err2" &
PIDS+=($!)
port=$p2 wait_up
udp=$(ss -Hlun "sport = :$p2" | awk '{ print $4 }')
[ "$udp" = "0.0.0.0:$p2" ] && ok "--listen 0.0.0.0:$p2 listens on every interface, as asked" ||
    bad "--listen 0.0.0.0:$p2 bound '$udp'"
"$TALA" "$tmp/set.tala" --no-audio --no-log --listen 7770x --seconds 1 </dev/null >/dev/null 2>"$tmp/err3"
rc=$?
[ $rc = 2 ] && grep -q "is not \[ADDRESS:\]PORT" "$tmp/err3" && ok "--listen 7770x: exit 2, said" ||
    bad "--listen 7770x: exit $rc: $(cat "$tmp/err3")"
"$TALA" "$tmp/set.tala" --no-audio --no-log --link --quantum 6 --seconds 1 </dev/null >/dev/null \
    2>"$tmp/err6" # (refused before Link is joined: nothing goes on the network)
rc=$?
[ $rc = 2 ] && grep -q "quantum takes 4, 8, 12 ... 64 beats" "$tmp/err6" &&
    ok "--quantum 6: exit 2 (tala's bars are 4 beats)" || bad "--quantum 6: exit $rc: $(cat "$tmp/err6")"
"$TALA" "$tmp/set.tala" --no-audio --no-log --quantum 8 --seconds 1 </dev/null >/dev/null 2>"$tmp/err7"
rc=$?
[ $rc = 2 ] && grep -q "quantum is for --link" "$tmp/err7" && ok "--quantum without --link: exit 2" ||
    bad "--quantum without --link: exit $rc"
"$TALA" --safe "$tmp/set.tala" --no-audio --no-log --listen "0.0.0.0:$((p2 + 2))" --seconds 1 \
    </dev/null >/dev/null 2>"$tmp/err5"
rc=$?
[ $rc = 2 ] && grep -q "safe mode: --listen takes code from this machine only" "$tmp/err5" &&
    ok "--safe refuses a --listen on another address than loopback (exit 2)" ||
    bad "--safe --listen 0.0.0.0: exit $rc: $(cat "$tmp/err5")"
"$TALA" send --port "$((p2 + 1))" --timeout 1 --query >/dev/null 2>"$tmp/err4"
rc=$?
[ $rc = 3 ] && grep -q "is tala running with --listen" "$tmp/err4" &&
    ok "tala send with nothing listening: exit 3, said" || bad "send to nothing: exit $rc: $(cat "$tmp/err4")"

ldd "$TALA" | grep -q "liblo\.so" && ok "tala is linked with liblo ($(ldd "$TALA" | grep -o 'liblo\.so[.0-9]*' | head -1))" ||
    bad "ldd $TALA does not show liblo"

echo "$pass passed, $fail failed"
[ $fail = 0 ]
