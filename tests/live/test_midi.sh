#!/usr/bin/env bash
# test_midi.sh TALA MIDI_LISTEN PTY_DRIVE - MIDI out in real time, on a JACK dummy
# server this test starts (RtMidi's JACK API, ../shared/recipes): a listener on
# tala's virtual port 'tala' gets every message in order, each note-on its note-off
# (after :hush, on exit, on Ctrl-C); how late messages leave and arrive against the
# frame they were stamped with (TALA_MIDI_TRACE) is printed, a figure, not an assertion.
set -u
TALA=$1
LISTEN=$2
DRIVE=$3
SEND=$(dirname "$LISTEN")/midi_send
pass=0
fail=0
ok() { echo "ok   $1"; pass=$((pass + 1)); }
bad() { echo "FAIL $1"; fail=$((fail + 1)); }
tmp=$(mktemp -d)
export HOME="$tmp"
export JACK_DEFAULT_SERVER="tala-midi-$$"
export TALA_MIDI_API=jack
PERIOD=${TALA_MIDI_PERIOD:-256}
start_jack() {
    jackd --no-realtime -d dummy -r 48000 -p "$PERIOD" >"$tmp/jackd.log" 2>&1 &
    JACKPID=$!
    for _ in $(seq 50); do
        jack_lsp >/dev/null 2>&1 && return 0
        sleep 0.1
    done
    kill $JACKPID 2>/dev/null
    wait $JACKPID 2>/dev/null
    return 1
}
JACKPID=
trap '[ -n "$JACKPID" ] && kill $JACKPID 2>/dev/null; wait 2>/dev/null; rm -rf "$tmp"' EXIT
if ! start_jack && ! start_jack; then # a second try: a server just stopped may linger
    bad "the JACK dummy server did not start: $(tail -3 "$tmp/jackd.log")"
    echo "$pass passed, $fail failed"
    exit 1
fi

# the notes a listener heard turned on and never off (stuck), by channel and key; a
# note-off without its note-on (JACK dropped the note-on in an xrun) leaves nothing stuck
unpaired() {
    awk '{ s = substr($2, 1, 1); k = substr($2, 2) " " $3 }
         s == "9" && $4 != "00" { open[k]++; next }
         s == "8" || s == "9" { if (open[k] > 0) open[k]-- }
         END { for (k in open) if (open[k] > 0) print "channel " k + 1 " key " k ": " open[k] " on" }' "$1"
}

# 1. a pattern to tala's own port: everything arrives, in order, and how late
cat >"$tmp/m.tala" <<'TALA'
m = note("<~ [c4 e4 g4 c5]> [c3 g3]*2").velocity("0.8 0.5").midi()
cc = ccv("<~ 0.25 0.5 1>").ccn(74).midi()
pb = note("<~ c2>").midibend("<~ -1>").progNum("<~ 5>").midi().midichan(3)
play m, cc, pb
TALA
# JACK drops a client's MIDI when an xrun skips its cycle: on a busy machine that can
# happen in any run, so a run that lost messages during xruns is tried again (3 at most)
for attempt in 1 2 3; do
    "$LISTEN" listen 12 >"$tmp/got" 2>"$tmp/listen.err" &
    LPID=$!
    TALA_MIDI_TRACE="$tmp/trace" "$TALA" "$tmp/m.tala" --seconds 8 --no-log >"$tmp/out" 2>&1
    rc=$?
    wait $LPID
    sent=$(cut -d' ' -f3- "$tmp/trace")
    got=$(cut -d' ' -f2- "$tmp/got")
    n=$(wc -l <"$tmp/got")
    xruns=$(sed -n 's/.*: \([0-9]*\) xruns.*/\1/p' "$tmp/out")
    [ "$got" = "$(head -n "$n" <<<"$sent")" ] || [ "${xruns:-0}" = 0 ] && break
    echo "     attempt $attempt lost messages during ${xruns} xruns: again"
done
[ $rc = 0 ] && grep -q connected "$tmp/listen.err" && ok "a listener connected to tala's port 'tala'" ||
    { bad "tala exit $rc, listener: $(cat "$tmp/listen.err")"; cat "$tmp/out"; }
[ "$n" -gt 40 ] && [ "$got" = "$(head -n "$n" <<<"$sent")" ] &&
    ok "all $n messages arrived, in the order sent" ||
    { bad "received $n, differs from what was sent"; diff <(echo "$got") <(echo "$sent") | head -5; }
grep -q "^b0 4a 40$" <(echo "$got") && grep -q "^c2 05$" <(echo "$got") &&
    grep -q "^e2 00 00$" <(echo "$got") && grep -q "^92 24 " <(echo "$got") &&
    ok "control change (ccn 74, ccv 0.5 -> 64), program change, pitch bend -1, channel 3" ||
    bad "cc/program/bend bytes: $(grep -v '^9\|^8' <<<"$got" | head -5 | tr '\n' ',')"
[ -z "$(unpaired "$tmp/got")" ] && ok "every note-on arrived with its note-off" ||
    bad "unpaired: $(unpaired "$tmp/got")"
# lateness: each message's send and arrival against when its frame played (the trace's
# due time); bench/midi_timing.sh measures it over a minute
paste -d'|' <(head -n "$n" "$tmp/trace") "$tmp/got" | awk -F'|' -v p="$PERIOD" '
    { split($1, a, " "); split($2, b, " "); s = (a[2] - a[1]) / 1e6; d = (b[1] - a[1]) / 1e6
      S += s; D += d; if (s > ms) ms = s; if (d > md) md = d; n++ }
    END { printf "     timing (JACK period %d frames, %d messages): sent %.3f ms after its frame (max %.3f), arrived %.3f ms after (max %.3f) (figures)\n", p, n, S / n, ms, D / n, md }'

# 2. :hush in the REPL: the long notes sounding get their note-offs at once
cat >"$tmp/hush" <<'SCRIPT'
expect > 
send h = note("[c3,e3,g3]").legato(4).midi()\n
send play h\n
expect h -> bar
sleep 2500
send :hush\n
sleep 500
send :quit\n
SCRIPT
"$LISTEN" listen 6 >"$tmp/got2" 2>/dev/null &
LPID=$!
"$DRIVE" "$tmp/hush" "$TALA" --no-log >"$tmp/out2" 2>&1
wait $LPID
ons=$(grep -c " 9[0-9a-f] [0-9a-f]* [1-9a-f]" "$tmp/got2")
[ "$ons" -ge 3 ] && [ -z "$(unpaired "$tmp/got2")" ] &&
    ok ":hush: the $ons long notes sounding got their note-offs" ||
    { bad ":hush left notes on: $(unpaired "$tmp/got2") ($ons on)"; tr -d '\r' <"$tmp/out2" | tail -3; }

# 3. leaving while notes sound (the time is up, then Ctrl-C): every note goes off, then
#    All Notes Off on the channel
for how in seconds sigint; do
    printf 'h = note("<~ [c3,g3]>").legato(8).midi().midichan(5)\nplay h\n' >"$tmp/long.tala"
    "$LISTEN" listen 6 >"$tmp/got3" 2>/dev/null &
    LPID=$!
    if [ $how = seconds ]; then
        "$TALA" "$tmp/long.tala" --seconds 3.5 --no-log >/dev/null 2>&1
    else
        "$TALA" "$tmp/long.tala" --no-log >/dev/null 2>&1 &
        TPID=$!
        sleep 3.5
        kill -INT $TPID
        wait $TPID
    fi
    wait $LPID
    [ "$(grep -c ' 94 ' "$tmp/got3")" = 2 ] && [ "$(grep -c ' 84 ' "$tmp/got3")" = 2 ] &&
        grep -q " b4 7b 00" "$tmp/got3" &&
        ok "leaving ($how) mid-note: every note-off sent, then All Notes Off on channel 5" ||
        bad "leaving ($how): $(unpaired "$tmp/got3"); got: $(tr '\n' ',' <"$tmp/got3" | cut -c1-200)"
done

# 4. a port that is not there: one warning naming the ports, the rest plays on
printf 'x = note("c4*2").midi("nosuchport")\ny = s("bd*4")\nplay x, y\n' >"$tmp/miss.tala"
"$TALA" "$tmp/miss.tala" --seconds 2 --no-log >"$tmp/out4" 2>&1
rc=$?
[ $rc = 0 ] && [ "$(grep -c "no MIDI output port named 'nosuchport' (ports:" "$tmp/out4")" = 1 ] &&
    grep -q "stopped after 2.0 s" "$tmp/out4" &&
    ok "a missing port is said once, with the ports there are; the rest plays on" ||
    { bad "missing port: exit $rc"; cat "$tmp/out4"; }

# 6. MIDI clock out: 24 ticks a quarter note on the audio clock, then stop
printf 'tempo 120\nm = note("<~ c3>").midi()\nplay m\n' >"$tmp/clock.tala"
"$LISTEN" listen 7 >"$tmp/got6" 2>/dev/null &
LPID=$!
TALA_MIDI_TRACE="$tmp/trace6" "$TALA" "$tmp/clock.tala" --midi-clock tala --seconds 5 --no-log \
    >"$tmp/out6" 2>&1
wait $LPID
ticks=$(grep -c " f8$" "$tmp/got6")
# 120 BPM: a tick every 20.833 ms; the listener joined within the first second. 241
# ticks fit in [0, 5 s]; --seconds is looked at every 20 ms (and a buffer plays on),
# so the tick at 5.021 s may go out too: 242. The stop comes after the last tick (All
# Notes Off may follow it)
[ "$ticks" -ge 190 ] && [ "$ticks" -le 242 ] &&
    [ "$(grep -n " fc$" "$tmp/got6" | cut -d: -f1)" -gt "$(grep -n " f8$" "$tmp/got6" | tail -1 | cut -d: -f1)" ] &&
    ok "MIDI clock: $ticks ticks in 5 s at 120 BPM (24 a quarter note), then stop" ||
    bad "MIDI clock: $ticks ticks, last: $(tail -1 "$tmp/got6")"
# jitter: each tick's arrival against the moment its frame played (the trace): the
# latest tick due before it arrived (ticks are 20.8 ms apart, a few ms late at most)
awk 'NR == FNR { if ($NF == "f8") due[++nd] = $1; next }
    $NF == "f8" { while (j < nd && due[j + 1] <= $1) j++; if (!j) next
        d = ($1 - due[j]) / 1e6; s += d; q += d * d; if (d > m) m = d; n++ }
    END { printf "     clock (%d ticks): arrival after its frame mean %.3f ms, rms %.3f, max %.3f (figures)\n", n, s / n, sqrt(q / n), m }' \
    "$tmp/trace6" "$tmp/got6"

# --midi-latency: a port's messages go out that much after their frame
TALA_MIDI_TRACE="$tmp/trace4l" "$TALA" "$tmp/clock.tala" --midi-latency tala=80 --seconds 4.5 \
    --no-log >/dev/null 2>&1
late=$(awk '$3 == "90" { d += ($2 - $1) / 1e6; n++ } END { if (n) printf "%.1f", d / n }' \
    "$tmp/trace4l")
awk -v l="${late:-0}" 'BEGIN { exit !(l >= 79 && l < 95) }' &&
    ok "--midi-latency tala=80: messages leave ${late} ms after their frame" ||
    bad "--midi-latency tala=80: messages leave ${late:-?} ms after their frame"

# ... and a port named on the command line that is not there: exit 3, naming the ports
"$TALA" "$tmp/miss.tala" --midi-clock nosuchport --seconds 1 --no-log >"$tmp/out4b" 2>&1
rc=$?
[ $rc = 3 ] && grep -q "tala: --midi-clock: no MIDI output port named 'nosuchport' (ports: " "$tmp/out4b" &&
    ok "--midi-clock to a port that is not there: exit 3 with the ports there are" ||
    { bad "--midi-clock nosuchport: exit $rc"; cat "$tmp/out4b"; }

# 7. MIDI in: a knob (controller 74) opens the filter; cc() reads it, the session log
#    records it, and a replay of the log sounds the same, bit for bit
printf 'x = note("c2*8").s("saw").lpf(cc(74).range(300, 6000))\nplay x\n' >"$tmp/knob.tala"
"$SEND" knob 0.3:b0:4a:00 3.5:b0:4a:7f >/dev/null 2>&1 &
SPID=$!
sleep 0.5
"$TALA" "$tmp/knob.tala" --midi-in knob --seconds 6.5 --record "$tmp/knob.wav" >"$tmp/out7" 2>&1
rc=$?
wait $SPID
log=$(ls -t "$HOME/.local/share/tala/sessions/"*.tala-session | head -1)
bright() { sox "$tmp/knob.wav" -n trim "$1" "$2" highpass 1500 stat 2>&1 | sed -n 's/RMS *amplitude: *//p'; }
before=$(bright 0.5 2) after=$(bright 4.5 2)
[ $rc = 0 ] && grep -q "^cmd .* cc 1 74 127$" "$log" &&
    awk -v b="$before" -v a="$after" 'BEGIN { exit !(a > 4 * b && a > 0.01) }' &&
    [ "$(grep -c "the MIDI input 'knob.*' went away" "$tmp/out7")" = 1 ] &&
    ok "--midi-in: controller 74 opened the filter (energy above 1.5 kHz $before -> $after), logged; the controller leaving was said once" ||
    { bad "--midi-in: exit $rc, above 1.5 kHz $before -> $after"; grep cc "$log"; cat "$tmp/out7"; }
"$TALA" replay "$log" -o "$tmp/knob-replay.wav" >/dev/null 2>&1
len=$(sox "$tmp/knob.wav" -n stat 2>&1 | sed -n 's/Length (seconds): *//p')
cmp -s <(sox "$tmp/knob.wav" -t f32 - trim 0 6) <(sox "$tmp/knob-replay.wav" -t f32 - trim 0 6) &&
    ok "the replay of its log equals the recording, the knob included (6 s, bit for bit)" ||
    bad "the replay differs from the recording (recorded ${len} s)"
"$TALA" "$tmp/knob.tala" --midi-in nosuchknob --seconds 1 --no-log >"$tmp/out7b" 2>&1
rc=$?
[ $rc = 3 ] && grep -q "no MIDI input port named 'nosuchknob' (ports: " "$tmp/out7b" &&
    ok "--midi-in a port that is not there: exit 3 with the ports there are" ||
    { bad "--midi-in nosuchknob: exit $rc"; cat "$tmp/out7b"; }

# 8. :capture: notes played on a keyboard come back as tala code (the keys from 2 s, after
#    a slow start of a sanitized build has connected to the port)
cat >"$tmp/capture" <<'SCRIPT'
expect > 
sleep 3500
send :capture 2\n
expect note("
send :quit\n
SCRIPT
"$SEND" kbd 2.0:90:3c:64 2.2:80:3c:00 2.5:90:40:64 2.7:80:40:00 3.0:90:43:64 3.2:80:43:00 \
    >/dev/null 2>&1 &
SPID=$!
sleep 0.3
"$DRIVE" "$tmp/capture" "$TALA" --midi-in kbd --no-log >"$tmp/out8" 2>&1
rc=$?
wait $SPID
code=$(tr -d '\r' <"$tmp/out8" | grep -o 'note("[^"]*")' | head -1)
printf 'x = %s\nplay x\n' "$code" >"$tmp/captured.tala"
[ $rc = 0 ] && grep -q 'c4.*e4.*g4' <<<"$code" && "$TALA" check "$tmp/captured.tala" >/dev/null 2>&1 &&
    ok ":capture 2 printed the notes played as code that runs: $code" ||
    { bad ":capture: exit $rc, code '$code'"; tr -d '\r' <"$tmp/out8" | grep -v "^$" | tail -40; }

# 9. a keyboard plays a synth: each key from its arrival (plus a fixed latency) until it is
#    let go, through the voice pool and mixer; the keys are logged and a replay of the log
#    sounds the same, bit for bit
printf 'keys = midiin().s("sine").attack(0.005).release(0.05)\nplay keys\n' >"$tmp/keys.tala"
"$SEND" keys 1.0:90:45:7f 1.5:80:45:00 2.0:90:51:40 2.6:90:51:00 >/dev/null 2>&1 &
SPID=$!
sleep 0.3
"$TALA" "$tmp/keys.tala" --midi-in keys --seconds 3.5 --record "$tmp/keys.wav" >"$tmp/out9" 2>&1
rc=$?
wait $SPID
log=$(ls -t "$HOME/.local/share/tala/sessions/"*.tala-session | head -1)
# the onsets as the log has them, and the length of each held note
on1=$(awk '$1 == "key" && $6 != 0 { print $3; exit }' "$log")
off1=$(awk '$1 == "key" && $6 == 0 { print $3; exit }' "$log")
latency=$(sed -n 's/^# keys sound \(.*\) ms after they arrive$/\1/p' "$log" | head -1)
sox "$tmp/keys.wav" -t f32 -c 1 "$tmp/keys.raw" remix 1 2>/dev/null
first=$(od -An -v -t f4 -w4 "$tmp/keys.raw" | awk '$1 > 1e-6 || $1 < -1e-6 { print NR - 1; exit }')
freq() { sox "$tmp/keys.wav" -n remix 1 trim "$1" 0.2 stat 2>&1 | sed -n 's/Rough *frequency: *//p'; }
f1=$(freq "$(awk -v f="$on1" 'BEGIN { print f / 48000 + 0.1 }')")
f2=$(freq "$(awk -v f="$on1" 'BEGIN { print f / 48000 + 1.1 }')")
[ $rc = 0 ] && [ "$(grep -c '^key ' "$log")" = 4 ] && [ -n "$on1" ] &&
    [ "$first" -ge "$on1" ] && [ "$first" -le $((on1 + 1)) ] &&
    awk -v a="$f1" -v b="$f2" 'BEGIN { exit !(a > 430 && a < 450 && b > 860 && b < 900) }' &&
    ok "a keyboard plays midiin(): a4 then a5 sound from the key's frame $on1 (let go at $off1), $f1 Hz and $f2 Hz, keys $latency ms after they arrive" ||
    { bad "midiin: exit $rc, first sound at $first, key at $on1, $f1 Hz, $f2 Hz"; grep '^key\|^#' "$log"; cat "$tmp/out9"; }
"$TALA" replay "$log" -o "$tmp/keys-replay.wav" >/dev/null 2>&1
cmp -s <(sox "$tmp/keys.wav" -t f32 - trim 0 3.4) <(sox "$tmp/keys-replay.wav" -t f32 - trim 0 3.4) &&
    ok "the replay of its log equals the recording, the keys included (bit for bit)" ||
    bad "the replay of the keys differs from the recording"

# 10. --clock midi:NAME: tala follows a MIDI clock (100 BPM, then 140): it waits after
#     Start until its bars are on the clock's, then plays a note a bar; the tempo it sets
#     (logged) follows the clock's; after Stop nothing plays. The bar notes against the
#     clock's bar ticks (both as a listener gets them) are a figure, not an assertion: JACK
#     hands MIDI over once a period.
printf 'm = note("c4").midi()\nplay m\n' >"$tmp/follow.tala"
# JACK drops MIDI in the periods an xrun skips, many ticks at once on a busy machine (this
# VM's dummy server has 20 to 100 xruns in these 28 s): the tempo must settle within 2 BPM
# (the 1 ms phase is held by the simulated clock of tests/audio/test_midi_clock.c), and a
# run that did not is tried again (3 at most), saying how many xruns it had
for attempt in 1 2 3; do
    "$SEND" clk clock 1.5 100 14.4 140 10.285714 >"$tmp/clockbars" 2>/dev/null &
    SPID=$!
    sleep 0.3
    "$LISTEN" listen 28 >"$tmp/got10" 2>/dev/null &
    LPID=$!
    "$TALA" "$tmp/follow.tala" --clock midi:clk --seconds 28 >"$tmp/out10" 2>&1
    rc=$?
    wait $SPID $LPID
    log=$(ls -t "$HOME/.local/share/tala/sessions/"*.tala-session | head -1)
    # the tempo it set, as the median of eight settings (a beat each): before it rose to
    # 140 (after tala locked on), and at the end
    median8() { sort -n | awk '{ v[NR] = $1 } END { if (NR) print v[int((NR + 1) / 2)] }'; }
    t100=$(awk '$3 == "resume" { on = 1 } on && $3 == "tempo" { if ($5 > 120) exit; print $5 }' "$log" |
        tail -8 | median8)
    tend=$(awk '$1 == "cmd" && $3 == "tempo" { print $5 }' "$log" | tail -8 | median8)
    xruns=$(sed -n 's/.*: \([0-9]*\) xruns.*/\1/p' "$tmp/out10")
    awk -v a="$t100" -v b="$tend" 'BEGIN { exit !(a > 98 && a < 102 && b > 138 && b < 142) }' && break
    echo "     attempt $attempt: tempo ${t100:-none} / ${tend:-none} after ${xruns:-?} xruns: again"
done
stop_ns=$(awk -v b="$(tail -1 "$tmp/clockbars" | cut -d' ' -f1)" 'BEGIN { printf "%.0f", b + 96 * 60 / (140 * 24) * 1e9 }')
after_stop=$(awk -v s="$stop_ns" '$2 == "90" && $1 > s + 100e6' "$tmp/got10" | wc -l)
# each bar note after the first two bars of each tempo, against the nearest bar tick
phase=$(awk 'NR == FNR { bar[n++] = $1; bpm[n - 1] = $2; next }
    $2 == "90" { best = 1e18; for (i = 0; i < n; i++) { d = $1 - bar[i]; if (d * d < best * best) { best = d; k = i } }
                 if (k >= 2 && bpm[k] == bpm[k - 1] && bpm[k] == bpm[k - 2] && best * best < 1e16) {
                     d = best / 1e6; s += d; c++;
                     if (c == 1 || d < lo) lo = d; if (c == 1 || d > hi) hi = d } }
    END { if (c) printf "%d bars: %.2f ms mean, spread %.2f ms", c, s / c, hi - lo }' "$tmp/clockbars" "$tmp/got10")
[ $rc = 0 ] && grep -q "on the MIDI clock at" "$tmp/out10" && [ "$after_stop" = 0 ] &&
    awk -v a="$t100" -v b="$tend" 'BEGIN { exit !(a > 98 && a < 102 && b > 138 && b < 142) }' &&
    [ -n "$phase" ] &&
    ok "--clock midi: locked after Start, tempo $t100 then $tend BPM, silent after Stop; bar notes after the clock's bar ticks: $phase (JACK period $PERIOD frames, $xruns xruns)" ||
    { bad "--clock midi: exit $rc, tempo $t100 / $tend, $after_stop notes after Stop, phase '$phase'"; tail -5 "$tmp/out10"; }

# 11. a port that goes away mid-set (a synth switched off) is said once, the rest plays on
#     (3 notes at least before: a sanitized build on a busy machine starts late);
#     when it is back, tala connects to it again and it gets notes again
printf 'm = note("c4*4").midi("sink")\nd = note("a4*4").s("sine")\nplay m, d\n' >"$tmp/gone.tala"
"$LISTEN" sink 3 - >"$tmp/got11a" 2>/dev/null &
L1=$!
sleep 0.5
"$TALA" "$tmp/gone.tala" --seconds 8 --record "$tmp/gone.wav" --no-log >"$tmp/out11" 2>&1 &
TPID=$!
sleep 4.5
"$LISTEN" sink 5 - >"$tmp/got11b" 2>/dev/null &
L2=$!
wait $TPID
rc=$?
wait $L1 $L2
went=$(grep -c "the MIDI port 'sink.*' went away" "$tmp/out11")
back=$(grep -c "the MIDI port 'sink.*' is back" "$tmp/out11")
ons_a=$(grep -c " 90 3c " "$tmp/got11a") ons_b=$(grep -c " 90 3c " "$tmp/got11b")
late_rms=$(sox "$tmp/gone.wav" -n trim 5.5 2 stat 2>&1 | sed -n 's/RMS *amplitude: *//p')
[ $rc = 0 ] && [ "$went" = 1 ] && [ "$back" = 1 ] && [ "$ons_a" -ge 3 ] && [ "$ons_b" -gt 4 ] &&
    awk -v r="$late_rms" 'BEGIN { exit !(r > 0.05) }' &&
    ok "a MIDI port that went away was said once, the sound played on (RMS $late_rms), and it got notes again when back ($ons_a, then $ons_b)" ||
    { bad "port gone: exit $rc, went $went, back $back, notes $ons_a / $ons_b, RMS $late_rms"; cat "$tmp/out11"; }

# 5. tala midi lists the ports there are: a playing tala's port 'tala' is an input to read
"$TALA" "$tmp/long.tala" --seconds 3 --no-log >/dev/null 2>&1 &
TPID=$!
sleep 1.5
"$TALA" midi >"$tmp/ports" 2>&1
rc=$?
wait $TPID
[ $rc = 0 ] && grep -q "^input .*tala" "$tmp/ports" && ok "tala midi lists the ports, tala's own among the inputs" ||
    { bad "tala midi: exit $rc"; cat "$tmp/ports"; }
echo "$pass passed, $fail failed"
[ $fail = 0 ]
